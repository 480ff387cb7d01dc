#!/usr/bin/env bash
# Runs every check and test of Exchange and ends with one line of totals: "N passed, N failed[, N skipped]".
#   1. buf lint (STANDARD rules) and buf breaking against the previous commit, for the contracts in protos/
#   2. a Release build of the whole solution (warnings are errors)
#   3. every test project: the fast layer (tests/*.UnitTests and the other unit test projects) and the real-process
#      tests, as many projects at a time as the machine has cores (TEST_PARALLELISM overrides), the longest first;
#      totals are read from their TRX result files
set -uo pipefail
cd "$(dirname "$0")/.."

configuration=${CONFIGURATION:-Release}
contract_failures=0

# The .NET SDK leaves two empty directories (mkdtemp, six random letters) in $TMPDIR on every command it runs
# (dotnet/sdk#35353); over a day of builds and test runs /tmp collected thousands. The SDK commands of this script
# get a temporary directory of their own, removed at the end. The tests themselves keep the machine's: their port
# locks (LoopbackPort) must be seen by every test run on the machine.
run_tmp=$(mktemp -d "${TMPDIR:-/tmp}/exchange-test.XXXXXX")
results="$run_tmp/results"
mkdir -p "$results"
# TEST_RESULTS=DIR keeps each project's TRX and log there (scripts/trx-times.py reads a TRX: slowest classes and tests).
keep_results() {
  [ -n "${TEST_RESULTS:-}" ] && mkdir -p "$TEST_RESULTS" && cp "$results"/*.trx "$results"/*.log "$TEST_RESULTS"/ 2>/dev/null
  rm -rf "$run_tmp"
}
trap keep_results EXIT
sdk() { TMPDIR="$run_tmp" dotnet "$@"; }

step() { printf '\n==> %s\n' "$*"; }

step "Contracts: buf lint and buf breaking"
if [ ! -x node_modules/.bin/buf ]; then
  TMPDIR="$run_tmp" npm install --no-audit --no-fund --loglevel=error
fi
if node_modules/.bin/buf lint; then
  echo "buf lint: clean"
else
  echo "buf lint: FAILED"; contract_failures=$((contract_failures + 1))
fi
if git rev-parse -q --verify HEAD~1 >/dev/null && git cat-file -e HEAD~1:buf.yaml 2>/dev/null; then
  if node_modules/.bin/buf breaking --against '.git#ref=HEAD~1'; then
    echo "buf breaking against HEAD~1: compatible"
  else
    echo "buf breaking against HEAD~1: FAILED"; contract_failures=$((contract_failures + 1))
  fi
else
  echo "buf breaking: no earlier commit with contracts to compare against"
fi

step "Build ($configuration)"
# No node reuse: MSBuild nodes left waiting would keep this run's temporary directory in use after it is removed.
# The compiler server (on in Directory.Build.props) is shut down after the build so that it neither holds this run's
# temporary directory nor takes memory from the tests.
build_ok=true
sdk build Exchange.sln -c "$configuration" -nologo -clp:ErrorsOnly -nodeReuse:false || build_ok=false
sdk build-server shutdown >/dev/null 2>&1 || true
if ! $build_ok; then
  echo "Build failed; no tests ran."
  echo "0 passed, $((contract_failures + 1)) failed"
  exit 1
fi

step "Tests"
# Each project runs as its own xUnit v3 executable (no vstest host, no MSBuild evaluation per project) and writes a
# TRX file; the totals come from those files, not from console text. A project that wrote no TRX (its process crashed
# or never started) counts as a failure.
# Longest first (minutes in the last CI run), so the long ones overlap instead of one running alone at the end;
# projects not listed follow in solution order (the unit projects, a few seconds each, fill the gaps).
longest_first=(
  Exchange.Catalog.BrowserTests
  Exchange.Gateway.Tests
  Exchange.Catalog.Tests
  Exchange.Gateway.BrowserTests
  Exchange.Resilience.Tests
  Exchange.AppHost.Tests
  Exchange.Licences.Tests
  Exchange.Adapters.Tests
)
mapfile -t in_solution < <(sdk sln Exchange.sln list | sed -n 's#^tests/\([^/]*\)/\1\.csproj$#\1#p' | grep 'Tests$')
projects=()
for name in "${longest_first[@]}"; do
  printf '%s\n' "${in_solution[@]}" | grep -qx "$name" && projects+=("$name")
done
for name in "${in_solution[@]}"; do
  printf '%s\n' "${longest_first[@]}" | grep -qx "$name" || projects+=("$name")
done

run_project() {
  local name=$1 started=$SECONDS status
  local program="tests/$name/bin/$configuration/net10.0/$name"
  if [ -x "$program" ]; then
    "$program" -noLogo -noColor -trx "$results/$name.trx" >"$results/$name.log" 2>&1
    status=$?
  else
    echo "$program is not built." >"$results/$name.log"
    status=1
  fi
  local elapsed=$((SECONDS - started))
  # One project's output at a time, whole, when it ends.
  {
    flock 9
    printf '\n--- %s (exit %d, %dm%02ds)\n' "$name" "$status" $((elapsed / 60)) $((elapsed % 60))
    cat "$results/$name.log"
  } 9>"$results/.print"
  printf '%s %d %d\n' "$name" "$status" "$elapsed" >>"$results/projects"
}

# The adapters' seeded stores (10,000 residents and their signed licences, the same in every cluster of one build) are
# made once for the whole run and copied into every later adapter, in every test process (SeededStoreTemplates).
export EXCHANGE_SEEDED_STORES="$run_tmp/seeded-stores"
# Every service, cluster, Redis and PostgreSQL start of the run, one line each (StartLog): summed per project at the end.
export EXCHANGE_START_LOG="$results/starts.log"
# Every test process and every service it starts lives a minute or two, and most of its CPU went to the JIT: a start
# spends more on compiling methods a second time (PGO-instrumented, then optimised, on the background tiering thread)
# than on running them. Without PGO, and with methods promoted only after 5 s without new first-time compilations,
# the services compile most methods once. Measured on Exchange.Adapters.Tests (one cluster, a quiet machine, three runs
# each): 57 CPU-seconds by default, 38 with these two settings. Only the tests set them; the services ship defaults.
export DOTNET_TieredPGO=0
export DOTNET_TC_CallCountingDelayMs=5000

parallelism=${TEST_PARALLELISM:-$(nproc)}
started=$SECONDS
running=0
for name in "${projects[@]}"; do
  if [ "$running" -ge "$parallelism" ]; then
    wait -n
    running=$((running - 1))
  fi
  run_project "$name" &
  running=$((running + 1))
done
wait
status=0
while read -r _ code _; do
  [ "$code" -ne 0 ] && status=$code
done <"$results/projects"

step "Test projects (wall time $(((SECONDS - started) / 60))m$(((SECONDS - started) % 60))s, $parallelism at a time)"
sort -k3,3nr "$results/projects" | while read -r name code elapsed; do
  printf '  %-34s %3dm%02ds  exit %d\n' "$name" $((elapsed / 60)) $((elapsed % 60)) "$code"
done

if [ -s "$results/starts.log" ]; then
  step "Process starts per project (wall seconds added up; CPU seconds of each service until it served)"
  # Lines: HH:MM:SS PROJECT service NAME [(restart)] wall=S cpu=S load=L | HH:MM:SS PROJECT cluster wall=S ... load=L
  awk '
    { project = $2; kind = $3; wall = 0; cpu = 0
      for (i = 4; i <= NF; i++) { split($i, kv, "="); if (kv[1] == "wall") wall = kv[2]; if (kv[1] == "cpu") cpu = kv[2] }
      if (kind == "cluster") { clusters[project]++; clusterWall[project] += wall }
      else if (kind == "service") { services[project]++; serviceCpu[project] += cpu }
      seen[project] = 1 }
    END { for (p in seen) printf "  %-34s %3d clusters (%5.0f s)  %3d service starts (%5.0f s CPU)\n", p, clusters[p], clusterWall[p], services[p], serviceCpu[p] }
  ' "$results/starts.log" | sort
fi

read -r passed failed skipped < <(
  for trx in "$results"/*.trx; do
    [ -e "$trx" ] || continue
    # <Counters total=".." executed=".." passed=".." failed=".." error=".." timeout=".." aborted=".." notExecuted=".." ...>
    grep -o '<Counters [^>]*>' "$trx" | head -n 1
  done | awk '
    {
      for (i = 1; i <= NF; i++) {
        split($i, kv, "=");
        gsub(/[^0-9]/, "", kv[2]);
        if (kv[1] == "passed")      p += kv[2];
        if (kv[1] == "failed" || kv[1] == "error" || kv[1] == "timeout" || kv[1] == "aborted") f += kv[2];
        if (kv[1] == "notExecuted") s += kv[2];
      }
    }
    END { print p + 0, f + 0, s + 0 }')

reported=$(find "$results" -maxdepth 1 -name '*.trx' | wc -l)
if [ "$reported" -lt "${#projects[@]}" ]; then
  echo "Only $reported of ${#projects[@]} test projects wrote results: a test process crashed, aborted or was not built."
  failed=$((failed + ${#projects[@]} - reported))
fi

if [ "$failed" -gt 0 ] && command -v python3 >/dev/null; then
  step "Failed tests"
  python3 scripts/trx-failures.py "$results"/*.trx
fi

failed=$((failed + contract_failures))
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "A test project exited with $status without reporting a failed test (a test process crashed or aborted)."
  failed=1
fi

summary="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && summary="$summary, $skipped skipped"
echo
echo "$summary"
[ "$failed" -eq 0 ]
