#!/usr/bin/env bash
# compare.sh: `registry-client pull` side by side with `skopeo copy` and with two simple-tools
# references (parallel curl of the blobs, each piped through SHA-256; and curl of every blob at
# once, then SHA-256 of the files on 2 processes), against a real docker-registry on loopback.
#
#   benchmarks/compare.sh                # 8 x 64 MiB gzip layers, RUNS=5, 512 MiB layer at -Xmx64m
#   SMALL=1 benchmarks/compare.sh        # quick try: 8 x 8 MiB, RUNS=3, 64 MiB layer (~1 minute)
#   RUNS=9 benchmarks/compare.sh         # more runs per tool (default 5, SMALL=1: 3)
#   PROFILE=1 benchmarks/compare.sh      # plus one client pull under JFR: where the time goes
#   CDN=1 benchmarks/compare.sh          # pull through the test kit's CdnFront: blob GETs answer
#                                        # 302 to a signed URL on 127.0.0.2 (a Java process that
#                                        # streams every blob, so it shares the 2 cores)
#   TLS=1 benchmarks/compare.sh          # docker-registry over https (a throwaway CA, verified by
#                                        # every contender), reached as $(hostname), which must
#                                        # resolve to a loopback address (not with CDN=1)
#
# Needs: docker-registry (Debian package `docker-registry`), skopeo, curl, sha256sum, python3,
# Java 17, openssl (optional, see HASHER below), and GNU time at /usr/bin/time for peak RSS
# (Debian package `time`: apt-get install time).
# The client is ./registry-client (built on first use; rebuild after changes with
# ./mvnw -q -pl examples -am package -DskipTests); CLIENT=/path/to/launcher uses another, and
# CLIENT_ARGS adds options, e.g. CLIENT_ARGS="--parallel 8" (the CLI's default is 4 blobs at once).
#
# What it does: starts docker-registry on 127.0.0.1 (own config, storage in a temporary directory),
# builds the reference image as an OCI layout (make_image.py: random data, so gzip cannot shrink it)
# and pushes it once with skopeo, then runs one unmeasured warm-up round (page cache warm) and RUNS
# rounds of: skopeo copy docker://... oci:DIR, registry-client pull ... --layout DIR, and
# curl | tee | SHA-256 for every blob at once (the bound: no parsing, no verification logic, no
# JVM), curl of every blob into files and then SHA-256 of the files two at a time (the faster
# reference on 2 cores: the hashing does not compete with the transfers), plus
# `registry-client pull --help` with a pull's JIT flags (the start-up a pull pays); a fresh DIR and `sync` before each run.
# Prints median seconds, MB/s (10^6 bytes of blobs per second), peak RSS and the ratios, then
# pulls a single 512 MiB layer (BIG_RUNS rounds, default 3) with skopeo, the client at
# JAVA_OPTS=-Xmx64m (segmented, and with --no-segments) and both references. The table also goes to
# benchmarks/results/compare.md (CDN=1: compare-cdn.md) and that section of benchmarks/README.md.
# Only loopback addresses are used; everything started is stopped on exit.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
here="$root/benchmarks"
small="${SMALL:-0}"
if [[ "$small" == 1 ]]; then
  layers=8 layer_mib=8 big_mib=64 runs="${RUNS:-3}"
else
  layers=8 layer_mib=64 big_mib=512 runs="${RUNS:-5}"
fi
client="${CLIENT:-$root/registry-client}"
CLIENT_ARGS="${CLIENT_ARGS:-}"
# The bound hashes with OpenSSL (SHA extensions of the CPU, like the JDK); Debian's coreutils
# sha256sum is not linked to OpenSSL and hashes several times slower. HASHER=sha256sum for it.
if [[ -n "${HASHER:-}" ]]; then
  hasher="$HASHER"
elif command -v openssl >/dev/null; then
  hasher="openssl dgst -sha256 -r"
else
  hasher=sha256sum
fi
timer=/usr/bin/time

for tool in docker-registry skopeo curl sha256sum python3 java; do
  command -v "$tool" >/dev/null || { echo "compare.sh: $tool is not installed" >&2; exit 1; }
done
[[ -x "$timer" ]] || { echo "compare.sh: $timer missing (apt-get install time)" >&2; exit 1; }

work="$(mktemp -d "${TMPDIR:-/tmp}/compare-XXXXXX")"

