#!/usr/bin/env bash
# Score analyze against the shared gold data (needs ../shared beside the repo).
#   scripts/score.sh seeds      seeds gold (people, countries, events, offsets)
#   scripts/score.sh anercorp   ANERcorp training split (PERS, LOC, ORG)
#   scripts/score.sh dev [tune|blind|all]
#                               the development gold set (tests/dev), texts rendered
#                               from ../shared/corpora; per-type event figures too
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
  dev)
    part="${2:-all}"
    python3 scripts/devset.py render "$tmp/texts" --part "$part"
    python3 scripts/devset.py gold "$tmp/gold.json" --part "$part"
    "$bin" "$tmp/texts" > "$tmp/out.json"
    # the blind part is scored, never read: its per-article details are not shown
    if [ "$part" = tune ]; then
      python3 "$shared/eval/score.py" "$tmp/gold.json" "$tmp/out.json" --texts "$tmp/texts"
    else
      python3 "$shared/eval/score.py" "$tmp/gold.json" "$tmp/out.json" --texts "$tmp/texts" | sed -n '/^people /,$p'
    fi
    python3 scripts/devset.py types "$tmp/gold.json" "$tmp/out.json" ;;
  *) echo "usage: scripts/score.sh seeds|anercorp|dev [tune|blind|all]" >&2; exit 2 ;;
esac
