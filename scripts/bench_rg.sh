#!/usr/bin/env bash
# analyze beside a ripgrep literal pass, in one run: the whole corpus (default
# the ANT corpus .tar.gz in ../shared) as a directory of text files (the
# archive extracted to a temporary directory, or CORPUS_DIR when given) and as
# the .tar.gz read directly. Times `analyze --format ndjson --jobs 2` (and
# --jobs 1) and `rg -F -c -f NAMES` over the same input, and reports median
# wall times, input MB/s, peak RSS, the ratio analyze/rg, the 2-job speedup,
# and whether the outputs of --jobs 1 and --jobs 2 are byte-identical (exit 1
# when they are not).
#
#   scripts/bench_rg.sh [ARCHIVE] [RUNS]
#   CORPUS_DIR=/path/to/extracted/ant scripts/bench_rg.sh
#
# NAMES are the Arabic names of src/data/countries.tsv (name and variants
# columns) and the capitals of src/data/places.tsv (name column): 675 names,
# the ~670-name list the project's first ripgrep comparison used. A second
# ripgrep pass uses every name and variant of both files (2,047 names), which
# is what analyze's gazetteer matches; its ratio is printed too.
#
# Each run is one round of every command, in alternating order from one round
# to the next (the machine's speed drifts); one warm-up round is not counted.
# Figures are medians over the rounds; a ratio is the median of the per-round
# ratios. Peak RSS is /usr/bin/time's maximum resident set size; cpu s is
# user + system time, which other processes on the machine inflate less than
# wall time. Everything is written to a temporary directory that is removed at
# the end: no corpus text goes into the repository. ripgrep is Debian's
# package (apt-get install -y ripgrep); the script installs it when it is
# missing and it runs as root.
set -euo pipefail
cd "$(dirname "$0")/.."

archive="${1:-../shared/corpora/ant-corpus/antcorpus.multisource.v2.1.tar.gz}"
runs="${2:-5}"
if [ ! -f "$archive" ]; then
    echo "bench_rg: $archive is absent; give a .tar.gz corpus" >&2
    exit 2
fi
if ! command -v rg >/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        apt-get install -y -qq ripgrep >/dev/null
    else
        echo "bench_rg: ripgrep is missing (apt-get install -y ripgrep)" >&2
        exit 2
    fi
fi
if [ ! -x /usr/bin/time ]; then
    echo "bench_rg: /usr/bin/time is missing (apt-get install -y time)" >&2
    exit 2
fi

cargo build --profile dist --quiet
bin="${CARGO_TARGET_DIR:-target}/dist/analyze"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# the corpus as a directory of files
if [ -n "${CORPUS_DIR:-}" ]; then
    dir=$CORPUS_DIR
else
    dir=$tmp/files
    mkdir "$dir"
    tar xzf "$archive" -C "$dir"
fi

# NAMES: one name a line, from the lexicons' name columns
lexicon_names() { # FILE COLUMN... (a column's cell may hold |-separated names)
    awk -F'\t' -v want="${*:2}" '
        /^#/ || /^[ \t]*$/ { next }
        !hdr { for (i = 1; i <= NF; i++) col[$i] = i; hdr = 1; next }
        {
            n = split(want, w, " ")
            for (k = 1; k <= n; k++) {
                c = w[k]
                if (c == "capital") { if ($col["kind"] != "capital") continue; c = "name" }
                if (!(c in col) || $col[c] == "") continue
                m = split($col[c], v, "|")
                for (i = 1; i <= m; i++) if (v[i] != "") print v[i]
            }
        }' "$1"
}
{
    lexicon_names src/data/countries.tsv name variants
    lexicon_names src/data/places.tsv capital
} | LC_ALL=C sort -u >"$tmp/names"
{
    lexicon_names src/data/countries.tsv name variants
    lexicon_names src/data/places.tsv name variants
} | LC_ALL=C sort -u >"$tmp/names.all"

files=$(find "$dir" -type f | wc -l)
dir_bytes=$(find "$dir" -type f -printf '%s\n' | awk '{s += $1} END {print s}')
tar_bytes=$(tar tzvf "$archive" | awk '$1 ~ /^-/ {s += $3} END {print s}')
gz_bytes=$(stat -c %s "$archive")
echo "directory: $files files, $(awk -v b="$dir_bytes" 'BEGIN {printf "%.1f", b / 1e6}') MB"
echo "archive: $archive ($(awk -v b="$tar_bytes" -v g="$gz_bytes" 'BEGIN {printf "%.1f MB of members, %.1f MB compressed", b / 1e6, g / 1e6}'))"
echo "names: $(wc -l <"$tmp/names") (countries and capitals); all: $(wc -l <"$tmp/names.all") (countries and places, with variants)"
echo "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $runs rounds after 1 warm-up round; medians"

