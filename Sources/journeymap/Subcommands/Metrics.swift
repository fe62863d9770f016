import ArgumentParser
import JourneyCore
import JourneyReports
import JourneyWorkflow

struct Metrics: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Join feedback and print CX metrics (n, NPS with interval, CSAT, CES, sentiment, measured emotion).")

    @Argument(help: "A journey file.")
    var journey: String

    @OptionGroup var feedback: FeedbackOptions

    @Option(help: "Output: csv or json.")
    var format: String = "csv"

    @Option(parsing: .upToNextOption, help: "Levels: touchpoint, stage, department, channel, segment, journey.")
    var by: [String] = ["touchpoint", "stage", "department", "journey"]

    @Option(help: "Colour in diagnostics: auto, always, never.")
    var color: ColorChoice = .auto

    @Flag(help: "Treat feedback row problems as errors.")
    var strict = false

    func validate() throws {
        guard ["csv", "json"].contains(format) else { throw ValidationError("--format is csv or json") }
        for b in by where MetricsExport.Level(rawValue: b) == nil {
            throw ValidationError("unknown level '\(b)'; use touchpoint, stage, department, channel, segment, journey")
        }
    }

    func run() throws {
        guard FileReader.kind(of: journey) == "file" else { throw ValidationError("'\(journey)' is not a journey file") }
        let result = MetricsJob.run(path: journey, join: feedback.joinSettings(strict: strict))
        Terminal.err(DiagnosticPrinter(sources: result.sources, colored: color.enabled).format(result.diagnostics.sortedForOutput()))
        guard let j = result.journey, let m = result.measurements, !result.diagnostics.hasErrors else { throw ExitCode(1) }
        let levels = by.compactMap(MetricsExport.Level.init)
        Terminal.out(format == "json" ? MetricsExport.json(j, m, levels: levels) : MetricsExport.csv(j, m, levels: levels))
    }
}
