#!/usr/bin/env bash
# Builds fuzz/policy-fuzz: libFuzzer + AddressSanitizer over PolicyKit's loader and check.
#
# PolicyKit and its dependencies are compiled by SwiftPM into a scratch folder of their own
# (.build-fuzz) with coverage instrumentation and ASan (Swift and C alike: Yams' libyaml and
# the shims), then fuzz/FuzzLoader.swift is linked against their object files by swiftc with
# -sanitize=fuzzer,address, which brings libFuzzer's main. Nothing here touches the normal
# build (.build). Usage: fuzz/build.sh  (then fuzz/run.sh, or `make fuzz`).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/opt/swift/usr/bin"
SCRATCH=${FUZZ_SCRATCH:-.build-fuzz}

swift build --scratch-path "$SCRATCH" --target PolicyKit \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -enable-testing \
  -Xcc -fsanitize=fuzzer-no-link,address

BIN=$(swift build --scratch-path "$SCRATCH" --show-bin-path)
objects=()
for module in PolicyCore PolicyLoad PolicyModel PolicyCheck PolicyReport PolicyWrite PolicySearch PolicySite PolicyKit Yams CYaml Mustache CSystemShims; do
  while IFS= read -r -d '' o; do objects+=("$o"); done < <(find "$BIN/$module.build" -name '*.o' -print0)
done
yams_include=$(find "$SCRATCH/checkouts/Yams/Sources/CYaml/include" -maxdepth 0)

swiftc -sanitize=fuzzer,address -parse-as-library -O -g \
  -module-name PolicyFuzz fuzz/FuzzLoader.swift \
  -I "$BIN/Modules" -I "$BIN" \
  -Xcc -fmodule-map-file=Sources/CCmarkGFM/module.modulemap \
  -Xcc -fmodule-map-file="$yams_include/module.modulemap" -Xcc -I"$yams_include" \
  -Xcc -fmodule-map-file="$BIN/CSystemShims.build/module.modulemap" -Xcc -ISources/CSystemShims/include \
  $(pkg-config --cflags libcmark-gfm | sed 's/\(-I[^ ]*\)/-Xcc \1/g') \
  "${objects[@]}" \
  $(pkg-config --libs libcmark-gfm) -lcmark-gfm-extensions \
  -o fuzz/policy-fuzz 2> >(grep -v "Cannot export local symbol" >&2)
echo "built fuzz/policy-fuzz"
