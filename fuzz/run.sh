#!/usr/bin/env bash
# Runs a fuzz target for FUZZ_SECONDS (default 60) as one fuzzing job.
#
#   FUZZ_TARGET=build   (default) fuzz/policy-fuzz: the whole check → build path
#   FUZZ_TARGET=loader  fuzz/policy-fuzz-loader: the loader and check only, in memory
#
# The corpus starts from every Markdown file of content/ (copied into .fuzz-corpus/, which
# grows as libFuzzer finds new paths) plus fuzz/seeds/ (hand-made hostile cases, see
# fuzz/README.md). Before fuzzing, every file in fuzz/regressions/ — inputs that once crashed
# or hung — is replayed and must pass; every file in fuzz/known-crashes/ — crashes of open
# bugs — is replayed and reported (one that no longer crashes belongs in regressions/).
#
# libFuzzer runs in fork mode with crashes ignored, so that one crash does not end the run:
# every crash, timeout or out-of-memory input is saved in fuzz/crashes/ and the run fails at
# the end if it found any. Fix each, then move its input to fuzz/regressions/.
set -euo pipefail
cd "$(dirname "$0")/.."
FUZZ_SECONDS=${FUZZ_SECONDS:-60}
case "${FUZZ_TARGET:-build}" in
  build) FUZZER=fuzz/policy-fuzz ;;
  loader) FUZZER=fuzz/policy-fuzz-loader ;;
  *) echo "fuzz: FUZZ_TARGET is build or loader" >&2; exit 64 ;;
esac
[ -x "$FUZZER" ] || fuzz/build.sh
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:allocator_may_return_null=1}
# Swift's own crash backtracer stalls under ASan; libFuzzer prints the stack itself.
export SWIFT_BACKTRACE=enable=no

# The build target writes each input's content and site under $TMPDIR; a crashing input
# leaves its folder behind, so the fuzzer gets a temporary folder of its own, removed at exit.
FUZZ_TMP=$(mktemp -d "${TMPDIR:-/tmp}/policy-fuzz-run.XXXXXX")
trap 'rm -rf "$FUZZ_TMP"' EXIT
export TMPDIR=$FUZZ_TMP

mkdir -p .fuzz-corpus fuzz/crashes
find content -name '*.md' -print0 | while IFS= read -r -d '' f; do
  cp "$f" ".fuzz-corpus/content-$(echo "$f" | md5sum | cut -c1-12).md"
done
cp fuzz/seeds/* .fuzz-corpus/ 2>/dev/null || true

if compgen -G "fuzz/regressions/*" > /dev/null; then
  echo "fuzz: replaying $(ls fuzz/regressions | wc -l) regression inputs"
  "$FUZZER" -rss_limit_mb=4096 -timeout=10 fuzz/regressions/*
fi

for known in fuzz/known-crashes/*; do
  [ -f "$known" ] || continue
  if "$FUZZER" -rss_limit_mb=4096 -timeout=10 "$known" > /dev/null 2>&1; then
    echo "fuzz: $known no longer crashes: move it to fuzz/regressions/"
  else
    echo "fuzz: $known still crashes (a known open bug, see fuzz/README.md)"
  fi
done

before=$(find fuzz/crashes -type f | wc -l)
echo "fuzz: fuzzing $FUZZER for ${FUZZ_SECONDS}s"
# Exit status of the fuzzer itself is not the verdict (ignored crashes); the new files are.
"$FUZZER" .fuzz-corpus -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
  -max_total_time="$FUZZ_SECONDS" -max_len=65536 -timeout=10 -rss_limit_mb=4096 \
  -dict=fuzz/markdown-yaml.dict -artifact_prefix=fuzz/crashes/ -print_final_stats=1 || true
after=$(find fuzz/crashes -type f | wc -l)
if [ "$after" -gt "$before" ]; then
  echo "fuzz: $((after - before)) new crashing input(s) in fuzz/crashes/ (reproduce: $FUZZER <file>)" >&2
  exit 1
fi
echo "fuzz: no new crash"
