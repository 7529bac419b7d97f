// Node counterpart of `bench_wire tcp-recv|tcp-send`: @hyperswarm/secret-stream (stand-alone XX) over
// net.Socket on 127.0.0.1, 64 KiB writes; the receiver prints MiB/s from first to last byte.
//   node tcp_node.js recv MiB          (prints "PORT n" first)
//   node tcp_node.js send PORT MiB
'use strict'
const net = require('net')
const NoiseSecretStream = require('@hyperswarm/secret-stream')
const [role, a, b] = process.argv.slice(2)

if (role === 'recv') {
  const total = Number(a) * 1048576
  const server = net.createServer({ allowHalfOpen: true }, (sock) => {
    server.close()
    sock.setNoDelay(true)
    const s = new NoiseSecretStream(false, sock)
    let got = 0; let t0 = 0n; let c0 = null
    s.on('data', (d) => {
      if (got === 0) { t0 = process.hrtime.bigint(); c0 = process.cpuUsage() }
      got += d.byteLength
      if (got >= total) {
        const sec = Number(process.hrtime.bigint() - t0) / 1e9
        const c = process.cpuUsage(c0); const cpuSec = (c.user + c.system) / 1e6
        const mib = got / 1048576
        console.log(JSON.stringify({ impl: 'node', tcpMiBps: +(mib / sec).toFixed(1), tcpRecvCpuMiBps: +(mib / cpuSec).toFixed(1) }))
        s.end()
      }
    })
    s.on('error', () => process.exit(1))
    s.on('close', () => process.exit(0))
  })
  server.listen(0, '127.0.0.1', () => console.log('PORT ' + server.address().port))
} else {
  const sock = net.connect({ port: Number(a), host: '127.0.0.1', allowHalfOpen: true })
  sock.setNoDelay(true)
  const s = new NoiseSecretStream(true, sock)
  const chunk = Buffer.alloc(65536, 1)
  let left = Number(b) * 1048576
  const pump = () => {
    while (left > 0) {
      left -= chunk.byteLength
      if (!s.write(chunk)) { s.once('drain', pump); return }
    }
    s.end()
  }
  s.on('connect', pump)
  s.on('data', () => {})
  s.on('error', () => process.exit(1))
  s.on('close', () => process.exit(0))
}
