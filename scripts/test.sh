#!/usr/bin/env bash
# Runs every check and test of Exchange and ends with one line of totals: "N passed, N failed[, N skipped]".
#   1. buf lint (STANDARD rules) and buf breaking against the previous commit, for the contracts in protos/
#   2. a Release build of the whole solution (warnings are errors)
#   3. every test project (unit tests and real-process integration tests)
set -uo pipefail
cd "$(dirname "$0")/.."

configuration=${CONFIGURATION:-Release}
log=$(mktemp -t exchange-test.XXXXXX)
trap 'rm -f "$log"' EXIT
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
dotnet test Exchange.sln -c "$configuration" --no-build -nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

read -r passed failed skipped < <(awk '
  /(Passed|Failed)! +- +Failed: / {
    gsub(/,/, "");
    for (i = 1; i <= NF; i++) {
      if ($i == "Failed:")  f += $(i + 1);
      if ($i == "Passed:")  p += $(i + 1);
      if ($i == "Skipped:") s += $(i + 1);
    }
  }
  END { print p + 0, f + 0, s + 0 }' "$log")

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
