import ArgumentParser
import JourneyCore
import JourneyWorkflow

struct Loop: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Follow-up lists: per owning department, the detractors and negative responses to answer, newest first, with due dates.",
        discussion: "Due dates come from `loop within 48 h [at DEPARTMENT]` in the journey (docs/close-the-loop.md).")

    @Argument(help: "A journey file.")
    var journey: String

    @Option(name: .shortAndLong, help: ArgumentHelp("Folder for follow-up-DEPARTMENT.csv and .md.", valueName: "dir"))
    var output: String

    @OptionGroup var feedback: FeedbackOptions

    @Option(help: ArgumentHelp("What is overdue is judged on this day (YYYY-MM-DD); default: the latest response date.", valueName: "date"))
    var asOf: String?

    @Option(help: "Colour in diagnostics: auto, always, never.")
    var color: ColorChoice = .auto

    @Flag(name: .shortAndLong, help: "Print errors only: no summary or 'wrote …' lines, warnings or notes.")
    var quiet = false

    func validate() throws {
        if let d = asOf, !ISODate.isValid(d) { throw ValidationError("'\(d)' is not a date; use YYYY-MM-DD") }
    }

    func run() throws {
        guard FileReader.kind(of: journey) == "file" else { throw ValidationError("'\(journey)' is not a journey file") }
        let result = LoopJob.run(path: journey, join: feedback.joinOptions(strict: false), output: output, asOf: asOf)
        let shown = quiet ? result.diagnostics.filter { $0.severity == .error } : result.diagnostics
        Terminal.err(DiagnosticPrinter(sources: result.sources, colored: color.enabled).format(shown.sortedForOutput()))
        guard !result.diagnostics.hasErrors else { throw ExitCode(1) }
        if !quiet {
            for list in result.lists {
                let overdue = list.entries.filter(\.isOverdue).count
                Terminal.out(
                    "\(Escape.terminal(list.department)): \(list.entries.count) to answer, \(overdue) past due as of \(result.asOf ?? "–")\n"
                )
            }
            for f in result.written { Terminal.out("wrote \(Escape.terminal(f))\n") }
        }
    }
}
