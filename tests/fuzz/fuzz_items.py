#!/usr/bin/env python3
"""Hostile input for every parameter of every item, and what must come of it.

    fuzz_items.py [--seconds S | --all] [--runs N] [--timeout T] [--jobs J] [--seed K] CHAPTER_EXE...

For each item of each chapter (read from `list --format json`), every parameter is set, one at
a time, to values a careless or hostile user might type: empty, words, nan, +-inf, +-1e308,
1e-320, 0, negatives, 1e9, 1e18, hexadecimal, a newline, 128 KB of text, vectors of the wrong
length, each end of the allowed range and just past it, an integer where a name is expected.
Slow items start from their quick settings. A run passes only if it

  - exits 0 with its JSON on stdout, and every number that is not finite is either named in
    the status ("not finite: ...", "diverged ...") or sits where the item declared one may; or
  - exits 2 with nothing on stdout and exactly one line of at most 200 characters on stderr.

Anything else fails: a crash, exit 1, a second line, a run past the time limit (--timeout),
or one past the memory cap (2 GB of address space; under AddressSanitizer, which reserves
terabytes of address space, ASAN_OPTIONS caps the resident memory instead).

The cases are shuffled with a fixed seed and run until --runs are done or --seconds have
passed, so the test keeps within its time on a slow (sanitized) build; every item still gets
its share because cases are dealt item by item, round robin. --all runs every case, however
long it takes (about 15 000 cases, 10 minutes on two cores; .ci/run does). Standard library only.
"""
import argparse
import json
import os
import random
import resource
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

MEMORY_BYTES = 2 * 1024**3
WORDS = ["", "abc", "nan", "inf", "-inf", "1e308", "-1e308", "1e-320", "0", "-1", "-7.5",
         "1e9", "1e18", "99999999999999999999", "0x10", "0x1p-2", "1/0", "0/0", "2*pi",
         "1\n2", "\x1b[31mred", "\uff11", "x" * 130000]


def allowed_edges(p):
    """The ends of a numeric parameter's range and the values just past them, as text."""
    out = []
    for end, is_open, step in ((p.get("lo"), p.get("lo_open"), -1), (p.get("hi"), p.get("hi_open"), 1)):
        if end is None:
            continue
        if p["kind"] == "integer":
            inside = end - step if is_open else end
            out += [repr(int(inside)), repr(int(inside) + step)]
        else:
            out += [repr(end), repr(end + step * max(abs(end), 1) * 1e-9)]
    return out


def values_for(p):
    kind = p["kind"]
    if kind == "flag":
        return ["yes", "no", "1", "true", "", "maybe"]
    if kind == "choice":
        return p["choices"] + ["0", "1", "", "nope", p["choices"][0].upper()]
    if kind == "text":
        return ["", "/nonexistent", "/tmp/it's \"q\"", "a\nb", 'x"; system("touch /tmp/descent-pwned"); "',
                "'; system('touch /tmp/descent-pwned'); '", "$(touch /tmp/descent-pwned)", "x" * 5000]
    vals = list(WORDS) + allowed_edges(p)
    if kind == "vector":
        n = max(p["min_size"], 1)
        mid = p["default"].split(",")
        vals += [",".join(["1"] * (p["min_size"] - 1)) if p["min_size"] > 1 else "",
                 ",".join(["1"] * (p["max_size"] + 1)),
                 ",".join(["1e308"] * n), ",".join(["-1e308"] * n), ",".join(["0"] * n),
                 ",".join(mid[:-1] + ["nan"]), ",".join(["1"] * 60000)]
        for e in allowed_edges(p):
            vals.append(",".join([e] * n))
    return vals


def cap_memory():
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BYTES, MEMORY_BYTES))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def null_paths(node, path=""):
    """Where a JSON document holds null inside tables, series or values."""
    if isinstance(node, dict):
        for k, v in node.items():
            yield from null_paths(v, f"{path}/{k}")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from null_paths(v, f"{path}/{i}")
    elif node is None:
        yield path


