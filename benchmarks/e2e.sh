#!/usr/bin/env bash
# End-to-end benchmark: `wheelscout check` of N real projects against a local index with a latency per response,
# cold (empty cache) and warm (disk cache), beside pip's dry run of the same file on the same index.
#
#   benchmarks/e2e.sh [-n N] [--latency-ms MS] [--image IMAGE] [--python PYTHON] [--runs R] [--pip-runs R]
#                     [--wheelscout CMD] [--keep DIR]
#
# Defaults: N=200, 50 ms, python:3.12-slim, python3, 3 runs of each wheelscout measurement, 1 pip run, the
# ./wheelscout launcher (WHEELSCOUT_JAVA_OPTS is passed through). Prints, per measurement, the median wall time
# (and every run), the CPU time, the requests the server answered, the most it had in flight, and the peak RSS;
# then the floor, ceil(N / requests in flight) x latency + JVM start, and pip's time and the ratio.
# Measurements: start (--version), cold (an empty cache), warm (the cache of a cold run, every page fresh), and
# revalidated (the cache of a cold run on a second server that sends no-cache: every page asked again, 304).
#
# The index is io.github.wheelscout.fixtures.FixtureServer (MockWebServer + FixtureDispatcher serving the
# fixtures' mirror: the Simple API as PEP 691 JSON, PEP 658 .metadata files) on 127.0.0.1. The requirements file
# is written by io.github.wheelscout.benchmarks.E2eRequirements: N mirror projects that install from a wheel on
# the image, every other one pinned. Both come from benchmarks/target/benchmarks.jar (built when missing).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
count=200
latency=50
image="python:3.12-slim"
python="python3"
runs=3
pip_runs=1
wheelscout="$root/wheelscout"
keep=""
max_in_flight=64 # wheelscout's default --max-in-flight

usage() { sed -n '2,18p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
  case "$1" in
    -n|--count) count="$2"; shift 2 ;;
    --latency-ms) latency="$2"; shift 2 ;;
    --image) image="$2"; shift 2 ;;
    --python) python="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --pip-runs) pip_runs="$2"; shift 2 ;;
    --wheelscout) wheelscout="$2"; shift 2 ;;
    --keep) keep="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "e2e.sh: unknown option '$1'" >&2; usage >&2; exit 2 ;;
  esac
done

bench_jar="$root/benchmarks/target/benchmarks.jar"
if [ ! -f "$bench_jar" ] || [ ! -f "$root/cli/target/wheelscout.jar" ]; then
  echo "e2e.sh: building the jars (mvn -q -DskipTests package) ..." >&2
  (cd "$root" && mvn -B -q -DskipTests package >&2)
fi

work="${keep:-$(mktemp -d)}"
mkdir -p "$work"
cleanup() {
  for pid in $server_pids; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  if [ -z "$keep" ]; then rm -rf "$work"; fi
}
trap cleanup EXIT

# --- the index ---------------------------------------------------------------------------------------------------
# start_server NAME MAX_AGE: starts a fixture server (Cache-Control: max-age=MAX_AGE; 0 sends no-cache), adds its
# pid to server_pids (for the cleanup: not from a subshell) and sets started_port.
server_pids=""
started_port=""
start_server() {
  rm -f "$work/$1.port"
  java -cp "$bench_jar" io.github.wheelscout.fixtures.FixtureServer --latency-ms "$latency" --max-age "$2" \
    --port-file "$work/$1.port" > "$work/$1.log" 2>&1 &
  server_pids="$server_pids $!"
  for _ in $(seq 1 200); do [ -s "$work/$1.port" ] && break; sleep 0.05; done
  [ -s "$work/$1.port" ] || { echo "e2e.sh: the fixture server did not start:" >&2; cat "$work/$1.log" >&2; exit 1; }
  started_port="$(cat "$work/$1.port")"
}
start_server server 600
port="$started_port"
base="http://127.0.0.1:$port"
# GET a control path of the server at $base: with curl when there is one, else over bash's /dev/tcp
control() {
  if command -v curl > /dev/null; then
    curl -s "$base$1"
  else
    exec 3<> "/dev/tcp/127.0.0.1/${base##*:}"
    printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' "$1" >&3
    tr -d '\r' <&3 | sed '1,/^$/d'
    exec 3<&-
  fi
}
stat() { control /-/stats | sed -n "s/^$1=//p"; }
reset() { control /-/reset > /dev/null; }

