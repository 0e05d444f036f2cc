#!/usr/bin/env bash
# Run the cargo-fuzz (libFuzzer) targets in fuzz/ for a bounded time each,
# one after the other (one core), seeding each corpus from seeds/ and fuzz/seeds/.
#   scripts/fuzz.sh                     every target, FUZZ_SECONDS (default 60) each
#   scripts/fuzz.sh 600                 every target, 600 s each
#   scripts/fuzz.sh 600 decode structure  only these targets
# Crashes and hangs land in fuzz/artifacts/TARGET/; the script then exits 1.
# Keep each one as a regression test in tests/bad_input.rs.
#
# Toolchain: cargo-fuzz passes nightly-only rustc flags (-Zsanitizer, -Cpasses).
# With a nightly toolchain installed (rustup) it is used; otherwise the stable
# compiler is told to accept them with RUSTC_BOOTSTRAP=1 (works with
# --sanitizer none). Default sanitizer: none (the crate is safe Rust but for
# a prefetch hint, and libFuzzer runs about 3x faster without ASan);
# FUZZ_SANITIZER=address for ASan.
# Per input: 10 s timeout (a hang is a failure), 2 GB RSS, inputs up to 16 KB.
set -euo pipefail
cd "$(dirname "$0")/.."

secs=${1:-${FUZZ_SECONDS:-60}}
[ $# -gt 0 ] && shift
command -v cargo-fuzz >/dev/null || {
    echo "fuzz.sh: cargo-fuzz is not installed: cargo install cargo-fuzz" >&2
    exit 2
}
toolchain=()
if rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
    toolchain=(+nightly)
else
    export RUSTC_BOOTSTRAP=1
fi
sanitizer=${FUZZ_SANITIZER:-none}

if [ $# -gt 0 ]; then
    targets=("$@")
else
    mapfile -t targets < <(cargo "${toolchain[@]}" fuzz list)
fi

cargo "${toolchain[@]}" fuzz build --sanitizer "$sanitizer"

failed=()
for t in "${targets[@]}"; do
    corpus=fuzz/corpus/$t
    mkdir -p "$corpus" "fuzz/artifacts/$t"
    cp -n seeds/*.txt fuzz/seeds/* tests/html/*.html "$corpus"/ 2>/dev/null || true
    echo "fuzz.sh: $t for ${secs}s" >&2
    start=$(date +%s)
    if cargo "${toolchain[@]}" fuzz run --sanitizer "$sanitizer" "$t" "$corpus" -- \
        -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -max_len=16384 \
        -dict=fuzz/analyze.dict -print_final_stats=1 \
        >"fuzz/artifacts/$t/last-run.log" 2>&1; then
        echo "fuzz.sh: $t ok ($(($(date +%s) - start))s, $(grep -m1 -o 'stat::number_of_executed_units: *[0-9]*' "fuzz/artifacts/$t/last-run.log" | grep -o '[0-9]*$') runs)" >&2
    else
        echo "fuzz.sh: $t FAILED, see fuzz/artifacts/$t/ (log: last-run.log)" >&2
        grep -E 'panicked at|ERROR: libFuzzer|SUMMARY|Test unit written' "fuzz/artifacts/$t/last-run.log" | head -5 >&2 || true
        failed+=("$t")
    fi
done
if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzz.sh: crashes in: ${failed[*]}" >&2
    exit 1
fi
echo "fuzz.sh: ${#targets[@]} targets, ${secs}s each, no crash" >&2
