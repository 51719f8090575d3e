// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "policy",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "policy", targets: ["policy"]),
        .library(name: "PolicyKit", targets: ["PolicyKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        // Property-based tests (test target only).
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // cmark-gfm from Debian's libcmark-gfm-dev / libcmark-gfm-extensions-dev.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // One Linux call Swift cannot reach directly (atomic swap of the site folder).
        .target(name: "CSystemShims"),
        // The domain: load → model → check → render → write. No CLI concerns here.
        .target(
            name: "PolicyKit",
            dependencies: [
                "CCmarkGFM",
                "CSystemShims",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.embedInCode("Theme/Default")]
        ),
        // `policy serve`: the local preview server. Apart so that PolicyKit has no server in it.
        // Its HTTP server is its own (Sources/PolicyServe/HTTP): see PreviewHTTPServer for why.
        .target(name: "PolicyServe", dependencies: ["PolicyKit"]),
        .executableTarget(
            name: "policy",
            dependencies: [
                "PolicyKit",
                "PolicyServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "PolicyKitTests",
            dependencies: ["PolicyKit", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(name: "PolicyServeTests", dependencies: ["PolicyServe"]),
    ]
)
