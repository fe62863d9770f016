import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import JourneyCore
import JourneyWorkflow

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render journey maps through Graphviz (in-process): SVG, PNG, PDF, DOT.",
        discussion: "Outputs go to <output>/<journey-id>/map.<format>. A journey with errors replaces none of its earlier outputs.")

    @OptionGroup var input: InputOptions
    @OptionGroup var feedback: FeedbackOptions

    @Option(name: .shortAndLong, help: "Output folder.")
    var output: String = "output"

    @Option(name: .customLong("format"), help: "Comma-separated formats: svg, png, pdf, dot.")
    var formats: String = "svg,png,pdf"

    @Option(help: "Views: map, curve (emotion curve), blueprint (service blueprint), ownership, drivers (key-driver importance × performance grid), or all (comma-separated).")
    var view: String = "map"

    @Option(help: "Poster paper: A0, A1, A2, A3, A4, letter, tabloid or WIDTHxHEIGHTmm; the drawing is scaled to fill it.")
    var paper: String?

    @Flag(help: "Landscape paper (with --paper).")
    var landscape = false

    @Option(help: "Also cut the poster (--paper, A0 landscape by default) into tiles of this paper: one PDF, pages with crop marks and names (A1, B1 …) after an index page.")
    var tile: String?

    @Option(help: "How much neighbouring tiles overlap, e.g. 10mm.")
    var overlap: String = "10mm"

    @Option(help: "Theme: default, print, dark (overrides the journey's style).")
    var theme: String?

    @Option(help: "Resolution of PNG output.")
    var dpi: Double = 96

    @Option(help: "How many top pain points to outline on the map (0: none).")
    var highlight: Int = 3

    @Flag(help: "Treat feedback row problems as errors.")
    var strict = false

    @Flag(help: "Render nothing; exit 1 listing outputs that are missing or out of date (for CI).")
    var check = false

    @Flag(help: "Render every journey, even those whose outputs are up to date.")
    var force = false

    @Option(help: "Worker processes for a batch (default: the number of cores; 1 renders in this process).")
    var jobs: Int?

    @Option(help: "Seconds a worker may spend on one journey before it is stopped (layout time budget).")
    var timeout: Double = 120

    @Flag(help: "Render even a single journey in a worker process, under the --timeout deadline (for untrusted input).")
    var isolate = false

    @Option(help: "Address-space limit of each worker process, in MiB (a runaway layout fails alone; at least 512: a worker needs that much to load Graphviz's plugins and fonts).")
    var maxMemory: Int = 4096

    @Option(help: "Most touchpoints laid out; larger journeys are refused before layout.")
    var maxLayoutTouchpoints: Int = RenderOptions.defaultMaxLayoutTouchpoints

    @Option(help: .hidden)
    var includeRoot: String?

    @Flag(help: .hidden)
    var worker = false

    /// At most this many journeys per worker before it is replaced: Graphviz leaks a little per
    /// graph (about 30 KB), and a worker's start-up (fonts, plugins) is worth sharing.
    static let journeysPerWorker = 32

    /// Below this address-space limit a worker fails in Graphviz's start-up, with misleading
    /// messages ("Layout type dot not recognized", a thread that cannot be created): measured
    /// on the examples, 256 MiB failed 2 runs in 5, 320 MiB 1 in 8, 384 MiB none in 28; twice
    /// that leaves room for a real journey.
    static let minimumMemory = 512

    func validate() throws {
        guard !parsedFormats.isEmpty, parsedFormats.count == formats.split(separator: ",").count else {
            throw ValidationError("--format takes svg, png, pdf, dot (comma-separated); got '\(formats)'")
        }
        if let theme, !["default", "print", "dark"].contains(theme) { throw ValidationError("unknown theme '\(theme)'; use default, print or dark") }
        guard dpi >= 10, dpi <= 2400 else { throw ValidationError("--dpi must be between 10 and 2400") }
        guard view == "all" || (!parsedViews.isEmpty && parsedViews.count == view.split(separator: ",").count) else {
            throw ValidationError("--view takes map, curve, blueprint, ownership, drivers or all; got '\(view)'")
        }
        if let paper, Paper(paper, landscape: landscape) == nil {
            throw ValidationError("--paper takes A0, A1, A2, A3, A4, letter, tabloid or WIDTHxHEIGHTmm (50 to 10000 mm); got '\(paper)'")
        }
        if let tile, Paper(tile, landscape: false) == nil { throw ValidationError("--tile takes a paper size like A4 or 210x297mm; got '\(tile)'") }
        guard overlap.hasSuffix("mm"), let o = Double(overlap.dropLast(2)), o >= 0, o <= 100 else {
            throw ValidationError("--overlap takes millimetres from 0mm to 100mm, e.g. 10mm")
        }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        guard timeout > 0 else { throw ValidationError("--timeout must be positive") }
        guard maxMemory >= Render.minimumMemory else {
            throw ValidationError("--max-memory \(maxMemory) is too little memory: a worker needs at least \(Render.minimumMemory) MiB to load Graphviz's plugins and fonts")
        }
        guard maxLayoutTouchpoints >= 1 else { throw ValidationError("--max-layout-touchpoints must be at least 1") }
    }

    var parsedViews: [MapView] {
        view == "all" ? MapView.allCases : view.split(separator: ",").compactMap { MapView(rawValue: String($0)) }
    }

    var parsedFormats: [OutputKind] {
        formats.split(separator: ",").compactMap { OutputKind(rawValue: $0.trimmingCharacters(in: " ")) }
    }

    func run() throws {
        // A worker dies with its supervisor: no orphan keeps writing after a Ctrl-C or a kill.
        // (prctl's death signal is variadic C; polling the parent id does the same job.)
        if worker {
            var limit = rlimit(rlim_cur: rlim_t(maxMemory) << 20, rlim_max: rlim_t(maxMemory) << 20)
            _ = setrlimit(Int32(RLIMIT_AS.rawValue), &limit)
            let parent = getppid()
            Thread.detachNewThread {
                while true {
                    Thread.sleep(forTimeInterval: 0.2)
                    if getppid() != parent { _exit(1) }
                }
            }
        }
        let inputs = try Inputs.resolve(input.paths)
        var options = RenderOptions()
        options.formats = parsedFormats
        options.views = parsedViews
        options.paper = paper.flatMap { Paper($0, landscape: landscape) }
        options.tile = tile.flatMap { Paper($0, landscape: false) }
        options.tileOverlapMM = Double(overlap.dropLast(2)) ?? 10
        options.outputDirectory = output
        options.theme = theme
        options.dpi = dpi
        options.highlightTop = highlight
        options.maxLayoutTouchpoints = maxLayoutTouchpoints
        options.join = feedback.joinSettings(strict: strict)
        var failed = false
        let manifest = Manifest.load(from: output)
        let settings = RenderJob.settingsKey(options, command: "render")
        var stale: [String] = []
        // What needs rendering: journeys whose outputs are missing or out of date.
        var todo: [JourneyDiscovery.Input] = []
        var loadedByPath: [String: LoadResult] = [:]
        var fingerprints: [String: (id: String, fingerprint: String)] = [:]
        let loads = inputs.map { item in
            (item, RenderJob.dependenciesAndLoad(item, load: input.loadOptions(root: includeRoot ?? item.root), options: options))
        }
        let duplicates = worker ? [:] : DuplicateJourneys.find(loads.compactMap { l in l.1.id.map { (l.0.path, $0) } })
        for (id, files) in duplicates.sorted(by: { $0.key < $1.key }) {
            Terminal.err("error: \(DuplicateJourneys.message(id: id, files: files))\n")
            failed = true
        }
        for (item, (id, deps, shared, loaded)) in loads {
            if shared { continue }
            if let id, duplicates[id] != nil { continue }
            if let id, !worker {
                let fingerprint = Manifest.fingerprint(files: deps, settings: settings)
                fingerprints[item.path] = (id, fingerprint)
                let problem = manifest.staleness(journeyID: id, fingerprint: fingerprint, outputDirectory: output)
                if check {
                    if let problem { stale.append("\(item.path): \(problem)") }
                    continue
                }
                if problem == nil, !force { continue }
            } else if check {
                stale.append("\(item.path): has errors (run 'journeymap check')")
                continue
            }
            todo.append(item)
            loadedByPath[item.path] = loaded
        }
        if check {
            for s in stale { Terminal.out("\(s)\n") }
            if !stale.isEmpty {
                Terminal.err("\(stale.count) journey(s) need rendering; run 'journeymap render' and commit the outputs\n")
                throw ExitCode(1)
            }
            if failed { throw ExitCode(1) }
            return
        }
        let workers = jobs ?? ProcessInfo.processInfo.activeProcessorCount
        if !worker, !todo.isEmpty, (workers > 1 && todo.count > 1) || isolate {
            if !renderInWorkers(todo, jobs: workers, options: options, fingerprints: fingerprints) || failed { throw ExitCode(1) }
            return
        }
        let progress = Progress(total: todo.count)
        defer { progress.finish() }
        for (index, item) in todo.enumerated() {
            progress.update(index, item.path)
            let outcome = RenderJob.run(item, load: input.loadOptions(root: includeRoot ?? item.root), options: options,
                                        loaded: loadedByPath.removeValue(forKey: item.path))
            if outcome.isSharedDefinitions { continue }
            Terminal.err(DiagnosticPrinter(sources: outcome.sources, colored: input.color.enabled).format(outcome.diagnostics.sortedForOutput().filter { $0.severity != .note }))
            if outcome.failed { failed = true; continue }
            do {
                for path in try OutputWriter.write(outcome.files) { Terminal.out("wrote \(path)\n") }
                if let id = outcome.journeyID, !worker {
                    let entry = Manifest.Entry(fingerprint: Manifest.fingerprint(files: outcome.dependencies, settings: settings),
                                               outputs: outcome.files.map { Manifest.relative($0.path, to: output) })
                    try Manifest.update(in: output) { $0.journeys[id] = entry }
                }
            } catch {
                Terminal.err("error: \(error)\n")
                failed = true
            }
        }
        if failed { throw ExitCode(1) }
    }
}

