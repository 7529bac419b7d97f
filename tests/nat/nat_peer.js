// A Node hyperdht 6.34 peer for the NAT lab, with the same interface as `pluresdb-cli dht`:
//
//   node nat_peer.js listen --bootstrap HOST:PORT[,...] [--seed HEX] [--relay-through KEY_HEX]
//   node nat_peer.js connect PUBLIC_KEY_HEX --bootstrap HOST:PORT[,...] [--relay-through KEY_HEX]
//
// --relay-through: hyperdht's `relayThrough`, a blind relay (by its public key) to pair through
// when holepunching cannot work; PATH then says `relay`.
//
// listen prints `PUBLIC_KEY <hex>` as stdout line 1 once the server is announced; the first
// connection (either side) prints `REMOTE <hex>`, `PATH <kind> [strategy]` and `ADDRESS host:port`
// on stderr, then stdin is copied to the connection and the connection to stdout; the process
// exits 0 once both directions have ended. A failed connect prints `ERROR <code> <message>` on
// stderr and exits 1. The DHT node only ever talks to the given bootstrap nodes (the lab's
// "public" namespace): nothing leaves the namespaces the lab creates.
'use strict'
const HyperDHT = require('hyperdht')
const Holepuncher = require('hyperdht/lib/holepuncher')
const { FIREWALL } = require('hyperdht/lib/constants')
const b4a = require('b4a')

// Instrumentation only: remember which UDP sockets belong to a holepuncher (hyperdht's
// stats.punches miss a hole opened already in the probe round, which is what happens between two
// consistent NATs one hop apart, and the responder never counts anything).
const puncherOf = new Map()
let lastPuncher = null
const addRef = Holepuncher.prototype._addRef
Holepuncher.prototype._addRef = function (ref) {
  puncherOf.set(ref.socket, this)
  lastPuncher = this
  return addRef.call(this, ref)
}
// Raw streams whose blind-relay pairing completed (hyperdht then connects them through the relay).
const relayed = new Set()
const BlindRelay = require('blind-relay')
const pair = BlindRelay.Client.prototype.pair
BlindRelay.Client.prototype.pair = function (isInitiator, token, stream) {
  const request = pair.call(this, isInitiator, token, stream)
  request.on('data', () => relayed.add(stream))
  return request
}

const FIREWALL_NAMES = ['unknown', 'open', 'consistent', 'random']
// `NAT local <class> remote <class>` as the last holepuncher saw them (after a failure: why).
function natLine () {
  if (!lastPuncher) return 'NAT none'
  const name = (f) => FIREWALL_NAMES[f] || String(f)
  return `NAT local ${name(lastPuncher.nat.firewall)} remote ${name(lastPuncher.remoteFirewall)}`
}

const hex = (b) => b4a.toString(b, 'hex')

function usage (msg) {
  process.stderr.write(`nat_peer: ${msg}\n` +
    'usage: nat_peer.js listen --bootstrap H:P[,...] [--seed HEX]\n' +
    '       nat_peer.js connect PUBKEY --bootstrap H:P[,...]\n')
  process.exit(2)
}

function parseArgs (argv) {
  const out = { mode: argv[0], positional: [] }
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--bootstrap' || a === '--seed' || a === '--relay-through') {
      if (i + 1 >= argv.length) usage(`${a} needs a value`)
      out[a.slice(2)] = argv[++i]
    } else if (a.startsWith('--')) {
      usage(`unknown option ${a}`)
    } else {
      out.positional.push(a)
    }
  }
  if (!out.bootstrap) usage('--bootstrap is required (the lab never uses the public DHT)')
  out.bootstrap = out.bootstrap.split(',').map((s) => {
    const i = s.lastIndexOf(':')
    const port = Number(s.slice(i + 1))
    if (i <= 0 || !Number.isInteger(port) || port <= 0 || port > 65535) usage(`bad bootstrap ${s}`)
    return { host: s.slice(0, i), port }
  })
  return out
}

// How the connection was made: its UDX stream runs on a puncher socket (strategy from the two
// NAT classes, as hyperdht chooses it), else hyperdht's "remote is open" counter, else direct.
function pathOf (dht, socket, before) {
  if (relayed.has(socket.rawStream)) return 'relay'
  const puncher = puncherOf.get(socket.rawStream.socket)
  if (puncher) {
    if (puncher.nat.firewall === FIREWALL.RANDOM) return 'holepunch birthday'
    if (puncher.remoteFirewall === FIREWALL.RANDOM) return 'holepunch random'
    return 'holepunch consistent'
  }
  if (dht.stats.punches.open > before.open) return 'direct open'
  return 'direct'
}

// Exits 0 once the connection has closed (both directions ended and our writes acknowledged)
// and everything received has been written to stdout.
function pipe (dht, socket, before) {
  let pending = 2
  const done = () => {
    if (--pending > 0) return
    dht.destroy().then(() => process.exit(0), () => process.exit(0))
  }
  socket.on('open', () => {
    const raw = socket.rawStream
    process.stderr.write(`REMOTE ${hex(socket.remotePublicKey)}\n`)
    process.stderr.write(`PATH ${pathOf(dht, socket, before)}\n`)
    process.stderr.write(`ADDRESS ${raw.remoteHost}:${raw.remotePort}\n`)
  })
  socket.on('error', (err) => {
    process.stderr.write(`${natLine()}\nERROR ${err.code || 'ERROR'} ${err.message}\n`)
    process.exit(1)
  })
  socket.on('data', (d) => { if (!process.stdout.write(d)) { socket.pause(); process.stdout.once('drain', () => socket.resume()) } })
  socket.on('end', () => process.stdout.write('', done))
  socket.on('close', done)
  process.stdin.pipe(socket)
}

async function main () {
  const args = parseArgs(process.argv.slice(2))
  const dht = new HyperDHT({ bootstrap: args.bootstrap })
  const relayThrough = args['relay-through'] ? b4a.from(args['relay-through'], 'hex') : null
  const before = { ...dht.stats.punches }
  process.on('SIGTERM', () => dht.destroy().then(() => process.exit(143)))

  if (args.mode === 'listen') {
    const keyPair = args.seed ? HyperDHT.keyPair(b4a.from(args.seed, 'hex')) : HyperDHT.keyPair()
    let taken = false
    const server = dht.createServer({ relayThrough }, (socket) => {
      if (taken) { socket.destroy(); return }
      taken = true
      pipe(dht, socket, before)
    })
    await server.listen(keyPair)
    process.stdout.write(`PUBLIC_KEY ${hex(keyPair.publicKey)}\n`)
  } else if (args.mode === 'connect') {
    if (args.positional.length !== 1 || !/^[0-9a-f]{64}$/i.test(args.positional[0])) usage('connect needs a 64-hex public key')
    const socket = dht.connect(b4a.from(args.positional[0], 'hex'), { relayThrough })
    pipe(dht, socket, before)
  } else {
    usage(`unknown mode ${args.mode}`)
  }
}

main().catch((err) => {
  process.stderr.write(`ERROR ${err.code || 'ERROR'} ${err.message}\n`)
  process.exit(1)
})
