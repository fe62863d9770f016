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

    @Flag(help: "Treat feedback row problems as errors.")
    var strict = false

    func run() throws {
        let inputs = try Inputs.resolve(input.paths)
        var options = RenderOptions()
        options.outputDirectory = output
        options.highlightTop = highlight
        options.theme = theme
        options.join = feedback.joinSettings(strict: strict)
        var failed = false
        for item in inputs {
            let outcome = ReportJob.run(item, load: input.loadOptions(root: item.root), options: options)
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
