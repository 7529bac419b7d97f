// Node dht-rpc/hyperdht nodes for the C++ DhtNode interop tests (test_dht_rpc_*.cpp). 127.0.0.1 only.
//   node dht_rpc_peer.js '{"testnet":5}'                         a hyperdht/testnet of 5 nodes
//   node dht_rpc_peer.js '{"bootstrap":["127.0.0.1:P"],"nodes":3,"ephemeral":false,"kind":"dht-rpc"}'
// Prints one JSON line {"ready":true,"bootstrap":[...],"ports":[...]} once every node is bootstrapped,
// then answers line commands on stdin with one JSON line each:
//   tables            every node's routing table (host:port list), ephemeral and firewalled flags
//   findnode HEX      a FIND_NODE query for target HEX from every node: replies and closest nodes
//   quit              destroy the nodes and exit
'use strict'
const readline = require('readline')
const b4a = require('b4a')

const config = JSON.parse(process.argv[2] || '{}')
const out = (o) => process.stdout.write(JSON.stringify(o) + '\n')
const addr = (n) => `${n.host}:${n.port}`

async function main () {
  let nodes = []
  let bootstrap = []
  if (config.testnet) {
    const createTestnet = require('hyperdht/testnet')
    const testnet = await createTestnet(config.testnet, { host: '127.0.0.1' })
    nodes = testnet.nodes
    bootstrap = testnet.bootstrap.map(addr)
  } else {
    const DHT = config.kind === 'hyperdht' ? require('hyperdht') : require('dht-rpc')
    bootstrap = config.bootstrap
    const opts = { bootstrap, host: '127.0.0.1' }
    if (config.ephemeral !== undefined) opts.ephemeral = config.ephemeral
    for (let i = 0; i < (config.nodes || 1); i++) {
      const node = new DHT({ ...opts })
      await node.fullyBootstrapped()
      nodes.push(node)
    }
  }
  out({ ready: true, bootstrap, ports: nodes.map((n) => n.address().port), serverPorts: nodes.map((n) => n.io.serverSocket.address().port) })

  const rl = readline.createInterface({ input: process.stdin })
  for await (const line of rl) {
    const [cmd, arg] = line.trim().split(/\s+/)
    if (cmd === 'tables') {
      out({ tables: nodes.map((n) => ({ port: n.io.serverSocket.address().port, ephemeral: n.ephemeral, firewalled: n.firewalled, table: n.toArray().map(addr) })) })
    } else if (cmd === 'findnode') {
      const target = b4a.from(arg, 'hex')
      const results = await Promise.all(nodes.map(async (n) => {
        const q = n.findNode(target)
        let replies = 0
        const from = []
        try {
          for await (const r of q) { replies++; from.push(addr(r.from)) }
        } catch (e) { return { error: e.message, replies } }
        return { replies, from, closest: q.closestNodes.map(addr) }
      }))
      out({ findnode: results })
    } else if (cmd === 'quit') {
      break
    }
  }
  for (const n of nodes.reverse()) await n.destroy()
  out({ bye: true })
  process.exit(0)
}

main().catch((e) => { process.stderr.write(String(e && e.stack || e) + '\n'); process.exit(1) })
