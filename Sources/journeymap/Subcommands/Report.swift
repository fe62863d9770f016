import ArgumentParser
import JourneyCore
import JourneyWorkflow

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the pain-point report set: pain-points.md, pain-points.json, report.html, report.svg/png and the map with pain points outlined.")

    @OptionGroup var input: InputOptions
    @OptionGroup var feedback: FeedbackOptions

    @Option(name: .shortAndLong, help: "Output folder.")
    var output: String = "output"

    @Option(help: "How many top pain points to outline on the map.")
    var highlight: Int = 3

    @Option(help: "Theme: default, print, dark.")
    var theme: String?

    @Option(help: "Resolution of the PNG files (lower it for very large journeys).")
    var dpi: Double = 96

    @Option(help: "Most touchpoints laid out; larger journeys are refused before layout.")
    var maxLayoutTouchpoints: Int = RenderOptions.defaultMaxLayoutTouchpoints

    @Flag(help: "Treat feedback row problems as errors.")
    var strict = false

    func validate() throws {
        guard dpi >= 10, dpi <= 2400 else { throw ValidationError("--dpi must be between 10 and 2400") }
        guard maxLayoutTouchpoints >= 1 else { throw ValidationError("--max-layout-touchpoints must be at least 1") }
    }

    func run() throws {
        let inputs = try Inputs.resolve(input.paths)
        var options = RenderOptions()
        options.outputDirectory = output
        options.highlightTop = highlight
        options.theme = theme
        options.dpi = dpi
        options.maxLayoutTouchpoints = maxLayoutTouchpoints
        options.join = feedback.joinSettings(strict: strict)
        var failed = false
        let loads = inputs.map { item in (item, JourneyLoader.load(path: item.path, options: input.loadOptions(root: item.root))) }
        let duplicates = DuplicateJourneys.find(loads.compactMap { l in l.1.journey.map { (l.0.path, $0.id) } })
        for (id, files) in duplicates.sorted(by: { $0.key < $1.key }) {
            Terminal.err("error: \(DuplicateJourneys.message(id: id, files: files))\n")
            failed = true
        }
        for (item, loaded) in loads {
            if let id = loaded.journey?.id, duplicates[id] != nil { continue }
            let outcome = ReportJob.run(item, load: input.loadOptions(root: item.root), options: options, loaded: loaded)
            Terminal.err(DiagnosticPrinter(sources: outcome.sources, colored: input.color.enabled).format(outcome.diagnostics.sortedForOutput().filter { $0.severity != .note }))
            if outcome.failed { failed = true; continue }
            do {
                for path in try OutputWriter.write(outcome.files) { Terminal.out("wrote \(path)\n") }
            } catch {
                Terminal.err("error: \(error)\n")
                failed = true
            }
        }
        if failed { throw ExitCode(1) }
    }
}