java -cp "$bench_jar" io.github.wheelscout.benchmarks.E2eRequirements --count "$count" --image "$image" \
  --output "$work/requirements.txt" --pip-options "$work/pip-options"
lines=$(grep -c . "$work/requirements.txt")

# --- measuring one command ---------------------------------------------------------------------------------------
# run_measured NAME CMD...: runs CMD with stdout to $work/NAME.out; sets wall (s), cpu (s), rss (MB).
have_time=""
if /usr/bin/time -f '%M' true > /dev/null 2>&1; then have_time=1; fi
run_measured() {
  local name="$1"; shift
  local start end status=0
  start=$(date +%s%N)
  if [ -n "$have_time" ]; then
    /usr/bin/time -f '%M %U %S' -o "$work/$name.time" "$@" > "$work/$name.out" 2> "$work/$name.err" || status=$?
    end=$(date +%s%N)
    read -r rss_kb user sys < <(tail -n 1 "$work/$name.time")
    rss=$(( rss_kb / 1024 ))
    cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
  else
    # no GNU time: poll the process's peak RSS (VmHWM) and read its CPU time from /proc
    "$@" > "$work/$name.out" 2> "$work/$name.err" &
    local pid=$! hwm=0 ticks=0 v
    while kill -0 "$pid" 2>/dev/null; do
      v=$(awk '/VmHWM/ { print $2 }' "/proc/$pid/status" 2>/dev/null || true)
      [ -n "$v" ] && [ "$v" -gt "$hwm" ] && hwm=$v
      v=$(awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null || true)
      [ -n "$v" ] && ticks=$v
      sleep 0.01
    done
    wait "$pid" || status=$?
    end=$(date +%s%N)
    rss=$(( hwm / 1024 ))
    cpu=$(awk -v t="$ticks" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f", t / hz }')
  fi
  wall=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f", (e - s) / 1e9 }')
  if [ "$status" -ne 0 ] && [ "$status" -ne 1 ]; then
    echo "e2e.sh: $name exited $status:" >&2; tail -n 20 "$work/$name.err" >&2; exit 1
  fi
}
median() { tr ' ' '\n' | grep . | sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# shellcheck disable=SC2206
ws=($wheelscout)
check_args=(check -r "$work/requirements.txt" --index-url "$base/simple/" --image "$image" --format json
  --fail-on none --no-progress)

echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(nproc) cores," \
  "$(awk '/MemTotal/ { printf "%.0f GB RAM", $2 / 1048576 }' /proc/meminfo)," \
  "$(java -version 2>&1 | head -n 1)"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "requirements: $lines projects of the fixtures' mirror ($work/requirements.txt), image $image," \
  "latency $latency ms per response, WHEELSCOUT_JAVA_OPTS='${WHEELSCOUT_JAVA_OPTS:-}'"

# --- JVM start: a run that does nothing ------------------------------------------------------------------------
"${ws[@]}" --version > /dev/null # builds the jar when it is stale, and lets the launcher prepare
walls=""
for i in $(seq 1 "$runs"); do
  run_measured version "${ws[@]}" --version
  walls="$walls $wall"
done
jvm_start=$(echo "$walls" | median)
printf '%-6s wall %6.3f s  (runs:%s)  CPU %s s  peak RSS %s MB\n' "start" "$jvm_start" "$walls" "$cpu" "$rss"

# --- cold: a fresh cache folder each run -------------------------------------------------------------------------
walls=""; cpus=""; rsss=""; reqs=""; peaks=""
for i in $(seq 1 "$runs"); do
  rm -rf "$work/cache-cold"
  reset
  run_measured cold "${ws[@]}" "${check_args[@]}" --cache-dir "$work/cache-cold"
  walls="$walls $wall"; cpus="$cpus $cpu"; rsss="$rsss $rss"; reqs="$reqs $(stat requests)"; peaks="$peaks $(stat max_in_flight)"
done
cold=$(echo "$walls" | median)
printf '%-6s wall %6.3f s  (runs:%s)  CPU %s s  requests %s  max in flight %s  peak RSS %s MB\n' "cold" "$cold" \
  "$walls" "$(echo "$cpus" | median)" "$(echo "$reqs" | median)" "$(echo "$peaks" | median)" "$(echo "$rsss" | median)"
grep -q '"verdict"' "$work/cold.out" || { echo "e2e.sh: check printed no report" >&2; tail "$work/cold.err" >&2; exit 1; }

# --- warm: the disk cache of a cold run ------------------------------------------------------------------------
walls=""; cpus=""; rsss=""; reqs=""
for i in $(seq 1 "$runs"); do
  reset
  run_measured warm "${ws[@]}" "${check_args[@]}" --cache-dir "$work/cache-cold"
  walls="$walls $wall"; cpus="$cpus $cpu"; rsss="$rsss $rss"; reqs="$reqs $(stat requests)"
done
warm=$(echo "$walls" | median)
printf '%-6s wall %6.3f s  (runs:%s)  CPU %s s  requests %s  peak RSS %s MB\n' "warm" "$warm" "$walls" \
  "$(echo "$cpus" | median)" "$(echo "$reqs" | median)" "$(echo "$rsss" | median)"
cmp -s <(grep -v '"source"' "$work/cold.out") <(grep -v '"source"' "$work/warm.out") \
  || echo "e2e.sh: warning: the warm report differs from the cold one" >&2

# --- revalidated: the disk cache of a cold run once every page is stale (a CI run more than max-age later) -------
# A second server sends no-cache, so that every page is asked again (If-None-Match) and answered 304.
main_base="$base"
start_server revalidate 0
base="http://127.0.0.1:$started_port"
rm -rf "$work/cache-stale"
run_measured fill "${ws[@]}" "${check_args[@]/$main_base/$base}" --cache-dir "$work/cache-stale"
walls=""; cpus=""; rsss=""; reqs=""; not_modified=""
for i in $(seq 1 "$runs"); do
  reset
  run_measured revalidated "${ws[@]}" "${check_args[@]/$main_base/$base}" --cache-dir "$work/cache-stale"
  walls="$walls $wall"; cpus="$cpus $cpu"; rsss="$rsss $rss"; reqs="$reqs $(stat requests)"
  not_modified="$not_modified $(stat not_modified)"
done
revalidated=$(echo "$walls" | median)
printf '%-6s wall %6.3f s  (runs:%s)  CPU %s s  requests %s (%s answered 304)  peak RSS %s MB\n' "reval" \
  "$revalidated" "$walls" "$(echo "$cpus" | median)" "$(echo "$reqs" | median)" "$(echo "$not_modified" | median)" \
  "$(echo "$rsss" | median)"
cmp -s <(grep -v '"source"' "$work/cold.out") <(grep -v '"source"' "$work/revalidated.out") \
  || echo "e2e.sh: warning: the revalidated report differs from the cold one" >&2
base="$main_base"

floor=$(awk -v n="$lines" -v f="$max_in_flight" -v l="$latency" -v j="$jvm_start" \
  'BEGIN { r = int((n + f - 1) / f); printf "%.3f", r * l / 1000 + j }')
echo "floor  $floor s = ceil($lines / $max_in_flight requests in flight) x $latency ms + JVM start $jvm_start s"

# --- pip ---------------------------------------------------------------------------------------------------------
if "$python" -m pip --version > /dev/null 2>&1; then
  # the image's Python, ABI and platform ladder as pip options (--python-version ... --platform ...)
  mapfile -t target_options < "$work/pip-options"
  walls=""; reqs=""
  for i in $(seq 1 "$pip_runs"); do
    rm -rf "$work/pip-cache"
    reset
    run_measured pip "$python" -m pip install --isolated --dry-run --report "$work/pip-report.json" --quiet \
      --no-deps --only-binary=:all: --ignore-installed --cache-dir "$work/pip-cache" \
      "${target_options[@]}" \
      --index-url "$base/simple/" -r "$work/requirements.txt"
    walls="$walls $wall"; reqs="$reqs $(stat requests)"
  done
  pip_wall=$(echo "$walls" | median)
  installed=$(grep -o '"download_info"' "$work/pip-report.json" | wc -l)
  printf '%-6s wall %6.3f s  (runs:%s)  CPU %s s  requests %s  max in flight %s  peak RSS %s MB  (%s to install)\n' \
    "pip" "$pip_wall" "$walls" "$cpu" "$(echo "$reqs" | median)" "$(stat max_in_flight)" "$rss" "$installed"
  awk -v p="$pip_wall" -v c="$cold" -v w="$warm" \
    'BEGIN { printf "ratio  pip / wheelscout cold %.1fx, pip / wheelscout warm %.1fx\n", p / c, p / w }'
else
  echo "pip    not run: '$python -m pip' is not available (--python PYTHON names a Python with pip)"
fi
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
