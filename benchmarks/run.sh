#!/usr/bin/env bash
# Runs the JMH benchmarks and turns the results into JSON, a markdown table, an SVG chart and a
# section of benchmarks/README.md.
#
#   benchmarks/run.sh quick     # 1 fork, 1 s iterations, small pull image only: under 3 minutes
#                               #   -> results/jmh.{json,md,svg}, README section "jmh"
#   benchmarks/run.sh pulls     # every pull combination (both images, parallelism 1/2/4/8, CDN,
#                               # stores), short iterations: about 6 minutes
#                               #   -> results/jmh-pulls.{json,md,svg}, README section "jmh-pulls"
#   benchmarks/run.sh layers    # the diff_id check (decompress + hash) only, about 2 minutes
#                               #   -> results/jmh-layers.{json,md,svg}, README section "jmh-layers"
#   benchmarks/run.sh full      # every benchmark with its own settings (roughly half an hour on
#                               # 2 cores) -> results/jmh.{json,md,svg}, README section "jmh"
#   benchmarks/run.sh quick Digest   # extra arguments go to JMH (here: a benchmark regex)
#
# The jar is built when missing: ./mvnw -pl benchmarks -am package -DskipTests
# (-DskipTests skips the other modules' tests, which `package` would otherwise run first).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/benchmarks/target/benchmarks.jar"
results="$root/benchmarks/results"
profile="${1:-quick}"
shift || true

name=jmh
case "$profile" in
  quick)
    # 64 MiB pulls (64 x 1 MiB) at parallelism 1 and 4; the 8 x 64 MiB image in `pulls` and `full`
    jmh_args=(-f 1 -wi 1 -i 3 -w 1s -r 1s -p layout=64x1MiB -p parallelism=1,4) ;;
  pulls)
    name=jmh-pulls
    jmh_args=(-f 1 -wi 1 -i 3 -w 1s -r 1s ParallelPullBenchmark) ;;
  layers)
    name=jmh-layers
    jmh_args=(-f 1 -wi 2 -i 3 -w 1s -r 2s LayerDigestBenchmark) ;;
  full)
    jmh_args=() ;;
  *)
    echo "usage: $0 [quick|pulls|layers|full] [JMH arguments...]" >&2
    exit 2 ;;
esac

if [[ ! -f "$jar" ]]; then
  (cd "$root" && ./mvnw -q -B -pl benchmarks -am package -DskipTests)
fi

mkdir -p "$results"
machine() {
  echo "- Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)" \
    "(SHA extensions: $(grep -qw sha_ni /proc/cpuinfo && echo yes || echo no))," \
    "$(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
  echo "- JDK: $(java -version 2>&1 | head -1)"
  echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC'); profile \`$profile\`: $*"
}
{
  machine "${jmh_args[@]}" "$@"
  echo "- Load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
} >"$results/$name-machine.md"
java -jar "$jar" "${jmh_args[@]}" -rf json -rff "$results/$name.json" "$@"
echo "- Load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$results/$name-machine.md"
python3 "$root/benchmarks/report.py" "$results/$name.json" \
  --machine "$results/$name-machine.md" --markdown "$results/$name.md" \
  --svg "$results/$name.svg" --readme "$root/benchmarks/README.md" --section "$name" \
  --title "registry-client JMH ($profile profile, $(date -u +%Y-%m-%d))"
echo "results: $results/$name.json, $name.md, $name.svg"
