#!/usr/bin/env bash
# Where the gateway's CPU goes per call: bench/run.sh against the gateway (or the bare proxy) alone (GetResident, concurrency 64 by
# default), and while it is measured, `perf record` of the gateway process (JIT-compiled methods named through the
# runtime's perf map); then the shares by library, by owner (bench/profile_owners.py: which step of the call) and the
# methods by inclusive and exclusive share.
#
#   bench/profile.sh                              10 s of samples at 999 Hz, after bench/run.sh's start-up
#   BENCH_PROFILE_SECONDS=20 BENCH_CONCURRENCY=1 BENCH_NO_BUILD=1 bench/profile.sh
#   BENCH_PROFILE_TARGET=bare bench/profile.sh    the bare YARP proxy instead, for the floor's own profile
#   BENCH_PROFILE_TARGET=direct bench/profile.sh  the public security adapter, called directly (its CPU per GetResident)
#   BENCH_PROFILE_STAT=1 bench/profile.sh         counts instead of samples (`perf stat`): CPU, context switches and
#                                                 system calls by kind, each per call at the measured rate
#
# Needs perf (apt-get install -y linux-perf). Keeps the samples in $BENCH_PROFILE_OUT (default /tmp/exchange-gateway.perf)
# and the reports beside it (.dso.txt, .children.txt, .self.txt).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v perf >/dev/null || { echo "error: perf is not installed (apt-get install -y linux-perf)" >&2; exit 1; }
seconds=${BENCH_PROFILE_SECONDS:-10}
out=${BENCH_PROFILE_OUT:-/tmp/exchange-${BENCH_PROFILE_TARGET:-gateway}.perf}
export BENCH_STATE=${BENCH_STATE:-$PWD/.data/bench}
target=${BENCH_PROFILE_TARGET:-gateway}
export BENCH_TARGETS=${BENCH_TARGETS:-$target} BENCH_METHODS=${BENCH_METHODS:-resident} BENCH_CONCURRENCY=${BENCH_CONCURRENCY:-64}
export BENCH_WARMUP=${BENCH_WARMUP:-3} BENCH_DURATION=$(( seconds + 6 ))
# Names for JIT-compiled code (/tmp/perf-<pid>.map), and code pages perf can attribute (no W^X double mapping).
export DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0
log=$(mktemp "${TMPDIR:-/tmp}/exchange-profile.XXXXXX.log")
bench/run.sh >"$log" 2>&1 &
run=$!
trap 'kill "$run" 2>/dev/null || true' INT TERM
until grep -q '^Ready after' "$log"; do
  kill -0 "$run" 2>/dev/null || { cat "$log" >&2; exit 1; }
  sleep 1
done
sleep $(( ${BENCH_WARMUP%.*} + 2 ))
pid=$(cat "$BENCH_STATE/$target.pid")
echo "Profiling the $target (pid $pid) for $seconds s at concurrency $BENCH_CONCURRENCY; load average $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "${BENCH_PROFILE_STAT:-0}" = 1 ]; then
  # Per call: how often the process enters the kernel and is switched out, which the sampled profile cannot tell
  # (a socket write costs the same per call whether it carries one call's frames or several calls').
  events=task-clock,context-switches,raw_syscalls:sys_enter
  for call in sendmsg recvmsg recvfrom sendto read write writev pwrite64 pread64 fcntl fsync fdatasync futex sched_yield epoll_wait getpid getrandom; do
    events+=,syscalls:sys_enter_$call
  done
  perf stat -x, -e "$events" -p "$pid" -o "$out.stat" -- sleep "$seconds" 2>/dev/null
  wait "$run" || { cat "$log" >&2; exit 1; }
  grep -E '^  resident|^load average|^Ready' "$log" || true
  # The measured rate (calls/s) from bench/run.sh's line for the target; the counts are over $seconds s inside that window.
  rate=$(sed -n 's/^  [a-z]* .* \([0-9.]*\) req\/s.*/\1/p' "$log" | head -1)
  echo "perf stat of the $target over $seconds s at $rate calls/s (per call):"
  awk -F, -v calls="$(awk -v r="$rate" -v s="$seconds" 'BEGIN { print r * s }')" \
    '$1 ~ /^[0-9.]+$/ { printf "  %-34s %12.0f  %8.3f\n", $3, $1, (calls > 0 ? $1 / calls : 0) }' "$out.stat" | tee "$out.stat.txt"
  exit 0
fi
perf record -e cpu-clock -F 999 -g -p "$pid" -o "$out" -- sleep "$seconds" 2>/dev/null
wait "$run" || { cat "$log" >&2; exit 1; }
grep -E '^  resident|^load average|^Ready' "$log" || true
perf report -i "$out" --no-children --sort dso --stdio -g none 2>/dev/null | grep -v '^#' | grep -v '^$' | head -20 | tee "$out.dso.txt" || true
perf report -i "$out" --children --sort symbol --stdio -g none 2>/dev/null | grep -v '^#' | grep -v '^$' | head -150 >"$out.children.txt" || true
perf report -i "$out" --no-children --sort dso,symbol --stdio -g none 2>/dev/null | grep -v '^#' | grep -v '^$' | head -150 >"$out.self.txt" || true
perf script -i "$out" -F comm,tid,ip,sym,dso 2>/dev/null | python3 bench/profile_owners.py | tee "$out.owners.txt"
echo "Reports: $out.owners.txt (by owner, bench/profile_owners.py), $out.children.txt (inclusive), $out.self.txt (exclusive), $out.dso.txt; run log $log"
