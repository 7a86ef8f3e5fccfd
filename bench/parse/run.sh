#!/usr/bin/env bash
# Parsing benchmark: `dashboards validate` on the same figures written as a wide table (one column per period)
# and as a long table (one row per figure), at 10,000, 40,000 and 80,000 periods, and on a 1,000,000-row long
# CSV for memory. Wall time and peak memory from /usr/bin/time; the median of REPEATS runs. See README.md.
#
#   bench/parse/run.sh                     # full run
#   COLUMNS_LIST="10000" REPEATS=1 bench/parse/run.sh
set -euo pipefail

COLUMNS_LIST=${COLUMNS_LIST:-"10000 40000 80000"}
ROWS=${ROWS:-1000000}
REPEATS=${REPEATS:-3}
WORK=${WORK:-/tmp/dashboards-parse-bench}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)

if [ ! -x /usr/bin/time ]; then
    echo "Installing time…" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null
fi
echo "Building (release)…" >&2
swift build -c release --package-path "$root" --product dashboards 2>&1 | grep -Ev "prohibited flag|^\[" >&2 || true
bin="$root/.build/release/dashboards"
rm -rf "$WORK"
mkdir -p "$WORK"

python3 "$here/generate.py" "$WORK" "$ROWS" $COLUMNS_LIST

# median LABEL INPUT: validates INPUT REPEATS times; prints the label, median wall seconds and peak MiB.
median() {
    local label=$1 input=$2 walls=() peak=0
    for _ in $(seq "$REPEATS"); do
        /usr/bin/time -f "%e %M" -o "$WORK/time.txt" "$bin" validate --input "$input" >/dev/null 2>"$WORK/stderr.txt" || {
            cat "$WORK/stderr.txt" >&2; exit 1; }
        read -r wall kib < "$WORK/time.txt"
        walls+=("$wall")
        [ "$kib" -gt "$peak" ] && peak=$kib
    done
    local mid
    mid=$(printf '%s\n' "${walls[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
    printf '%-28s %8s s %8d MiB\n' "$label" "$mid" $((peak / 1024))
}

printf '%-28s %10s %12s\n' "input" "wall" "peak memory"
for columns in $COLUMNS_LIST; do
    median "wide, $columns periods" "$WORK/wide-$columns"
    median "long, $columns periods" "$WORK/long-$columns"
done
size=$(du -m "$WORK/rows/d/figures.csv" | cut -f1)
median "long, $ROWS rows (${size} MiB)" "$WORK/rows"
