#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Fuzzes each target for a set time (README "Fuzzing"):
#
#   tests/fuzz/run-fuzzers.sh BUILD_DIR SECONDS [TARGET...]
#
# BUILD_DIR is a build made with CC=clang -Dfuzzing=true
# -Db_sanitize=address,undefined -Db_lundef=false. TARGETs are csv,
# grade-csv, ward-xml and therapy (all of them by default). Each runs for
# SECONDS from a working corpus BUILD_DIR/fuzz-work/TARGET/corpus, seeded
# from tests/fuzz/corpus/TARGET and kept between runs; crashes, hangs
# (over 30 s for one input: the sanitizers and a busy machine are slow)
# and inputs that use too much memory (over 2 GB) are written to BUILD_DIR/fuzz-work/TARGET/artifacts/. Each one
# found becomes a fix and a file in tests/fuzz/crashes/TARGET/.
# Exit status 1 when any target found one.
set -u
here=$(cd "$(dirname "$0")" && pwd)
build=${1:?usage: run-fuzzers.sh BUILD_DIR SECONDS [TARGET...]}
seconds=${2:?usage: run-fuzzers.sh BUILD_DIR SECONDS [TARGET...]}
shift 2
targets=${*:-csv grade-csv ward-xml therapy}
status=0

ninja -C "$build" $(for t in $targets; do printf 'tests/fuzz/fuzz-%s ' "$t"; done) || exit 1

for t in $targets; do
  work="$build/fuzz-work/$t"
  mkdir -p "$work/corpus" "$work/artifacts"
  cp -n "$here/corpus/$t/"* "$work/corpus/" 2>/dev/null
  dict=""
  [ -f "$here/$t.dict" ] && dict="-dict=$here/$t.dict"
  echo "== fuzz-$t for $seconds s"
  # GLib keeps its type system and a few caches for the life of the
  # process: the same suppressions as the sanitizer test build.
  LSAN_OPTIONS="suppressions=$here/../lsan.supp:print_suppressions=0" \
  ASAN_OPTIONS="abort_on_error=1:detect_leaks=1" \
  UBSAN_OPTIONS="halt_on_error=1:abort_on_error=1:print_stacktrace=1" \
  G_SLICE=always-malloc \
    "$build/tests/fuzz/fuzz-$t" $dict -max_total_time="$seconds" -timeout=30 -rss_limit_mb=2048 \
      -max_len=262144 -print_final_stats=1 -artifact_prefix="$work/artifacts/" "$work/corpus" \
      2>&1 | tee "$work/last-run.log" | grep -E '^(#[0-9]+ +(DONE|pulse)|==[0-9]+==|SUMMARY|stat::|artifact_prefix|Test unit written)' 
  if ls "$work/artifacts/" 2>/dev/null | grep -q .; then
    echo "fuzz-$t: found $(ls "$work/artifacts" | wc -l) input(s) in $work/artifacts"
    status=1
  fi
done
exit $status
