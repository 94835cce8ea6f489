#!/usr/bin/env python3
"""Replaces a generated section of a markdown file (Python 3 stdlib only).

    python3 benchmarks/readme_section.py NAME CONTENT_FILE benchmarks/README.md

Everything between `<!-- NAME:begin -->` and `<!-- NAME:end -->` is replaced by the content of
CONTENT_FILE, so the numbers in the README are always the last measured ones.
"""

import sys


def replace_section(path, name, content):
    begin, end = f"<!-- {name}:begin -->", f"<!-- {name}:end -->"
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if begin not in text or end not in text:
        sys.exit(f"{path}: markers {begin} / {end} not found")
    head, rest = text.split(begin, 1)
    _, tail = rest.split(end, 1)
    with open(path, "w", encoding="utf-8") as f:
        f.write(head + begin + "\n" + content.rstrip("\n") + "\n" + end + tail)


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    with open(sys.argv[2], encoding="utf-8") as f:
        replace_section(sys.argv[3], sys.argv[1], f.read())
