#!/usr/bin/env bash
# BenchmarkDotNet micro-benchmarks of per-call hot paths (bench/Exchange.Bench.Micro).
#   bench/micro.sh                 every benchmark, default job (a few minutes)
#   bench/micro.sh --quick         ShortRun job (3 iterations): rough figures in well under a minute
#   bench/micro.sh --filter '*Audit*'
# Results (markdown, CSV, HTML) go to BenchmarkDotNet.Artifacts/ under .data/bench-micro/.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
dotnet build bench/Exchange.Bench.Micro -c Release -nologo -v q -clp:ErrorsOnly
mkdir -p .data/bench-micro
cd .data/bench-micro
exec dotnet "$root/bench/Exchange.Bench.Micro/bin/Release/net10.0/exchange-bench-micro.dll" "$@"
