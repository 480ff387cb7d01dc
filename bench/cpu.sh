#!/usr/bin/env bash
# CPU per call of each target, in one run: bench/run.sh's GetResident measurements at concurrency 1 and 64 (direct,
# gateway, bare YARP, nginx), then a table of what each process spent per call (user + system from /proc/<pid>/stat
# over the measured window) beside throughput, latency and the gateway's working set, with the ratios issue 14 sets
# targets on. CPU per call is a robust measure on a shared machine where throughput and latency are not: steer by it.
#
#   bench/cpu.sh                       5 s per measurement, about 2.5 minutes after start-up
#   BENCH_DURATION=10 bench/cpu.sh     longer measurements; any bench/run.sh setting applies (BENCH_NO_BUILD=1, ...)
set -euo pipefail
cd "$(dirname "$0")/.."
results=${BENCH_RESULTS:-$(mktemp "${TMPDIR:-/tmp}/exchange-cpu.XXXXXX.tsv")}

echo "load average before (1, 5, 15 min): $(cut -d' ' -f1-3 /proc/loadavg)"
BENCH_RESULTS=$results BENCH_METHODS=${BENCH_METHODS:-resident} BENCH_CONCURRENCY=${BENCH_CONCURRENCY:-"1 64"} \
  BENCH_DURATION=${BENCH_DURATION:-5} BENCH_WARMUP=${BENCH_WARMUP:-2} bench/run.sh

echo
echo "CPU per call (µs, user + system over the measured window; adapter = the adapter behind the target):"
awk -F'\t' '
  NR == 1 { next }
  {
    key = $1 SUBSEP $2; seen[key] = 1; method[key] = $1; target[key] = $2
    if ($3 == 1) { c1p[key] = $13; c1a[key] = $14; p50[$1, $2] = $6; rps1[key] = $4 }
    else { cnp[key] = $13; cna[key] = $14; rpsn[key] = $4; rss[key] = $11; cn = $3 }
  }
  function ratio(a, b) { return (a + 0 > 0 && b + 0 > 0) ? sprintf("%.2f", a / b) : "-" }
  END {
    printf "%-12s %-8s %10s %10s %8s %12s %12s %8s %9s %9s %7s\n", "method", "target", "proxy c=1", "proxy c=" cn, "c1/c" cn, "adapter c=1", "adapter c=" cn, "c1/c" cn, "req/s c=1", "req/s c=" cn, "RSS MB"
    split("direct gateway bare nginx", order, " ")
    for (k in seen) methods[method[k]] = 1
    for (m in methods)
      for (i = 1; i <= 4; i++) {
        key = m SUBSEP order[i]
        if (!(key in seen)) continue
        printf "%-12s %-8s %10s %10s %8s %12s %12s %8s %9s %9s %7s\n", m, order[i], c1p[key], cnp[key], ratio(c1p[key], cnp[key]),
          c1a[key], cna[key], ratio(c1a[key], cna[key]), rps1[key], rpsn[key], rss[key]
      }
    for (m in methods) {
      g = m SUBSEP "gateway"; b = m SUBSEP "bare"; d = m SUBSEP "direct"
      printf "\n%s: gateway CPU per call / bare YARP at c=%s: %s (target <= 1.3); throughput gateway / bare at c=%s: %s (target >= 0.8)\n", m, cn, ratio(cnp[g], cnp[b]), cn, ratio(rpsn[g], rpsn[b])
      printf "%s: added p50 at c=1 over direct: gateway %+.3f ms, bare %+.3f ms (target: gateway <= bare + 0.3 ms)\n", m, p50[m, "gateway"] - p50[m, "direct"], p50[m, "bare"] - p50[m, "direct"]
      printf "%s: adapter CPU per call at c=%s, direct: %s µs (target <= 100)\n", m, cn, cna[d]
    }
  }' "$results"
echo "load average after (1, 5, 15 min): $(cut -d' ' -f1-3 /proc/loadavg)"
if [ -z "${BENCH_RESULTS:-}" ]; then rm -f "$results"; else echo "Raw figures: $results"; fi
