#!/usr/bin/env bash
# Coverage-guided fuzzing of the core's CSV, table, period and figure parsers with libFuzzer and AddressSanitizer.
# Not part of the package build or of CI's test run: the seeded ParserFuzzTests run there. Usage:
#   fuzz/run.sh [seconds]        (default 60)
# Crashes are written to fuzz/.work/crash-*; replay one with: fuzz/.work/fuzz-core fuzz/.work/crash-<hash>
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
work=fuzz/.work
mkdir -p "$work/corpus"

swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name FuzzCore \
    $(find Sources/DashboardCore -name '*.swift' | sort) fuzz/Harness.swift -o "$work/fuzz-core" 2>&1 |
    grep -v "Cannot export local symbol '__asan" || true

# Seeds: the example data files and the bad-input corpus; what libFuzzer adds is kept in $work/corpus between runs.
seeds=$(mktemp -d)
trap 'rm -rf "$seeds"' EXIT
cp dashboards/*/*.csv dashboards/*/*.tsv Tests/DashboardSiteTests/Corpus/*.csv "$seeds/" 2>/dev/null || true
printf '%s' "2019/20 Q1" > "$seeds/period-quarter"; printf '%s' "May-19" > "$seeds/period-month"
printf '%s' "94.9% (1074)" > "$seeds/figure-count"; printf '%s' "£1,537.50" > "$seeds/figure-pounds"

"$work/fuzz-core" -max_total_time="$seconds" -max_len=8192 -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$work/" -print_final_stats=1 "$work/corpus" "$seeds"
