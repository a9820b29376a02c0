#!/usr/bin/env bash
# Benchmark of the trade-off: every example visitor through every workflow, replaying the AWS
# reference run's latencies (a SIMULATION) at the given time scale, then the cost of ownership.
# One command; results (report.md/json, charts, tco.*) land in bench/results/trade-off-<time>/.
#   bench/trade-off.sh [SCALE]        SCALE defaults to 0.1 (0.1 = ten times faster than real time)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SCALE="${1:-0.1}"
OUT="$HERE/bench/results/trade-off-$(date -u +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
"$HERE/atelier" compare --profiles "$HERE/examples/profiles" --replay aws-reference --replay-scale "$SCALE" \
  --out "$OUT/compare" | tee "$OUT/compare.txt"
"$HERE/atelier" tco --sites 20000 --growth 5% --months 24 --cache-hit-rate 10% --from-compare "$OUT/compare/report.json" \
  --engineering single-llm=5000:500 --engineering personas=25000:1500 --engineering fine-grained=60000:4000 \
  --out "$OUT/tco" | tee "$OUT/tco.txt"
echo "results: $OUT"
