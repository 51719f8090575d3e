#!/usr/bin/env bash
# Runs the loader fuzzer for FUZZ_SECONDS (default 60) on one core.
#
# The corpus starts from every Markdown file of content/ (copied into .fuzz-corpus/, which
# grows as libFuzzer finds new paths) plus fuzz/seeds/ (hand-made hostile cases). Before
# fuzzing, every file in fuzz/regressions/ — inputs that once crashed or hung — is replayed
# and must pass. A new crash is written to fuzz/crashes/ and fails the run: fix it, then move
# the input to fuzz/regressions/ so it is replayed for ever.
set -euo pipefail
cd "$(dirname "$0")/.."
FUZZ_SECONDS=${FUZZ_SECONDS:-60}
[ -x fuzz/policy-fuzz ] || fuzz/build.sh
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:allocator_may_return_null=1}
# Swift's own crash backtracer stalls under ASan; libFuzzer prints the stack itself.
export SWIFT_BACKTRACE=enable=no

mkdir -p .fuzz-corpus fuzz/crashes
find content -name '*.md' -print0 | while IFS= read -r -d '' f; do
  cp "$f" ".fuzz-corpus/content-$(echo "$f" | md5sum | cut -c1-12).md"
done
cp fuzz/seeds/* .fuzz-corpus/ 2>/dev/null || true

if compgen -G "fuzz/regressions/*" > /dev/null; then
  echo "fuzz: replaying $(ls fuzz/regressions | wc -l) regression inputs"
  fuzz/policy-fuzz -rss_limit_mb=4096 -timeout=10 fuzz/regressions/*
fi

echo "fuzz: fuzzing for ${FUZZ_SECONDS}s"
fuzz/policy-fuzz .fuzz-corpus -max_total_time="$FUZZ_SECONDS" -max_len=65536 -timeout=10 \
  -rss_limit_mb=4096 -dict=fuzz/markdown-yaml.dict -artifact_prefix=fuzz/crashes/ -print_final_stats=1
