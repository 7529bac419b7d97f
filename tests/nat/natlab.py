#!/usr/bin/env python3
"""The NAT lab: hyperdht holepunching across real Linux NATs in network namespaces.

Topology (every name carries this process's pid, so parallel runs never collide):

    nl<pid>-pub   the "public Internet": a bridge br0 with the DHT nodes on 10.99.0.1..N (port 49737)
      |  veth
    nl<pid>-ra    NAT router A: wan 10.99.0.101/24, lan 192.168.1.1/24, nftables masquerade
      |  veth
    nl<pid>-a     peer A: 192.168.1.2/24, default route via 192.168.1.1

    (and the same for B: nl<pid>-rb / nl<pid>-b, 10.99.0.102, 192.168.2.0/24)

A router's NAT is "consistent" (plain masquerade: Linux keeps the source port, so a socket has one
public host:port towards every destination) or "random" (masquerade fully-random: a new random port
per destination, a symmetric NAT). Routers drop unsolicited inbound packets (no port forwarding) and
every inbound packet with a low TTL: the lab is one hop wide, so hyperdht's TTL-5 session-opening
probes would otherwise reach the far NAT, which on the Internet they never do.

Nothing here is connected to the host's network namespace: the namespaces only have veths to each
other and the public segment has no route anywhere else, so no packet can leave the lab.

Commands:
  natlab.py test  [--cli PATH] [--long] [--only REGEX]   the scenario matrix (ctest `nat`)
  natlab.py run   --server KIND:NAT --client KIND:NAT [--cli PATH] [--bytes N] [--pcap DIR]
  natlab.py bench [--cli PATH] [--runs N]                connect time across consistent NATs
  natlab.py up                                           build the lab, print how to use it, wait
KIND is node or cpp (the `pluresdb-cli dht listen|connect` commands), NAT is consistent or random.
Exit code 77 = skipped (no root, no `ip netns`, no nftables), the ctest SKIP_RETURN_CODE.
"""
import argparse
import ctypes
import hashlib
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time

SKIP = 77
HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
NODE_MODULES = os.environ.get("PLURESDB_NAT_NODE_MODULES",
                              os.path.join(REPO, "tests", "interop", "node_modules"))
PREFIX = "nl"
DHT_PORT = 49737
PUBLIC_NET = "10.99.0"
# Inbound packets whose TTL is below this are dropped at a router's public side. Hosts send with
# TTL 64 (one router hop later: 63); hyperdht's session probes use TTL 5 (4 after one hop).
LOW_TTL = 10


def log(msg):
    sys.stderr.write("natlab: %s\n" % msg)
    sys.stderr.flush()


def sh(*args, check=True, capture=False, ns=None, timeout=30):
    cmd = list(args)
    if ns:
        cmd = ["ip", "netns", "exec", ns] + cmd
    r = subprocess.run(cmd, stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
                       stderr=subprocess.PIPE, text=True, timeout=timeout)
    if check and r.returncode != 0:
        raise RuntimeError("command failed (%d): %s\n%s" % (r.returncode, " ".join(cmd), r.stderr))
    return r.stdout if capture else r.returncode


def _die_with_parent():
    # The children must not outlive the lab (ctest kills a timed-out test with SIGKILL, which
    # skips every cleanup): the kernel sends them SIGKILL when this process dies.
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


def skip_reason():
    if os.geteuid() != 0:
        return "not root: network namespaces need CAP_NET_ADMIN"
    for tool in ("ip", "nft", "conntrack", "node"):
        if not shutil.which(tool):
            return "`%s` not found (Debian packages: iproute2 nftables conntrack nodejs)" % tool
    if not os.path.isdir(os.path.join(NODE_MODULES, "hyperdht")):
        return "npm packages missing in %s (run `npm ci` in tests/interop)" % NODE_MODULES
    probe = "%s%d-probe" % (PREFIX, os.getpid())
    r = subprocess.run(["ip", "netns", "add", probe], stderr=subprocess.PIPE, text=True)
    if r.returncode != 0:
        return "cannot create a network namespace: %s" % r.stderr.strip()
    try:
        r = subprocess.run(["ip", "netns", "exec", probe, "nft", "add", "table", "ip", "t"],
                           stderr=subprocess.PIPE, text=True)
        if r.returncode != 0:
            return "nftables does not work in a namespace: %s" % r.stderr.strip()
    finally:
        subprocess.run(["ip", "netns", "del", probe], stderr=subprocess.DEVNULL)
    return None


