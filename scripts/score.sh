#!/usr/bin/env bash
# Score analyze against the shared gold data (needs ../shared beside the repo).
#   scripts/score.sh seeds      seeds gold (people, countries, events, offsets)
#   scripts/score.sh anercorp   ANERcorp training split (PERS, LOC, ORG)
set -euo pipefail
cd "$(dirname "$0")/.."
shared=../shared
[ -d "$shared" ] || { echo "score.sh: ../shared is absent, nothing to score" >&2; exit 0; }
cargo build --release -q
bin=target/release/analyze
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
case "${1:-seeds}" in
  seeds)
    "$bin" seeds/ > "$tmp/out.json"
    python3 "$shared/eval/score.py" "$shared/gold/seeds.gold.json" "$tmp/out.json" --texts seeds ;;
  anercorp)
    python3 "$shared/eval/ner_score.py" make "$shared/corpora/anercorp-train/ANERCorp_CamelLab_train.txt" "$tmp/docs" >/dev/null
    # the directory also holds index.json (the scorer's): analyze the articles only
    "$bin" --ext txt "$tmp/docs" > "$tmp/out.json"
    python3 "$shared/eval/ner_score.py" score "$tmp/docs" "$tmp/out.json" ;;
  *) echo "usage: scripts/score.sh seeds|anercorp" >&2; exit 2 ;;
esac
