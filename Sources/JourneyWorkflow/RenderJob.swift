import JourneyAnalysis
import JourneyCore
import JourneyFeedback
import JourneyGraphviz
import JourneyRender
import JourneyReports

/// What `render` writes for each journey.
public enum OutputKind: String, Sendable, Codable, CaseIterable, Comparable {
    case svg, png, pdf, dot
    /// Alphabetical, so output lists are in a fixed order.
    public static func < (a: OutputKind, b: OutputKind) -> Bool { a.rawValue < b.rawValue }
}

/// The views of a journey `render` can draw (`--view`).
public enum MapView: String, Sendable, Codable, CaseIterable {
    case map, curve, blueprint, ownership, drivers, canvas, segments
}

extension MapView {
    /// The view's name in `language` ("emotion curve", "krzywa emocji"): PDF titles.
    public func title(_ language: Language) -> String {
        switch self {
        case .map: language[.viewMap]
        case .curve: language[.viewCurve]
        case .blueprint: language[.viewBlueprint]
        case .ownership: language[.viewOwnership]
        case .drivers: language[.viewDrivers]
        case .canvas: language[.viewCanvas]
        case .segments: language[.viewSegments]
        }
    }
}

/// Everything that decides what `render` and `report` write. Codable: it travels to worker
/// processes as JSON, and its hash keys the manifest's entries.
public struct RenderOptions: Sendable, Codable, Equatable {
    /// The file formats written for each view (`--format`).
    public var formats: [OutputKind] = [.svg, .png, .pdf]
    /// The views drawn (`--view`).
    public var views: [MapView] = [.map]
    /// A poster: the drawing is scaled to fill this paper (inside 10 mm margins).
    public var paper: Paper?
    /// Also cut the poster (`paper`, A0 when unset) into printable tiles of this paper with
    /// this overlap: `<view>-tiles.pdf`.
    public var tile: Paper?
    /// How much neighbouring tiles overlap, in millimetres.
    public var tileOverlapMM: Double = 10
    /// Workshop labels or analyst figures (`--detail`); nil: summary on wall paper (A2 and
    /// up), full otherwise.
    public var detail: MapOptions.Detail?
    /// The folder the journeys' output folders go in (`-o`).
    public var outputDirectory = "output"
    /// A theme overriding the journey's `style { theme … }`.
    public var theme: String?
    /// A language overriding the journey's `style { language … }` (`--lang`).
    public var language: Language?
    /// PNG resolution in dots per inch (`--dpi`).
    public var dpi: Double = 96
    /// A factor on every font size (wall maps use a larger one).
    public var fontScale: Double = 1
    /// How many top pain points the map outlines (0: none).
    public var highlightTop = 3
    /// How feedback is joined (`--feedback`, `--since`, `--until`, `--small-sample`, `--strict`).
    public var join = JoinOptions()
    /// The loop record and as-of date of the report's Closing the loop section (`--loop`, `--as-of`).
    public var loop = LoopOptions()
    /// Journeys with more touchpoints are refused before layout (`--max-layout-touchpoints`):
    /// Graphviz's time and memory grow faster than linearly with the graph; a 35,000-touchpoint
    /// journey exhausted memory inside libgvc (docs/security.md).
    public var maxLayoutTouchpoints = RenderOptions.defaultMaxLayoutTouchpoints
    /// 5,000 touchpoints: measured 13.6 s and 150 MB for an SVG map in a debug build (about 4 s
    /// in a release build).
    public static let defaultMaxLayoutTouchpoints = 5_000
    /// The defaults: the map as SVG, PNG and PDF into `output/`.
    public init() {}

    /// The segment table's settings: cells are tested from `--small-sample` answers a side.
    var segmentOptions: SegmentComparison.Options {
        var o = SegmentComparison.Options()
        o.minimumN = join.smallSample
        return o
    }
}

/// One output file, in memory until the whole journey has rendered.
public struct OutputFile: Sendable, Hashable {
    /// Where the file goes.
    public var path: String
    /// Its bytes.
    public var bytes: [UInt8]
    /// A file from its path and bytes.
    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }
}