def judge(case, proc, elapsed, timeout):
    exe, item, name, value = case
    shown = value if len(value) <= 40 else value[:40] + f"...({len(value)})"
    label = f"{os.path.basename(exe)} run {item} --set {name}={shown!r}"
    if proc is None:
        return f"{label}: still running after {timeout} s"
    rc, out, err = proc.returncode, proc.stdout, proc.stderr
    if rc == 2:
        lines = err.decode("utf-8", "replace").split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        if out:
            return f"{label}: exit 2 but wrote to stdout"
        if len(lines) != 1:
            return f"{label}: exit 2 with {len(lines)} lines on stderr: {lines[:3]!r}"
        if len(lines[0]) > 200:
            return f"{label}: exit 2 with a {len(lines[0])}-character line"
        return None
    if rc != 0:
        what = f"signal {-rc}" if rc < 0 else f"exit {rc}"
        tail = err.decode("utf-8", "replace").strip().splitlines()[-3:]
        return f"{label}: {what}: {tail}"
    try:
        doc = json.loads(out)
    except ValueError as e:
        return f"{label}: exit 0 but stdout is not JSON ({e})"
    status = doc.get("status") or ""
    allowed = doc.get("non_finite_allowed") or {}
    if "not finite" in status or "diverged" in status:
        return None
    for where in null_paths({k: doc.get(k) for k in ("tables", "series", "values")}):
        parts = where.strip("/").split("/")
        kind = parts[0]
        if kind == "values":
            if f"values:{parts[1]}" in allowed:
                continue
            return f"{label}: value {parts[1]} is not finite and the status does not say so"
        block = doc[kind][int(parts[1])]
        column = block["columns"][int(parts[4])] if len(parts) > 4 else "?"
        if block["name"] in allowed or f"{block['name']}:{column}" in allowed:
            continue
        return f"{label}: {kind[:-1]} '{block['name']}' column '{column}' is not finite and the status does not say so"
    return None


def run_case(case, timeout, sanitized):
    exe, item, name, value, base = case
    args = [exe, "run", item, "--format", "json"]
    for s in base:
        if not s.startswith(name + "="):
            args += ["--set", s]
    args += ["--set", f"{name}={value}"]
    env = dict(os.environ)
    if sanitized:
        env["ASAN_OPTIONS"] = env.get("ASAN_OPTIONS", "") + ":hard_rss_limit_mb=2048:malloc_limit_mb=2048"
    start = time.monotonic()
    try:
        proc = subprocess.run(args, capture_output=True, timeout=timeout, env=env,
                              preexec_fn=None if sanitized else cap_memory)
    except subprocess.TimeoutExpired:
        proc = None
    return judge((exe, item, name, value), proc, time.monotonic() - start, timeout)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, help="stop after this long (default 100)")
    ap.add_argument("--all", action="store_true", help="every case, with no time limit")
    ap.add_argument("--runs", type=int, help="stop after this many cases (default 100000)")
    ap.add_argument("--timeout", type=float, default=30)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--seed", type=int, default=20261202)
    ap.add_argument("--sanitized", action="store_true", help="the executables use ASan")
    ap.add_argument("executables", nargs="+")
    a = ap.parse_args()
    if a.all and (a.seconds is not None or a.runs is not None):
        ap.error("--all runs every case; allowed with it: no --seconds, no --runs")
    a.seconds = 100 if a.seconds is None else a.seconds
    a.runs = 100000 if a.runs is None else a.runs

    per_item = []
    for exe in a.executables:
        listing = json.loads(subprocess.run([exe, "list", "--format", "json"], check=True,
                                            capture_output=True).stdout)
        for item in listing["items"]:
            base = item["quick"] if item["slow"] else []
            cases = [(exe, item["id"], p["name"], v, base) for p in item["params"] for v in values_for(p)]
            rng = random.Random(f"{a.seed}/{exe}/{item['id']}")
            rng.shuffle(cases)
            per_item.append(cases)
    random.Random(a.seed).shuffle(per_item)
    # Deal the cases round robin over the items: the first N runs cover every item evenly.
    order = []
    while any(per_item):
        for cases in per_item:
            if cases:
                order.append(cases.pop())
    total = len(order)
    if not a.all:
        order = order[:a.runs]
    deadline = float("inf") if a.all else time.monotonic() + a.seconds
    failures, done = [], 0
    with ThreadPoolExecutor(max_workers=a.jobs) as pool:
        pending = []
        for case in order:
            if time.monotonic() > deadline:
                break
            pending.append(pool.submit(run_case, case, a.timeout, a.sanitized))
            if len(pending) >= 4 * a.jobs:
                problem = pending.pop(0).result()
                done += 1
                if problem:
                    failures.append(problem)
                    print("FAIL:", problem, flush=True)
        for f in pending:
            problem = f.result()
            done += 1
            if problem:
                failures.append(problem)
                print("FAIL:", problem, flush=True)
    if os.path.exists("/tmp/descent-pwned"):
        failures.append("a parameter's text was executed: /tmp/descent-pwned exists")
        print("FAIL:", failures[-1])
    print(f"fuzz: {done} of {total} cases run ({len(per_item)} items), {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
