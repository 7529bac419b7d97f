#!/usr/bin/env python3
"""UDX benchmark, C++ (udx_bench) and Node (udx-native, udx_node_bench.js) side by side in one run.

Builds nothing: build first (cmake --build --preset default), and install the Node packages
(cd tests/interop && npm ci). Everything runs on 127.0.0.1, each end in its own process.

    tests/bench/udx/bench_udx.py [--runs 5] [--mib 256] [--rounds 5000]

Prints, per stack: throughput of each run and the median (MiB/s, measured by the receiver from
first to last byte), retransmitted packets (sender), CPU seconds of sender and receiver, and the
64-byte ping-pong round trip p50/p99; then the C++/Node ratios. The same transfer also runs through
a secret-stream (Noise XX handshake in-band, XChaCha20-Poly1305 records) over the UDX stream: rows
"C++ ss" (SecretStream over UdxStream, both ends) and "Node ss" (@hyperswarm/secret-stream over
udx-native, both ends). Runs alternate the four stacks so that machine noise hits all alike.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, '..', '..', '..'))
BUILD = os.environ.get('PLURESDB_BINARY_DIR', os.path.join(ROOT, 'build'))
CPP = [os.path.join(BUILD, 'tests', 'bench', 'udx', 'udx_bench')]
NODE = ['node', os.path.join(HERE, 'udx_node_bench.js')]
ENV = dict(os.environ, NODE_PATH=os.path.join(ROOT, 'tests', 'interop', 'node_modules'))


def pair(tool, listen_args, dial_args, timeout=300):
    """Starts the listening end, then the dialling end with its port; returns both JSON reports."""
    listener = subprocess.Popen(tool + listen_args, stdout=subprocess.PIPE, env=ENV, text=True)
    line = listener.stdout.readline()
    if not line.startswith('PORT '):
        listener.kill()
        raise RuntimeError('listener did not start: %r' % line)
    port = line.split()[1]
    dialer = subprocess.run(tool + [dial_args[0], port] + dial_args[1:], stdout=subprocess.PIPE, env=ENV,
                            text=True, timeout=timeout)
    out, _ = listener.communicate(timeout=timeout)
    reports = [json.loads(l) for l in (out + dialer.stdout).splitlines() if l.startswith('{')]
    return {r['side']: r for r in reports}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--runs', type=int, default=5)
    ap.add_argument('--mib', type=int, default=256)
    ap.add_argument('--rounds', type=int, default=5000)
    a = ap.parse_args()
    if not os.path.exists(CPP[0]):
        sys.exit('bench_udx.py: %s is missing; build first' % CPP[0])

    stacks = (('C++', CPP, []), ('Node', NODE, []), ('C++ ss', CPP, ['--secure']), ('Node ss', NODE, ['--secure']))
    results = {name: [] for name, _, _ in stacks}
    for i in range(a.runs):
        for name, tool, extra in stacks:
            r = pair(tool, ['recv', str(a.mib)] + extra, ['send', str(a.mib)] + extra)
            results[name].append(r)
            print('run %d %-7s %7.1f MiB/s  retransmitted %6.2f %%  cpu send %.2f s recv %.2f s' % (
                i + 1, name, r['recv']['MiBps'], r['send']['retransmitPct'], r['send']['cpuSec'], r['recv']['cpuSec']),
                flush=True)
            time.sleep(0.3)
    latency = {}
    for name, tool in (('C++', CPP), ('Node', NODE)):
        latency[name] = pair(tool, ['echo'], ['ping', str(a.rounds)])['ping']

    print('\n%d MiB over loopback, median of %d runs (64 KiB writes)' % (a.mib, a.runs))
    print('%-8s %10s %12s %14s %14s %10s %10s' % ('', 'MiB/s', 'retrans %', 'cpu send s', 'cpu recv s', 'p50 µs',
                                                 'p99 µs'))
    med = {}
    for name, _, _ in stacks:
        rs = results[name]
        med[name] = {
            'MiBps': statistics.median(r['recv']['MiBps'] for r in rs),
            'retrans': statistics.median(r['send']['retransmitPct'] for r in rs),
            'cpuSend': statistics.median(r['send']['cpuSec'] for r in rs),
            'cpuRecv': statistics.median(r['recv']['cpuSec'] for r in rs),
        }
        m = med[name]
        lat = latency.get(name)
        print('%-8s %10.1f %12.2f %14.2f %14.2f %10s %10s' % (
            name, m['MiBps'], m['retrans'], m['cpuSend'], m['cpuRecv'], lat['rttP50Us'] if lat else '-',
            lat['rttP99Us'] if lat else '-'))
    c, n = med['C++'], med['Node']
    print('\nC++/Node: throughput %.2f×, CPU per byte (send+recv) %.2f×, ping p50 %.2f×, p99 %.2f×' % (
        c['MiBps'] / n['MiBps'], (c['cpuSend'] + c['cpuRecv']) / max(0.01, n['cpuSend'] + n['cpuRecv']),
        latency['C++']['rttP50Us'] / max(1, latency['Node']['rttP50Us']),
        latency['C++']['rttP99Us'] / max(1, latency['Node']['rttP99Us'])))
    c, n = med['C++ ss'], med['Node ss']
    print('C++/Node with secret-stream: throughput %.2f×, CPU per byte (send+recv) %.2f×' % (
        c['MiBps'] / n['MiBps'], (c['cpuSend'] + c['cpuRecv']) / max(0.01, n['cpuSend'] + n['cpuRecv'])))
    for name in ('C++', 'Node'):
        print('%s secret-stream cost: throughput %.2f× of raw, CPU %.2f× of raw' % (
            name, med[name + ' ss']['MiBps'] / med[name]['MiBps'],
            (med[name + ' ss']['cpuSend'] + med[name + ' ss']['cpuRecv']) /
            max(0.01, med[name]['cpuSend'] + med[name]['cpuRecv'])))
    print(json.dumps({'median': med, 'latency': latency}))


if __name__ == '__main__':
    main()
