#!/usr/bin/env bash
# Linear-time check on pathological long-line input (issue 7): time the
# release binary on generated single-line files of growing size and print
# the time ratios. Inputs are generated in a temporary directory, never
# committed.
#   scripts/linearity.sh                 1, 10 and 100 MB, every input kind
#   scripts/linearity.sh 1 2 4           other sizes (MB)
#   KINDS=dense TIMEOUT=300 scripts/linearity.sh
#   ANALYZE_BIN=/path/to/analyze scripts/linearity.sh 1 2   (no build)
# Kinds: dense (one run-on sentence of names, countries and event triggers,
# no punctuation: the worst case for per-sentence work), plain (one word
# repeated on one line), word (a single word of N bytes).
# A size that takes longer than TIMEOUT seconds (default 900) is reported
# as such and the larger sizes of that kind are skipped; the script then
# exits 1. Time should grow about as fast as the size (ratio ≈ size ratio).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1 10 100)
kinds=${KINDS:-dense plain word}
limit=${TIMEOUT:-900}
# ANALYZE_BIN: time this binary instead of building target/release/analyze
if [ -n "${ANALYZE_BIN:-}" ]; then
    bin=$ANALYZE_BIN
else
    cargo build --release -q
    bin=$PWD/target/release/analyze
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

gen() { # kind bytes file
    local unit
    case $1 in
        dense) unit='زار الرئيس السوري بشار الأسد بغداد والتقى رئيس الوزراء العراقي مصطفى الكاظمي وبحث معه العلاقات بين سوريا والعراق و ' ;;
        plain) unit='كلمة ' ;;
        word) unit='ب' ;;
    esac
    # whole units only, so the file ends on a character boundary
    local ub
    ub=$(printf %s "$unit" | wc -c)
    yes "$unit" | tr -d '\n' | head -c $(( ($2 / ub + 1) * ub )) > "$3" || true
}

status=0
printf '%-6s %8s %10s %10s %8s\n' kind MB seconds peak_MB ratio
for kind in $kinds; do
    prev=""
    prev_mb=""
    for mb in "${sizes[@]}"; do
        f=$tmp/$kind-$mb.txt
        gen "$kind" $(( mb * 1024 * 1024 )) "$f"
        start=$(date +%s.%N)
        if timeout "$limit" /usr/bin/env time -f '%M' -o "$tmp/rss" \
            "$bin" --max-bytes 0 -j 1 -q --compact "$f" > /dev/null; then
            secs=$(echo "$(date +%s.%N) - $start" | bc)
            rss=$(( $(cat "$tmp/rss") / 1024 ))
            ratio=-
            if [ -n "$prev" ]; then
                ratio=$(echo "scale=2; $secs / $prev" | bc)
                ratio="${ratio}x/$(( mb / prev_mb ))x"
            fi
            printf '%-6s %8s %10.2f %10s %8s\n' "$kind" "$mb" "$secs" "$rss" "$ratio"
            prev=$secs
            prev_mb=$mb
        else
            printf '%-6s %8s %10s %10s %8s\n' "$kind" "$mb" ">$limit" - timeout
            status=1
            rm -f "$f"
            break
        fi
        rm -f "$f"
    done
done
exit $status
