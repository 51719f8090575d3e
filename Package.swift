// swift-tools-version:6.0
import PackageDescription

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
        // Property-based tests (test target only).
        .package(url: "https://github.com/x-sheep/swift-property-based", exact: "2.0.1"),
        .package(url: "https://github.com/swhitty/FlyingFox", exact: "0.27.1"),
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
        .target(
            name: "PolicyServe",
            dependencies: [
                "PolicyKit",
                .product(name: "FlyingFox", package: "FlyingFox"),
                .product(name: "FlyingSocks", package: "FlyingFox"),
            ]
        ),
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
