#!/usr/bin/env python3
"""Generates the navigation of the documentation site at docs time (docs/CMakeLists.txt).

    book_pages.py --source SRC --out GENERATED CHAPTER=EXECUTABLE...

The chapters are given in book order. For each chapter it reads the landing page
chapters/<id>/<id>.dox (its `\\subpage` list is the order of the section pages), every
section page chapters/<id>/*.dox (which item each page shows: the `\\include{doc}
<id>/<item>.md` of the item's export, under which `\\section`) and `<id> list --format json`
(every item, its place in the source, its title). It writes, under GENERATED:

    nav/<page>.md        previous / up / next links of every chapter and section page, in
                         book order (the last section of a chapter leads to the next chapter);
    nav/<id>-items.md    the chapter's items by section: source, title, page, command;
    pages/items.md       every item of every chapter by the source's numbering (page `items`);
    nav/pages.json       every page in book order with its title, for the search index.

Nothing here is typed in: a new item appears in the indexes as soon as `list` shows it, on
the page that includes its export (or, until one does, on the chapter's landing page).
"""
import argparse
import json
import pathlib
import re
import subprocess
import sys

KIND_ORDER = ["figure", "table", "eq", "algorithm", "section", "exercise", "slide"]


def parse_page(path):
    """The \\page of a .dox file, its title, and the items it includes, with their section."""
    text = path.read_text(encoding="utf-8")
    m = re.search(r"^\\page (\S+) (.*)$", text, re.M)
    if not m:
        return None
    page = {"name": m.group(1), "title": m.group(2).strip(), "items": {}, "subpages": []}
    section = (page["name"], page["title"])
    for line in text.splitlines():
        s = re.match(r"^\\(?:sub)*section (\S+) (.*)$", line)
        if s:
            section = (s.group(1), s.group(2).strip())
        for item in re.findall(r"\\include\{doc\} [\w-]+/([\w.-]+)\.md", line):
            page["items"].setdefault(item, section)
        sp = re.match(r"^- \\subpage (\S+)", line)
        if sp:
            page["subpages"].append(sp.group(1))
    page["text"] = text
    return page


def md_cell(text):
    return text.replace("|", "\\|").replace("*", "\\*").replace("_", "\\_")


def ref_label(text):
    return text.replace('"', "'")


