#!/usr/bin/env python3
"""Times the whole book: every chapter's `all` at its defaults (issue 17 item 4).

    python3 bench/book_time.py --build build [--threads 1,2] [--json bench/results/book.json]

Each chapter executable runs `all --out DIR` (every item at its defaults, figure-4.4's 200
epochs and figure-3.18 included, figures written) once per OpenBLAS thread count, the chapters
one after the other, as a reader running the whole book would. For each run it records the
wall time and the CPU time (user + system of the child) and writes them in the benchmarks'
result format (schema "descent-bench/1", bench/results.hpp), from which bench/make_page.py
draws the benchmarks page. Only the Python standard library is used.

Wall time on a shared machine is noisy; the CPU time tells how much of it the process itself
spent, and the load average at start and end says how busy the machine was.
"""

import argparse
import ctypes
import ctypes.util
import datetime
import json
import os
import resource
import subprocess
import sys
import tempfile
import time

CHAPTERS = ["medl04", "notes02", "aggarwal03", "risteski05"]
GOAL_SECONDS = 60.0  # issue 17: the whole book in a minute on the 2-core machine


def cpu_model():
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown"


def openblas_core():
    """The kernel set OpenBLAS picked on this CPU (what the C++ benchmarks print)."""
    for name in ("openblas", "openblas.so.0", "libopenblas.so.0"):
        path = ctypes.util.find_library(name) or name
        try:
            lib = ctypes.CDLL(path)
            lib.openblas_get_corename.restype = ctypes.c_char_p
            return lib.openblas_get_corename().decode()
        except (OSError, AttributeError):
            continue
    return "unknown"


def run_chapter(executable, threads, out_dir):
    env = dict(os.environ, OPENBLAS_NUM_THREADS=str(threads))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    done = subprocess.run([executable, "all", "--out", out_dir], env=env,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"book_time: {executable} all exited {done.returncode}: "
                         f"{done.stderr.strip().splitlines()[-1:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--build", default="build", help="the build directory (holds chapters/)")
    p.add_argument("--threads", default="2,1",
                   help="OpenBLAS thread counts to run with, comma-separated")
    p.add_argument("--json", help="write the results here")
    a = p.parse_args()
    try:
        thread_counts = [int(t) for t in a.threads.split(",")]
        if not thread_counts or min(thread_counts) < 1 or max(thread_counts) > 64:
            raise ValueError
    except ValueError:
        print(f"book_time: --threads {a.threads!r}; allowed: integers 1 to 64, "
              "comma-separated", file=sys.stderr)
        return 2
    executables = {c: os.path.join(a.build, "chapters", c) for c in CHAPTERS}
    for c, path in executables.items():
        if not os.access(path, os.X_OK):
            print(f"book_time: {path} not found; build it first (cmake --build {a.build})",
                  file=sys.stderr)
            return 2

    load_start = list(os.getloadavg())
    core = openblas_core()
    print(f"book_time: OpenBLAS core {core}, OPENBLAS_CORETYPE="
          f"{os.environ.get('OPENBLAS_CORETYPE', '(unset)')}, load {load_start}")
    rows, totals = [], []
    for threads in thread_counts:
        total_wall = total_cpu = 0.0
        for chapter in CHAPTERS:
            with tempfile.TemporaryDirectory(prefix="book-") as out:
                wall, cpu = run_chapter(executables[chapter], threads, out)
            total_wall += wall
            total_cpu += cpu
            rows.append({"threads": threads, "chapter": chapter, "wall": wall, "cpu": cpu})
            print(f"  threads {threads}  {chapter:<11} wall {wall:7.2f} s  CPU {cpu:7.2f} s")
        totals.append({"threads": threads, "wall": total_wall, "cpu": total_cpu,
                       "goal": GOAL_SECONDS, "within_goal": total_wall <= GOAL_SECONDS})
        print(f"  threads {threads}  whole book  wall {total_wall:7.2f} s  "
              f"CPU {total_cpu:7.2f} s  (goal {GOAL_SECONDS:g} s)")

    seconds = {"unit": "s"}
    doc = {
        "schema": "descent-bench/1",
        "benchmark": "book",
        "title": "The whole book: every chapter's `all` at its defaults",
        "command": "python3 bench/book_time.py --build build --threads "
                   + ",".join(map(str, thread_counts)) + " --json bench/results/book.json",
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "machine": {"cpu": cpu_model(), "cores": os.cpu_count(),
                    "load_average": {"start": load_start, "end": list(os.getloadavg())}},
        "openblas": {"core": core, "threads": thread_counts[0],
                     "coretype_env": os.environ.get("OPENBLAS_CORETYPE")},
        "parameters": {"chapters": CHAPTERS, "threads": thread_counts, "goal_s": GOAL_SECONDS},
        "tables": [
            {"key": "chapters", "title": "Each chapter's `all` (figures written)",
             "columns": [{"key": "threads", "label": "OpenBLAS threads", "unit": ""},
                         {"key": "chapter", "label": "chapter", "unit": ""},
                         dict(key="wall", label="wall", **seconds),
                         dict(key="cpu", label="CPU (user + system)", **seconds)],
             "rows": rows},
            {"key": "total", "title": "The whole book",
             "columns": [{"key": "threads", "label": "OpenBLAS threads", "unit": ""},
                         dict(key="wall", label="wall", **seconds),
                         dict(key="cpu", label="CPU (user + system)", **seconds),
                         dict(key="goal", label="goal", **seconds),
                         {"key": "within_goal", "label": "within the goal", "unit": ""}],
             "rows": totals},
        ],
        "charts": [],
        "notes": [
            "Wall time is what a reader waits; CPU time counts both cores, so a second OpenBLAS "
            "thread that spins shows there and not in the wall time.",
        ],
    }
    if a.json:
        with open(a.json, "w", encoding="utf-8") as f:
            json.dump(doc, f, indent=1)
            f.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
