#!/usr/bin/env python3
"""Builds the benchmarks page from the benchmarks' result files (issue 17; issue 14 item 8).

Every benchmark writes its results with `--json FILE` (bench/results.hpp describes the format,
schema "descent-bench/1"). This script fills a Markdown template with them, so that no number
on the page is typed by hand:

    python3 bench/make_page.py --results bench/results --template bench/benchmarks.md.in \\
        --out docs/pages/benchmarks.md [--charts inline|none] [--gnuplot gnuplot]
    python3 bench/make_page.py ... --check     # exit 1 if --out differs from what it would write

The template is Markdown with placeholders, each naming a result file by its stem
(bench/results/NAME.json):

    @bench:NAME:machine@                 when, where and how: date, CPU, cores, OpenBLAS core
                                         and threads, load average, the command
    @bench:NAME:table:KEY@               that table of the file as a Markdown table
    @bench:NAME:chart:N@                 its N-th chart (from 1): an SVG drawn by gnuplot,
                                         inlined in the page (--charts none leaves it out)
    @bench:NAME:value:KEY:COL=V:COLUMN@  one number for the prose: COLUMN of the row of table
                                         KEY whose COL equals V (4 significant digits)
    @bench:NAME:notes@                   the notes the benchmark wrote, one paragraph each

Only the Python standard library is used; gnuplot draws the charts (none are drawn, and the
page says so, if it is missing). --check compares the page with the charts taken out, so that a
different gnuplot version, or none, does not make it fail. Exit status 2 for a bad template or result
file (one line naming it), 1 if --check finds the page out of date.
"""

import argparse
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile

PLACEHOLDER = re.compile(r"@bench:([A-Za-z0-9_.-]+):([a-z]+)((?::[^@\n]*)?)@")
CHART_BEGIN = "\\htmlonly <!-- chart -->"
CHART_END = "\\endhtmlonly"


class Bad(Exception):
    """A template or result file that cannot be used."""