def lab_alive(pid):
    """Whether the lab run with this pid still runs: the process exists, is not a zombie, and is
    a natlab.py (not a later process that reused the pid)."""
    try:
        with open("/proc/%s/stat" % pid) as f:
            if f.read().rsplit(")", 1)[1].split()[0] == "Z":
                return False
        with open("/proc/%s/cmdline" % pid, "rb") as f:
            return b"natlab" in f.read()
    except (OSError, IndexError):
        return False


def sweep_stale():
    """Deletes namespaces left by lab runs whose process is gone (e.g. killed by a timeout)."""
    out = subprocess.run(["ip", "netns", "list"], stdout=subprocess.PIPE, text=True).stdout
    for line in out.splitlines():
        name = line.split()[0] if line.split() else ""
        m = re.match(r"^%s(\d+)-" % PREFIX, name)
        if not m or lab_alive(m.group(1)):
            continue
        kill_ns_processes(name)
        subprocess.run(["ip", "netns", "del", name], stderr=subprocess.DEVNULL)
        log("removed stale namespace %s" % name)


def kill_ns_processes(ns):
    pids = subprocess.run(["ip", "netns", "pids", ns], stdout=subprocess.PIPE,
                          stderr=subprocess.DEVNULL, text=True).stdout.split()
    for pid in pids:
        try:
            os.kill(int(pid), signal.SIGKILL)
        except (ProcessLookupError, ValueError):
            pass


class Proc:
    """A child process in a namespace whose stdout/stderr are collected by threads. stdout line 1
    can be read separately (the listener's PUBLIC_KEY line); the rest is the connection's data."""

    def __init__(self, ns, cmd, env=None, payload=None, header_line=True):
        self.cmd = cmd
        self.header_line = header_line
        self.started = time.monotonic()
        self.p = subprocess.Popen(["ip", "netns", "exec", ns] + cmd, stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                                  preexec_fn=_die_with_parent)
        self.first_line = None
        self.first_line_event = threading.Event()
        self.data = hashlib.sha256()
        self.data_bytes = 0
        self.stderr_lines = []
        self.stderr_times = []
        self.cond = threading.Condition()
        self.payload = payload
        self.sent = hashlib.sha256(payload or b"").hexdigest()
        self._threads = [threading.Thread(target=f, daemon=True)
                         for f in (self._read_out, self._read_err, self._write_in)]
        for t in self._threads:
            t.start()

    def _read_out(self):
        buf = b""
        out = self.p.stdout
        while self.header_line and self.first_line is None:
            chunk = out.read1(65536)
            if not chunk:
                break
            buf += chunk
            if b"\n" in buf:
                line, buf = buf.split(b"\n", 1)
                self.first_line = line.decode(errors="replace")
                self.first_line_event.set()
                break
        self.first_line_event.set()
        self._consume(buf)
        while True:
            chunk = out.read1(65536)
            if not chunk:
                break
            self._consume(chunk)

    def _consume(self, chunk):
        if chunk:
            self.data.update(chunk)
            self.data_bytes += len(chunk)

    def _read_err(self):
        for raw in self.p.stderr:
            line = raw.decode(errors="replace").rstrip("\n")
            with self.cond:
                self.stderr_lines.append(line)
                self.stderr_times.append(time.monotonic())
                self.cond.notify_all()

    def _write_in(self):
        if self.payload is None:  # stdin stays open until the process is killed
            return
        try:
            view = memoryview(self.payload)
            for i in range(0, len(view), 65536):
                self.p.stdin.write(view[i:i + 65536])
                self.p.stdin.flush()
            self.p.stdin.close()
        except (BrokenPipeError, ValueError, OSError):
            pass

    def wait_first_line(self, timeout):
        self.first_line_event.wait(timeout)
        return self.first_line

    def stderr_match(self, regex):
        with self.cond:
            for line, t in zip(self.stderr_lines, self.stderr_times):
                m = re.search(regex, line)
                if m:
                    return m, t
        return None, None

    def wait_stderr(self, regex, timeout):
        deadline = time.monotonic() + timeout
        with self.cond:
            while True:
                for line, t in zip(self.stderr_lines, self.stderr_times):
                    m = re.search(regex, line)
                    if m:
                        return m, t
                left = deadline - time.monotonic()
                if left <= 0 or self.p.poll() is not None and self._threads[1].is_alive() is False:
                    return None, None
                self.cond.wait(min(left, 0.2))

    def wait(self, timeout):
        try:
            rc = self.p.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            return None
        for t in self._threads[:2]:
            t.join(5)
        return rc

    def kill(self):
        if self.p.poll() is None:
            self.p.kill()
            self.p.wait()
        for t in self._threads[:2]:
            t.join(5)

    def received(self):
        return self.data.hexdigest()

    def stderr_text(self, since=None):
        """stderr; with `since` (a time.monotonic() value) each line is prefixed by its arrival
        time relative to it, e.g. `[+1.234s]`."""
        with self.cond:
            if since is None:
                return "\n".join(self.stderr_lines)
            return "\n".join("[%+.3fs] %s" % (t - since, line)
                             for line, t in zip(self.stderr_lines, self.stderr_times))


