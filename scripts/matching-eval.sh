#!/usr/bin/env bash
# Scores the matcher on a data set through the real import + matching path (matching.md's benchmark).
# usage: scripts/matching-eval.sh [DATA_DIR]   (default ../shared/data/matching-dev)
set -euo pipefail
data=${1:-../shared/data/matching-dev}
out=$(mktemp -d)/decisions.jsonl
npm run --silent bench:matching -- --alumni "$data/alumni.csv" --applicants "$data/applicants.jsonl" --out "$out"
python3 ../shared/tools/score-matching.py "$data/truth.jsonl" "$out"
