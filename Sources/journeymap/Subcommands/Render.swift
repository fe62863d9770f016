import ArgumentParser
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

    func validate() throws {
        guard !parsedFormats.isEmpty, parsedFormats.count == formats.split(separator: ",").count else {
            throw ValidationError("--format takes svg, png, pdf, dot (comma-separated); got '\(formats)'")
        }
        if let theme, !["default", "print", "dark"].contains(theme) { throw ValidationError("unknown theme '\(theme)'; use default, print or dark") }
        guard dpi >= 10, dpi <= 2400 else { throw ValidationError("--dpi must be between 10 and 2400") }
    }

    var parsedFormats: [OutputKind] {
        formats.split(separator: ",").compactMap { OutputKind(rawValue: $0.trimmingCharacters(in: " ")) }
    }

    func run() throws {
        let inputs = try Inputs.resolve(input.paths)
        var options = RenderOptions()
        options.formats = parsedFormats
        options.outputDirectory = output
        options.theme = theme
        options.dpi = dpi
        options.highlightTop = highlight
        options.join = feedback.joinSettings(strict: strict)
        var failed = false
        var manifest = Manifest.load(from: output)
        let settings = RenderJob.settingsKey(options, command: "render")
        var stale: [String] = []
        let progress = Progress(total: inputs.count)
        defer { progress.finish() }
        for (index, item) in inputs.enumerated() {
            progress.update(index, item.path)
            let load = input.loadOptions(root: item.root)
            let (id, deps, shared) = RenderJob.dependencies(item, load: load, options: options)
            if shared { continue }
            if let id {
                let fingerprint = Manifest.fingerprint(files: deps, settings: settings)
                let problem = manifest.staleness(journeyID: id, fingerprint: fingerprint)
                if check {
                    if let problem { stale.append("\(item.path): \(problem)") }
                    continue
                }
                if problem == nil, !force { continue }
            } else if check {
                stale.append("\(item.path): has errors (run 'journeymap check')")
                continue
            }
            let outcome = RenderJob.run(item, load: load, options: options)
            if outcome.isSharedDefinitions { continue }
            Terminal.err(DiagnosticPrinter(sources: outcome.sources, colored: input.color.enabled).format(outcome.diagnostics.sortedForOutput().filter { $0.severity != .note }))
            if outcome.failed { failed = true; continue }
            do {
                for path in try OutputWriter.write(outcome.files) { Terminal.out("wrote \(path)\n") }
                if let id = outcome.journeyID {
                    manifest.journeys[id] = Manifest.Entry(fingerprint: Manifest.fingerprint(files: outcome.dependencies, settings: settings),
                                                           outputs: outcome.files.map(\.path))
                    try manifest.save(to: output)
                }
            } catch {
                Terminal.err("error: \(error)\n")
                failed = true
            }
        }
        if check {
            for s in stale { Terminal.out("\(s)\n") }
            if !stale.isEmpty {
                Terminal.err("\(stale.count) journey(s) need rendering; run 'journeymap render' and commit the outputs\n")
                throw ExitCode(1)
            }
            return
        }
        if failed { throw ExitCode(1) }
    }
}

extension Substring {
    func trimmingCharacters(in set: Character) -> String {
        String(drop { $0 == set }.reversed().drop { $0 == set }.reversed())
    }
}
