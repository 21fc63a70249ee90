#!/usr/bin/env python3
"""Extracts the text of the documentation site, section by section, for its full-text search.

    search_index.py --source SRC --nav GENERATED/nav/pages.json HTML_DIR

Reads the generated HTML of every chapter and section page (in book order, from
book_pages.py's pages.json) and of every page of docs/pages, splits each at its headings
(<h1>/<h2> with an anchor: one record per item's section) and writes HTML_DIR/search-data.js:

    window.DESCENT_SEARCH_DOCS = [{"u": url#anchor, "p": page title, "t": heading, "b": text}, ...]

as a script (not JSON) so that it also loads from file:// pages. docs/descent-search.js
builds the lunr index from it in the browser. Code listings, the table of contents and
the navigation links are left out: the search is over the prose, the headings, the
formulas' TeX and the items' sources and titles (the item index page is indexed whole).
"""
import argparse
import html.parser
import json
import pathlib
import re

SKIP_CLASSES = {"fragment", "toc", "booknav", "line"}


class Sections(html.parser.HTMLParser):
    """Text of the page's contents, cut at every heading that carries an anchor."""

    def __init__(self, keep_tables):
        super().__init__(convert_charrefs=True)
        self.keep_tables = keep_tables
        self.in_contents = 0  # depth inside <div class="contents">, 0 = outside
        self.skip = 0  # depth inside something left out
        self.stack = []
        self.records = [{"a": "", "t": "", "b": []}]
        self.heading = None  # text of the heading being read
        self.pending_anchor = ""
        self.title = ""
        self.in_title = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = set((a.get("class") or "").split())
        if tag == "div" and "title" in classes and not self.in_contents:
            self.in_title = True
        if tag == "div" and "contents" in classes and not self.in_contents:
            self.in_contents = 1
            self.stack.append(("div", False))
            return
        if not self.in_contents:
            return
        if tag in ("br", "img", "hr", "input", "meta", "link"):
            return
        skipping = bool(classes & SKIP_CLASSES) or tag in ("script", "style") or (
            tag == "table" and not self.keep_tables)
        self.stack.append((tag, skipping))
        if skipping:
            self.skip += 1
        if tag == "a" and a.get("id") and not self.skip:
            self.pending_anchor = a["id"]
        if tag in ("h1", "h2") and not self.skip:
            self.heading = []

    def handle_endtag(self, tag):
        if self.in_title and tag == "div":
            self.in_title = False
        if not self.in_contents or tag in ("br", "img", "hr", "input", "meta", "link"):
            return
        # Pop to the matching tag; an end tag that closes nothing open (Doxygen writes a few
        # around <details> and raw HTML blocks) is ignored.
        if tag not in (t for t, _ in self.stack):
            return
        while self.stack:
            t, skipping = self.stack.pop()
            if skipping:
                self.skip -= 1
            if t == tag:
                break
        if not self.stack:
            self.in_contents = 0
        if tag in ("h1", "h2") and self.heading is not None:
            text = " ".join("".join(self.heading).split())
            self.records.append({"a": self.pending_anchor, "t": text, "b": []})
            self.heading = None
            self.pending_anchor = ""

    def handle_data(self, data):
        if self.in_title:
            self.title += data
        if not self.in_contents or self.skip:
            return
        if self.heading is not None:
            self.heading.append(data)
        else:
            self.records[-1]["b"].append(data)


def page_ids(source):
    """The page ids of docs/pages/*.md ({#id}); the main page is index.html."""
    ids = []
    for f in sorted((source / "docs" / "pages").glob("*.md")):
        m = re.search(r"\{#([\w-]+)\}", f.read_text(encoding="utf-8"))
        if m:
            ids.append("index" if m.group(1) == "mainpage" else m.group(1))
    return ids


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--source", required=True)
    ap.add_argument("--nav", required=True)
    ap.add_argument("html_dir")
    a = ap.parse_args()
    html_dir = pathlib.Path(a.html_dir)
    nav = json.loads(pathlib.Path(a.nav).read_text(encoding="utf-8"))
    pages = list(nav["order"]) + [p for p in page_ids(pathlib.Path(a.source)) + ["items"]
                                  if p not in nav["order"]]
    docs = []
    for name in pages:
        path = html_dir / (name + ".html")
        if not path.exists():
            continue
        parser = Sections(keep_tables=(name == "items"))
        parser.feed(path.read_text(encoding="utf-8"))
        title = " ".join(parser.title.split())
        for i, r in enumerate(parser.records):
            body = " ".join("".join(r["b"]).split())
            if i == 0 and not body:
                continue
            url = name + ".html" + ("#" + r["a"] if r["a"] and i > 0 else "")
            docs.append({"u": url, "p": title, "t": r["t"] or title, "b": body})
    # Each item's place in the source and its title go with the section that shows it, so
    # that "Figure 4.9" or "Table 4.2" finds the section even where its prose says it otherwise.
    by_url = {d["u"]: d for d in docs}
    for item in nav["items"]:
        for url in (item["page"] + ".html#" + item["section"], item["page"] + ".html"):
            if url in by_url:
                d = by_url[url]
                d["s"] = (d.get("s", "") + " " + item["source"] + " " + item["id"] + " " +
                          item["title"]).strip()
                break
    out = html_dir / "search-data.js"
    out.write_text("window.DESCENT_SEARCH_DOCS = " + json.dumps(docs, ensure_ascii=False,
                                                                separators=(",", ":")) + ";\n",
                   encoding="utf-8")
    print("search_index: %d sections of %d pages, %d kB" % (
        len(docs), len(pages), out.stat().st_size // 1024))


if __name__ == "__main__":
    main()