class Lab:
    def __init__(self, dht_nodes=5, pcap_dir=None):
        self.tag = "%s%d" % (PREFIX, os.getpid())
        self.pub = self.tag + "-pub"
        self.routers = {"a": self.tag + "-ra", "b": self.tag + "-rb"}
        self.peers = {"a": self.tag + "-a", "b": self.tag + "-b"}
        self.wan_ip = {"a": PUBLIC_NET + ".101", "b": PUBLIC_NET + ".102"}
        self.lan_ip = {"a": "192.168.1.2", "b": "192.168.2.2"}
        self.dht_hosts = ["%s.%d" % (PUBLIC_NET, i + 1) for i in range(dht_nodes)]
        self.bootstrap = "%s:%d" % (self.dht_hosts[0], DHT_PORT)
        self.nat = {}
        self.namespaces = []
        self.procs = []
        self.pcap_dir = pcap_dir
        self.env = dict(os.environ, NODE_PATH=NODE_MODULES)

    # ---- building and tearing down ----
    def _ns(self, name):
        sh("ip", "netns", "add", name)
        self.namespaces.append(name)
        sh("ip", "link", "set", "lo", "up", ns=name)

    def up(self):
        sweep_stale()
        self._ns(self.pub)
        sh("ip", "link", "add", "br0", "type", "bridge", ns=self.pub)
        sh("ip", "link", "set", "br0", "up", ns=self.pub)
        for h in self.dht_hosts:
            sh("ip", "addr", "add", h + "/24", "dev", "br0", ns=self.pub)
        for i, side in enumerate(("a", "b"), start=1):
            r, p = self.routers[side], self.peers[side]
            self._ns(r)
            self._ns(p)
            # router wan <-> a port of the public bridge
            sh("ip", "-n", r, "link", "add", "wan", "type", "veth", "peer", "name", "r" + side,
               "netns", self.pub)
            sh("ip", "-n", self.pub, "link", "set", "r" + side, "master", "br0", "up")
            sh("ip", "-n", r, "addr", "add", self.wan_ip[side] + "/24", "dev", "wan")
            sh("ip", "-n", r, "link", "set", "wan", "up")
            # router lan <-> the peer's eth0
            sh("ip", "-n", r, "link", "add", "lan", "type", "veth", "peer", "name", "eth0",
               "netns", p)
            sh("ip", "-n", r, "addr", "add", "192.168.%d.1/24" % i, "dev", "lan")
            sh("ip", "-n", r, "link", "set", "lan", "up")
            sh("ip", "-n", p, "addr", "add", self.lan_ip[side] + "/24", "dev", "eth0")
            sh("ip", "-n", p, "link", "set", "eth0", "up")
            sh("ip", "-n", p, "route", "add", "default", "via", "192.168.%d.1" % i)
            sh("sysctl", "-qw", "net.ipv4.ip_forward=1", ns=r)
            sh("sysctl", "-qw", "net.netfilter.nf_conntrack_acct=1", ns=r, check=False)
            self.set_nat(side, "consistent")
        self._start_dht()
        return self

    def _start_dht(self):
        cmd = ["node", os.path.join(HERE, "dht_nodes.js"), str(DHT_PORT)] + self.dht_hosts
        proc = Proc(self.pub, cmd, env=self.env)
        self.procs.append(proc)
        line = proc.wait_first_line(60)
        m = re.match(r"^READY \S+ ([0-9a-f]{64})$", line or "")
        if not m:
            raise RuntimeError("public DHT nodes did not start: %r\n%s" % (line, proc.stderr_text()))
        self.relay_key = m.group(1)  # the blind relay on the last DHT node
        self.relay_host = self.dht_hosts[-1]
        self.dht = proc

    def set_nat(self, side, kind):
        """(Re)configures router `side` as a consistent or random NAT and forgets its mappings."""
        if kind not in ("consistent", "random"):
            raise ValueError(kind)
        masq = "masquerade fully-random" if kind == "random" else "masquerade"
        ruleset = """
flush ruleset
table ip natlab {
  chain rawin {
    type filter hook prerouting priority raw; policy accept;
    iifname "wan" ip ttl < %(ttl)d counter drop
  }
  chain inbound {
    type filter hook input priority filter; policy accept;
    iifname "wan" ct state new drop
  }
  chain forwarded {
    type filter hook forward priority filter; policy accept;
    iifname "wan" ct state new drop
  }
  chain outbound {
    type nat hook postrouting priority srcnat; policy accept;
    oifname "wan" %(masq)s
  }
}
""" % {"ttl": LOW_TTL, "masq": masq}
        r = subprocess.run(["ip", "netns", "exec", self.routers[side], "nft", "-f", "-"],
                           input=ruleset, text=True, stderr=subprocess.PIPE)
        if r.returncode != 0:
            raise RuntimeError("nft failed on router %s: %s" % (side, r.stderr))
        self.flush_conntrack(side)
        self.nat[side] = kind

    def flush_conntrack(self, side):
        if shutil.which("conntrack"):
            sh("conntrack", "-F", ns=self.routers[side], check=False)

    def down(self):
        for proc in self.procs:
            proc.kill()
        for ns in reversed(self.namespaces):
            kill_ns_processes(ns)
            subprocess.run(["ip", "netns", "del", ns], stderr=subprocess.DEVNULL)
        self.namespaces = []

    def __enter__(self):
        try:
            return self.up()
        except BaseException:
            self.down()
            raise

    def __exit__(self, *exc):
        self.down()

    # ---- evidence ----
    def flows_between_nats(self, side, other=None):
        """UDP conntrack entries on router `side` between its peer and the other router's public
        address (or `other`), summed over both directions: {flows, packets, bytes, reply_packets}.
        A holepunched path shows up as such flows with packets both ways (nothing else ever sends
        there); a relayed or LAN path would not; a failed punch leaves only outbound packets
        (reply_packets 0)."""
        if not shutil.which("conntrack"):
            return None
        other = other or self.wan_ip["b" if side == "a" else "a"]
        out = subprocess.run(["ip", "netns", "exec", self.routers[side], "conntrack", "-L", "-p",
                              "udp", "-d", other], stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL, text=True).stdout
        res = {"flows": 0, "packets": 0, "bytes": 0, "reply_packets": 0}
        for line in out.splitlines():
            if "src=%s" % self.lan_ip[side] not in line:
                continue
            res["flows"] += 1
            pk = [int(x) for x in re.findall(r"packets=(\d+)", line)]
            res["packets"] += sum(pk)
            res["bytes"] += sum(int(x) for x in re.findall(r"bytes=(\d+)", line))
            res["reply_packets"] += pk[1] if len(pk) > 1 else 0
        return res

    def low_ttl_drops(self, side):
        """Packets router `side` dropped for their low TTL (hyperdht's TTL-5 session probes)."""
        out = subprocess.run(["ip", "netns", "exec", self.routers[side], "nft", "list", "chain", "ip",
                              "natlab", "rawin"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                             text=True).stdout
        m = re.search(r"counter packets (\d+)", out)
        return int(m.group(1)) if m else None

    def start_pcap(self, name):
        if not self.pcap_dir or not shutil.which("tcpdump"):
            return None
        os.makedirs(self.pcap_dir, exist_ok=True)
        path = os.path.join(self.pcap_dir, name + ".pcap")
        p = subprocess.Popen(["ip", "netns", "exec", self.pub, "tcpdump", "-U", "-n", "-s", "128",
                              "-i", "br0", "-w", path, "udp or icmp"], stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL, preexec_fn=_die_with_parent)
        time.sleep(0.5)
        return p, path

    # ---- peers ----
    def peer_cmd(self, kind, mode, cli, key=None, relay=False):
        if kind == "node":
            cmd = ["node", os.path.join(HERE, "nat_peer.js"), mode]
        elif kind == "cpp":
            if not cli:
                raise RuntimeError("a cpp peer needs --cli PATH (pluresdb-cli)")
            cmd = [cli, "dht", mode]
        else:
            raise ValueError(kind)
        if key:
            cmd.append(key)
        if relay:
            cmd += ["--relay-through", self.relay_key]
        return cmd + ["--bootstrap", self.bootstrap]

    def connect(self, server, client, cli=None, nbytes=256 * 1024, expect="holepunch",
                timeout=120, name=None, relay=False):
        """Runs one scenario. server/client are (side, kind); the NATs must have been set.
        Returns a result dict; result["ok"] says whether the expectation held."""
        (s_side, s_kind), (c_side, c_kind) = server, client
        name = name or "%s-%s-%s-%s" % (s_kind, self.nat[s_side], c_kind, self.nat[c_side])
        for side in ("a", "b"):
            self.flush_conntrack(side)
        pcap = self.start_pcap(name)
        res = {"name": name, "server": "%s behind %s NAT" % (s_kind, self.nat[s_side]),
               "client": "%s behind %s NAT" % (c_kind, self.nat[c_side]), "expect": expect,
               "ok": False, "problems": []}
        p_s = p_c = None
        try:
            payload_s = os.urandom(nbytes)
            payload_c = os.urandom(nbytes)
            p_s = Proc(self.peers[s_side], self.peer_cmd(s_kind, "listen", cli, relay=relay), env=self.env,
                       payload=payload_s)
            line = p_s.wait_first_line(60)
            m = re.match(r"^PUBLIC_KEY ([0-9a-f]{64})$", line or "")
            if not m:
                res["problems"].append("listener printed %r, not PUBLIC_KEY <hex>" % line)
                return res
            key = m.group(1)
            t0 = time.monotonic()
            p_c = Proc(self.peers[c_side], self.peer_cmd(c_kind, "connect", cli, key, relay=relay),
                       env=self.env, payload=payload_c, header_line=False)
            if expect in ("holepunch", "relay"):
                self._check_connected(res, p_s, p_c, key, t0, timeout, expect)
            else:
                self._check_refused(res, p_c, expect, timeout)
        finally:
            for p in (p_c, p_s):
                if p:
                    p.kill()
            if pcap:
                pcap[0].terminate()
                pcap[0].wait()
                res["pcap"] = pcap[1]
            # timestamps relative to the connector's start
            since = p_c.started if p_c else None
            res["server_stderr"] = p_s.stderr_text(since) if p_s else ""
            res["client_stderr"] = p_c.stderr_text(since) if p_c else ""
        res["low_ttl_drops"] = {side: self.low_ttl_drops(side) for side in ("a", "b")}
        res["ok"] = not res["problems"]
        return res

    def _check_connected(self, res, p_s, p_c, key, t0, timeout, expect):
        m, t = p_c.wait_stderr(r"^REMOTE ([0-9a-f]{64})", timeout)
        if not m:
            res["problems"].append("client never printed REMOTE (rc %s)" % p_c.p.poll())
            return
        res["connect_s"] = round(t - t0, 3)
        if m.group(1) != key:
            res["problems"].append("client REMOTE %s != server key %s" % (m.group(1), key))
        rc_c = p_c.wait(timeout)
        # A listener may keep serving after its first connection: it must have received
        # everything, and if it exits, exit 0.
        deadline = time.monotonic() + timeout
        while p_s.p.poll() is None and p_s.data_bytes < len(p_c.payload) and \
                time.monotonic() < deadline:
            time.sleep(0.1)
        rc_s = p_s.wait(5)
        if rc_s is None:
            res["server_kept_running"] = True
        if rc_c != 0 or rc_s not in (0, None):
            res["problems"].append("exit codes: server %s, client %s (None = still running)"
                                   % (rc_s, rc_c))
        if p_c.received() != p_s.sent:
            res["problems"].append("server→client data differs (%d bytes arrived of %d)"
                                   % (p_c.data_bytes, len(p_s.payload)))
        if p_s.received() != p_c.sent:
            res["problems"].append("client→server data differs (%d bytes arrived of %d)"
                                   % (p_s.data_bytes, len(p_c.payload)))
        for who, p in (("server", p_s), ("client", p_c)):
            pm, _ = p.stderr_match(r"^PATH (.*)$")
            res[who + "_path"] = pm.group(1) if pm else None
            am, _ = p.stderr_match(r"^ADDRESS (.*)$")
            if am:
                res[who + "_address"] = am.group(1)
            if not pm or expect not in pm.group(1):
                res["problems"].append("%s PATH is %r, not %s" % (who, res[who + "_path"], expect))
        # The wire evidence: both NATs carried the data on a flow to the other NAT's public address
        # (holepunch), or to the relay and nothing came back from the other NAT (relay).
        payload = len(p_s.payload) + len(p_c.payload)
        for side in ("a", "b"):
            flows = self.flows_between_nats(side)
            if flows is None:
                continue
            res["nat_%s_flows" % side] = flows
            if expect == "holepunch" and flows["bytes"] < payload:
                res["problems"].append("router %s: only %d bytes on NAT-to-NAT flows (< payload)"
                                       % (side, flows["bytes"]))
            if expect == "relay":
                if flows["reply_packets"]:
                    res["problems"].append("router %s: a NAT-to-NAT flow carried packets back, "
                                           "yet the path should be the relay" % side)
                rflows = self.flows_between_nats(side, self.relay_host)
                res["nat_%s_relay_flows" % side] = rflows
                if rflows["bytes"] < payload:
                    res["problems"].append("router %s: only %d bytes on flows to the relay (< payload)"
                                           % (side, rflows["bytes"]))

    def _check_refused(self, res, p_c, expect, timeout):
        t0 = time.monotonic()
        rc = p_c.wait(timeout)
        res["fail_s"] = round(time.monotonic() - t0, 3)
        text = p_c.stderr_text()
        res["client_rc"] = rc
        if rc is None:
            res["problems"].append("client still running after %ds; expected %s" % (timeout, expect))
        elif rc == 0:
            res["problems"].append("client connected; expected %s" % expect)
        # nat_peer.js prints `ERROR <code> …`, pluresdb-cli `…: connect failed: <code>: …`
        m = re.search(r"\b(%s)\b" % expect, text)
        if not m:
            res["problems"].append("client stderr does not name %s" % expect)
        else:
            res["error"] = m.group(1)
        # A peer that names the NAT classes it saw (nat_peer.js does) must have seen both random.
        nm = re.search(r"^NAT local (\w+) remote (\w+)", text, re.M)
        if nm:
            res["client_nat"] = "local %s remote %s" % nm.groups()
            if nm.groups() != ("random", "random"):
                res["problems"].append("client failed but saw NATs %s" % res["client_nat"])
        if re.search(r"^REMOTE ", text, re.M):
            res["problems"].append("client printed REMOTE although it should have failed")
        # No hole may have opened: nothing came back on any NAT-to-NAT flow.
        for side in ("a", "b"):
            flows = self.flows_between_nats(side)
            if flows is None:
                continue
            res["nat_%s_flows" % side] = flows
            if flows["reply_packets"]:
                res["problems"].append("router %s: %d packets came back on a NAT-to-NAT flow"
                                       % (side, flows["reply_packets"]))


# ---- scenarios ----
# (server NAT, client NAT, expectation, long?)
NAT_CASES = [
    ("consistent", "consistent", "holepunch", False),
    ("consistent", "random", "holepunch", False),
    ("random", "consistent", "holepunch", False),
    # Documented failure. A Node server sees both NATs random first and aborts the round, so a Node
    # client reports HOLEPUNCH_ABORTED (with `NAT local random remote random`); a client that
    # decides first reports HOLEPUNCH_DOUBLE_RANDOMIZED_NATS.
    ("random", "random", "HOLEPUNCH_DOUBLE_RANDOMIZED_NATS|HOLEPUNCH_ABORTED", False),
]
# Where both peers are configured with a blind relay (hyperdht `relayThrough`), random<->random
# connects through it instead (`test --relay`; the ctests of pairs with a C++ peer pass it). Node<->Node
# fails it: npm hyperdht 6.34's secret-stream destroys its UDX stream as soon as both sides ended, and
# through the relay the data still in flight is then lost (see README).
RELAY_CASE = ("random", "random", "relay", False)


ALL_PAIRS = [("node", "node"), ("cpp", "cpp"), ("cpp", "node"), ("node", "cpp")]


def scenario_list(pairs, relay=False):
    out = []
    for s_kind, c_kind in pairs:
        for s_nat, c_nat, expect, is_long in NAT_CASES + ([RELAY_CASE] if relay else []):
            out.append({"name": "%s-%s__%s-%s%s" % (s_kind, s_nat, c_kind, c_nat,
                                                     "__relay" if expect == "relay" else ""),
                        "server": (s_kind, s_nat), "client": (c_kind, c_nat),
                        "expect": expect, "long": is_long})
    return out


def run_scenario(lab, sc, cli, nbytes, server_side="a"):
    client_side = "b" if server_side == "a" else "a"
    lab.set_nat(server_side, sc["server"][1])
    lab.set_nat(client_side, sc["client"][1])
    return lab.connect((server_side, sc["server"][0]), (client_side, sc["client"][0]), cli=cli,
                       nbytes=nbytes, expect=sc["expect"], name=sc["name"],
                       relay=sc["expect"] == "relay")


def summarize(res):
    if res["expect"] in ("holepunch", "relay"):
        detail = "connect %.2fs, path server=%s client=%s" % (
            res.get("connect_s", -1), res.get("server_path"), res.get("client_path"))
        fa, fb = res.get("nat_a_flows"), res.get("nat_b_flows")
        if fa and fb:
            detail += ", NAT-to-NAT bytes a=%d b=%d" % (fa["bytes"], fb["bytes"])
    else:
        detail = "client rc %s after %.2fs: %s" % (res.get("client_rc"), res.get("fail_s", -1),
                                                  res.get("error", "no expected error"))
    return "%s %-40s %s" % ("PASS" if res["ok"] else "FAIL", res["name"], detail)


def cmd_test(args):
    reason = skip_reason()
    if reason:
        print("SKIP: NAT lab unavailable: %s" % reason)
        return SKIP
    pairs = [tuple(p.split("-")) for p in args.pair] if args.pair else ALL_PAIRS
    cli = args.cli if args.cli and os.access(args.cli, os.X_OK) else None
    if any("cpp" in p for p in pairs):
        why = None
        if not cli:
            why = "no pluresdb-cli given (--cli)"
        elif not cpp_has_dht_listen(cli):
            why = "%s has no `dht listen` / `dht connect` yet" % cli
        if why:
            pairs = [p for p in pairs if "cpp" not in p]
            if not pairs:
                print("SKIP: C++ peers unavailable: %s" % why)
                return SKIP
            log("C++ scenarios skipped: %s" % why)
    scenarios = [s for s in scenario_list(pairs, args.relay) if args.long or not s["long"]]
    if args.only:
        scenarios = [s for s in scenarios if re.search(args.only, s["name"])]
    results = []
    with Lab(pcap_dir=args.pcap) as lab:
        for sc in scenarios:
            res = run_scenario(lab, sc, cli, args.bytes)
            if not res["ok"] and sc["expect"] in ("holepunch", "relay") and not args.no_retry:
                # one retry on a loaded machine; a real failure fails twice
                log("%s failed (%s), retrying once" % (sc["name"], "; ".join(res["problems"])))
                res = run_scenario(lab, sc, cli, args.bytes)
            results.append(res)
            print(summarize(res), flush=True)
            if not res["ok"]:
                for p in res["problems"]:
                    print("    problem: %s" % p)
                print("    server stderr:\n      " + res["server_stderr"].replace("\n", "\n      "))
                print("    client stderr:\n      " + res["client_stderr"].replace("\n", "\n      "))
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=2)
    passed = sum(r["ok"] for r in results)
    failed = len(results) - passed
    print("%d passed, %d failed" % (passed, failed))
    return 0 if failed == 0 else 1


