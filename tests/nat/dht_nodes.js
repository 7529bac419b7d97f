// The NAT lab's "public Internet" DHT: a bootstrapper plus persistent hyperdht 6.34 nodes, each
// bound on its own public address of the lab's public segment (like `hyperdht/testnet`, but on
// 10.99.0.x instead of 127.0.0.1).
//
//   node dht_nodes.js PORT HOST1 HOST2 ...
//
// HOST1:PORT runs DHT.bootstrapper; every other HOST gets a persistent, unfirewalled node on PORT.
// The last node also runs a blind relay (npm blind-relay, what hyperdht's `relayThrough` pairs
// through). Prints `READY HOST1:PORT <relay public key hex>` on stdout once all nodes are
// bootstrapped and the relay listens, then runs until stdin closes or SIGTERM.
'use strict'
const HyperDHT = require('hyperdht')
const BlindRelay = require('blind-relay')
const b4a = require('b4a')

async function main () {
  const port = Number(process.argv[2])
  const hosts = process.argv.slice(3)
  if (!Number.isInteger(port) || hosts.length < 1) {
    process.stderr.write('usage: dht_nodes.js PORT HOST1 [HOST2 ...]\n')
    process.exit(2)
  }
  const nodes = []
  const first = HyperDHT.bootstrapper(port, hosts[0], { host: hosts[0] })
  nodes.push(first)
  await first.fullyBootstrapped()
  const bootstrap = [{ host: hosts[0], port }]
  for (const host of hosts.slice(1)) {
    const node = new HyperDHT({ ephemeral: false, firewalled: false, bootstrap, host, port })
    nodes.push(node)
    await node.fullyBootstrapped()
  }
  const relayNode = nodes[nodes.length - 1]
  const relay = new BlindRelay.Server({ createStream: (opts) => relayNode.createRawStream({ ...opts, framed: true }) })
  const relayServer = relayNode.createServer((socket) => {
    const session = relay.accept(socket, { id: socket.remotePublicKey })
    session.on('error', () => {})
    socket.on('error', () => {})
  })
  const relayKeys = HyperDHT.keyPair()
  await relayServer.listen(relayKeys)
  process.stdout.write(`READY ${hosts[0]}:${port} ${b4a.toString(relayKeys.publicKey, 'hex')}\n`)

  const stop = async () => {
    await relayServer.close()
    for (const n of nodes.reverse()) await n.destroy()
    process.exit(0)
  }
  process.on('SIGTERM', stop)
  process.stdin.on('end', stop)
  process.stdin.resume()
}

main().catch((err) => {
  process.stderr.write(`dht_nodes: ${err.stack || err}\n`)
  process.exit(1)
})
