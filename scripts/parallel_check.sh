#!/usr/bin/env bash
# analyze map under GNU parallel --pipe --keep-order: SaudiNewsNet turned into
# JSON Lines (scripts/saudinewsnet_jsonl.py, 31,030 records) is cut into
# blocks of lines, each block piped through its own `analyze map --quiet
# --jobs 1` process, nproc at a time, and the output must be byte-identical to
# the single-process `analyze map --quiet --jobs 1` output (so exactly one
# line per record, in input order). Prints records, MB, wall times, records/s
# and the number of blocks; exits 1 on a mismatch. Not part of the default
# test command. GNU parallel is Debian's package (apt-get install -y
# parallel); the script installs it when it is missing and it runs as root.
#
#   scripts/parallel_check.sh [SAUDINEWSNET_DIR] [BLOCK]
#
# BLOCK is parallel's --block (default 4M: about 25 blocks). LIMIT=N in the
# environment takes only the first N records; ANALYZE=PATH uses that binary
# instead of building --profile dist. Everything is written to a
# temporary directory that is removed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

snn="${1:-../shared/corpora/saudinewsnet}"
block="${2:-4M}"
if ! command -v parallel >/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        apt-get install -y -qq parallel >/dev/null
    else
        echo "parallel_check: GNU parallel is missing (apt-get install -y parallel)" >&2
        exit 2
    fi
fi
if [ -n "${ANALYZE:-}" ]; then
    bin=$(realpath "$ANALYZE")
else
    cargo build --profile dist --quiet
    bin="$(cd "${CARGO_TARGET_DIR:-target}" && pwd)/dist/analyze"
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

python3 scripts/saudinewsnet_jsonl.py "$snn" --limit "${LIMIT:-0}" >"$tmp/in.jsonl"
records=$(wc -l <"$tmp/in.jsonl")
bytes=$(stat -c %s "$tmp/in.jsonl")
echo "input: $records records, $(awk -v b="$bytes" 'BEGIN {printf "%.1f", b / 1e6}') MB of JSON Lines ($snn)"

now() { date +%s.%N; }
t0=$(now)
"$bin" map --quiet --jobs 1 <"$tmp/in.jsonl" >"$tmp/single.ndjson"
t1=$(now)
parallel --pipe --keep-order --block "$block" -j "$(nproc)" --joblog "$tmp/joblog" \
    "$bin map --quiet --jobs 1" <"$tmp/in.jsonl" >"$tmp/parallel.ndjson"
t2=$(now)

blocks=$(tail -n +2 "$tmp/joblog" | wc -l)
failed=$(tail -n +2 "$tmp/joblog" | awk -F'\t' '$7 != 0 || $8 != 0' | wc -l)
lines=$(wc -l <"$tmp/parallel.ndjson")
errors=$(grep -c '"kind":"error"' "$tmp/parallel.ndjson" || true)
awk -v r="$records" -v a="$t0" -v b="$t1" -v c="$t2" -v j="$(nproc)" -v n="$blocks" -v bl="$block" 'BEGIN {
    printf "single process (map --jobs 1): %.2f s, %.0f records/s\n", b - a, r / (b - a)
    printf "parallel --pipe --keep-order --block %s -j %d: %d blocks, %.2f s, %.0f records/s, %.2fx\n",
        bl, j, n, c - b, r / (c - b), (b - a) / (c - b) }'
echo "output: $lines lines for $records records, $errors error lines, $failed failed blocks"
status=0
if [ "$lines" != "$records" ] || [ "$failed" != 0 ]; then
    echo "parallel_check: FAIL: not one output line per record, or a block failed" >&2
    status=1
fi
if cmp -s "$tmp/single.ndjson" "$tmp/parallel.ndjson"; then
    echo "output: byte-identical to the single-process output"
else
    echo "parallel_check: FAIL: output differs from the single-process output" >&2
    cmp "$tmp/single.ndjson" "$tmp/parallel.ndjson" >&2 || true
    status=1
fi
exit $status
