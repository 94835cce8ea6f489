#!/usr/bin/env bash
# compare_copy.sh: `registry-client copy` side by side with `skopeo copy docker:// docker://`,
# registry to registry, between two real docker-registry processes on loopback.
#
#   benchmarks/compare_copy.sh           # 8 x 64 MiB gzip layers, RUNS=5, 512 MiB layer at -Xmx64m
#   SMALL=1 benchmarks/compare_copy.sh   # quick try: 8 x 8 MiB, RUNS=3, 64 MiB layer
#   CLIENT_ARGS="--parallel 6" ...       # options for registry-client copy
#
# Both start cold every run: each copy goes to a new repository of the target registry (so every
# blob is uploaded again: no skip, and no mount across registries), skopeo's blob-info cache is
# removed before each of its runs (with it, skopeo would mount from a repository it remembers), and
# the client is a new process (its blob-location cache lives in memory). Prints median seconds,
# MB/s (10^6 bytes of blobs per second), peak RSS and the ratio, then copies a single 512 MiB
# layer with JAVA_OPTS=-Xmx64m. The table goes to benchmarks/results/compare-copy.md and that
# section of benchmarks/README.md. Loopback only; everything started is stopped on exit.
# Needs: docker-registry, skopeo, curl, python3, Java 17, GNU time at /usr/bin/time.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
here="$root/benchmarks"
if [[ "${SMALL:-0}" == 1 ]]; then
  layers=8 layer_mib=8 big_mib=64 runs="${RUNS:-3}"
else
  layers=8 layer_mib=64 big_mib=512 runs="${RUNS:-5}"
fi
client="${CLIENT:-$root/registry-client}"
CLIENT_ARGS="${CLIENT_ARGS:-}"
timer=/usr/bin/time
for tool in docker-registry skopeo curl python3 java; do
  command -v "$tool" >/dev/null || { echo "compare_copy.sh: $tool is not installed" >&2; exit 1; }
done
[[ -x "$timer" ]] || { echo "compare_copy.sh: $timer missing (apt-get install time)" >&2; exit 1; }

work="$(mktemp -d "${TMPDIR:-/tmp}/compare-copy-XXXXXX")"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
say() { printf '%s\n' "$*" >&2; }
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# start_registry NAME: a docker-registry with its own config and storage; prints host:port
start_registry() {
  local name="$1" port
  port="$(free_port)"
  cat >"$work/$name.yml" <<YAML
version: 0.1
log:
  level: warn
  accesslog:
    disabled: true
storage:
  filesystem:
    rootdirectory: "$work/$name"
http:
  addr: 127.0.0.1:$port
YAML
  docker-registry serve "$work/$name.yml" >"$work/$name.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 100); do
    if curl -sf -o /dev/null "http://127.0.0.1:$port/v2/"; then
      echo "127.0.0.1:$port"
      return
    fi
    sleep 0.1
  done
  say "docker-registry did not come up:"; cat "$work/$name.log" >&2; exit 1
}

# skopeo's blob-info cache, wherever this user's containers storage keeps it
skopeo_caches() {
  ls -d /var/lib/containers/cache/blob-info-cache-v1.boltdb \
    "${XDG_DATA_HOME:-$HOME/.local/share}/containers/cache/blob-info-cache-v1.boltdb" 2>/dev/null || true
}

run_skopeo() {
  # shellcheck disable=SC2046 # one path per line
  rm -f $(skopeo_caches)
  skopeo copy -q --src-tls-verify=false --dest-tls-verify=false \
    "docker://$source/bench/$2:v1" "docker://$target/$1:v1"
}
# the bound: every blob at once, curl GET from the source piped into a streamed PUT at the target
# (no parsing, no client-side hashing, no JVM)
run_bound() {
  local repo="$1" name="$2" d loc
  for d in $(cat "$work/digests-$name"); do
    (loc="$(curl -sf -X POST -D - -o /dev/null "http://$target/v2/$repo/blobs/uploads/" |
      awk -F': ' 'tolower($1)=="location"{print $2}' | tr -d '\r')"
      case "$loc" in http*) ;; *) loc="http://$target$loc" ;; esac
      curl -sf "http://$source/v2/bench/$name/blobs/$d" |
        curl -sf -X PUT -H 'Content-Type: application/octet-stream' -T - "$loc&digest=$d" -o /dev/null) &
  done
  local failed=0 job
  for job in $(jobs -p); do wait "$job" || failed=1; done
  return "$failed"
}
# not a contender: the client's fixed cost (JVM start, class loading, picocli) without any copy
# the start-up a copy pays, with a copy's JIT flags (the launcher runs --help with C1 only)
run_startup() { REGISTRY_CLIENT_ONE_SHOT_JIT=0 "$client" copy --help >/dev/null; }
# shellcheck disable=SC2086 # CLIENT_ARGS holds several words on purpose
run_client() {
  "$client" copy --quiet ${CLIENT_ARGS:-} "$source/bench/$2:v1" "$target/$1:v1" >/dev/null
}

