import ArgumentParser
import JourneyAnalysis
import JourneyCore
import JourneyFeedback
import JourneyReports
import JourneyWorkflow

struct Metrics: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metrics",
        abstract: "Join feedback and print CX metrics (n, NPS with interval, CSAT, CES, sentiment, measured emotion).")

    @Argument(help: "A journey file.")
    var journey: String

    @OptionGroup var feedback: FeedbackOptions

    @Option(help: "Output: csv or json.", completion: .list(["csv", "json"]))
    var format: String = "csv"

    @Option(
        parsing: .upToNextOption,
        help:
            "Levels: touchpoint, stage, department, channel, segment, journey; period: each period's figures (--period) for the touchpoint, stage and journey levels given.",
        completion: .list(["touchpoint", "stage", "department", "channel", "segment", "journey", "period"]))
    var by: [String] = ["touchpoint", "stage", "department", "journey"]

    @Option(help: "Colour in diagnostics: auto, always, never.")
    var color: ColorChoice = .auto

    @Flag(help: "Treat feedback row problems as errors.")
    var strict = false

    @Flag(
        help:
            "Key drivers of each declared outcome (relative weights with bootstrap intervals): as the CSV table, or as `drivers` in the JSON; with --by period, each period's drivers (CSV with a period column, or `driversByPeriod` in the JSON)."
    )
    var drivers = false

    @Option(help: "Bootstrap resamples for the drivers' intervals.")
    var resamples: Int = KeyDriverAnalysis.defaultResamples

    func validate() throws {
        guard ["csv", "json"].contains(format) else { throw ValidationError("--format is csv or json") }
        guard (0...100_000).contains(resamples) else { throw ValidationError("--resamples is 0 to 100000") }
        for b in by where MetricsExport.Level(rawValue: b) == nil {
            throw ValidationError("unknown level '\(b)'; use touchpoint, stage, department, channel, segment, journey, period")
        }
        if by.contains("period") {
            if let other = by.first(where: { ["department", "channel", "segment"].contains($0) }) {
                throw ValidationError("--by period shows touchpoints, stages and the journey, not '\(other)'")
            }
        }
    }

    func run() throws {
        guard FileReader.kind(of: journey) == "file" else { throw ValidationError("'\(journey)' is not a journey file") }
        let result = MetricsJob.run(path: journey, join: feedback.joinOptions(strict: strict))
        Terminal.err(DiagnosticPrinter(sources: result.sources, colored: color.enabled).format(result.diagnostics.sortedForOutput()))
        guard let j = result.journey, let m = result.measurements, !result.diagnostics.hasErrors else { throw ExitCode(1) }
        let levels = by.compactMap(MetricsExport.Level.init)
        if levels.contains(.period) { return try printPeriods(j, m, levels: levels) }
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

    /// `--by period`: the period table (CSV), or the whole-data groups plus `trends` (JSON).
    func printPeriods(_ j: JourneyCore.Journey, _ m: JourneyMeasurements, levels: [MetricsExport.Level]) throws {
        let settings = feedback.joinOptions(strict: strict)
        guard let trends = TrendStep.trends(j, all: m, settings: settings) else {
            Terminal.err(
                "error: --by period needs dated responses: no joined answer has a date (map a `date` column, docs/feedback.md#trends-and-changes)\n"
            )
            throw ExitCode(1)
        }
        let p = trends.periods
        if p.undated > 0 {
            Terminal.err("note: \(p.undated) answers had no date: they count in the whole-data figures, in no \(p.unit.rawValue)\n")
        }
        // With --drivers: each period's key drivers (its own join, moments and bootstrap).
        let byPeriod = drivers ? KeyDriverAnalysis.byPeriod(p, resamples: resamples) : nil
        for (period, reports) in byPeriod ?? [] {
            for rep in reports {
                for n in rep.notes {
                    Terminal.err("note: drivers of \(Escape.terminal(rep.outcomeID)) in \(period.label): \(Escape.terminal(n))\n")
                }
            }
        }
        guard format == "json" else {
            return Terminal.out(byPeriod.map(MetricsExport.driversByPeriodCSV) ?? MetricsExport.periodsCSV(j, p, levels: levels))
        }
        let kinds = MetricsExport.periodLevels(levels).map { MetricsExport.Level(rawValue: $0.rawValue)! }
        Terminal.out(try MetricsExport.json(j, m, levels: kinds, trends: trends, driversByPeriod: byPeriod))
    }
}