def cpp_has_dht_listen(cli):
    """Whether this pluresdb-cli knows `dht listen`: an unknown option makes it fail at argument
    parsing (nothing is sent), and a CLI without the subcommand names only announce/lookup."""
    r = subprocess.run([cli, "dht", "listen", "--natlab-probe"], stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, text=True, timeout=30)
    return "listen" in r.stdout or "unknown option" in r.stdout


def parse_peer(spec):
    kind, _, nat = spec.partition(":")
    if kind not in ("node", "cpp") or nat not in ("consistent", "random"):
        raise argparse.ArgumentTypeError("expected node|cpp:consistent|random, got %r" % spec)
    return kind, nat


def cmd_run(args):
    reason = skip_reason()
    if reason:
        print("SKIP: NAT lab unavailable: %s" % reason)
        return SKIP
    expect = args.expect or ("relay" if args.relay else
                             "HOLEPUNCH_DOUBLE_RANDOMIZED_NATS|HOLEPUNCH_ABORTED"
                             if args.server[1] == args.client[1] == "random" else "holepunch")
    sc = {"name": "%s-%s__%s-%s" % (args.server + args.client), "server": args.server,
          "client": args.client, "expect": expect}
    with Lab(pcap_dir=args.pcap) as lab:
        res = run_scenario(lab, sc, args.cli, args.bytes)
    print(json.dumps(res, indent=2))
    print(summarize(res))
    return 0 if res["ok"] else 1


