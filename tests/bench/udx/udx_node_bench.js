// Node end of the UDX benchmark (bench_udx.py), same interface as udx_bench (C++):
//   node udx_node_bench.js recv MIB | send PORT MIB | echo | ping PORT ROUNDS
// udx-native streams on 127.0.0.1; ids: receiver/echo 2, sender/pinger 1; the receiving end
// learns its remote from the first packet through the firewall hook. With --secure (recv, send) the
// bytes go through @hyperswarm/secret-stream (Noise XX in-band) over the udx-native stream; the sender
// is the initiator. Retransmits are still the UDX stream's.
const UDX = require('udx-native')
const NoiseSecretStream = require('@hyperswarm/secret-stream')

const argv = process.argv.slice(2)
const secure = argv.includes('--secure')
const [mode, a1, a2] = argv.filter((a) => a !== '--secure')
const udx = new UDX()
const socket = udx.createSocket()
socket.bind(0, '127.0.0.1')
const listener = mode === 'recv' || mode === 'echo'
let stream
const opts = {}
if (listener) {
  opts.firewall = (sock, port, host) => {
    if (!stream.connected) stream.connect(sock, 1, port, host)
    return false
  }
}
stream = udx.createStream(listener ? 2 : 1, opts)
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6 }
stream.on('error', (e) => { console.error('udx_node_bench:', e.code || e); process.exit(1) })
stream.on('close', () => { socket.close(); setTimeout(() => process.exit(0), 20) })
if (listener) console.log('PORT ' + socket.address().port)
else stream.connect(socket, 2, Number(a1), '127.0.0.1')
// `io` carries the benchmark's bytes: the udx stream or a secret-stream over it.
let io = stream
if (secure) {
  io = new NoiseSecretStream(!listener, stream)
  io.on('error', (e) => { console.error('udx_node_bench:', e.message || e); process.exit(1) })
}

if (mode === 'recv') {
  const total = Number(a1) * 1048576
  let got = 0
  let t0 = 0n
  io.on('data', (d) => {
    if (got === 0) t0 = process.hrtime.bigint()
    got += d.byteLength
    if (got >= total && t0 !== -1n) {
      const sec = Number(process.hrtime.bigint() - t0) / 1e9
      t0 = -1n
      console.log(JSON.stringify({ side: 'recv', MiB: total / 1048576, seconds: +sec.toFixed(3), MiBps: +(total / 1048576 / sec).toFixed(1), cpuSec: +cpu().toFixed(2) }))
      io.end()
    }
  })
} else if (mode === 'send') {
  const total = Number(a2) * 1048576
  const chunk = Buffer.alloc(65536, 0x5a)
  let sent = 0
  const pump = () => {
    while (sent < total) {
      sent += chunk.length
      if (!io.write(chunk)) { io.once('drain', pump); return }
    }
    io.end()
  }
  io.on('data', () => {})
  stream.on('close', () => {
    console.log(JSON.stringify({ side: 'send', packets: stream.packetsTransmitted, retransmits: stream.retransmits, retransmitPct: +(100 * stream.retransmits / Math.max(1, stream.packetsTransmitted)).toFixed(3), mtu: stream.mtu, rtoCount: stream.rtoCount, cpuSec: +cpu().toFixed(2) }))
  })
  pump()
} else if (mode === 'echo') {
  stream.on('data', (d) => stream.write(d))
  stream.on('end', () => stream.end())
} else if (mode === 'ping') {
  const rounds = Number(a2)
  const msg = Buffer.alloc(64, 1)
  const rtts = []
  let t0 = 0n
  let pending = 0
  const go = () => { t0 = process.hrtime.bigint(); stream.write(msg) }
  stream.on('data', (d) => {
    pending += d.byteLength
    if (pending < 64) return
    pending = 0
    rtts.push(Number(process.hrtime.bigint() - t0) / 1000)
    if (rtts.length === rounds) {
      rtts.sort((x, y) => x - y)
      const avg = rtts.reduce((x, y) => x + y, 0) / rtts.length
      console.log(JSON.stringify({ side: 'ping', rounds, rttP50Us: Math.round(rtts[rtts.length >> 1]), rttP99Us: Math.round(rtts[Math.floor(rtts.length * 0.99)]), rttAvgUs: Math.round(avg) }))
      stream.end()
      return
    }
    go()
  })
  stream.on('end', () => {})
  setTimeout(go, 300)
}