/// The result of processing one journey: what to write, and what to tell the user.
public struct JourneyOutcome: Sendable {
    /// The journey file and its include root.
    public var input: JourneyDiscovery.Input
    /// The journey's id; nil when it did not load.
    public var journeyID: String?
    /// Everything load, join, analysis and render reported.
    public var diagnostics: [Diagnostic]
    /// The source files of the diagnostics, by path, for excerpts.
    public var sources: [String: SourceFile]
    /// The files of the output set, sorted by path.
    public var files: [OutputFile]
    /// Every file the outputs depend on (journey, includes, feedback), for the manifest.
    public var dependencies: [String]
    /// The file held only shared definitions: nothing to render.
    public var isSharedDefinitions: Bool
    /// Whether an error was reported (nothing of the set is then written).
    public var failed: Bool { diagnostics.hasErrors }
}

/// parse → resolve → join → analyse → build graph → render, in memory. Nothing is written
/// here: `OutputWriter` writes a journey's files only when all of them rendered.
public enum RenderJob {
    /// `loaded`: the journey when the caller has loaded it already (no second read).
    public static func run(
        _ input: JourneyDiscovery.Input, load: LoadOptions, options: RenderOptions, loaded preloaded: LoadResult? = nil
    ) -> JourneyOutcome {
        var (outcome, prepared) = prepare(input, load: load, options: options, loaded: preloaded)
        guard let (journey, joined) = prepared else { return outcome }
        if let refusal = layoutRefusal(journey, options: options) {
            outcome.diagnostics.append(refusal)
            return outcome
        }
        guard let theme = Theme.named(options.theme ?? journey.style.theme) else {
            outcome.diagnostics.append(
                Diagnostic(
                    .unknownRenderTheme, "unknown theme '\(options.theme ?? "")' (themes: default, print, dark)", at: .file(input.path)))
            return outcome
        }
        var mapOptions = MapOptions()
        mapOptions.theme = theme
        mapOptions.language = Language.resolve(options.language, style: journey.style)
        mapOptions.fontScale = options.fontScale
        mapOptions.adapt(to: options.paper)
        mapOptions.paper = options.paper
        if let detail = options.detail { mapOptions.detail = detail }
        mapOptions.smallSample = options.join.smallSample
        if options.highlightTop > 0, let m = joined.measurements {
            let report = PainPointAnalysis.analyse(journey, m)
            for p in report.painPoints.prefix(options.highlightTop) { mapOptions.highlighted[p.touchpointID] = p.rank }
        }
        let dir = PathUtil.join(options.outputDirectory, journey.id)
        do {
            for view in options.views {
                let base: GraphSpec
                switch view {
                case .map: base = MapBuilder.build(journey, measurements: joined.measurements, options: mapOptions)
                case .curve: base = CurveBuilder.build(journey, measurements: joined.measurements, options: mapOptions)
                case .blueprint: base = BlueprintBuilder.build(journey, options: mapOptions)
                case .ownership:
                    let targets = joined.measurements.map { TargetEvaluation.evaluate(journey, $0) } ?? []
                    base = OwnershipBuilder.build(journey, measurements: joined.measurements, targets: targets, options: mapOptions)
                case .canvas:
                    let targets = joined.measurements.map { TargetEvaluation.evaluate(journey, $0) } ?? []
                    base = CanvasBuilder.build(journey, measurements: joined.measurements, targets: targets, options: mapOptions)
                case .drivers:
                    let drivers = PainPointAnalysis.analyse(journey, joined.measurements ?? JourneyMeasurements()).drivers
                    // `--view all` draws the grid only where an outcome gives drivers; asked for
                    // alone, it says how to get them.
                    if drivers == nil, options.views.count > 1 { continue }
                    base = DriversBuilder.build(journey, drivers: drivers, options: mapOptions)
                case .segments:
                    let table = joined.measurements.flatMap { SegmentComparison.analyse(journey, $0, options: options.segmentOptions) }
                    // Like the drivers grid: left out of `--view all` when no answer has a segment.
                    if table == nil, options.views.count > 1 { continue }
                    base = HeatmapBuilder.build(journey, table: table, options: mapOptions)
                }
                if let tile = options.tile {
                    let layout = (options.paper ?? Paper.defaultPoster).tiles(of: tile, overlapMM: options.tileOverlapMM)
                    let l = mapOptions.language
                    var words = TileWords()
                    (words.row, words.column, words.overlap) = (l[.tileRow], l[.tileColumn], l[.tileOverlap])
                    (words.sheets, words.blankLeftOut, words.assemble) = (l[.tileSheets], l[.tileBlankLeftOut], l[.tileAssemble])
                    let tiled = try GraphvizRenderer.renderTiles(
                        base, layout: layout, title: l(.documentTitle, journey.title, view.title(l)), words: words)
                    outcome.files.append(OutputFile(path: "\(dir)/\(OutputNames.tiles(view))", bytes: tiled.pdf))
                }
                outcome.files += try renderFiles(
                    base, name: view.rawValue, dir: dir, formats: options.formats, dpi: options.dpi, page: options.paper?.page
                ).map { f in
                    if f.path.hasSuffix(".pdf") {
                        // Title and language for viewers and screen readers (Graphviz's cairo writes neither).
                        let title = mapOptions.language(.documentTitle, journey.title, view.title(mapOptions.language))
                        return OutputFile(path: f.path, bytes: PDFMetadata.apply(f.bytes, title: title, language: mapOptions.language.tag))
                    }
                    guard f.path.hasSuffix(".svg") else { return f }
                    guard view == .map else {
                        let l = mapOptions.language
                        return OutputFile(
                            path: f.path,
                            bytes: SVGAccessibility.titled(
                                f.bytes, title: l(.documentTitle, journey.title, view.title(l)), description: journey.description ?? ""))
                    }
                    return OutputFile(
                        path: f.path,
                        bytes: SVGAccessibility.annotate(
                            f.bytes, journey: journey, measurements: joined.measurements, language: mapOptions.language))
                }
            }
            outcome.files.sort { $0.path < $1.path }
        } catch {
            outcome.diagnostics.append(Diagnostic(.renderFailed, "cannot render '\(journey.id)': \(error)", at: journey.range))
        }
        return outcome
    }

