// Node peer for interop_udx: a udx-native stream on 127.0.0.1 driven by one JSON argument.
//   { mode, id, remoteId, remotePort|null, size }
// Prints "READY <port>" once bound; when remotePort is null the stream learns its remote from
// the first packet through the firewall hook (as hyperdht does). Ends with one JSON line:
//   { sent, received, sentHash, recvHash, ended, error, messages }
// Modes: transfer (send `size` random bytes and end, hash what arrives), reset-peer (destroy after
// the first data), expect-reset (wait for the peer to destroy), echo-messages (answer every
// MESSAGE with "echo:" + it, then send "from-node").
const UDX = require('udx-native')
const crypto = require('crypto')

const cfg = JSON.parse(process.argv[2])
const udx = new UDX()
const socket = udx.createSocket()
socket.bind(0, '127.0.0.1')

let stream
const opts = {}
if (cfg.remotePort == null) {
  opts.firewall = (sock, port, host) => {
    if (!stream.connected) stream.connect(sock, cfg.remoteId, port, host)
    return false
  }
}
stream = udx.createStream(cfg.id, opts)

const recvHash = crypto.createHash('sha256')
const sentHash = crypto.createHash('sha256')
const result = { sent: 0, received: 0, ended: false, error: null, messages: [] }
let finished = false
function finish () {
  if (finished) return
  finished = true
  result.sentHash = sentHash.digest('hex')
  result.recvHash = recvHash.digest('hex')
  process.stdout.write(JSON.stringify(result) + '\n')
  socket.close()
  setTimeout(() => process.exit(0), 50)
}

stream.on('data', (d) => {
  recvHash.update(d)
  result.received += d.byteLength
  if (cfg.mode === 'reset-peer' && result.received > 0) stream.destroy()
})
stream.on('end', () => { result.ended = true })
stream.on('error', (e) => { result.error = e.code || String(e) })
stream.on('close', finish)
stream.on('message', (m) => {
  result.messages.push(m.toString())
  if (cfg.mode === 'echo-messages') {
    stream.send(Buffer.concat([Buffer.from('echo:'), m]))
    stream.send(Buffer.from('from-node'))
  }
})

function pump () {
  const chunk = 65536
  while (result.sent < cfg.size) {
    const n = Math.min(chunk, cfg.size - result.sent)
    const buf = crypto.randomBytes(n)
    sentHash.update(buf)
    result.sent += n
    if (!stream.write(buf)) { stream.once('drain', pump); return }
  }
  stream.end()
}

process.stdout.write('READY ' + socket.address().port + '\n')
if (cfg.remotePort != null) stream.connect(socket, cfg.remoteId, cfg.remotePort, '127.0.0.1')
if (cfg.mode === 'transfer') {
  if (stream.connected) pump()
  else stream.once('connect', pump)
}
setTimeout(() => { result.error = result.error || 'node peer timeout'; finish() }, cfg.timeoutMs || 60000)
