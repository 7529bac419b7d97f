// FIND_NODE query latency, npm dht-rpc 6.27 against the C++ node (bench_dht_rpc_query) in the same
// loopback network: starts a hyperdht/testnet of SIZE nodes, then runs each client in a process of
// its own (so neither shares an event loop with the testnet): this script in client mode (an
// ephemeral npm dht-rpc node: bootstrap time, QUERIES sequential FIND_NODEs for random targets),
// then the C++ bench. Prints both JSON lines.
//   node dht_rpc_query_node.js BENCH_EXE [SIZE] [QUERIES]
//   node dht_rpc_query_node.js --client BOOTSTRAP QUERIES          (used by the line above)
'use strict'
const { spawn } = require('child_process')
const crypto = require('crypto')

async function client (bootstrap, queries) {
  const DHT = require('dht-rpc')
  const t0 = process.hrtime.bigint()
  const node = new DHT({ bootstrap: [bootstrap], host: '127.0.0.1' })
  await node.fullyBootstrapped()
  const bootstrapMs = Number(process.hrtime.bigint() - t0) / 1e6
  const ms = []
  let replies = 0
  for (let i = 0; i < queries; i++) {
    const s = process.hrtime.bigint()
    for await (const r of node.findNode(crypto.randomBytes(32))) if (r) replies++
    ms.push(Number(process.hrtime.bigint() - s) / 1e6)
  }
  ms.sort((a, b) => a - b)
  process.stdout.write(JSON.stringify({ impl: 'node', bootstrapMs: Math.round(bootstrapMs), medianMs: +ms[ms.length >> 1].toFixed(2), p90Ms: +ms[Math.floor(ms.length * 0.9)].toFixed(2), avgReplies: +(replies / queries).toFixed(1), tableSize: node.toArray().length }) + '\n')
  await node.destroy()
}

function run (cmd, args) {
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'] })
  let out = ''
  child.stdout.on('data', (d) => { out += d })
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, out })))
}

async function main () {
  if (process.argv[2] === '--client') return client(process.argv[3], Number(process.argv[4]))
  const [exe, size, queries] = [process.argv[2], Number(process.argv[3] || 20), Number(process.argv[4] || 50)]
  const createTestnet = require('hyperdht/testnet')
  const testnet = await createTestnet(size, { host: '127.0.0.1' })
  const bootstrap = `${testnet.bootstrap[0].host}:${testnet.bootstrap[0].port}`
  const js = await run(process.execPath, [__filename, '--client', bootstrap, String(queries)])
  const cpp = await run(exe, ['--bootstrap', bootstrap, '--queries', String(queries)])
  process.stdout.write(js.out + cpp.out)
  await testnet.destroy()
  process.exit(js.code || cpp.code)
}

main().catch((e) => { console.error(e); process.exit(1) })