rg_cmd=(rg --no-config --no-ignore -F -c)
labels=(a_dir_2 rg_dir a_dir_1 rgall_dir a_tar_2 rg_tar a_tar_1 rgall_tar)
run() { # LABEL: run that command once, append "wall rss cpu" to $tmp/LABEL.times
    local label=$1 cmd
    case "$label" in
        a_dir_*) cmd=("$bin" --format ndjson --quiet --jobs "${label##*_}" "$dir") ;;
        a_tar_*) cmd=("$bin" --format ndjson --quiet --jobs "${label##*_}" "$archive") ;;
        rg_dir) cmd=("${rg_cmd[@]}" -f "$tmp/names" "$dir") ;;
        rgall_dir) cmd=("${rg_cmd[@]}" -f "$tmp/names.all" "$dir") ;;
        rg_tar) cmd=("${rg_cmd[@]}" -z -f "$tmp/names" "$archive") ;;
        rgall_tar) cmd=("${rg_cmd[@]}" -z -f "$tmp/names.all" "$archive") ;;
    esac
    /usr/bin/time -f '%e %M %x %U %S' -o "$tmp/time" "${cmd[@]}" >"$tmp/out.$label" 2>"$tmp/err.$label" || true
    local wall rss rc user sys
    read -r wall rss rc user sys < <(tail -1 "$tmp/time")
    # rg exits 1 when nothing matched; anything else is a failure
    if [ "$rc" != 0 ] && ! { [[ $label == rg* ]] && [ "$rc" = 1 ]; }; then
        echo "bench_rg: $label exited $rc:" >&2
        cat "$tmp/err.$label" >&2
        exit 2
    fi
    echo "$wall $rss $(awk -v u="$user" -v s="$sys" 'BEGIN {print u + s}')" >>"$tmp/$label.times"
}

for ((r = 0; r <= runs; r++)); do
    order=("${labels[@]}")
    if ((r % 2)); then
        order=()
        for ((i = ${#labels[@]} - 1; i >= 0; i--)); do order+=("${labels[i]}"); done
    fi
    for label in "${order[@]}"; do run "$label"; done
    if ((r == 0)); then
        for label in "${labels[@]}"; do rm "$tmp/$label.times"; done
    fi
done

median() { sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
wall() { cut -d' ' -f1 "$tmp/$1.times" | median; }
rss() { cut -d' ' -f2 "$tmp/$1.times" | median; }
cpu() { cut -d' ' -f3 "$tmp/$1.times" | median; }
ratio() { # median of the per-round ratios A/B of field ${3:-1} (1 wall, 3 cpu), with min and max
    paste -d' ' <(cut -d' ' -f"${3:-1}" "$tmp/$1.times") <(cut -d' ' -f"${3:-1}" "$tmp/$2.times") |
        awk '{print ($2 > 0) ? $1 / $2 : 0}' | sort -g |
        awk '{v[NR] = $1} END {m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
             printf "%.2fx (rounds %.2f-%.2f)", m, v[1], v[NR]}'
}

printf '%-34s %8s %8s %8s %10s\n' "" "wall s" "MB/s" "cpu s" "peak RSS"
for label in "${labels[@]}"; do
    case "$label" in
        a_dir_*) name="analyze dir --jobs ${label##*_}"; bytes=$dir_bytes ;;
        a_tar_*) name="analyze tar.gz --jobs ${label##*_}"; bytes=$tar_bytes ;;
        rg_dir) name="rg dir ($(wc -l <"$tmp/names") names)"; bytes=$dir_bytes ;;
        rgall_dir) name="rg dir ($(wc -l <"$tmp/names.all") names)"; bytes=$dir_bytes ;;
        rg_tar) name="rg -z tar.gz ($(wc -l <"$tmp/names") names)"; bytes=$tar_bytes ;;
        rgall_tar) name="rg -z tar.gz ($(wc -l <"$tmp/names.all") names)"; bytes=$tar_bytes ;;
    esac
    awk -v n="$name" -v w="$(wall "$label")" -v r="$(rss "$label")" -v c="$(cpu "$label")" -v b="$bytes" 'BEGIN {
        printf "%-34s %8.2f %8.1f %8.2f %7.0f MB\n", n, w, (w > 0) ? b / 1e6 / w : 0, c, r / 1024 }'
done
echo "analyze --jobs 2 / rg, dir:     $(ratio a_dir_2 rg_dir); against all names $(ratio a_dir_2 rgall_dir)"
echo "analyze --jobs 2 / rg, tar.gz:  $(ratio a_tar_2 rg_tar); against all names $(ratio a_tar_2 rgall_tar)"
echo "cpu seconds analyze --jobs 2 / rg: dir $(ratio a_dir_2 rg_dir 3), tar.gz $(ratio a_tar_2 rg_tar 3)"
echo "speedup --jobs 1 / --jobs 2:    dir $(ratio a_dir_1 a_dir_2); tar.gz $(ratio a_tar_1 a_tar_2)"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) (other processes share these cores)"
echo "documents: dir $(grep -c '"kind":"document"' "$tmp/out.a_dir_2" || true), tar.gz $(grep -c '"kind":"document"' "$tmp/out.a_tar_2" || true)"
status=0
for input in dir tar; do
    if cmp -s "$tmp/out.a_${input}_1" "$tmp/out.a_${input}_2"; then
        echo "output ($input): byte-identical for --jobs 1 and --jobs 2"
    else
        echo "output ($input): DIFFERS between --jobs 1 and --jobs 2" >&2
        status=1
    fi
done
exit $status