    /// parse → resolve → join, shared by `render` and `report`: the outcome so far, and the
    /// journey with its joined data when nothing failed.
    static func prepare(
        _ input: JourneyDiscovery.Input, load: LoadOptions, options: RenderOptions,
        loaded preloaded: LoadResult? = nil
    ) -> (JourneyOutcome, (Journey, JoinStep.Result)?) {
        let loaded = preloaded ?? JourneyLoader.load(path: input.path, options: load)
        var outcome = JourneyOutcome(
            input: input, journeyID: loaded.journey?.id, diagnostics: loaded.diagnostics,
            sources: loaded.sources, files: [], dependencies: loaded.files,
            isSharedDefinitions: loaded.isSharedDefinitions)
        guard let journey = loaded.journey else { return (outcome, nil) }
        let joined = JoinStep.run(journey, settings: options.join)
        outcome.diagnostics += joined.diagnostics
        outcome.dependencies += journey.feedback.map(\.resolvedPath) + options.join.extraFeedback
        return (outcome, outcome.failed ? nil : (journey, joined))
    }

    /// The error for a journey too large to lay out, or nil.
    static func layoutRefusal(_ journey: Journey, options: RenderOptions) -> Diagnostic? {
        let n = journey.touchpoints.count
        guard n > options.maxLayoutTouchpoints else { return nil }
        return Diagnostic(
            .tooLargeToLayOut,
            "'\(journey.id)' has \(n) touchpoints, more than the \(options.maxLayoutTouchpoints) that are laid out (layout time and memory grow fast with size); split the journey by stage, or raise --max-layout-touchpoints",
            at: journey.range)
    }

    /// Renders one graph in the requested formats (one layout for all of them); with `page`,
    /// each on a page of exactly that paper.
    public static func renderFiles(
        _ spec: GraphSpec, name: String, dir: String, formats: [OutputKind], dpi: Double, page: PageLayout? = nil
    ) throws(GraphvizError) -> [OutputFile] {
        var files: [OutputFile] = []
        let graphviz = formats.compactMap { kind -> RenderFormat? in
            switch kind {
            case .svg: .svg
            case .png: .png
            case .pdf: .pdf
            case .dot: nil
            }
        }
        if !graphviz.isEmpty {
            let rendered: [RenderFormat: [UInt8]]
            if let page {
                rendered = try GraphvizRenderer.render(spec, formats: graphviz, dpi: dpi, page: page)
            } else {
                rendered = try GraphvizRenderer.render(spec, formats: graphviz, dpi: dpi)
            }
            for (kind, f) in zip(formats.filter { $0 != .dot }, graphviz) {
                guard let bytes = rendered[f] else { throw GraphvizError.renderFailed(f.rawValue) }
                files.append(OutputFile(path: "\(dir)/\(OutputNames.file(name, kind))", bytes: bytes))
            }
        }
        if formats.contains(.dot) {
            files.append(OutputFile(path: "\(dir)/\(OutputNames.file(name, .dot))", bytes: Array(DOTWriter.write(spec).utf8)))
        }
        return files.sorted { $0.path < $1.path }
    }
}