# measure TOOL NAME: one cold copy into a new repository; appends "TOOL seconds rss_kib"
measure() {
  local tool="$1" name="$2" repo
  count=$((count + 1))
  repo="run$count/$tool"
  sync
  local start end
  start="$(date +%s.%N)"
  if ! "$timer" -v -o "$work/time.txt" bash -c 'run_'"$tool"' "$1" "$2"' _ "$repo" "$name" \
    2>"$work/stderr.txt"; then
    say "$tool failed:"; cat "$work/stderr.txt" "$work/time.txt" >&2
    return 1
  fi
  end="$(date +%s.%N)"
  # the target must serve the same manifest, byte for byte (the bound writes blobs only)
  if [[ "$tool" == client || "$tool" == skopeo ]] && ! cmp -s <(curl -sf -H "Accept: $accept" "http://$source/v2/bench/$name/manifests/v1") \
    <(curl -sf -H "Accept: $accept" "http://$target/v2/$repo/manifests/v1"); then
    say "$tool: the manifest at $target/$repo differs from the source"; return 1
  fi
  if [[ "$tool" == bound ]]; then
    local d
    for d in $(cat "$work/digests-$name"); do
      curl -sf -I -o /dev/null "http://$target/v2/$repo/blobs/$d" ||
        { say "bound: blob $d missing at $target/$repo"; return 1; }
    done
  fi
  echo "$tool $(python3 -c "print($end - $start)") \
$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")" >>"$work/times"
}

accept="application/vnd.oci.image.manifest.v1+json"
say "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs);" \
  "$(java -version 2>&1 | head -1); $(skopeo --version)"
source="$(start_registry source)"
target="$(start_registry target)"
count=0
export source target client CLIENT_ARGS accept work
export -f run_skopeo run_client run_bound run_startup skopeo_caches
push_image() {
  local name="$1" n="$2" mib="$3" bytes
  bytes="$(python3 "$here/make_image.py" "$work/layout-$name" v1 "$n" "$mib")"
  skopeo copy -q --dest-tls-verify=false "oci:$work/layout-$name:v1" \
    "docker://$source/bench/$name:v1" >&2
  rm -rf "$work/layout-$name"
  curl -sf -H "Accept: $accept" "http://$source/v2/bench/$name/manifests/v1" |
    python3 -c 'import json,sys; m=json.load(sys.stdin)
for d in m["layers"] + [m["config"]]: print(d["digest"])' >"$work/digests-$name"
  echo "$bytes"
}
say "source $source, target $target; building and pushing $layers x $layer_mib MiB..."
bytes="$(push_image image "$layers" "$layer_mib")"
"$client" copy --help >/dev/null 2>&1 || { say "$client has no 'copy' command"; exit 1; }

say "warm-up round (not counted)..."
: >"$work/times"
for tool in skopeo client bound startup; do measure "$tool" image; done
: >"$work/times"
for run in $(seq "$runs"); do
  say "round $run of $runs"
  for tool in skopeo client bound startup; do measure "$tool" image; done
done

say "single $big_mib MiB layer with JAVA_OPTS=-Xmx64m..."
big_bytes="$(push_image big 1 "$big_mib")"
cp "$work/times" "$work/times.main"
: >"$work/times"
big="failed"
export JAVA_OPTS=-Xmx64m
if measure client big; then big="$(cat "$work/times")"; fi
unset JAVA_OPTS
cp "$work/times.main" "$work/times"

mkdir -p "$here/results"
load="$(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$work/times" "$bytes" "$runs" "$layers" "$layer_mib" "$big" "$big_bytes" "$big_mib" \
  "$load" >"$here/results/compare-copy.md" <<'PY'
import datetime, statistics, subprocess, sys
times, total, runs, layers, mib, big, big_bytes, big_mib, load = sys.argv[1:]
total, big_bytes = int(total), int(big_bytes)
rows = {}
for line in open(times):
    tool, seconds, rss = line.split()
    rows.setdefault(tool, []).append((float(seconds), int(rss)))
def med(tool):
    return statistics.median(s for s, _ in rows[tool]), max(r for _, r in rows[tool])
names = {"skopeo": "skopeo copy docker:// docker:// (cold blob-info cache)",
         "client": "registry-client copy",
         "bound": "parallel curl GET piped to curl PUT (bound: no hashing, no JVM)",
         "startup": "registry-client copy --help (start-up with a copy's JIT flags, no copy)"}
jdk = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
print(f"Copy registry -> registry, {layers} x {mib} MiB gzip layers ({total/1e6:.0f} MB of blobs), "
      f"two docker-registry processes on loopback, median of {runs} runs, "
      f"{datetime.date.today()}, load {load}, {jdk}.\n")
print("| tool | median s | MB/s | peak RSS MiB |")
print("|---|---|---|---|")
for tool in ("skopeo", "client", "bound", "startup"):
    s, rss = med(tool)
    rate = "–" if tool == "startup" else f"{total/1e6/s:.0f}"
    print(f"| {names[tool]} | {s:.2f} | {rate} | {rss/1024:.0f} |")
client, skopeo, bound, startup = (med(t)[0] for t in ("client", "skopeo", "bound", "startup"))
print(f"\n- registry-client copy: {skopeo/client:.2f}x skopeo's throughput (the issue's target: at least 1.5x); "
      f"without its JVM start-up ({startup:.2f} s): {skopeo/(client-startup):.2f}x")
print(f"- the bound takes {bound:.2f} s: 1.5x skopeo would need {skopeo/1.5:.2f} s, "
      f"{'below' if skopeo/1.5 < bound else 'above'} the bound")
print(f"- client time / bound: {client/bound:.2f}x ({(client-startup)/bound:.2f}x without start-up); "
      f"skopeo time / bound: {skopeo/bound:.2f}x")
if big == "failed":
    print(f"\nSingle {big_mib} MiB layer with -Xmx64m: FAILED.")
else:
    tool, s, rss = big.split()
    print(f"\nSingle {big_mib} MiB layer copied with JAVA_OPTS=-Xmx64m: {float(s):.2f} s "
          f"({big_bytes/1e6/float(s):.0f} MB/s), peak RSS {int(rss)/1024:.0f} MiB.")
PY
cat "$here/results/compare-copy.md"
python3 "$here/readme_section.py" compare-copy "$here/results/compare-copy.md" "$here/README.md"
