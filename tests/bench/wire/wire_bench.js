// The Node half of tests/bench/wire/run.sh: the same operations as bench_wire.cpp with the npm
// packages (noise-handshake + noise-curve-ed, @hyperswarm/secret-stream, sodium-secretstream), one JSON line.
//   node wire_bench.js [MiB per record run, default 128]
'use strict'
const b4a = require('b4a')
const sodium = require('sodium-native')
const curve = require('noise-curve-ed')
const Noise = require('noise-handshake')
const { Duplex } = require('streamx')
const NoiseSecretStream = require('@hyperswarm/secret-stream')
const { Push, Pull } = require('sodium-secretstream')
const { NS } = require('hyperdht/lib/constants')

const MIB = Number(process.argv[2]) || 128
const now = () => Number(process.hrtime.bigint()) / 1e6
// CPU time of the whole process (ms): steadier than wall time on a shared machine; bench_wire
// reports the same quantity (CLOCK_PROCESS_CPUTIME_ID).
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000 }

function kp () {
  const publicKey = b4a.alloc(32); const secretKey = b4a.alloc(64)
  sodium.crypto_sign_keypair(publicKey, secretKey)
  return { publicKey, secretKey }
}

function perOp (n, fn) {
  for (let k = 0; k < 50; k++) fn()
  const t0 = now(); const c0 = cpu()
  for (let k = 0; k < n; k++) fn()
  return { wall: (now() - t0) / n, cpu: (cpu() - c0) / n }
}

const client = kp(); const server = kp()
const payload = b4a.alloc(40, 1)

const ik = perOp(1000, () => {
  const i = new Noise('IK', true, client, { curve }); const r = new Noise('IK', false, server, { curve })
  i.initialise(NS.PEER_HANDSHAKE, server.publicKey); r.initialise(NS.PEER_HANDSHAKE)
  r.recv(i.send(payload)); i.recv(r.send(payload))
  if (!b4a.equals(i.hash, r.hash)) throw new Error('mismatch')
})
const xx = perOp(1000, () => {
  const i = new Noise('XX', true, client, { curve }); const r = new Noise('XX', false, server, { curve })
  i.initialise(b4a.alloc(0)); r.initialise(b4a.alloc(0))
  r.recv(i.send()); i.recv(r.send()); r.recv(i.send())
  if (!b4a.equals(i.hash, r.hash)) throw new Error('mismatch')
})

// For reference: one noise-curve-ed DH and one key pair (a handshake's floor, see bench_wire.cpp).
const dh = perOp(2000, () => curve.dh(server.publicKey, client))
const keyPair = perOp(2000, () => curve.generateKeyPair())

// An in-memory duplex pair: what one side writes is pushed to the other.
function pipePair () {
  let a = null; let b = null
  a = new Duplex({ write (data, cb) { b.push(data); cb(null) }, final (cb) { b.push(null); cb(null) } })
  b = new Duplex({ write (data, cb) { a.push(data); cb(null) }, final (cb) { a.push(null); cb(null) } })
  return [a, b]
}

function records (size) {
  return new Promise((resolve) => {
    const [ra, rb] = pipePair()
    const tx = b4a.alloc(32, 1); const rx = b4a.alloc(32, 2); const hash = b4a.alloc(64, 3)
    const w = new NoiseSecretStream(true, ra, { handshake: { tx, rx, hash, publicKey: client.publicKey, remotePublicKey: server.publicKey } })
    const r = new NoiseSecretStream(false, rb, { handshake: { tx: rx, rx: tx, hash, publicKey: server.publicKey, remotePublicKey: client.publicKey } })
    const n = Math.floor(MIB * 1048576 / size)
    const record = b4a.alloc(size, 1)
    let got = 0; let t0 = 0; let c0 = 0
    r.on('data', (d) => {
      got += d.byteLength
      if (got === n * size) {
        const s = (now() - t0) / 1000; const cs = (cpu() - c0) / 1000
        w.destroy(); r.destroy()
        resolve({ wall: +(got / 1048576 / s).toFixed(1), cpu: +(got / 1048576 / cs).toFixed(1) })
      }
    })
    w.opened.then(() => {
      t0 = now(); c0 = cpu()
      let i = 0
      const pump = () => {
        while (i < n) {
          i++
          if (!w.write(record)) { w.once('drain', pump); return }
        }
      }
      pump()
    })
  })
}

function crypto (size) {
  const key = b4a.alloc(32, 5)
  const push = new Push(key); const pull = new Pull(key); pull.init(push.header)
  const msg = b4a.alloc(size, 1); const c = b4a.alloc(size + 17); const out = b4a.alloc(size)
  const n = Math.max(1000, Math.floor(MIB * 1048576 / size))
  const t0 = now(); const c0 = cpu()
  for (let i = 0; i < n; i++) { push.next(msg, c); pull.next(c, out) }
  const mib = (n * size) / 1048576
  return { wall: +(mib / ((now() - t0) / 1000)).toFixed(1), cpu: +(mib / ((cpu() - c0) / 1000)).toFixed(1) }
}

async function main () {
  const out = { impl: 'node', ikMs: +ik.wall.toFixed(4), ikCpuMs: +ik.cpu.toFixed(4), xxMs: +xx.wall.toFixed(4), xxCpuMs: +xx.cpu.toFixed(4), dhCpuMs: +dh.cpu.toFixed(5), kpCpuMs: +keyPair.cpu.toFixed(5) }
  for (const size of [1024, 65536]) {
    const r = await records(size); const c = crypto(size)
    out['records' + size + 'MiBps'] = r.wall; out['records' + size + 'CpuMiBps'] = r.cpu
    out['crypto' + size + 'MiBps'] = c.wall; out['crypto' + size + 'CpuMiBps'] = c.cpu
  }
  console.log(JSON.stringify(out))
}
main()