def cmd_bench(args):
    reason = skip_reason()
    if reason:
        print("SKIP: NAT lab unavailable: %s" % reason)
        return SKIP
    pairs = [("node", "node")]
    if args.cli:
        pairs.insert(0, ("cpp", "cpp"))
    times = {p: [] for p in pairs}
    fails = {p: 0 for p in pairs}
    with Lab() as lab:
        lab.set_nat("a", "consistent")
        lab.set_nat("b", "consistent")
        for i in range(args.runs):
            for pair in pairs:  # interleaved, so machine load hits both alike
                res = lab.connect(("a", pair[0]), ("b", pair[1]), cli=args.cli, nbytes=1024,
                                  name="bench-%s-%s-%d" % (pair + (i,)))
                if res["ok"]:
                    times[pair].append(res["connect_s"])
                else:
                    fails[pair] += 1
                    log("run %d %s failed: %s" % (i, pair, "; ".join(res["problems"])))
        # Baseline: what process start alone costs in the same namespace (node loading hyperdht;
        # the CLI failing at argument parsing), to read the figures above net of it.
        starts = {"node": ["node", "-e", "require('hyperdht')"]}
        if args.cli:
            starts["cpp"] = [args.cli, "dht", "listen", "--natlab-probe"]
        start_times = {k: [] for k in starts}
        for _ in range(args.runs):
            for kind, cmd in starts.items():
                t0 = time.monotonic()
                subprocess.run(["ip", "netns", "exec", lab.peers["b"]] + cmd, env=lab.env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                start_times[kind].append(time.monotonic() - t0)
    print("time from starting `connect` to an open holepunched connection, consistent NAT <-> "
          "consistent NAT (%d runs each; includes process start and DHT bootstrap)" % args.runs)
    print("%-22s %8s %8s %8s %6s" % ("pair (server-client)", "median", "min", "max", "fails"))

    def row(label, t, nfail):
        if t:
            print("%-22s %7.3fs %7.3fs %7.3fs %6d" % (label, statistics.median(t), min(t), max(t),
                                                    nfail))
        else:
            print("%-22s %8s %8s %8s %6d" % (label, "-", "-", "-", nfail))
    for pair in pairs:
        row("%s-%s" % pair, times[pair], fails[pair])
    for kind, t in start_times.items():
        row("(%s process start)" % kind, t, 0)
    if len(pairs) == 2 and times[pairs[0]] and times[pairs[1]]:
        print("C++/Node median ratio: %.2f" % (statistics.median(times[pairs[0]]) /
                                              statistics.median(times[pairs[1]])))
    return 0


def cmd_up(args):
    reason = skip_reason()
    if reason:
        print("SKIP: NAT lab unavailable: %s" % reason)
        return SKIP
    with Lab() as lab:
        lab.set_nat("a", args.nat_a)
        lab.set_nat("b", args.nat_b)
        print("lab up; bootstrap %s" % lab.bootstrap)
        for side in ("a", "b"):
            print("  peer %s: ip netns exec %s ...   (NAT %s, router %s)" % (
                side, lab.peers[side], lab.nat[side], lab.routers[side]))
        print("Ctrl-C tears it down.", flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    t = sub.add_parser("test")
    t.add_argument("--cli")
    t.add_argument("--long", action="store_true")
    t.add_argument("--relay", action="store_true", help="add random<->random through a blind relay")
    t.add_argument("--pair", action="append", choices=["%s-%s" % p for p in ALL_PAIRS],
                   help="server-client peer kinds to run (repeatable; default all)")
    t.add_argument("--only")
    t.add_argument("--bytes", type=int, default=256 * 1024)
    t.add_argument("--pcap")
    t.add_argument("--json")
    t.add_argument("--no-retry", action="store_true")
    r = sub.add_parser("run")
    r.add_argument("--server", type=parse_peer, required=True)
    r.add_argument("--client", type=parse_peer, required=True)
    r.add_argument("--cli")
    r.add_argument("--bytes", type=int, default=256 * 1024)
    r.add_argument("--expect")
    r.add_argument("--relay", action="store_true", help="both peers use the lab's blind relay")
    r.add_argument("--pcap")
    b = sub.add_parser("bench")
    b.add_argument("--cli")
    b.add_argument("--runs", type=int, default=10)
    u = sub.add_parser("up")
    u.add_argument("--nat-a", default="consistent", choices=("consistent", "random"))
    u.add_argument("--nat-b", default="consistent", choices=("consistent", "random"))
    args = ap.parse_args()

    # SIGTERM/SIGHUP (ctest, a closed terminal) unwind through the `with Lab()` cleanup.
    def on_signal(signum, _frame):
        raise SystemExit(128 + signum)
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGHUP, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    return {"test": cmd_test, "run": cmd_run, "bench": cmd_bench, "up": cmd_up}[args.cmd](args)


if __name__ == "__main__":
    sys.exit(main())
