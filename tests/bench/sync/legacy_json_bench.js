// Sync benchmark (issue #7), the Node side: two PluresDB 2.x JSON peers (tests/interop/
// legacy_json_peer.js: newline-delimited JSON over @hyperswarm/secret-stream on TCP 127.0.0.1) in
// one process, on the same workload as bench_sync: a fresh peer receives N records of about 200 B
// (time from dialling until it holds all N), then M sequential live puts (latency until the other
// peer applied each). In-memory stores (2.x's own persistence is not part of this protocol).
// Prints one JSON line.  node legacy_json_bench.js [N=100000] [M=1000]
'use strict'
const net = require('net')
const path = require('path')
const { LegacyPeer } = require(path.join(__dirname, '../../interop/legacy_json_peer.js'))

const N = Number(process.argv[2] || 100000)
const M = Number(process.argv[3] || 1000)
const pad = 'x'.repeat(170)

let onApplied = () => {}
const a = new LegacyPeer()
const b = new LegacyPeer({ onApplied: (id) => onApplied(id) })
for (let i = 0; i < N; i++) {
  const id = 'rec' + String(i).padStart(7, '0')
  const now = Date.now()
  a.nodes.set(id, { id, data: { payload: pad, i }, timestamp: now, state: { payload: now, i: now }, vectorClock: { [a.originId]: i + 1 } })
}

const server = net.createServer((socket) => a.attach(socket, false))
server.listen(0, '127.0.0.1', () => {
  const t0 = process.hrtime.bigint()
  let done = false
  onApplied = () => {
    if (!done && b.nodes.size >= N) {
      done = true
      const catchUpMs = Number(process.hrtime.bigint() - t0) / 1e6
      live(catchUpMs)
    }
  }
  b.attach(net.connect(server.address().port, '127.0.0.1'), true)
})

function live (catchUpMs) {
  const records = b.nodes.size
  const lat = []
  let i = 0
  let start = 0n
  const next = () => {
    if (i === M) {
      lat.sort((x, y) => x - y)
      console.log(JSON.stringify({
        impl: 'Node PluresDB 2.x JSON protocol',
        records,
        catchUpMs,
        liveOps: M,
        liveP50Ms: lat[Math.floor(lat.length / 2)],
        liveP99Ms: lat[Math.min(lat.length - 1, Math.floor(lat.length * 99 / 100))]
      }))
      process.exit(0)
    }
    const id = 'live' + i
    onApplied = (got) => {
      if (got !== id) return
      lat.push(Number(process.hrtime.bigint() - start) / 1e6)
      i++
      setImmediate(next)
    }
    start = process.hrtime.bigint()
    a.put(id, { payload: pad, i })
  }
  next()
}
