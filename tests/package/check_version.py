#!/usr/bin/env python3
"""check_version.py --cmakelists FILE --name NAME -- EXE [ARGS]: EXE --version prints "NAME <version>",
where <version> is project(... VERSION x.y.z) of the top-level CMakeLists.txt (the one place it is set).
"""
import argparse
import re
import subprocess
import sys


def project_version(cmakelists):
    text = open(cmakelists, encoding="utf-8").read()
    m = re.search(r"^project\(\s*\S+\s+VERSION\s+([0-9]+(?:\.[0-9]+){1,3})\b", text, re.M)
    if not m:
        sys.exit(f"no project(... VERSION x.y.z) in {cmakelists}")
    return m.group(1)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cmakelists", required=True)
    ap.add_argument("--name", required=True)
    ap.add_argument("command", nargs="+")
    args = ap.parse_args()
    expected = f"{args.name} {project_version(args.cmakelists)}"
    run = subprocess.run(args.command + ["--version"], capture_output=True, text=True, timeout=50)
    got = run.stdout.strip()
    print(f"expected: {expected!r}\n     got: {got!r} (exit {run.returncode})")
    if run.returncode != 0 or got != expected:
        print(run.stderr, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
