#!/usr/bin/env python3
"""Writes docs/pages/errata.md from docs/errata/errata.md.in.

The prose of every erratum (printed form, corrected form, where) is written by hand in the
template; every number of its evidence is not: a placeholder names the command of a chapter
executable and the value it prints, and this script runs the command and writes the value.
A citation of a test is checked too (the file exists and contains the test's name), so the page
cannot point at a test that was renamed or removed.

Placeholders (the command is what a user types, e.g. `medl04 run eq-4.69`):
  {{run CMD}}                          `CMD`, after checking that it exits 0
  {{value CMD :: NAME [:: FORMAT]}}    the value NAME of `CMD --format json`
  {{cell CMD :: TABLE :: ROW :: COLUMN [:: FORMAT]}}
                                       a table cell; ROW is the text or number of the first cell
                                       (of the first cells: "fixed_0 @ 100000")
  {{param CMD :: NAME}}                the value of parameter NAME the command runs with
  {{status CMD}}                       the status line `CMD` prints
  {{title CMD}}                        the title of the item `CMD` runs
  {{error CMD}}                        the one line `CMD` writes to stderr; it must exit 2
  {{test PATH :: NAME}}                test "NAME" in PATH (PATH must contain NAME)
FORMAT is a Python format spec (default .6g); numbers are written with a proper minus sign
and powers of ten (2.1 × 10⁻¹⁷).

Usage:
  generate_errata.py --exe medl04=PATH ... [--root DIR] [--check]
With --check nothing is written: the exit status is 1 if docs/pages/errata.md differs from
what the template and the executables give now (the ctest `errata/up-to-date`).
"""
import argparse
import json
import math
import pathlib
import re
import subprocess
import sys

PLACEHOLDER = re.compile(r"\{\{(\w+) (.*?)\}\}", re.S)
SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


class Runner:
    """Runs the chapter executables, each distinct command once."""

    def __init__(self, executables):
        self.executables = executables
        self.cache = {}

    def _argv(self, command):
        words = command.split()
        if not words or words[0] not in self.executables:
            raise SystemExit(f"errata: unknown chapter in command '{command}'")
        return [self.executables[words[0]]] + words[1:]

    def run(self, command, json_output=True):
        key = (command, json_output)
        if key not in self.cache:
            argv = self._argv(command)
            if json_output:
                argv += ["--format", "json"]
            done = subprocess.run(argv, capture_output=True, text=True, timeout=600)
            if done.returncode != 0:
                raise SystemExit(f"errata: '{command}' exited {done.returncode}: "
                                 f"{done.stderr.strip()}")
            self.cache[key] = json.loads(done.stdout) if json_output else done.stdout
        return self.cache[key]

    def error(self, command):
        done = subprocess.run(self._argv(command), capture_output=True, text=True, timeout=600)
        lines = done.stderr.strip().splitlines()
        if done.returncode != 2 or len(lines) != 1:
            raise SystemExit(f"errata: '{command}' should exit 2 with one line, got "
                             f"{done.returncode} and {lines}")
        return lines[0]


def number(x, spec):
    """A number as the page shows it: 2.1 × 10⁻¹⁷, −0.7, 12."""
    if isinstance(x, str):
        return x
    if x is None or not math.isfinite(x):
        return str(x)
    text = format(x, spec)
    if "e" in text:
        mantissa, exponent = text.split("e")
        text = f"{mantissa} × 10{str(int(exponent)).translate(SUPERSCRIPT)}"
    return text.replace("-", "−")


def is_cell(cell, label):
    if isinstance(cell, str):
        return cell == label
    try:
        return float(label) == cell
    except ValueError:
        return False


def is_row(row, label):
    """ROW names the first cells of a row, separated by @: "fixed_0 @ 100000"."""
    labels = [part.strip() for part in label.split("@")]
    return all(is_cell(cell, text) for cell, text in zip(row, labels))


def expand(kind, body, runner, root):
    parts = [p.strip() for p in body.split("::")]
    command = " ".join(parts[0].split())
    if kind == "run":
        runner.run(command, json_output=command.split()[1:2] == ["run"])
        return f"`{command}`"
    if kind == "value":
        values = runner.run(command)["values"]
        if parts[1] not in values:
            raise SystemExit(f"errata: '{command}' prints no value '{parts[1]}'")
        return number(values[parts[1]], parts[2] if len(parts) > 2 else ".6g")
    if kind == "cell":
        tables = [t for t in runner.run(command)["tables"] if t["name"] == parts[1]]
        if not tables:
            raise SystemExit(f"errata: '{command}' prints no table '{parts[1]}'")
        table = tables[0]
        column = table["columns"].index(parts[3])
        rows = [r for r in table["rows"] if is_row(r, parts[2])]
        if len(rows) != 1:
            raise SystemExit(f"errata: '{command}' table '{parts[1]}': {len(rows)} rows "
                             f"'{parts[2]}'")
        return number(rows[0][column], parts[4] if len(parts) > 4 else ".6g")
    if kind == "param":
        params = runner.run(command)["params"]
        if parts[1] not in params:
            raise SystemExit(f"errata: '{command}' has no parameter '{parts[1]}'")
        value = params[parts[1]]
        items = value if isinstance(value, list) else [value]
        return ", ".join(number(v, parts[2] if len(parts) > 2 else ".6g") for v in items)
    if kind == "status":
        return runner.run(command)["status"] or ""
    if kind == "title":
        return runner.run(command)["title"]
    if kind == "error":
        return runner.error(command)
    if kind == "test":
        path = root / parts[0]
        if not path.is_file() or f'TEST_CASE("{parts[1]}"' not in path.read_text():
            raise SystemExit(f"errata: no test \"{parts[1]}\" in {parts[0]}")
        return f"test “{parts[1]}” (`{parts[0]}`)"
    raise SystemExit(f"errata: unknown placeholder '{kind}'")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--exe", action="append", default=[], metavar="CHAPTER=PATH")
    parser.add_argument("--root", type=pathlib.Path,
                        default=pathlib.Path(__file__).resolve().parents[2])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    executables = dict(e.split("=", 1) for e in args.exe)
    runner = Runner(executables)
    template = (args.root / "docs/errata/errata.md.in").read_text()
    page = PLACEHOLDER.sub(
        lambda m: expand(m.group(1), m.group(2), runner, args.root), template)
    target = args.root / "docs/pages/errata.md"
    if args.check:
        if target.read_text() != page:
            print("errata: docs/pages/errata.md is out of date; regenerate it with "
                  "docs/errata/generate_errata.py", file=sys.stderr)
            return 1
        return 0
    target.write_text(page)
    return 0


if __name__ == "__main__":
    sys.exit(main())