# TLS=1: https with a CA of our own. The registry is reached by this machine's host name, since
# the client speaks plain http to loopback addresses by default (as Docker does); the name must
# resolve to 127.0.0.0/8 so that nothing leaves the machine.
scheme=http
registry_host=127.0.0.1
curl_tls=()
skopeo_src_tls=(--src-tls-verify=false)
CLIENT_JAVA_OPTS=""
if [[ "${TLS:-0}" == 1 ]]; then
  [[ "${CDN:-0}" != 1 ]] || { echo "compare.sh: TLS=1 and CDN=1 cannot be combined" >&2; exit 1; }
  command -v openssl >/dev/null || { echo "compare.sh: TLS=1 needs openssl" >&2; exit 1; }
  registry_host="$(hostname)"
  if ! getent hosts "$registry_host" | awk '{print $1}' | grep -q '^127\.'; then
    echo "compare.sh: TLS=1 needs $registry_host to resolve to a loopback address" >&2
    exit 1
  fi
  scheme=https
fi
registry_pid=""
front_pid=""
cleanup() {
  if [[ -n "$front_pid" ]] && kill -0 "$front_pid" 2>/dev/null; then
    exec 9>&- # closes the front's stdin: it stops
    kill "$front_pid" 2>/dev/null || true
    wait "$front_pid" 2>/dev/null || true
  fi
  if [[ -n "$registry_pid" ]] && kill -0 "$registry_pid" 2>/dev/null; then
    kill "$registry_pid" 2>/dev/null || true
    wait "$registry_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

say() { printf '%s\n' "$*" >&2; }

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# make_tls PORT: a CA and a certificate for $registry_host (and 127.0.0.1), the CA where
# skopeo (--src-cert-dir) and the client (~/.config/containers/certs.d under its user.home) look
make_tls() {
  local port="$1" dir="$work/tls" certs
  mkdir -p "$dir"
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 1 \
    -subj "/CN=compare.sh CA" -keyout "$dir/ca.key" -out "$dir/ca.crt" 2>/dev/null
  openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "/CN=$registry_host" \
    -keyout "$dir/server.key" -out "$dir/server.csr" 2>/dev/null
  printf 'subjectAltName=DNS:%s,IP:127.0.0.1\n' "$registry_host" >"$dir/san.ext"
  openssl x509 -req -in "$dir/server.csr" -CA "$dir/ca.crt" -CAkey "$dir/ca.key" \
    -CAcreateserial -days 1 -extfile "$dir/san.ext" -out "$dir/server.crt" 2>/dev/null
  certs="$work/home/.config/containers/certs.d/$registry_host:$port"
  mkdir -p "$certs"
  cp "$dir/ca.crt" "$certs/ca.crt"
  curl_tls=(--cacert "$dir/ca.crt")
  skopeo_src_tls=(--src-cert-dir "$certs")
  CLIENT_JAVA_OPTS="-Duser.home=$work/home"
}

start_registry() {
  local port tls_yaml=""
  port="$(free_port)"
  if [[ "$scheme" == https ]]; then
    make_tls "$port"
    tls_yaml="  tls:
    certificate: $work/tls/server.crt
    key: $work/tls/server.key"
  fi
  cat >"$work/registry.yml" <<YAML
version: 0.1
log:
  level: warn
  accesslog:
    disabled: true
storage:
  filesystem:
    rootdirectory: "$work/registry"
http:
  addr: 127.0.0.1:$port
$tls_yaml
YAML
  docker-registry serve "$work/registry.yml" >"$work/registry.log" 2>&1 &
  registry_pid=$!
  for _ in $(seq 100); do
    if curl -sf ${curl_tls[@]+"${curl_tls[@]}"} -o /dev/null "$scheme://$registry_host:$port/v2/"; then
      registry="$registry_host:$port"
      return
    fi
    kill -0 "$registry_pid" 2>/dev/null || break
    sleep 0.1
  done
  say "docker-registry did not come up:"; cat "$work/registry.log" >&2; exit 1
}

# start_cdn_front: the test kit's CdnFront before the registry (blob GETs answer 302 to a signed
# URL on 127.0.0.2); it serves while fd 9 keeps its stdin open
start_cdn_front() {
  local jar="$here/target/benchmarks.jar"
  if [[ ! -f "$jar" ]]; then
    (cd "$root" && ./mvnw -q -B -pl benchmarks -am package -DskipTests) >&2
  fi
  mkfifo "$work/front.in"
  java -cp "$jar" dev.registryclient.benchmarks.compare.CdnFrontMain "http://$registry" \
    <"$work/front.in" >"$work/front.out" 2>"$work/front.log" &
  front_pid=$!
  exec 9>"$work/front.in"
  for _ in $(seq 100); do
    if [[ -s "$work/front.out" ]]; then
      source="$(head -1 "$work/front.out")"
      say "CDN front on $source (blobs redirected to a signed URL on another loopback address)"
      return
    fi
    kill -0 "$front_pid" 2>/dev/null || break
    sleep 0.1
  done
  say "the CDN front did not come up:"; cat "$work/front.log" >&2; exit 1
}

# push_image NAME LAYERS LAYER_MIB: builds an OCI layout and pushes it as $registry/bench/NAME:v1
push_image() {
  local name="$1" count="$2" mib="$3" bytes
  bytes="$(python3 "$here/make_image.py" "$work/layout-$name" v1 "$count" "$mib")"
  skopeo copy -q --dest-tls-verify=false "oci:$work/layout-$name:v1" \
    "docker://$registry/bench/$name:v1" >&2
  rm -rf "$work/layout-$name"
  blob_hexes "$name" >"$work/hexes-$name"
  echo "$bytes"
}

# blob digests (layers and config) of bench/NAME:v1, one hex per line
blob_hexes() {
  curl -sf -H 'Accept: application/vnd.oci.image.manifest.v1+json' \
    ${curl_tls[@]+"${curl_tls[@]}"} "$scheme://$registry/v2/bench/$1/manifests/v1" |
    python3 -c 'import json,sys; m=json.load(sys.stdin)
for d in m["layers"] + [m["config"]]: print(d["digest"].split(":")[1])'
}

# the three contenders; each writes into the fresh directory $1
# shellcheck disable=SC2086 # SKOPEO_SRC_TLS holds several words on purpose
run_skopeo() { skopeo copy -q $SKOPEO_SRC_TLS "docker://$source/bench/$2:v1" "oci:$1:v1"; }
# shellcheck disable=SC2086 # CLIENT_ARGS holds several words on purpose
run_client() {
  JAVA_OPTS="$CLIENT_JAVA_OPTS ${JAVA_OPTS:-}" "$client" pull --quiet ${CLIENT_ARGS:-} "$source/bench/$2:v1" --layout "$1" >/dev/null
}
# not a contender: the client's fixed cost (JVM start, class loading, picocli) without any pull
# the start-up a pull pays: the JVM, the CLI and the pull command's options, with a pull's JIT
# flags (the launcher runs plain --help and --version with C1 only)
run_startup() {
  JAVA_OPTS="$CLIENT_JAVA_OPTS" REGISTRY_CLIENT_ONE_SHOT_JIT=0 "$client" pull --help >/dev/null
}
run_curl() {
  local dest="$1" name="$2" hex
  mkdir -p "$dest"
  for hex in $(cat "$work/hexes-$name"); do
    (curl -sfL $CURL_TLS "$scheme://$source/v2/bench/$name/blobs/sha256:$hex" | tee "$dest/$hex" |
      $hasher | grep -q "^$hex ") &
  done
  local failed=0
  for job in $(jobs -p); do wait "$job" || failed=1; done
  return "$failed"
}
# the other reference: download every blob at once, then hash the files on 2 processes
run_fetchhash() {
  local dest="$1" name="$2" hex
  mkdir -p "$dest"
  for hex in $(cat "$work/hexes-$name"); do
    curl -sfL $CURL_TLS -o "$dest/$hex" "$scheme://$source/v2/bench/$name/blobs/sha256:$hex" &
  done
  local failed=0
  for job in $(jobs -p); do wait "$job" || failed=1; done
  [[ "$failed" == 0 ]] || return 1
  # shellcheck disable=SC2016 # expanded by the inner shell
  xargs -P 2 -I{} sh -c '$0 "$1/{}" | grep -q "^{} "' "$hasher" "$dest" <"$work/hexes-$name"
}
# shellcheck disable=SC2086
run_client_noseg() {
  JAVA_OPTS="$CLIENT_JAVA_OPTS ${JAVA_OPTS:-}" "$client" pull --quiet --no-segments ${CLIENT_ARGS:-} "$source/bench/$2:v1" --layout "$1" \
    >/dev/null
}

# measure TOOL NAME: one fresh run; appends "TOOL seconds rss_kib" to $work/times
measure() {
  local tool="$1" name="$2" dest="$work/dest-$1" start end
  rm -rf "$dest"
  sync
  start="$(date +%s.%N)"
  if ! "$timer" -v -o "$work/time.txt" bash -c 'run_'"$tool"' "$1" "$2"' _ "$dest" "$name" \
    2>"$work/stderr.txt"; then
    say "$tool failed:"; cat "$work/stderr.txt" "$work/time.txt" >&2
    return 1
  fi
  end="$(date +%s.%N)"
  check_blobs "$tool" "$dest" "$name" || return 1
  echo "$tool $(python3 -c "print($end - $start)") \
$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")" >>"$work/times"
  rm -rf "$dest"
}

