#!/usr/bin/env bash
# analyze map on a real Spark: SaudiNewsNet turned into JSON Lines
# (scripts/saudinewsnet_jsonl.py, 31,030 records) is read by Spark local[2]
# into PARTITIONS partitions (default 8), each piped through one
# `analyze map --quiet --jobs 1` process with RDD.pipe (scripts/spark_check.py),
# and saved as text files. Checks that each partition gave exactly one output
# line per input record, and that the saved output, taken in partition order,
# is byte-identical to the single-process `analyze map --quiet --jobs 1`
# output. Prints records, MB, wall times and records/s; exits 1 on a mismatch.
#
#   scripts/spark_check.sh [SAUDINEWSNET_DIR] [PARTITIONS]
#
# Not part of the default test command (it needs Java and PyPI). It installs
# what it needs: pyspark from PyPI into a virtual environment under
# ${XDG_CACHE_HOME:-~/.cache}/analyze-spark (SPARK_VENV to change it;
# PYSPARK_VERSION, default 4.3.0), and, when no Java 17 or later is on the
# PATH, Debian's openjdk-17-jre-headless (as root). LIMIT=N in the
# environment takes only the first N records; ANALYZE=PATH uses that binary
# instead of building --profile dist. Data and output go to a
# temporary directory that is removed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

snn="${1:-../shared/corpora/saudinewsnet}"
parts="${2:-8}"
venv="${SPARK_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/analyze-spark}"
pyspark_version="${PYSPARK_VERSION:-4.3.0}"

java_major() { # the major version of the java on the PATH, 0 when none
    command -v java >/dev/null || { echo 0; return; }
    java -version 2>&1 | awk -F'"' '/version/ {split($2, v, "."); print (v[1] == 1) ? v[2] : v[1]; exit}'
}
if [ "$(java_major)" -lt 17 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "spark_check: installing openjdk-17-jre-headless" >&2
        apt-get install -y -qq openjdk-17-jre-headless >/dev/null ||
            { apt-get update -qq && apt-get install -y -qq openjdk-17-jre-headless >/dev/null; }
        export JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64
        export PATH="$JAVA_HOME/bin:$PATH"
    else
        echo "spark_check: Spark needs Java 17 or later (apt-get install -y openjdk-17-jre-headless)" >&2
        exit 2
    fi
fi
if ! "$venv/bin/python" -c "import pyspark, sys; sys.exit(pyspark.__version__ != '$pyspark_version')" 2>/dev/null; then
    echo "spark_check: installing pyspark $pyspark_version into $venv" >&2
    python3 -m venv "$venv"
    "$venv/bin/python" -m pip install -q "pyspark==$pyspark_version"
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
mkdir "$tmp/local"
if ! SPARK_LOCAL_IP=127.0.0.1 SPARK_LOCAL_DIRS="$tmp/local" PYSPARK_PYTHON="$venv/bin/python" \
    "$venv/bin/python" scripts/spark_check.py "$tmp/in.jsonl" "$tmp/out" "$bin" "$parts" \
    >"$tmp/figures.json" 2>"$tmp/spark.log"; then
    tail -40 "$tmp/spark.log" >&2
    echo "spark_check: FAIL: the Spark job failed" >&2
    exit 1
fi
t2=$(now)

# per partition: output lines against input records; then the whole output
"$venv/bin/python" - "$tmp/figures.json" "$tmp/out" "$records" "$t0" "$t1" "$t2" <<'EOF' || exit 1
import json, pathlib, sys
fig = json.loads(pathlib.Path(sys.argv[1]).read_text().strip().splitlines()[-1])
out = pathlib.Path(sys.argv[2])
records = int(sys.argv[3])
t0, t1, t2 = map(float, sys.argv[4:7])
parts = sorted(out.glob("part-*"))
lines = [sum(1 for _ in p.open("rb")) for p in parts]
single, job = t1 - t0, fig["job_s"]
print(f"single process (map --jobs 1): {single:.2f} s, {records / single:.0f} records/s")
print(f"Spark {fig['spark']} local[2], RDD.pipe over {fig['partitions']} partitions: "
      f"job {job:.2f} s, {records / job:.0f} records/s, {single / job:.2f}x; "
      f"with the JVM's start {fig['startup_s']:.2f} s, whole run {t2 - t1:.2f} s")
print(f"records per partition: {fig['records_per_partition']}")
if len(parts) != fig["partitions"] or lines != fig["records_per_partition"]:
    print(f"spark_check: FAIL: output lines per partition {lines}", file=sys.stderr)
    sys.exit(1)
if sum(lines) != records:
    print(f"spark_check: FAIL: {sum(lines)} output lines for {records} records", file=sys.stderr)
    sys.exit(1)
print(f"output: {sum(lines)} lines for {records} records, one per record in every partition")
EOF
cat "$tmp"/out/part-* >"$tmp/spark.ndjson"
errors=$(grep -c '"kind":"error"' "$tmp/spark.ndjson" || true)
echo "output: $errors error lines"
if cmp -s "$tmp/single.ndjson" "$tmp/spark.ndjson"; then
    echo "output: byte-identical to the single-process output, record for record in input order"
    exit 0
fi
if cmp -s <(sort "$tmp/single.ndjson") <(sort "$tmp/spark.ndjson"); then
    echo "spark_check: FAIL: the same records as the single-process output, in another order" >&2
else
    echo "spark_check: FAIL: records differ from the single-process output" >&2
fi
exit 1
