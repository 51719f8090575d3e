#!/usr/bin/env bash
# Builds the libFuzzer + AddressSanitizer targets over PolicyKit:
#   fuzz/policy-fuzz         the whole check → build path (fuzz/FuzzBuild.swift): load from disk,
#                            model, check, render every page and the search index, write the site
#   fuzz/policy-fuzz-loader  the loader and check in memory only (fuzz/FuzzLoader.swift): faster
#
# PolicyKit and its dependencies are compiled by SwiftPM into a scratch folder of their own
# (.build-fuzz) with coverage instrumentation and ASan (Swift and C alike: Yams' libyaml and
# the shims), then each fuzz/Fuzz*.swift is linked against their object files by swiftc with
# -sanitize=fuzzer,address, which brings libFuzzer's main. Nothing here touches the normal
# build (.build). Usage: fuzz/build.sh  (then fuzz/run.sh, or `make fuzz`).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/opt/swift/usr/bin"
SCRATCH=${FUZZ_SCRATCH:-.build-fuzz}

# -O after SwiftPM's debug -Onone: the build target renders a whole site per input, and
# optimised code runs it in about half the CPU time (assertions stay on: -O, not -Ounchecked).
swift build --scratch-path "$SCRATCH" --target PolicyKit \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -enable-testing -Xswiftc -O \
  -Xcc -fsanitize=fuzzer-no-link,address

BIN=$(swift build --scratch-path "$SCRATCH" --show-bin-path)
objects=()
for module in PolicyCore PolicyLoad PolicyModel PolicyCheck PolicyReport PolicyWrite PolicySearch PolicySite PolicyKit Yams CYaml Mustache CSystemShims \
  Crypto CryptoBoringWrapper CCryptoBoringSSL CCryptoBoringSSLShims; do
  while IFS= read -r -d '' o; do objects+=("$o"); done < <(find "$BIN/$module.build" -name '*.o' -print0)
done
yams_include=$(find "$SCRATCH/checkouts/Yams/Sources/CYaml/include" -maxdepth 0)

link() {  # link <source> <binary>
  swiftc -sanitize=fuzzer,address -parse-as-library -O -g \
    -module-name PolicyFuzz "$1" \
    -I "$BIN/Modules" -I "$BIN" \
    -Xcc -fmodule-map-file=Sources/CCmarkGFM/module.modulemap \
    -Xcc -fmodule-map-file=Sources/CLibYAML/module.modulemap \
    -Xcc -fmodule-map-file=Sources/CZlib/module.modulemap \
    -Xcc -fmodule-map-file="$yams_include/module.modulemap" -Xcc -I"$yams_include" \
    -Xcc -fmodule-map-file="$BIN/CSystemShims.build/module.modulemap" -Xcc -ISources/CSystemShims/include \
    $(pkg-config --cflags libcmark-gfm | sed 's/\(-I[^ ]*\)/-Xcc \1/g') \
    "${objects[@]}" \
    $(pkg-config --libs libcmark-gfm) -lcmark-gfm-extensions $(pkg-config --libs yaml-0.1) $(pkg-config --libs zlib) \
    -o "$2" 2> >(grep -v "Cannot export local symbol" >&2)
  echo "built $2"
}
link fuzz/FuzzBuild.swift fuzz/policy-fuzz
link fuzz/FuzzLoader.swift fuzz/policy-fuzz-loader
