import ArgumentParser
import JourneyAnalysis
import JourneyCore
import JourneyReports
import JourneyWorkflow

struct Metrics: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Join feedback and print CX metrics (n, NPS with interval, CSAT, CES, sentiment, measured emotion).")

    @Argument(help: "A journey file.")
    var journey: String

    @OptionGroup var feedback: FeedbackOptions

    @Option(help: "Output: csv or json.", completion: .list(["csv", "json"]))
    var format: String = "csv"

    @Option(
        parsing: .upToNextOption, help: "Levels: touchpoint, stage, department, channel, segment, journey.",
        completion: .list(["touchpoint", "stage", "department", "channel", "segment", "journey"]))
    var by: [String] = ["touchpoint", "stage", "department", "journey"]

    @Option(help: "Colour in diagnostics: auto, always, never.")
    var color: ColorChoice = .auto

    @Flag(help: "Treat feedback row problems as errors.")
    var strict = false

    @Flag(
        help:
            "Key drivers of each declared outcome (relative weights with bootstrap intervals): as the CSV table, or as `drivers` in the JSON."
    )
    var drivers = false

    @Option(help: "Bootstrap resamples for the drivers' intervals.")
    var resamples: Int = KeyDriverAnalysis.defaultResamples

    func validate() throws {
        guard ["csv", "json"].contains(format) else { throw ValidationError("--format is csv or json") }
        guard (0...100_000).contains(resamples) else { throw ValidationError("--resamples is 0 to 100000") }
        for b in by where MetricsExport.Level(rawValue: b) == nil {
            throw ValidationError("unknown level '\(b)'; use touchpoint, stage, department, channel, segment, journey")
        }
    }

    func run() throws {
        guard FileReader.kind(of: journey) == "file" else { throw ValidationError("'\(journey)' is not a journey file") }
        let result = MetricsJob.run(path: journey, join: feedback.joinOptions(strict: strict))
        Terminal.err(DiagnosticPrinter(sources: result.sources, colored: color.enabled).format(result.diagnostics.sortedForOutput()))
        guard let j = result.journey, let m = result.measurements, !result.diagnostics.hasErrors else { throw ExitCode(1) }
        let levels = by.compactMap(MetricsExport.Level.init)
        guard drivers else {
            Terminal.out(format == "json" ? try MetricsExport.json(j, m, levels: levels) : MetricsExport.csv(j, m, levels: levels))
            return
        }
        let reports = KeyDriverAnalysis.all(m, resamples: resamples)
        if reports.isEmpty {
            Terminal.err(
                "note: no outcome to explain: declare one in a feedback block (`outcome ID = \"column\"`, docs/feedback.md#key-drivers)\n")
        }
        for rep in reports {
            for n in rep.notes { Terminal.err("note: drivers of \(Escape.terminal(rep.outcomeID)): \(Escape.terminal(n))\n") }
        }
        Terminal.out(format == "json" ? try MetricsExport.json(j, m, levels: levels, drivers: reports) : MetricsExport.driversCSV(reports))
    }
}
