// swift-tools-version: 6.0
// Swift reproduction of Iatropoulos, Gerstner & Brea, "Two-factor synaptic consolidation
// reconciles robust memory with pruning and homeostatic scaling" (PNAS 2025).
import PackageDescription

// Numeric code is unusable in debug builds (bounds checks block vectorisation, a GEMM-like
// loop runs 500x slower), so `swift test` and debug builds still optimise these targets.
let optimiseAlways: [SwiftSetting] = [.unsafeFlags(["-O"], .when(configuration: .debug))]

let package = Package(
    name: "TwoFactorConsolidation",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // C libraries from Debian (see Makefile `deps`).
        .systemLibrary(name: "CCairo", pkgConfig: "pangocairo",
                       providers: [.apt(["libcairo2-dev", "libpango1.0-dev"])]),
        // OpenBLAS, opened at run time with the kernel the project pins (Sources/Sim/Blas.swift).
        .target(name: "BLASLoader"),

        // Histogram bins with numpy's rules, shared by Plot and the figure-data builders.
        .target(name: "Bins", swiftSettings: optimiseAlways),

        // Plotting layer on Cairo/Pango; knows nothing about the paper.
        .target(name: "Plot", dependencies: ["CCairo", "Bins"], exclude: ["API.md"], swiftSettings: optimiseAlways),

        // Models, statistics, theory curves and result files; knows nothing about drawing.
        .target(name: "Sim", dependencies: ["BLASLoader"], swiftSettings: optimiseAlways),

        // The paper's experiments between the models and the figures: scales, the sweep of
        // each figure, the canonical result directory of every point, typed result readers.
        .target(name: "Experiments", dependencies: ["Sim", "Bins"], swiftSettings: optimiseAlways),

        // The paper's checkable claims as data, each with the function that computes our value
        // from the typed results (docs/report.md).
        .target(name: "Claims", dependencies: ["Experiments", "Sim"], swiftSettings: optimiseAlways),
        // The reproduction report without numbers of its own: page model, HTML, tables, provenance.
        .target(name: "ReportKit", dependencies: ["Claims", "Sim"], swiftSettings: optimiseAlways),

        // Paper-specific figure helpers shared by the figure executables (house style,
        // output paths, cached-result loading).
        .target(name: "FigureSupport", dependencies: ["Plot", "Sim", "Experiments",
                                                      .product(name: "ArgumentParser", package: "swift-argument-parser")],
                path: "Sources/Figures/FigureSupport", swiftSettings: optimiseAlways),

        // Command-line entry points.
        .executableTarget(name: "simulate", dependencies: [
            "Sim", "Experiments", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], swiftSettings: optimiseAlways),
        .executableTarget(name: "bench", dependencies: [
            "Sim", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], swiftSettings: optimiseAlways),
        .executableTarget(name: "report", dependencies: [
            "Claims", "ReportKit", "Experiments", "Sim", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], path: "Sources/ReportCommand", swiftSettings: optimiseAlways),
        .executableTarget(name: "gallery", dependencies: ["Plot", .product(name: "ArgumentParser", package: "swift-argument-parser")],
                          path: "Sources/Figures/gallery", swiftSettings: optimiseAlways),
        .executableTarget(name: "figure2", dependencies: [
            "FigureSupport", "Experiments", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], path: "Sources/Figures/figure2", swiftSettings: optimiseAlways),
        .executableTarget(name: "figure3", dependencies: [
            "FigureSupport", "Experiments", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], path: "Sources/Figures/figure3", swiftSettings: optimiseAlways),
        .executableTarget(name: "figure5-6", dependencies: [
            "FigureSupport", "Experiments", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], path: "Sources/Figures/figure5-6", swiftSettings: optimiseAlways),

        .testTarget(name: "PlotTests", dependencies: ["Plot"],
                    resources: [.copy("References")], swiftSettings: optimiseAlways),
        .testTarget(name: "ExperimentsTests", dependencies: ["Experiments", "Sim", "Bins"], swiftSettings: optimiseAlways),
        .testTarget(name: "ReportTests", dependencies: ["Claims", "ReportKit", "Experiments", "Sim"],
                    swiftSettings: optimiseAlways),
        .testTarget(name: "SimTests", dependencies: ["Sim"],
                    resources: [.copy("Fixtures")], swiftSettings: optimiseAlways),
    ]
)
