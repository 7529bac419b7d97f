// Node twin of bench_hyperdht_connect: hyperdht/testnet (6 nodes on 127.0.0.1), one server, N fresh
// client nodes; a sample is dht.connect(publicKey) until the socket's 'open' event (the server's
// secret-stream header arrived). One JSON line:  node hyperdht_connect_node.js [RUNS]
'use strict'
const HyperDHT = require('hyperdht')
const createTestnet = require('hyperdht/testnet')

async function main () {
  const runs = Number(process.argv[2] || 20)
  const testnet = await createTestnet(6, { host: '127.0.0.1' })
  const bootstrap = testnet.bootstrap
  const serverNode = new HyperDHT({ ephemeral: true, bootstrap, host: '127.0.0.1' })
  await serverNode.fullyBootstrapped()
  const server = serverNode.createServer((s) => { s.on('error', () => {}); s.end() })
  await server.listen()
  const samples = []
  let failures = 0
  for (let i = 0; i < runs; i++) {
    const client = new HyperDHT({ ephemeral: true, bootstrap, host: '127.0.0.1' })
    await client.fullyBootstrapped()
    const start = process.hrtime.bigint()
    try {
      await new Promise((resolve, reject) => {
        const s = client.connect(server.publicKey)
        s.on('error', reject)
        s.once('open', () => { samples.push(Number(process.hrtime.bigint() - start) / 1e6); s.end(); resolve() })
      })
    } catch { failures++ }
    await new Promise((resolve) => setTimeout(resolve, 50))
    await client.destroy()
  }
  samples.sort((a, b) => a - b)
  const median = samples.length ? samples[Math.floor(samples.length / 2)] : 0
  console.log(JSON.stringify({ figure: 'connect_ms_loopback', impl: 'node', median, n: samples.length, failures, min: samples[0], max: samples[samples.length - 1] }))
  await server.close()
  await serverNode.destroy()
  await testnet.destroy()
}
main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1) })
