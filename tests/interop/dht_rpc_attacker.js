// Misbehaving sender for test_dht_rpc_robustness.cpp: raw UDP datagrams at a C++ dht-rpc node.
//   node dht_rpc_attacker.js '{"node":"127.0.0.1:PORT"}'
// Prints {"ready":true,"genuine":PORT} and then, from one socket, sends: non-dht-rpc garbage,
// truncated requests/responses, an internal command the node does not know, an application command
// (no handler), a request with a forged token, and a PING; it collects the node's answers.
// Meanwhile the test makes the node PING our "genuine" socket: a second socket forges a response
// with the right tid first, then the genuine socket answers. Prints one JSON summary and exits.
'use strict'
const dgram = require('dgram')
const c = require('compact-encoding')
const peer = require('dht-rpc/lib/peer')

const config = JSON.parse(process.argv[2])
const [nodeHost, nodePortStr] = config.node.split(':')
const nodePort = Number(nodePortStr)
const out = (o) => process.stdout.write(JSON.stringify(o) + '\n')

function request ({ tid, internal, command, target, token, value }) {
  const parts = [Buffer.from([0x03, (token ? 2 : 0) | (internal ? 4 : 0) | (target ? 8 : 0) | (value ? 16 : 0)])]
  const t = Buffer.alloc(2); t.writeUInt16LE(tid)
  parts.push(t, c.encode(c.ipv4Address, { host: nodeHost, port: nodePort }))
  if (token) parts.push(token)
  parts.push(c.encode(c.uint, command))
  if (target) parts.push(target)
  if (value) parts.push(c.encode(c.buffer, value))
  return Buffer.concat(parts)
}

function response ({ tid, to }) {
  const t = Buffer.alloc(2); t.writeUInt16LE(tid)
  return Buffer.concat([Buffer.from([0x13, 0]), t, c.encode(c.ipv4Address, to)])
}

function decodeResponse (buf) {
  if (buf[0] !== 0x13) return null
  const state = { start: 1, end: buf.length, buffer: buf }
  const flags = c.uint.decode(state)
  const tid = c.uint16.decode(state)
  const to = c.ipv4Address.decode(state)
  const id = flags & 1 ? c.fixed32.decode(state) : null
  const token = flags & 2 ? c.fixed32.decode(state) : null
  const closerNodes = flags & 4 ? peer.ipv4Array.decode(state) : []
  const error = flags & 8 ? c.uint.decode(state) : 0
  return { tid, to: `${to.host}:${to.port}`, id: !!id, token: !!token, closerNodes: closerNodes.length, error }
}

function decodeRequestTid (buf) {
  if (buf[0] !== 0x03) return null
  const state = { start: 1, end: buf.length, buffer: buf }
  c.uint.decode(state)
  return c.uint16.decode(state)
}

async function main () {
  const attacker = dgram.createSocket('udp4')
  const genuine = dgram.createSocket('udp4')
  const forger = dgram.createSocket('udp4')
  await Promise.all([attacker, genuine, forger].map((s) => new Promise((resolve) => s.bind(0, '127.0.0.1', resolve))))

  const replies = {}
  attacker.on('message', (buf) => {
    const r = decodeResponse(buf)
    if (r) replies[r.tid] = r
  })

  let forged = false
  const forgeryDone = new Promise((resolve) => {
    genuine.on('message', (buf, rinfo) => {
      const tid = decodeRequestTid(buf)
      if (tid === null || forged) return
      forged = true
      // The forger answers first, with the right tid, from an address the request did not go to.
      forger.send(response({ tid, to: { host: '6.6.6.6', port: 666 } }), rinfo.port, rinfo.address)
      setTimeout(() => {
        genuine.send(response({ tid, to: { host: rinfo.address, port: rinfo.port } }), rinfo.port, rinfo.address)
        resolve()
      }, 300)
    })
  })

  out({ ready: true, genuine: genuine.address().port })

  const send = (buf) => attacker.send(buf, nodePort, nodeHost)
  const target = Buffer.alloc(32, 7)
  // 1. Not dht-rpc at all, 2. a truncated request, 3. a truncated response, 4. a request whose
  // target is cut short: all dropped and counted; none gets an answer.
  send(Buffer.from('hello, this is not a dht-rpc datagram'))
  send(Buffer.from([0x03, 0x0c, 0x01]))
  send(Buffer.from([0x13, 0x04, 0x02, 0x00, 127, 0, 0, 1, 1]))
  send(request({ tid: 4, internal: true, command: 2, target }).subarray(0, 20))
  for (let i = 0; i < 20; i++) send(Buffer.concat([Buffer.from([i & 1 ? 0x03 : 0x13]), Buffer.alloc(i + 1, 0xff)]))
  // 5. An internal command that does not exist, 6. an application command with no handler,
  // 7. a forged token, 8. a PING after all that.
  send(request({ tid: 5, internal: true, command: 99, target }))
  send(request({ tid: 6, internal: false, command: 1234, target }))
  send(request({ tid: 7, internal: false, command: 1234, target, token: Buffer.alloc(32, 1) }))
  send(request({ tid: 8, internal: true, command: 0 }))

  const deadline = Date.now() + 30000
  while (Date.now() < deadline && !(replies[8] && forged)) await new Promise((resolve) => setTimeout(resolve, 50))
  if (forged) await forgeryDone
  await new Promise((resolve) => setTimeout(resolve, 500))
  out({ replies, forged })
  for (const s of [attacker, genuine, forger]) s.close()
}

main().catch((e) => { process.stderr.write(String(e && e.stack || e) + '\n'); process.exit(1) })