def nav_line(prev, up, nxt, titles):
    def link(name, arrow_left, arrow_right):
        label = titles[name]
        return '\\ref %s "%s%s%s"' % (name, arrow_left, label.replace('"', "'"), arrow_right)

    parts = []
    parts.append('<span class="booknav-prev">%s</span>' % (link(prev, "← ", "") if prev else ""))
    parts.append('<span class="booknav-up">%s</span>' % (link(up, "↑ ", "") if up else ""))
    parts.append('<span class="booknav-next">%s</span>' % (link(nxt, "", " →") if nxt else ""))
    return '<div class="booknav">%s</div>\n' % "".join(parts)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--source", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("chapters", nargs="+", help="CHAPTER=EXECUTABLE, in book order")
    a = ap.parse_args()
    src = pathlib.Path(a.source)
    out = pathlib.Path(a.out)
    (out / "nav").mkdir(parents=True, exist_ok=True)
    (out / "pages").mkdir(parents=True, exist_ok=True)

    order = []  # (page name, chapter id, is landing)
    titles = {}
    chapter_pages = {}
    listings = {}
    for spec in a.chapters:
        ch, exe = spec.split("=", 1)
        listings[ch] = json.loads(subprocess.run([exe, "list", "--format", "json"], check=True,
                                                 capture_output=True, text=True).stdout)
        pages = {}
        for f in sorted((src / "chapters" / ch).glob("*.dox")):
            p = parse_page(f)
            if p:
                pages[p["name"]] = p
        if ch not in pages:
            sys.exit("book_pages: chapters/%s/%s.dox has no \\page %s" % (ch, ch, ch))
        landing = pages[ch]
        for name in landing["subpages"]:
            if name not in pages:
                sys.exit("book_pages: %s lists \\subpage %s, which no chapters/%s/*.dox defines"
                         % (ch, name, ch))
        unlisted = sorted(set(pages) - set(landing["subpages"]) - {ch})
        if unlisted:
            sys.exit("book_pages: pages %s are not in the \\subpage list of %s" % (unlisted, ch))
        for name, p in pages.items():
            titles[name] = p["title"]
        order.append((ch, ch, True))
        order += [(name, ch, False) for name in landing["subpages"]]
        chapter_pages[ch] = pages

    # Previous / up / next, in book order.
    for i, (name, ch, is_landing) in enumerate(order):
        prev = order[i - 1][0] if i > 0 else None
        nxt = order[i + 1][0] if i + 1 < len(order) else None
        up = "index" if is_landing else ch
        titles.setdefault("index", "descent")
        (out / "nav" / (name + ".md")).write_text(nav_line(prev, up, nxt, titles), encoding="utf-8")

    # Where each item is shown.
    all_rows = []
    for ch, listing in listings.items():
        pages = chapter_pages[ch]
        where = {}
        for name in [ch] + pages[ch]["subpages"]:
            for item, section in pages[name]["items"].items():
                where.setdefault(item, (name, section))
        rows = []
        for it in listing["items"]:
            if it["id"] not in where:  # named in a page's prose but not included there
                for name in pages[ch]["subpages"]:
                    if re.search(r"(?<![\w.-])%s(?![\w.-])" % re.escape(it["id"]),
                                 pages[name]["text"]):
                        where[it["id"]] = (name, (name, titles[name]))
                        break
            page, section = where.get(it["id"], (ch, (ch, titles[ch])))
            exe = "build/chapters/%s run %s" % (ch, it["id"])
            rows.append({"chapter": ch, "id": it["id"], "source": it["source"],
                         "title": it["title"], "page": page, "section": section[0],
                         "command": exe, "kind": it["id"].split("-", 1)[0]})
        all_rows += rows
        lines = []
        for name in pages[ch]["subpages"] + [ch]:
            mine = [r for r in rows if r["page"] == name]
            if not mine:
                continue
            heading = titles[name] if name != ch else "Not yet on a section page"
            lines.append("\n<b>\\ref %s \"%s\"</b>\n" % (name, heading.replace('"', "'")))
            lines.append("| in the source | what it computes | command |")
            lines.append("|:---|:---|:---|")
            for r in mine:
                lines.append("| \\ref %s \"%s\" | %s | `%s` |" % (
                    r["section"], ref_label(r["source"]), md_cell(r["title"]), r["command"]))
        (out / "nav" / (ch + "-items.md")).write_text("\n".join(lines) + "\n", encoding="utf-8")

    # The index of every item, grouped by chapter, then by kind in the source's numbering.
    kind_names = {"figure": "Figures", "table": "Tables", "eq": "Equations",
                  "algorithm": "Algorithms", "section": "Worked passages",
                  "exercise": "Exercises", "slide": "Slides"}
    lines = ["Index of items {#items}", "==============", "",
             "Every item of every chapter by the source's numbering: where the source has it, the",
             "section page that shows it, and the command that computes it. Generated at docs time",
             "from each chapter's `list`; any item's parameters: `build/chapters/<id> describe ITEM`.",
             "", "[TOC]", ""]
    for ch, listing in listings.items():
        lines += ["%s {#items-%s}" % (titles[ch], ch), "-" * 40, ""]
        rows = [r for r in all_rows if r["chapter"] == ch]
        for kind in KIND_ORDER + sorted({r["kind"] for r in rows} - set(KIND_ORDER)):
            mine = [r for r in rows if r["kind"] == kind]
            if not mine:
                continue
            lines += ["<b>%s</b>" % kind_names.get(kind, kind.capitalize()), "",
                      "| in the source | what it computes | page | command |",
                      "|:---|:---|:---|:---|"]
            for r in mine:
                lines.append("| \\ref %s \"%s\" | %s | \\ref %s \"%s\" | `%s` |" % (
                    r["section"], ref_label(r["source"]), md_cell(r["title"]), r["page"],
                    titles[r["page"]].replace('"', "'"), r["command"]))
            lines.append("")
    (out / "pages" / "items.md").write_text("\n".join(lines) + "\n", encoding="utf-8")

    (out / "nav" / "pages.json").write_text(json.dumps(
        {"order": [n for n, _, _ in order], "titles": titles, "items": all_rows}, indent=1),
        encoding="utf-8")


if __name__ == "__main__":
    main()
