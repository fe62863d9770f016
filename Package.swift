// swift-tools-version:6.0
import PackageDescription

// The pipeline, one target per stage (see docs/architecture.md):
// JourneyCore (parse -> resolve) -> JourneyFeedback (join) -> JourneyAnalysis (pain points)
// -> JourneyReports (Markdown, JSON, HTML) and JourneyRender (graph description) -> JourneyGraphviz (the only code that touches libgvc)
// -> JourneyWorkflow (files, batches, atomic writes) -> journeymap (CLI wiring only).
// Linux only (README, docs/architecture.md): the workflow calls Glibc and Linux system calls
// directly, so no other platform is claimed.
let package = Package(
    name: "JourneyMap",
    products: [
        .executable(name: "journeymap", targets: ["journeymap"]),
        .library(
            name: "JourneyMapKit",
            targets: ["JourneyCore", "JourneyFeedback", "JourneyAnalysis", "JourneyReports", "JourneyRender", "JourneyWorkflow"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // The live preview's HTTP server: small, no SwiftNIO (a clean build stays fast).
        .package(url: "https://github.com/swhitty/FlyingFox", exact: "0.27.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev", "libcairo2-dev"])]
        ),
        // Linux calls Glibc does not import (the atomic folder exchange that switches an output set in).
        .target(name: "CLinux"),
        .target(name: "JourneyCore"),
        .target(name: "JourneyFeedback", dependencies: ["JourneyCore"]),
        .target(name: "JourneyAnalysis", dependencies: ["JourneyCore", "JourneyFeedback"]),
        .target(name: "JourneyReports", dependencies: ["JourneyCore", "JourneyFeedback", "JourneyAnalysis"]),
        // The graph description: GraphSpec, attributes, HTML labels, the DOT writer, the PDF
        // normaliser, tile geometry. Pure Swift, no C: everything that describes a graph builds
        // without Graphviz. JourneyCore for `Escape.visible`, the one filter for label text.
        .target(name: "JourneyGraph", dependencies: ["JourneyCore"]),
        // The libgvc boundary only: GraphSpec -> SVG/PNG/PDF bytes (and tiled posters via cairo).
        .target(name: "JourneyGraphviz", dependencies: ["CGraphviz", "JourneyGraph", "JourneyCore"]),
        .target(
            name: "JourneyRender", dependencies: ["JourneyCore", "JourneyFeedback", "JourneyAnalysis", "JourneyGraph", "JourneyGraphviz"]),
        // The language server (JSON-RPC over injected byte streams; `journeymap lsp` wires it to stdio).
        .target(name: "JourneyLSP", dependencies: ["JourneyCore", "JourneyFeedback", "JourneyAnalysis"]),
        .target(
            name: "JourneyWorkflow",
            dependencies: [
                "CLinux", "JourneyCore", "JourneyFeedback", "JourneyAnalysis", "JourneyReports", "JourneyRender", "JourneyGraphviz",
            ]),
        // `journeymap serve`: a live preview page on 127.0.0.1 (file watching, rendering, page, SSE).
        .target(name: "JourneyServe", dependencies: ["JourneyWorkflow", "JourneyCore", .product(name: "FlyingFox", package: "FlyingFox")]),
        .executableTarget(
            name: "journeymap",
            dependencies: [
                "JourneyWorkflow", "JourneyReports", "JourneyRender", "JourneyGraphviz", "JourneyAnalysis",
                "JourneyFeedback", "JourneyLSP", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // `journeymap serve` execs this with the parsed command line (ServeRequest): the HTTP
        // server and the libraries it links stay out of the start-up of every other command.
        .executableTarget(name: "journeymap-serve", dependencies: ["JourneyServe", "JourneyWorkflow"]),
        // Whole-process timing harness for BENCHMARKS.md (never run by tests).
        .executableTarget(
            name: "journeymap-bench",
            dependencies: ["JourneyWorkflow", "JourneyCore", "JourneyFeedback", "JourneyRender", "JourneyGraphviz"],
            path: "Sources/JourneyBench"),
        // Goldens (recorded with JOURNEYMAP_RECORD=1) and repository paths for every test target.
        .target(name: "JourneyTestSupport", path: "Tests/JourneyTestSupport"),
        .testTarget(name: "JourneyCoreTests", dependencies: ["JourneyCore", "JourneyTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "JourneyFeedbackTests", dependencies: ["JourneyFeedback", "JourneyTestSupport"]),
        .testTarget(
            name: "JourneyAnalysisTests", dependencies: ["JourneyAnalysis", "JourneyReports", "JourneyTestSupport"], exclude: ["Goldens"]),
        .testTarget(
            name: "JourneyRenderTests", dependencies: ["JourneyRender", "JourneyGraphviz", "JourneyAnalysis", "JourneyTestSupport"],
            exclude: ["Goldens"]),
        .testTarget(name: "JourneyLSPTests", dependencies: ["JourneyLSP", "JourneyTestSupport"]),
        .testTarget(name: "JourneyMapCLITests", dependencies: ["JourneyWorkflow", "JourneyTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