extension Render {
    /// Hands contiguous chunks of journeys (same include root) to worker processes, prints
    /// their output in input order, and records the journeys whose chunk succeeded.
    func renderInWorkers(_ todo: [JourneyDiscovery.Input], jobs: Int, options: RenderOptions,
                         fingerprints: [String: (id: String, fingerprint: String)]) -> Bool {
        let perWorker = max(1, min(Render.journeysPerWorker, (todo.count + jobs - 1) / jobs))
        var chunks: [[JourneyDiscovery.Input]] = []
        for item in todo {
            if let last = chunks.last, last.count < perWorker, last[0].root == item.root {
                chunks[chunks.count - 1].append(item)
            } else {
                chunks.append([item])
            }
        }
        var common = ["-o", output, "--format", formats, "--view", view,
                      ] + (paper.map { ["--paper", $0] } ?? []) + (landscape ? ["--landscape"] : [])
                      + (tile.map { ["--tile", $0, "--overlap", overlap] } ?? []) + [ "--dpi", String(dpi), "--highlight", String(highlight),
                      "--color", input.color.enabled ? "always" : "never", "--max-file-size", String(input.maxFileSize),
                      "--max-touchpoints", String(input.maxTouchpoints), "--small-sample", String(feedback.smallSample),
                      "--jobs", "1", "--worker", "--force", "--max-memory", String(maxMemory),
                      "--max-layout-touchpoints", String(maxLayoutTouchpoints)]
        if let theme { common += ["--theme", theme] }
        if strict { common.append("--strict") }
        if let since = feedback.since { common += ["--since", since] }
        if let until = feedback.until { common += ["--until", until] }
        for f in feedback.feedbackFiles { common += ["--feedback", f] }
        let tasks = chunks.map { chunk in
            WorkerPool.Task(arguments: ["render"] + chunk.map(\.path) + ["--include-root", chunk[0].root] + common,
                            deadline: timeout * Double(chunk.count))
        }
        let results = WorkerPool.run(tasks, jobs: jobs)
        var ok = true
        var entries: [String: Manifest.Entry] = [:]
        for (chunk, r) in zip(chunks, results) {
            if r.signaled {
                // What the worker said before it died, without the runtime's stack dump.
                let said = r.stderr.split(separator: "\n", omittingEmptySubsequences: false)
                    .prefix { !$0.hasPrefix("Current stack trace") && !$0.hasPrefix("*** ") }
                Terminal.err(said.joined(separator: "\n") + (said.isEmpty ? "" : "\n"))
            } else {
                Terminal.err(r.stderr)
            }
            Terminal.out(r.stdout)
            if r.timedOut {
                Terminal.err("error: rendering \(chunk.map(\.path).joined(separator: ", ")) took longer than \(timeout >= 1 ? String(Int(timeout)) : String(timeout)) s a journey and was stopped; raise --timeout, or split the journey by stage\n")
            } else if r.signaled {
                Terminal.err("error: the worker rendering \(chunk.map(\.path).joined(separator: ", ")) stopped (signal \(r.status): \(WorkerPool.cause(of: r, memoryLimit: maxMemory))); no output of these journeys was replaced\n")
            }
            guard r.status == 0, !r.timedOut else { ok = false; continue }
            for item in chunk {
                // The fingerprint taken before rendering: inputs that changed meanwhile stay stale.
                guard let (id, fingerprint) = fingerprints[item.path] else { continue }
                entries[id] = Manifest.Entry(fingerprint: fingerprint,
                                                       outputs: options.views.flatMap { v in options.formats.sorted().map { "\(id)/\(v.rawValue).\($0.rawValue)" } }.sorted())
            }
        }
        do { try Manifest.update(in: output) { $0.journeys.merge(entries) { _, new in new } } } catch {
            Terminal.err("error: \(error)\n")
            ok = false
        }
        return ok
    }
}

extension Substring {
    func trimmingCharacters(in set: Character) -> String {
        String(drop { $0 == set }.reversed().drop { $0 == set }.reversed())
    }
}
