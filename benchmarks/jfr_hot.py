#!/usr/bin/env python3
"""Where a JVM spent its CPU samples, from a JFR recording (Python 3 stdlib + the JDK's `jfr`).

    python3 benchmarks/jfr_hot.py RECORDING.jfr [TOP]

Prints markdown tables for the execution samples (threads running Java code) and the native-method
samples (threads in native code: blocking socket reads, file writes, fsync): the share of samples
whose stack passes through each of a few phases of a pull (hashing, socket reads, file writes,
HTTP parsing, JSON) and the hottest methods by self samples, so the README can say where the time
goes. async-profiler is not
available here; JFR's execution samples are (`-XX:StartFlightRecording=...,settings=profile`).
"""

import collections
import re
import subprocess
import sys

FRAME = re.compile(r"^\s+([\w$.<>/]+)\(.*\)\s+line:")

# a sample belongs to the first phase whose marker appears anywhere in its stack
PHASES = [
    ("SHA-256", ("sun.security.provider.SHA2", "sun.security.provider.DigestBase")),
    ("socket read", ("sun.nio.ch.NioSocketImpl.read", "java.net.SocketInputStream",
                     "SocketDispatcher.read")),
    ("fsync", ("FileChannelImpl.force", "FileDispatcherImpl.force")),
    ("file write", ("sun.nio.ch.FileChannelImpl", "FileDispatcherImpl",
                    "java.io.FileOutputStream")),
    ("HTTP client (Apache)", ("org.apache.hc.",)),
    ("JSON (Jackson)", ("com.fasterxml.jackson.",)),
    ("class loading / JIT start-up", ("java.lang.ClassLoader", "jdk.internal.loader")),
]


def samples(recording, event):
    out = subprocess.run(
        ["jfr", "print", "--events", event, "--stack-depth", "64", recording],
        capture_output=True, text=True, check=True).stdout
    stack = None
    for line in out.splitlines():
        if line.startswith(event):
            if stack:
                yield stack
            stack = []
        elif stack is not None:
            m = FRAME.match(line)
            if m:
                stack.append(m.group(1))
    if stack:
        yield stack


def count(recording, event):
    self_counts, phase_counts, total = collections.Counter(), collections.Counter(), 0
    for stack in samples(recording, event):
        total += 1
        self_counts[stack[0]] += 1
        joined = "\n".join(stack)
        phase = next((name for name, markers in PHASES if any(m in joined for m in markers)),
                     "other")
        phase_counts[phase] += 1
    return total, self_counts, phase_counts


def table(title, counter, total, top, code=False):
    print(f"\n| {title} | share of samples |")
    print("|---|---:|")
    for name, n in counter.most_common(top):
        print(f"| {f'`{name}`' if code else name} | {100 * n / total:.1f}% |")


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    top = int(sys.argv[2]) if len(sys.argv) == 3 else 10
    total, self_counts, phases = count(sys.argv[1], "jdk.ExecutionSample")
    if total == 0:
        sys.exit(f"{sys.argv[1]}: no execution samples")
    print(f"**Running Java code**: {total} execution samples.")
    table("Phase (stack passes through)", phases, total, None)
    table("Hottest methods (self)", self_counts, total, top, code=True)
    native_total, native_self, native_phases = count(sys.argv[1], "jdk.NativeMethodSample")
    if native_total:
        print(f"\n**In native code** (blocking I/O, fsync): {native_total} native-method samples.")
        table("Phase (stack passes through)", native_phases, native_total, None)
        table("Native methods (self)", native_self, native_total, top, code=True)


if __name__ == "__main__":
    main()
