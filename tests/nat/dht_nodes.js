// The NAT lab's "public Internet" DHT: a bootstrapper plus persistent hyperdht 6.34 nodes, each
// bound on its own public address of the lab's public segment (like `hyperdht/testnet`, but on
// 10.99.0.x instead of 127.0.0.1).
//
//   node dht_nodes.js PORT HOST1 HOST2 ...
//
// HOST1:PORT runs DHT.bootstrapper; every other HOST gets a persistent, unfirewalled node on PORT.
// Prints `READY HOST1:PORT` on stdout once all nodes are bootstrapped, then runs until stdin
// closes or SIGTERM.
'use strict'
const HyperDHT = require('hyperdht')

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
  process.stdout.write(`READY ${hosts[0]}:${port}\n`)

  const stop = async () => {
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
