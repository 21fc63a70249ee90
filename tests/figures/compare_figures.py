#!/usr/bin/env python3
"""Compares two directories of figure files as a reader would: the same files, the same
scripts, and the same numbers up to what no plot can show.

    compare_figures.py COMMITTED_DIR FRESH_DIR

Scripts (.gp, .dot) must match byte for byte. Data (.tsv) and drawings (.svg) must match
token by token, except that numbers may differ by a relative 1e-6 (TSV; the data carries 8
significant digits, and BLAS kernels or libm builds on another machine move the last bits)
or by 0.05 units (SVG coordinates, drawn at 0.01). Prints one line per difference found and
exits 1 if there is any. Standard library only.
"""
import os
import re
import sys

NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|[-+]?(?:inf|nan)")


def tokens(text):
    """Splits text into (is_number, token) pairs."""
    out, last = [], 0
    for m in NUMBER.finditer(text):
        if m.start() > last:
            out.append((False, text[last:m.start()]))
        out.append((True, m.group()))
        last = m.end()
    if last < len(text):
        out.append((False, text[last:]))
    return out


def close(a, b, relative, absolute):
    if a == b:
        return True
    try:
        x, y = float(a), float(b)
    except ValueError:
        return False
    if x != x or y != y:  # nan
        return x != x and y != y
    return abs(x - y) <= max(absolute, relative * max(abs(x), abs(y)))


def compare_text(committed, fresh, relative, absolute):
    """The first difference as a short description, or None."""
    if committed == fresh:
        return None
    a, b = tokens(committed), tokens(fresh)
    line = 1
    for (na, ta), (nb, tb) in zip(a, b):
        if na and nb:
            if not close(ta, tb, relative, absolute):
                return f"line {line}: {ta} against {tb}"
        elif ta != tb:
            return f"line {line}: text differs ({ta.strip()[:40]!r} against {tb.strip()[:40]!r})"
        line += ta.count("\n")
    if len(a) != len(b):
        return f"line {line}: one file is longer"
    return None


def main():
    committed_dir, fresh_dir = sys.argv[1], sys.argv[2]
    kinds = (".tsv", ".gp", ".svg", ".dot")
    names = lambda d: {f for f in os.listdir(d) if f.endswith(kinds)} if os.path.isdir(d) else set()
    committed, fresh = names(committed_dir), names(fresh_dir)
    problems = []
    for f in sorted(committed - fresh):
        problems.append(f"{f}: committed but no longer drawn")
    for f in sorted(fresh - committed):
        problems.append(f"{f}: drawn but not committed")
    for f in sorted(committed & fresh):
        with open(os.path.join(committed_dir, f), encoding="utf-8", errors="replace") as h:
            a = h.read()
        with open(os.path.join(fresh_dir, f), encoding="utf-8", errors="replace") as h:
            b = h.read()
        if f.endswith((".gp", ".dot")):
            diff = None if a == b else "the script differs"
        elif f.endswith(".tsv"):
            diff = compare_text(a, b, 1e-6, 0.0)
        else:
            diff = compare_text(a, b, 0.0, 0.05)
        if diff:
            problems.append(f"{f}: {diff}")
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
