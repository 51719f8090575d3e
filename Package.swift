// swift-tools-version:6.0
import PackageDescription

// The targets are the architecture: each imports only the ones above it in this list,
// so the compiler keeps the layers one-way (docs/architecture.md draws them).
//
//   PolicyCore    diagnostics, errors, dates, kinds, ids, digests: what every layer shares
//   PolicyLoad    content folder → RawLibrary (Yams, cmark-gfm, git history); reads files
//   PolicyModel   RawLibrary → Library: documents, statuses, calendar, URLs (SitePath)
//   PolicyCheck   the rules over RawLibrary and Library → diagnostics
//   PolicyReport  diagnostics, the annual report and 新旧对照 as text, CSV, JSON
//   PolicyWrite   the atomic site writer; writes files
//   PolicySearch  the static search index (its cache writes through PolicyWrite)
//   PolicySite    pages from Mustache templates, feeds, open data: Library → output files
//   PolicyKit     the pipeline (load → model → check → render → write) and build cache
//   PolicyServe   the preview server; policy: the command line
let package = Package(
    name: "policy",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "policy", targets: ["policy"]),
        .library(name: "PolicyKit", targets: ["PolicyKit"]),
    ],
    // Exact versions, so that every clone builds the same code. Package.resolved is not
    // committed: the build machines resolve these URLs from a local mirror whose commit ids
    // are not GitHub's, so a committed one would pin commits a user's clone cannot fetch.
    // An exact version pins the same release on both.
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        // SHA-256 for the digests that decide what a build may reuse (ContentDigest).
        .package(url: "https://github.com/apple/swift-crypto", exact: "4.5.2"),
        // CSV exports of hotline and mailbox systems (`policy qa import`, QuestionSheet).
        .package(url: "https://github.com/swiftcsv/SwiftCSV", exact: "0.10.0"),
        // XLSX exports (`policy qa import`): the XML of the sheet. The zip container is read
        // by hand (ZipEntries) with zlib: ZIPFoundation's own zlib module clashes with CZlib.
        .package(url: "https://github.com/CoreOffice/XMLCoder", exact: "0.18.2"),
        // Property-based tests (test target only).
        .package(url: "https://github.com/x-sheep/swift-property-based", exact: "2.0.1"),
        // Golden files of the sample site (test target only).
        .package(url: "https://github.com/pointfreeco/swift-snapshot-testing", exact: "1.19.7"),
    ],
    targets: [
        // cmark-gfm from Debian's libcmark-gfm-dev / libcmark-gfm-extensions-dev.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // libyaml's C API from Debian's libyaml-dev, for reading a YAML text's event stream
        // before Yams composes it (`YAMLSizeGuard`): Yams keeps its own copy of libyaml internal.
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        // zlib's raw deflate, for the search index's files compressed at rest (the browser
        // inflates them with DecompressionStream).
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]
        ),
        // Linux calls Swift cannot reach directly (atomic swap of the site folder, read(2)).
        .target(name: "CSystemShims"),
        .target(name: "PolicyCore", dependencies: ["CSystemShims", "CZlib", .product(name: "Crypto", package: "swift-crypto")]),
        .target(
            name: "PolicyLoad",
            dependencies: [
                "PolicyCore", "CCmarkGFM", "CLibYAML", "CSystemShims", .product(name: "Yams", package: "Yams"),
                .product(name: "SwiftCSV", package: "SwiftCSV"),
                .product(name: "XMLCoder", package: "XMLCoder"),
            ]
        ),
        .target(name: "PolicyModel", dependencies: ["PolicyCore", "PolicyLoad"]),
        .target(name: "PolicyCheck", dependencies: ["PolicyCore", "PolicyLoad", "PolicyModel"]),
        .target(name: "PolicyReport", dependencies: ["PolicyCore", "PolicyModel", "PolicyCheck"]),
        .target(name: "PolicyWrite", dependencies: ["PolicyCore", "CSystemShims"]),
        .target(name: "PolicySearch", dependencies: ["PolicyCore", "PolicyModel", "PolicyWrite", "CZlib"]),
        .target(
            name: "PolicySite",
            dependencies: [
                "PolicyCore", "PolicyLoad", "PolicyModel", "PolicyReport", "PolicySearch", "PolicyWrite",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.embedInCode("Theme/Default")]
        ),
        .target(
            name: "PolicyKit",
            dependencies: [
                "PolicyCore", "PolicyLoad", "PolicyModel", "PolicyCheck", "PolicyReport", "PolicyWrite",
                "PolicySearch", "PolicySite", .product(name: "Yams", package: "Yams"),
            ]
        ),
        // `policy serve`: the local preview server, apart so that PolicyKit has no server in
        // it. Its HTTP server is its own (Sources/PolicyServe/HTTP): see PreviewHTTPServer for why.
        .target(name: "PolicyServe", dependencies: ["PolicyKit", "PolicyCore", "PolicyLoad", "PolicyReport", "PolicyWrite"]),
        .executableTarget(
            name: "policy",
            dependencies: [
                "PolicyKit", "PolicyCore", "PolicyLoad", "PolicyModel", "PolicyCheck", "PolicyReport", "PolicyServe",
                "PolicyWrite", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "PolicyKitTests",
            dependencies: [
                "PolicyKit", "PolicyCore", "PolicyLoad", "PolicyModel", "PolicyCheck", "PolicyReport",
                "PolicyWrite", "PolicySearch", "PolicySite", .product(name: "Yams", package: "Yams"),
                .product(name: "PropertyBased", package: "swift-property-based"),
                .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
            ],
            exclude: ["Golden/__Snapshots__"]
        ),
        .testTarget(name: "PolicyServeTests", dependencies: ["PolicyServe", "PolicyKit", "PolicyCore", "PolicyCheck", "PolicyLoad", "PolicyWrite"]),
    ]
)