# every layer and the config must have arrived under its digest
check_blobs() {
  local tool="$1" dest="$2" name="$3" hex file
  [[ "$tool" == startup ]] && return 0
  for hex in $(cat "$work/hexes-$name"); do
    file="$dest/blobs/sha256/$hex"
    [[ "$tool" == curl || "$tool" == fetchhash ]] && file="$dest/$hex"
    [[ -s "$file" ]] || { say "$tool: blob $hex missing in $dest"; return 1; }
  done
}

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
say "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
  "$(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo);" \
  "$(java -version 2>&1 | head -1)"
start_registry
source="$registry"
if [[ "${CDN:-0}" == 1 ]]; then
  start_cdn_front
fi
SKOPEO_SRC_TLS="${skopeo_src_tls[*]}" CURL_TLS="${curl_tls[*]}"
export registry source client work hasher CLIENT_ARGS scheme CLIENT_JAVA_OPTS SKOPEO_SRC_TLS CURL_TLS
export -f run_skopeo run_client run_curl run_startup run_fetchhash run_client_noseg
say "docker-registry on $registry; building and pushing $layers x $layer_mib MiB..."
bytes="$(push_image image "$layers" "$layer_mib")"
contenders=(skopeo curl fetchhash)
if "$client" pull --help >/dev/null 2>&1; then
  contenders=(skopeo client curl fetchhash startup)
