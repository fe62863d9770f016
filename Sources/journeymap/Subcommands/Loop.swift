import ArgumentParser
import JourneyCore
import JourneyWorkflow

struct Loop: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "loop",
        abstract:
            "Follow-up lists: per owning department, the customers to contact (overdue first) and where each stands in the loop record.",
        discussion:
            "Due dates come from `loop within 48 h [at DEPARTMENT]`, statuses from the journey's `loop record \"FILE\"` or --loop (docs/close-the-loop.md)."
    )

    @Argument(help: "A journey file.")
    var journey: String

    @Option(name: .shortAndLong, help: ArgumentHelp("Folder for follow-up-DEPARTMENT.csv and .md.", valueName: "dir"))
    var output: String

    @OptionGroup var feedback: FeedbackOptions

    @OptionGroup var loop: LoopRecordOptions

    @Option(help: "Colour in diagnostics: auto, always, never.")
    var color: ColorChoice = .auto

    @Flag(name: .shortAndLong, help: "Print errors only: no summary or 'wrote …' lines, warnings or notes.")
    var quiet = false

    func run() throws {
        guard FileReader.kind(of: journey) == "file" else { throw ValidationError("'\(journey)' is not a journey file") }
        let result = LoopJob.run(path: journey, join: feedback.joinOptions(strict: false), output: output, loop: try loop.options())
        let shown = quiet ? result.diagnostics.filter { $0.severity == .error } : result.diagnostics
        Terminal.err(DiagnosticPrinter(sources: result.sources, colored: color.enabled).format(shown.sortedForOutput()))
        guard !result.diagnostics.hasErrors else { throw ExitCode(1) }
        if !quiet {
            for list in result.lists {
                let c = list.counts
                Terminal.out(
                    "\(Escape.terminal(list.department)): \(c.open) to contact (\(c.overdue) overdue), \(c.contacted) contacted, \(c.resolved) resolved, \(c.notReachable) not reachable as of \(result.asOf ?? "–")\n"
                )
            }
            if result.record == nil { Terminal.out("no loop record: every customer is listed to contact\n") }
            for f in result.written { Terminal.out("wrote \(Escape.terminal(f))\n") }
        }
    }
}
