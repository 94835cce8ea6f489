#!/usr/bin/env python3
"""The side-by-side table of compare.sh, from its timings (Python 3 stdlib only).

    python3 benchmarks/compare_report.py TIMES BYTES RUNS LAYERS LAYER_MIB BIG BIG_BYTES BIG_MIB

TIMES has one line per run, "TOOL SECONDS PEAK_RSS_KIB" (TOOL: skopeo, client, curl, startup).
BIG is the line of the single-layer pull at -Xmx64m, "failed", or empty. The environment gives
`hasher` (the bound's hash command), `via` (how the image was pulled) and `load` (load average).
Prints markdown: image and machine, a table of medians, the ratios against the issue's targets.
"""

import datetime
import os
import statistics
import subprocess
import sys

NAMES = {
    "skopeo": "skopeo copy",
    "client": "registry-client pull",
    "curl": "parallel curl + {hasher} (bound)",
    "startup": "registry-client --version (JVM start-up, no pull)",
}


def read_times(path):
    rows = {}
    with open(path) as f:
        for line in f:
            tool, seconds, rss = line.split()
            rows.setdefault(tool, []).append((float(seconds), int(rss)))
    return rows


def machine():
    with open("/proc/cpuinfo") as f:
        cpu = next(l.split(":", 1)[1].strip() for l in f if l.startswith("model name"))
    with open("/proc/meminfo") as f:
        mem = int(next(l.split()[1] for l in f if l.startswith("MemTotal"))) / 1048576
    jdk = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    now = datetime.datetime.now(datetime.timezone.utc)
    return (f"Machine: {os.cpu_count()} cores, {cpu}, {mem:.1f} GiB; {jdk}; "
            f"{now:%Y-%m-%d %H:%M} UTC; load average at the end {os.environ.get('load', '?')}.")


def main():
    if len(sys.argv) != 9:
        sys.exit(__doc__)
    times, size, runs, layers, layer_mib, big, big_bytes, big_mib = sys.argv[1:9]
    size, big_bytes = int(size), int(big_bytes)
    rows = read_times(times)
    median = {t: statistics.median(s for s, _ in v) for t, v in rows.items()}
    hasher = os.environ.get("hasher", "sha256sum").split()[0]

    print(f"Image: {layers} x {layer_mib} MiB random gzip layers, {size / 1e6:.1f} MB of blobs, "
          f"pulled {os.environ.get('via', 'from docker-registry')}; "
          f"median of {runs} runs after a warm-up round.  ")
    print(machine() + "\n")
    print("| Tool | median s | MB/s | peak RSS MiB | runs (s) |")
    print("|---|---:|---:|---:|---|")
    for tool in ("skopeo", "client", "curl", "startup"):
        if tool in rows:
            peak = max(r for _, r in rows[tool]) / 1024
            each = " ".join(f"{s:.2f}" for s, _ in rows[tool])
            rate = "–" if tool == "startup" else f"{size / 1e6 / median[tool]:.0f}"
            name = NAMES[tool].format(hasher=hasher)
            print(f"| {name} | {median[tool]:.2f} | {rate} | {peak:.0f} | {each} |")
    print()
    if "client" in median:
        print(f"- registry-client throughput / skopeo: "
              f"**{median['skopeo'] / median['client']:.2f}x** (target >= 2.0)")
        print(f"- registry-client time / bound: **{median['client'] / median['curl']:.2f}x** "
              "(target <= 1.6)")
        if "startup" in median:
            pulling = median["client"] - median["startup"]
            print(f"- without its start-up time the client pulls in {pulling:.2f} s: "
                  f"{median['skopeo'] / pulling:.2f}x skopeo's throughput, "
                  f"{pulling / median['curl']:.2f}x the bound's time")
    print(f"- skopeo time / bound: {median['skopeo'] / median['curl']:.2f}x")
    if big == "failed":
        print(f"- single {big_mib} MiB layer with JAVA_OPTS=-Xmx64m: **failed** (see the log)")
    elif big:
        _, seconds, rss = big.split()
        print(f"- single {big_mib} MiB layer with JAVA_OPTS=-Xmx64m: pulled in "
              f"{float(seconds):.2f} s ({big_bytes / 1e6 / float(seconds):.0f} MB/s), "
              f"peak RSS {int(rss) / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
