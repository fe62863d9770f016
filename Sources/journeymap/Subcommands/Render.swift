import ArgumentParser
import Foundation
import JourneyCore
import JourneyRender
import JourneyWorkflow

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render journey maps through Graphviz (in-process): SVG, PNG, PDF, DOT.",
        discussion: "Outputs go to <output>/<journey-id>/map.<format>. A journey with errors replaces none of its earlier outputs.")

    @OptionGroup var input: InputOptions
    @OptionGroup var feedback: FeedbackOptions
    @OptionGroup var lang: LanguageOption

    @Option(name: .shortAndLong, help: "Output folder.")
    var output: String = "output"

    @Option(
        name: .customLong("format"), help: "Comma-separated formats: svg, png, pdf, dot.", completion: .list(["svg", "png", "pdf", "dot"]))
    var formats: String = "svg,png,pdf"

    @Option(
        help:
            "Views: map, curve (emotion curve), blueprint (service blueprint), ownership, drivers (key-driver importance × performance grid), canvas (stage columns × lanes), segments (segment × touchpoint heat map), or all (comma-separated). Default: map; canvas with --paper.",
        completion: .list(["map", "curve", "blueprint", "ownership", "drivers", "canvas", "segments", "all"]))
    var view: String?

    @Option(
        help:
            "summary (workshop labels, readable from a distance) or full (n, intervals, CSAT, CES) on the map and canvas. Default: summary on A2 and larger paper, full otherwise.",
        completion: .list(["summary", "full"]))
    var detail: String?

    @Option(
        help:
            "Poster paper: A0, A1, A2, A3, A4, letter, tabloid or WIDTHxHEIGHTmm; the page is the paper, the drawing scaled to fit and centred, the sheet turned to show it larger unless --landscape or --portrait.",
        completion: .list(Paper.named.keys.sorted()))
    var paper: String?

    @Flag(help: "Landscape paper (with --paper).")
    var landscape = false

    @Flag(help: "Portrait paper (with --paper).")
    var portrait = false

    @Option(
        help:
            "Also cut the poster (--paper, A0 by default) into tiles of this paper: one PDF, an index page, then each sheet with something on it, with crop marks and its name (R1C3: row 1, column 3).",
        completion: .list(Paper.named.keys.sorted()))
    var tile: String?

    @Option(help: "How much neighbouring tiles overlap, e.g. 10mm.")
    var overlap: String = "10mm"

    @Option(help: "Theme: default, print, dark (overrides the journey's style).", completion: .list(["default", "print", "dark"]))
    var theme: String?

    @Option(help: "Resolution of PNG output.")
    var dpi: Double = 96

    @Option(help: "How many top pain points to outline on the map (0: none).")
    var highlight: Int = 3

    @Flag(help: "Treat feedback row problems as errors.")
    var strict = false

    @Flag(help: "Render nothing; exit 1 listing outputs that are missing or out of date, and why (for CI).")
    var check = false

    @Flag(help: "Render every journey, even those whose outputs are up to date.")
    var force = false

    @Option(help: "Worker processes for a batch (default: the number of cores; 1 renders in this process unless a limit is set).")
    var jobs: Int?

    @Option(
        help:
            "Seconds one journey may take (layout time budget); setting it renders even one journey in a worker process (default in workers: 120)."
    )
    var timeout: Double?

    @Flag(help: "Render even a single journey in a worker process, under the --timeout deadline (for untrusted input).")
    var isolate = false

    @Option(
        help:
            "Address-space limit of each worker process, in MiB, at least 512; setting it renders even one journey in a worker (default in workers: 4096)."
    )
    var maxMemory: Int?

    @Option(help: "Most touchpoints laid out; larger journeys are refused before layout.")
    var maxLayoutTouchpoints: Int = RenderOptions.defaultMaxLayoutTouchpoints

    /// Below this address-space limit a worker fails in Graphviz's start-up, with misleading
    /// messages ("Layout type dot not recognized", a thread that cannot be created): measured
    /// on the examples, 256 MiB failed 2 runs in 5, 320 MiB 1 in 8, 384 MiB none in 28; twice
    /// that leaves room for a real journey.
    static let minimumMemory = 512

    func validate() throws {
        guard FormatList.parse(formats) != nil else {
            throw ValidationError("--format takes svg, png, pdf, dot (comma-separated); got '\(formats)'")
        }
        if let theme, !["default", "print", "dark"].contains(theme) {
            throw ValidationError("unknown theme '\(theme)'; use default, print or dark")
        }
        guard dpi >= 10, dpi <= 2400 else { throw ValidationError("--dpi must be between 10 and 2400") }
        if let view, view != "all", parsedViews.isEmpty || parsedViews.count != view.split(separator: ",").count {
            throw ValidationError("--view takes map, curve, blueprint, ownership, drivers, canvas, segments or all; got '\(view)'")
        }
        if let detail, MapOptions.Detail(rawValue: detail) == nil {
            throw ValidationError("--detail takes summary or full; got '\(detail)'")
        }
        if landscape && portrait {
            throw ValidationError("--landscape and --portrait exclude each other; give one, or neither to turn the sheet to fit")
        }
        if let paper, Paper(paper) == nil {
            throw ValidationError("--paper takes A0, A1, A2, A3, A4, letter, tabloid or WIDTHxHEIGHTmm (50 to 10000 mm); got '\(paper)'")
        }
        if let tile, Paper(tile) == nil {
            throw ValidationError("--tile takes a paper size like A4 or 210x297mm; got '\(tile)'")
        }
        guard overlap.hasSuffix("mm"), let o = Double(overlap.dropLast(2)), o >= 0, o <= 100 else {
            throw ValidationError("--overlap takes millimetres from 0mm to 100mm, e.g. 10mm")
        }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if let timeout, timeout <= 0 { throw ValidationError("--timeout must be positive") }
        if let maxMemory, maxMemory < Render.minimumMemory {
            throw ValidationError(
                "--max-memory \(maxMemory) is too little memory: a worker needs at least \(Render.minimumMemory) MiB to load Graphviz's plugins and fonts"
            )
        }
        guard maxLayoutTouchpoints >= 1 else { throw ValidationError("--max-layout-touchpoints must be at least 1") }
    }

    /// The views asked for; without --view, the map, or the canvas for a poster (--paper).
    var parsedViews: [MapView] {
        guard let view else { return paper == nil ? [.map] : [.canvas] }
        return view == "all" ? MapView.allCases : view.split(separator: ",").compactMap { MapView(rawValue: String($0)) }
    }

    var settings: BatchSettings {
        var s = BatchSettings()
        s.options.formats = FormatList.parse(formats) ?? []
        s.options.views = parsedViews
        s.options.paper = paper.flatMap { Paper($0, orientation: landscape ? .landscape : portrait ? .portrait : .fitting) }
        s.options.tile = tile.flatMap { Paper($0, orientation: .fitting) }
        s.options.tileOverlapMM = Double(overlap.dropLast(2)) ?? 10
        s.options.detail = detail.flatMap { MapOptions.Detail(rawValue: $0) }
        s.options.outputDirectory = output
        s.options.theme = theme
        s.options.language = lang.language
        s.options.dpi = dpi
        s.options.highlightTop = highlight
        s.options.maxLayoutTouchpoints = maxLayoutTouchpoints
        s.options.join = feedback.joinOptions(strict: strict)
        s.load = input.loadSettings
        s.force = force
        s.jobs = jobs ?? ProcessInfo.processInfo.activeProcessorCount
        s.isolate = isolate
        s.timeout = timeout
        s.maxMemory = maxMemory
        return s
    }

    func run() throws {
        let inputs = try Inputs.resolve(input.paths)
        if check {
            let problems = RenderBatch.check(inputs, settings)
            for p in problems { Terminal.out("\(p)\n") }
            if !problems.isEmpty {
                Terminal.err("\(problems.count) journey(s) need rendering; run 'journeymap render' and commit the outputs\n")
                throw ExitCode(1)
            }
            return
        }
        var out = BatchOutput(colored: input.color.enabled, quiet: input.quiet)
        let ok = RenderBatch.run(inputs, settings) { out.print($0) }
        out.finish()
        if !ok { throw ExitCode(1) }
    }
}
