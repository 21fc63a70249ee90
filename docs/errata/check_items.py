#!/usr/bin/env python3
"""Checks that the items and the errata page name each other (the ctest `docs/errata-items`).

An item names the errata entries it concerns by their anchors (app::Item::errata); the one-line
summary it prints is the entry's "In short" line in docs/errata/errata.md.in, compiled into the
chapters. This script reads every item's errata from `CHAPTER list --format json` and the
entries from the template, and fails, listing every problem, when
  - an item names an anchor that is not an entry of the template, or names one twice;
  - the summary an item prints is not the entry's "In short" line as the template has it now
    (a stale build, or a summary kept somewhere else);
  - an entry's evidence runs an item ({{run CHAPTER run ITEM}} or {{run CHAPTER describe ITEM}})
    that does not name the entry back, or that does not exist;
  - an entry has an "In short" line but no item names it (a summary nobody prints);
  - an "In short" line is not plain text (it is printed as is on a terminal: no backslash,
    backtick, dollar, underscore or placeholder).

Usage: check_items.py --exe medl04=PATH ... [--template docs/errata/errata.md.in]
"""
import argparse
import json
import pathlib
import re
import subprocess
import sys

HEADING = re.compile(r"^## .*\{#([\w-]+)\}\s*$")
RUN = re.compile(r"\{\{run (\w+) (?:run|describe) ([\w.-]+)")
SHORT = "- **In short:** "


def entries(template):
    """anchor -> {"summary": text or None, "runs": [(chapter, item)]}, in the template's order."""
    found = {}
    current = None
    in_short = False
    for line in template.splitlines():
        line = line.rstrip()
        if in_short and line.startswith("  ") and not line.startswith("  -"):
            current["summary"] += " " + line.strip()
            continue
        in_short = False
        heading = HEADING.match(line)
        if heading:
            anchor = heading.group(1)
            if anchor in found:
                raise SystemExit(f"errata-items: anchor {anchor} appears twice in the template")
            current = found[anchor] = {"summary": None, "runs": []}
        elif current is not None and line.startswith(SHORT):
            current["summary"] = line[len(SHORT):]
            in_short = True
        elif line.startswith("==="):
            current = None  # a chapter's heading (its title is the line before) ends the entry
        if current is not None:
            current["runs"] += RUN.findall(line)
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--exe", action="append", default=[], metavar="CHAPTER=PATH")
    parser.add_argument("--template", type=pathlib.Path,
                        default=pathlib.Path(__file__).with_name("errata.md.in"))
    args = parser.parse_args()
    executables = dict(e.split("=", 1) for e in args.exe)
    template = entries(args.template.read_text())
    problems = []

    named = {}  # (chapter, item) -> [anchor]
    for chapter, exe in executables.items():
        listing = json.loads(subprocess.run([exe, "list", "--format", "json"], check=True,
                                            capture_output=True, text=True).stdout)
        for item in listing["items"]:
            anchors = [e["anchor"] for e in item["errata"]]
            named[(chapter, item["id"])] = anchors
            where = f"{chapter} {item['id']}"
            if len(set(anchors)) != len(anchors):
                problems.append(f"{where} names an erratum twice: {anchors}")
            for e in item["errata"]:
                entry = template.get(e["anchor"])
                if entry is None:
                    problems.append(f"{where} names {e['anchor']}, which is not an entry of "
                                    f"{args.template.name}")
                elif entry["summary"] != e["summary"]:
                    problems.append(f"{where} prints for {e['anchor']} the summary "
                                    f"'{e['summary']}', the template has '{entry['summary']}'")
                if e["link"] != "errata.html#" + e["anchor"]:
                    problems.append(f"{where} links {e['anchor']} as {e['link']}")

    named_anchors = {a for anchors in named.values() for a in anchors}
    for anchor, entry in template.items():
        for chapter, item in entry["runs"]:
            if chapter not in executables:
                problems.append(f"{anchor} runs {chapter} {item}, and no --exe gives {chapter}")
            elif (chapter, item) not in named:
                problems.append(f"{anchor} runs {chapter} {item}, which is not an item")
            elif anchor not in named[(chapter, item)]:
                problems.append(f"{anchor}'s evidence runs {chapter} {item}, which does not "
                                f"name it back (app::Item::errata)")
        summary = entry["summary"]
        if summary is not None:
            if anchor not in named_anchors:
                problems.append(f"{anchor} has an 'In short' line but no item names it")
            bad = [c for c in ("\\", "`", "$", "_", "{{") if c in summary]
            if bad or not summary.strip():
                problems.append(f"{anchor}'s 'In short' line is not plain text ({bad or 'empty'})")

    for p in problems:
        print("errata-items:", p, file=sys.stderr)
    if problems:
        return 1
    print(f"errata-items: {len(named_anchors)} entries named by "
          f"{sum(1 for a in named.values() if a)} items, both ways consistent")
    return 0


if __name__ == "__main__":
    sys.exit(main())
