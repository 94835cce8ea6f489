#!/usr/bin/env python3
"""The side-by-side table of compare.sh, from its timings (Python 3 stdlib only).

    python3 benchmarks/compare_report.py TIMES BYTES RUNS LAYERS LAYER_MIB BIG BIG_BYTES BIG_MIB

TIMES has one line per run, "TOOL SECONDS PEAK_RSS_KIB" (TOOL: skopeo, client, curl, fetchhash,
startup; client_noseg in BIG). BIG is a file of such lines for the single large layer (the client
at -Xmx64m), "failed", or empty. The environment gives `hasher` (the references' hash command),
`via` (how the image was pulled), `load_before` and `load` (load averages before and after).
Prints markdown: image and machine, a table of medians, the ratios against issue 20's targets,
measured against the faster of the two simple-tools references.
"""

import datetime
import os
import statistics
import subprocess
import sys

NAMES = {
    "skopeo": "skopeo copy",
    "client": "registry-client pull",
    "client_noseg": "registry-client pull --no-segments",
    "curl": "parallel curl \\| tee \\| {hasher} (reference 1)",
    "fetchhash": "curl every blob at once, then {hasher} on 2 processes (reference 2)",
    "startup": "registry-client pull --help (start-up with a pull's JIT flags, no pull)",
}
ORDER = ("skopeo", "client", "client_noseg", "curl", "fetchhash", "startup")


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
            f"{now:%Y-%m-%d %H:%M} UTC; load average before {os.environ.get('load_before', '?')}, "
            f"at the end {os.environ.get('load', '?')} (other agents' builds share the machine).")


def table(rows, size, hasher):
    median = {t: statistics.median(s for s, _ in v) for t, v in rows.items()}
    print("| Tool | median s | MB/s | peak RSS MiB | runs (s) |")
    print("|---|---:|---:|---:|---|")
    for tool in ORDER:
        if tool in rows:
            peak = max(r for _, r in rows[tool]) / 1024
            each = " ".join(f"{s:.2f}" for s, _ in rows[tool])
            rate = "–" if tool == "startup" else f"{size / 1e6 / median[tool]:.0f}"
            name = NAMES[tool].format(hasher=hasher)
            print(f"| {name} | {median[tool]:.2f} | {rate} | {peak:.0f} | {each} |")
    print()
    return median


def reference(median):
    """The faster of the two simple-tools references, and its name."""
    refs = [t for t in ("curl", "fetchhash") if t in median]
    best = min(refs, key=lambda t: median[t])
    return median[best], f"reference {1 if best == 'curl' else 2}"


def main():
    if len(sys.argv) != 9:
        sys.exit(__doc__)
    times, size, runs, layers, layer_mib, big, big_bytes, big_mib = sys.argv[1:9]
    size, big_bytes = int(size), int(big_bytes)
    rows = read_times(times)
    hasher = os.environ.get("hasher", "sha256sum").split()[0]

    print(f"Image: {layers} x {layer_mib} MiB random gzip layers, {size / 1e6:.1f} MB of blobs, "
          f"pulled {os.environ.get('via', 'from docker-registry')}; "
          f"median of {runs} runs after a warm-up round.  ")
    print(machine() + "\n")
    median = table(rows, size, hasher)
    ref, ref_name = reference(median)
    if "client" in median:
        print(f"- registry-client throughput / skopeo: "
              f"**{median['skopeo'] / median['client']:.2f}x** (target >= 1.5)")
        print(f"- registry-client time / faster reference ({ref_name}): "
              f"{median['client'] / ref:.2f}x")
        if "startup" in median:
            pulling = median["client"] - median["startup"]
            print(f"- without its start-up time the client pulls in {pulling:.2f} s: "
                  f"**{pulling / ref:.2f}x** the faster reference's time (target <= 1.3), "
                  f"{median['skopeo'] / pulling:.2f}x skopeo's throughput")
    print(f"- skopeo time / faster reference: {median['skopeo'] / ref:.2f}x")
    if big == "failed":
        print(f"\nSingle {big_mib} MiB layer: **failed** (see the log)")
    elif big:
        print(f"\nSingle {big_mib} MiB layer (the client with JAVA_OPTS=-Xmx64m), "
              f"median of {len(read_times(big)['skopeo'])} runs:\n")
        big_median = table(read_times(big), big_bytes, hasher)
        big_ref, big_ref_name = reference(big_median)
        client, noseg = big_median["client"], big_median["client_noseg"]
        rss = max(r for _, r in read_times(big)["client"]) / 1024
        print(f"- registry-client (segmented) throughput / skopeo: "
              f"**{big_median['skopeo'] / client:.2f}x** (target >= 3)")
        print(f"- segmented / one stream (--no-segments): {noseg / client:.2f}x the throughput")
        print(f"- registry-client time / faster reference ({big_ref_name}): "
              f"{client / big_ref:.2f}x")
        print(f"- peak RSS of the segmented pull: **{rss:.0f} MiB** (target <= 80 MB)")


if __name__ == "__main__":
    main()
