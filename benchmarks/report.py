#!/usr/bin/env python3
"""Turns JMH JSON results into a markdown table and an SVG bar chart (Python 3 stdlib only).

    python3 benchmarks/report.py benchmarks/results/jmh.json \
        --markdown benchmarks/results/jmh.md --svg benchmarks/results/jmh.svg \
        [--machine benchmarks/results/jmh-machine.md] [--readme benchmarks/README.md]

Byte-moving benchmarks get a MiB/s column: for throughput benchmarks one operation is one MiB
(see the benchmark classes), for the pull benchmark the image size from its `layout` parameter
divided by the time per pull. With --readme, the table replaces whatever stands between the
`<!-- jmh:begin -->` and `<!-- jmh:end -->` markers (or those of --section NAME), so README
numbers are always measured ones.
"""

import argparse
import html
import json
import re
import sys

sys.dont_write_bytecode = True  # no __pycache__ next to the scripts
from readme_section import replace_section  # noqa: E402

MIB_PER_OP = ("DigestBenchmark", "BlobWriteBenchmark")
LAYOUT = re.compile(r"^(\d+)x(\d+)(KiB|MiB)$")
TIME_UNITS = {"s/op": 1.0, "ms/op": 1e-3, "us/op": 1e-6, "ns/op": 1e-9}


def short_name(benchmark):
    """dev.registryclient.benchmarks.hash.DigestBenchmark.jdk -> DigestBenchmark.jdk"""
    parts = benchmark.split(".")
    tail = [p for p in parts if p[:1].isupper()]
    first = parts.index(tail[0]) if tail else len(parts) - 1
    return ".".join(parts[first:])


def layout_mib(layout):
    m = LAYOUT.match(layout or "")
    if not m:
        return None
    size = int(m.group(2)) / (1 if m.group(3) == "MiB" else 1024)
    return int(m.group(1)) * size


def mib_per_second(row):
    """The throughput in MiB/s the row stands for, or None if it moves no bytes."""
    metric = row["primaryMetric"]
    unit, score = metric["scoreUnit"], metric["score"]
    name = short_name(row["benchmark"])
    if name.split(".")[0] in MIB_PER_OP and unit == "ops/s":
        return score
    total = layout_mib(row.get("params", {}).get("layout"))
    if total is not None and unit in TIME_UNITS and score > 0:
        return total / (score * TIME_UNITS[unit])
    return None


def params_text(row):
    params = row.get("params") or {}
    return " ".join(f"{k}={v}" for k, v in params.items())


def number(x):
    if x is None or x != x:  # None or NaN
        return "–"
    if abs(x) >= 100:
        return f"{x:,.0f}"
    if abs(x) >= 10:
        return f"{x:.1f}"
    return f"{x:.2f}"


def markdown(rows):
    out = [
        "| Benchmark | Parameters | Score | ± error (99.9%) | Unit | MiB/s |",
        "|---|---|---:|---:|---|---:|",
    ]
    for row in rows:
        m = row["primaryMetric"]
        out.append(
            f"| {short_name(row['benchmark'])} | {params_text(row)} | {number(m['score'])} "
            f"| {number(m.get('scoreError'))} | {m['scoreUnit']} | {number(mib_per_second(row))} |"
        )
    return "\n".join(out) + "\n"


def svg(rows, title):
    """Horizontal bars of MiB/s for every row that moves bytes."""
    bars = [(f"{short_name(r['benchmark'])} {params_text(r)}".strip(), mib_per_second(r))
            for r in rows]
    bars = [(label, v) for label, v in bars if v is not None]
    label_width, bar_width, row_height, top = 470, 360, 18, 40
    width = label_width + bar_width + 80
    height = top + row_height * max(len(bars), 1) + 30
    peak = max((v for _, v in bars), default=1.0) or 1.0
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'font-family="sans-serif" font-size="11">',
        f'<rect width="{width}" height="{height}" fill="white"/>',
        f'<text x="10" y="22" font-size="14" font-weight="bold">{html.escape(title)}</text>',
    ]
    for i, (label, value) in enumerate(bars):
        y = top + i * row_height
        length = max(1.0, bar_width * value / peak)
        colour = "#4e79a7" if "Pull" not in label else "#f28e2b"
        parts.append(f'<text x="{label_width - 6}" y="{y + 12}" text-anchor="end">'
                     f"{html.escape(label)}</text>")
        parts.append(f'<rect x="{label_width}" y="{y + 2}" width="{length:.1f}" '
                     f'height="{row_height - 5}" fill="{colour}"/>')
        parts.append(f'<text x="{label_width + length + 4:.1f}" y="{y + 12}">'
                     f"{number(value)}</text>")
    parts.append(f'<text x="{label_width}" y="{height - 10}" fill="#555">MiB/s, longer is '
                 "better; blue: in-memory paths, orange: whole pulls from the test kit</text>")
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("json", help="JMH result file (-rf json)")
    parser.add_argument("--markdown", help="write the table here")
    parser.add_argument("--svg", help="write the chart here")
    parser.add_argument("--readme", help="put the table into a generated section of this file")
    parser.add_argument("--section", default="jmh", help="the section's name (default: jmh)")
    parser.add_argument("--title", default="registry-client JMH results")
    parser.add_argument("--machine", help="a markdown file describing the run, put above the table")
    args = parser.parse_args()

    with open(args.json, encoding="utf-8") as f:
        rows = json.load(f)
    if not isinstance(rows, list) or not rows:
        sys.exit(f"{args.json}: no JMH results in it")
    table = markdown(rows)
    if args.machine:
        with open(args.machine, encoding="utf-8") as f:
            table = f.read().rstrip("\n") + "\n\n" + table
    if args.markdown:
        with open(args.markdown, "w", encoding="utf-8") as f:
            f.write(table)
    if args.svg:
        with open(args.svg, "w", encoding="utf-8") as f:
            f.write(svg(rows, args.title))
    if args.readme:
        replace_section(args.readme, args.section, table)
    if not (args.markdown or args.svg or args.readme):
        sys.stdout.write(table)


if __name__ == "__main__":
    main()
