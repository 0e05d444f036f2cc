#!/usr/bin/env bash
# Whole-corpus benchmark: analyze a corpus (directory or archive; default the
# ANT corpus .tar.gz in ../shared) in NDJSON mode with --jobs 1 and --jobs 2,
# and report MB/s of input, documents/s, peak RSS, the 2-job speedup, and
# whether the two outputs are byte-identical. Output goes to a temporary
# directory that is removed at the end; no corpus text is ever written into
# the repository.
#
#   scripts/bench.sh [CORPUS] [RUNS]
#
# Input MB counts the uncompressed bytes of the files read (for an archive,
# of its members), that is the text the tool reads, markup included.
set -euo pipefail
cd "$(dirname "$0")/.."

corpus="${1:-../shared/corpora/ant-corpus/antcorpus.multisource.v2.1.tar.gz}"
runs="${2:-3}"
if [ ! -e "$corpus" ]; then
    echo "bench: $corpus is absent; give a corpus directory or archive" >&2
    exit 2
fi
# the profile a distributed binary is built with (fat LTO, one codegen unit)
cargo build --profile dist --quiet
bin=target/dist/analyze
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# uncompressed input size in bytes
case "$corpus" in
    *.tar.gz|*.tgz) bytes=$(tar tzvf "$corpus" | awk '$1 ~ /^-/ {s += $3} END {print s}') ;;
    *.tar) bytes=$(tar tvf "$corpus" | awk '$1 ~ /^-/ {s += $3} END {print s}') ;;
    *.gz) bytes=$(gzip -dc "$corpus" | wc -c) ;;
    *.zip) bytes=$(unzip -l "$corpus" | tail -1 | awk '{print $1}') ;;
    *) bytes=$(find "$corpus" -type f -printf '%s\n' | awk '{s += $1} END {print s}') ;;
esac
mb=$(awk -v b="$bytes" 'BEGIN {printf "%.1f", b / 1e6}')
echo "corpus: $corpus ($mb MB of input)"

best_wall=()
for jobs in 1 2; do
    best=""
    for ((r = 1; r <= runs; r++)); do
        /usr/bin/time -f '%e %M' -o "$tmp/time" \
            "$bin" --format ndjson --quiet --jobs "$jobs" "$corpus" >"$tmp/out.$jobs" || true
        read -r wall rss <"$tmp/time"
        echo "  jobs=$jobs run $r: ${wall}s, peak RSS $((rss / 1024)) MB"
        if [ -z "$best" ] || awk -v a="$wall" -v b="$best" 'BEGIN {exit !(a < b)}'; then
            best=$wall
            best_rss=$rss
        fi
    done
    docs=$(grep -c '"kind":"document"' "$tmp/out.$jobs" || true)
    awk -v b="$bytes" -v w="$best" -v d="$docs" -v j="$jobs" -v r="$best_rss" 'BEGIN {
        printf "jobs=%d: best %.2fs, %.1f MB/s, %.0f documents/s, %d documents, peak RSS %.0f MB\n",
            j, w, b / 1e6 / w, d / w, d, r / 1024 }'
    best_wall+=("$best")
done
awk -v a="${best_wall[0]}" -v b="${best_wall[1]}" 'BEGIN {printf "speedup (jobs 1 / jobs 2): %.2fx\n", a / b}'
if cmp -s "$tmp/out.1" "$tmp/out.2"; then
    echo "output: byte-identical for --jobs 1 and --jobs 2"
else
    echo "output: DIFFERS between --jobs 1 and --jobs 2" >&2
    exit 1
fi