def number(value):
    """A value as the page prints it: integers as they are, other numbers to 4 significant
    digits in fixed point (scientific below 0.001 and from a million), text as it is."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            return "—"
        magnitude = abs(value)
        if magnitude == 0:
            return "0"
        if magnitude < 1e-3 or magnitude >= 1e6:
            return f"{value:.3e}"
        decimals = 3 - math.floor(math.log10(magnitude))
        return f"{value:.{max(decimals, 0)}f}"
    return str(value).replace("|", "\\|")


def load(results_dir, name, cache):
    if name not in cache:
        path = os.path.join(results_dir, name + ".json")
        try:
            with open(path, encoding="utf-8") as f:
                doc = json.load(f)
        except (OSError, json.JSONDecodeError) as e:
            raise Bad(f"{path}: {e}")
        if doc.get("schema") != "descent-bench/1":
            raise Bad(f"{path}: schema {doc.get('schema')!r}; allowed: 'descent-bench/1'")
        cache[name] = doc
    return cache[name]


def table_of(doc, key, name):
    for t in doc.get("tables", []):
        if t["key"] == key:
            return t
    raise Bad(f"{name}.json has no table {key!r}; it has "
              + ", ".join(repr(t["key"]) for t in doc.get("tables", [])))


def machine(doc):
    m, ob = doc["machine"], doc["openblas"]
    load_avg = m.get("load_average", {})

    def la(key):
        v = load_avg.get(key) or []
        return number(v[0]) if v else "unknown"

    date = doc["date"].replace("T", " ").replace("Z", " UTC")
    core = ob["core"] + (f" (OPENBLAS_CORETYPE={ob['coretype_env']})" if ob.get("coretype_env")
                         else "")
    return (f"Measured {date} on {m['cpu']} ({m['cores']} cores), OpenBLAS core {core}, "
            f"{ob['threads']} OpenBLAS thread{'s' if ob['threads'] != 1 else ''}, "
            f"load average {la('start')} at the start and {la('end')} at the end "
            f"(`{doc['command']}`).")


def markdown_table(table):
    columns = table["columns"]
    present = [c for c in columns if any(c["key"] in row for row in table["rows"])]
    head = [c["label"] + (f" [{c['unit']}]" if c["unit"] else "") for c in present]
    lines = ["| " + " | ".join(head) + " |",
             "|" + "|".join("---" for _ in present) + "|"]
    for row in table["rows"]:
        lines.append("| " + " | ".join(number(row.get(c["key"])) for c in present) + " |")
    return "\n".join(lines)


def value(doc, name, arg):
    parts = arg.split(":")
    if len(parts) != 3 or "=" not in parts[1]:
        raise Bad(f"@bench:{name}:value:{arg}@: allowed: value:TABLE:COLUMN=VALUE:COLUMN")
    key, match, column = parts
    col, want = match.split("=", 1)
    for row in table_of(doc, key, name)["rows"]:
        if col in row and str(row[col]) == want or number(row.get(col)) == want:
            if column not in row:
                raise Bad(f"{name}.json, table {key}: no column {column!r} in row {col}={want}")
            return number(row[column])
    raise Bad(f"{name}.json, table {key}: no row with {col} = {want}")


def gnuplot_quote(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def chart(doc, name, index, gnuplot):
    charts = doc.get("charts", [])
    if not 1 <= index <= len(charts):
        raise Bad(f"{name}.json has {len(charts)} chart(s); asked for chart {index}")
    spec = charts[index - 1]
    table = table_of(doc, spec["table"], name)
    labels = {c["key"]: c["label"] for c in table["columns"]}
    rows = [r for r in table["rows"] if spec["x"] in r]
    categorical = any(isinstance(r[spec["x"]], str) for r in rows)
    with tempfile.TemporaryDirectory() as tmp:
        data = os.path.join(tmp, "data.tsv")
        with open(data, "w", encoding="utf-8") as f:
            for r in rows:
                x = r[spec["x"]]
                cells = [gnuplot_quote(x) if categorical else repr(float(x))]
                for y in spec["y"]:
                    v = r.get(y)
                    cells.append("NaN" if v is None else repr(float(v)))
                f.write("\t".join(cells) + "\n")
        svg = os.path.join(tmp, "chart.svg")
        script = [
            "set terminal svg size 640,380 font 'Helvetica,12' background rgb 'white'",
            # Titles are literal text: cblas_dgemm, t_cblas must not become subscripts.
            "set termoption noenhanced",
            f"set output {gnuplot_quote(svg)}",
            "set datafile separator '\\t'",
            f"set title {gnuplot_quote(spec['title'])}",
            f"set xlabel {gnuplot_quote(spec['x_label'])}",
            f"set ylabel {gnuplot_quote(spec['y_label'])}",
            "set key outside right top vertical",
            "set grid",
        ]
        if spec.get("log_y"):
            script.append("set logscale y")
        plots = []
        if categorical:
            script += ["set style data histogram", "set style histogram clustered gap 1",
                       "set style fill solid 0.8 border -1"]
            # The goal line is an arrow, which autoscaling ignores: the range must include it.
            heights = [float(r[y]) for r in rows for y in spec["y"] if r.get(y) is not None]
            if spec.get("goal") is not None:
                heights.append(float(spec["goal"]))
            top = 1.1 * max(heights) if heights and max(heights) > 0 else 1.0
            script.append(f"set yrange [0:{top!r}]")
            for k, y in enumerate(spec["y"]):
                plots.append(f"{gnuplot_quote(data)} using {k + 2}:xtic(1) "
                             f"title {gnuplot_quote(labels.get(y, y))}")
        else:
            if spec.get("log_x"):
                # A tic at every measured size: a few sizes within a decade or two would
                # otherwise get one labelled tic or none.
                tics = ", ".join(f"{gnuplot_quote(number(r[spec['x']]))} {float(r[spec['x']])!r}"
                                 for r in rows)
                script += ["set logscale x", f"set xtics ({tics})"]
            # The x range is the data's (a log axis would otherwise run to the next decade),
            # with a margin so that the end points are not drawn on the frame.
            script += ["set autoscale xfix", "set offsets graph 0.05, graph 0.05, 0, 0"]
            for k, y in enumerate(spec["y"]):
                plots.append(f"{gnuplot_quote(data)} using 1:{k + 2} with linespoints "
                             f"lw 2 pt 7 title {gnuplot_quote(labels.get(y, y))}")
        if spec.get("goal") is not None:
            goal = float(spec["goal"])
            label = gnuplot_quote(spec.get("goal_label") or "goal")
            if categorical:
                script.append(f"set arrow from graph 0, first {goal!r} to graph 1, first {goal!r} "
                              "nohead dt 2 lw 2 lc rgb 'black'")
                script.append(f"set label {label} at graph 0.02, first {goal!r} offset 0,0.6")
            else:
                plots.append(f"{goal!r} with lines dt 2 lw 2 lc rgb 'black' title {label}")
        script.append("plot " + ", \\\n     ".join(plots))
        subprocess.run([gnuplot], input="\n".join(script) + "\n", text=True, check=True,
                       capture_output=True, timeout=60)
        with open(svg, encoding="utf-8") as f:
            text = f.read()
    text = re.sub(r"<\?xml[^>]*\?>\s*", "", text)
    text = re.sub(r"<!DOCTYPE[^>]*>\s*", "", text)
    text = "\n".join(line for line in text.splitlines() if line.strip())
    return f"{CHART_BEGIN}\n<div class=\"bench-chart\">\n{text}\n</div>\n{CHART_END}"


def fill(template, results_dir, charts, gnuplot):
    cache = {}

    def replace(m):
        name, kind, arg = m.group(1), m.group(2), m.group(3)[1:] if m.group(3) else ""
        doc = load(results_dir, name, cache)
        if kind == "machine":
            return machine(doc)
        if kind == "table":
            return markdown_table(table_of(doc, arg, name))
        if kind == "value":
            return value(doc, name, arg)
        if kind == "notes":
            return "\n\n".join(doc.get("notes", []))
        if kind == "chart":
            if not arg.isdigit():
                raise Bad(f"@bench:{name}:chart:{arg}@: allowed: chart:N with N from 1")
            if charts == "none":
                return ""
            if charts == "placeholder":  # --check: compared as "(chart)", gnuplot not needed
                return f"{CHART_BEGIN}\n{CHART_END}"
            if gnuplot is None:
                return "(chart not drawn: gnuplot was not found)"
            return chart(doc, name, int(arg), gnuplot)
        raise Bad(f"@bench:{name}:{kind}@: allowed kinds: machine, table, chart, value, notes")

    page = PLACEHOLDER.sub(replace, template)
    leftover = re.search(r"@bench:[^@\n]*@", page)
    if leftover:
        raise Bad(f"malformed placeholder {leftover.group(0)}")
    return page


def without_charts(page):
    return re.sub(re.escape(CHART_BEGIN) + r".*?" + re.escape(CHART_END), "(chart)", page,
                  flags=re.S)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--results", required=True, help="directory of the NAME.json result files")
    p.add_argument("--template", required=True, help="the Markdown template")
    p.add_argument("--out", required=True, help="the page to write")
    p.add_argument("--charts", choices=["inline", "none"], default="inline")
    p.add_argument("--gnuplot", default="gnuplot", help="the gnuplot to draw charts with")
    p.add_argument("--check", action="store_true",
                   help="write nothing; exit 1 if --out is not what would be written")
    a = p.parse_args()
    gnuplot = shutil.which(a.gnuplot)
    try:
        with open(a.template, encoding="utf-8") as f:
            template = f.read()
        page = fill(template, a.results, "placeholder" if a.check and a.charts == "inline"
                    else a.charts, gnuplot)
    except (Bad, OSError) as e:
        print(f"make_page.py: {e}", file=sys.stderr)
        return 2
    except subprocess.SubprocessError as e:
        print(f"make_page.py: gnuplot failed: {e}", file=sys.stderr)
        return 2
    if a.check:
        try:
            with open(a.out, encoding="utf-8") as f:
                current = f.read()
        except OSError as e:
            print(f"make_page.py: {e}", file=sys.stderr)
            return 1
        if without_charts(current) != without_charts(page):
            print(f"make_page.py: {a.out} is out of date; regenerate it with bench/make_page.py",
                  file=sys.stderr)
            return 1
        return 0
    directory = os.path.dirname(os.path.abspath(a.out))
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=directory, delete=False,
                                     suffix=".partial") as f:
        f.write(page)
    os.replace(f.name, a.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
