#!/usr/bin/env bash
# Runs every check and test of Exchange and ends with one line of totals: "N passed, N failed[, N skipped]".
#   1. buf lint (STANDARD rules) and buf breaking against the previous commit, for the contracts in protos/
#   2. a Release build of the whole solution (warnings are errors)
#   3. every test project: the fast layer (tests/*.UnitTests and the other unit test projects) and the real-process
#      tests; totals are read from their TRX result files
set -uo pipefail
cd "$(dirname "$0")/.."

configuration=${CONFIGURATION:-Release}
contract_failures=0

step() { printf '\n==> %s\n' "$*"; }

step "Contracts: buf lint and buf breaking"
if [ ! -x node_modules/.bin/buf ]; then
  npm install --no-audit --no-fund --loglevel=error
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
if ! dotnet build Exchange.sln -c "$configuration" -nologo -clp:ErrorsOnly; then
  echo "Build failed; no tests ran."
  echo "0 passed, $((contract_failures + 1)) failed"
  exit 1
fi

step "Tests"
# Totals come from the TRX result files, one per test project (in a folder per project, see tests/Directory.Build.props),
# not from console text. A project whose test host crashed before writing its TRX counts as a failure.
results=$(mktemp -d -t exchange-test-results.XXXXXX)
trap 'rm -rf "$results"' EXIT
dotnet test Exchange.sln -c "$configuration" --no-build -nologo \
  --logger "trx;LogFileName=results.trx" -p:TestResultsRoot="$results"
status=$?

read -r passed failed skipped < <(
  for trx in "$results"/*/results.trx; do
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

projects=$(dotnet sln Exchange.sln list | grep -c '^tests/.*Tests\.csproj$')
reported=$(find "$results" -mindepth 2 -maxdepth 2 -name results.trx | wc -l)
if [ "$reported" -lt "$projects" ]; then
  echo "Only $reported of $projects test projects wrote results: a test host crashed or aborted."
  failed=$((failed + projects - reported))
fi

failed=$((failed + contract_failures))
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "dotnet test exited with $status without reporting a failed test (a test host crashed or aborted)."
  failed=1
fi

summary="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && summary="$summary, $skipped skipped"
echo
echo "$summary"
[ "$failed" -eq 0 ]