else
  say "note: $client has no 'pull' command (yet): measuring skopeo and the bound only"
fi

say "warm-up round (not counted)..."
: >"$work/times"
for tool in "${contenders[@]}"; do measure "$tool" image || exit 1; done
: >"$work/times"
for run in $(seq "$runs"); do
  say "round $run of $runs"
  for tool in "${contenders[@]}"; do measure "$tool" image || exit 1; done
done

big=""
if [[ " ${contenders[*]} " == *" client "* ]]; then
  big_runs="${BIG_RUNS:-3}"
  say "single $big_mib MiB layer, $big_runs rounds (the client with JAVA_OPTS=-Xmx64m)..."
  big_bytes="$(push_image big 1 "$big_mib")"
  cp "$work/times" "$work/times.main"
  : >"$work/times"
  big="$work/times.big"
  for run in $(seq "$big_runs"); do
    for tool in skopeo client client_noseg curl fetchhash; do
      [[ "$tool" == client* ]] && export JAVA_OPTS=-Xmx64m
      measure "$tool" big || big="failed"
      unset JAVA_OPTS
    done
  done
  [[ "$big" == failed ]] || cp "$work/times" "$big"
  cp "$work/times.main" "$work/times"
fi

profile=""
if [[ "${PROFILE:-0}" == 1 && " ${contenders[*]} " == *" client "* ]]; then
  say "one more client pull with a JFR recording (PROFILE=1)..."
  export JAVA_OPTS="-XX:StartFlightRecording=filename=$work/client.jfr,settings=profile"
  cp "$work/times" "$work/times.main"
  measure client image && profile=yes
  cp "$work/times.main" "$work/times"
  unset JAVA_OPTS
fi

mkdir -p "$here/results"
load="$(cut -d' ' -f1-3 /proc/loadavg)"
export load_before
section=compare via="from docker-registry directly"
if [[ "$scheme" == https ]]; then
  section=compare-tls
  via="from docker-registry over https (its own CA, verified by every contender)"
fi
if [[ "${CDN:-0}" == 1 ]]; then
  section=compare-cdn
  via="through the test kit's CdnFront (blob GETs: 302 to a signed URL on another loopback address)"
fi
export load via hasher
python3 "$here/compare_report.py" "$work/times" "$bytes" "$runs" "$layers" "$layer_mib" \
  "${big:-}" "${big_bytes:-0}" "$big_mib" >"$here/results/$section.md"
cat "$here/results/$section.md"
python3 "$here/readme_section.py" "$section" "$here/results/$section.md" "$here/README.md"
if [[ -n "$profile" ]]; then
  python3 "$here/jfr_hot.py" "$work/client.jfr" >"$here/results/client-profile.md"
  cat "$here/results/client-profile.md"
  python3 "$here/readme_section.py" profile "$here/results/client-profile.md" "$here/README.md"
fi
