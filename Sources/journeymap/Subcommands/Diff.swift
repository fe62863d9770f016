import ArgumentParser
import JourneyCore
import JourneyWorkflow

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract:
            "What changed between two versions of a journey, as Markdown (and a map with the changes marked); with --baseline, between two snapshots of its feedback.",
        discussion: """
            Each side is a file, or REV:PATH for a file at a git revision (e.g. HEAD~1:journeys/air-travel.journey; the path is relative to the current folder, or to the repository's top). Includes and feedback files are read from the working tree.

            diff JOURNEY --baseline FILE|REV|previous [--current FILE|REV] lists the significant changes of the journey's feedback (NPS, CSAT, CES, negative share per touchpoint, stage and journey, Holm-corrected) with both figures, their intervals and n, and the difference with its interval; --current replaces the journey's data on the new side.
            """)

    @Argument(help: "The old version: a file or REV:PATH (with --baseline: the journey).")
    var old: String

    @Argument(help: "The new version: a file or REV:PATH (none with --baseline).")
    var new: String?

    @Option(help: "Also write the new map with the changes marked (SVG or PNG, by extension).")
    var map: String?

    @Option(
        help: ArgumentHelp(
            "Compare the journey's feedback with an older data file, its feedback files at a git revision, or 'previous' (the period before the latest).",
            valueName: "file|rev|previous"))
    var baseline: String?

    @Option(help: ArgumentHelp("With --baseline: the new side's data instead of the journey's own.", valueName: "file|rev"))
    var current: String?

    @Option(help: "With --baseline: markdown or json.", completion: .list(["markdown", "json"]))
    var format: String = "markdown"

    @OptionGroup var feedback: FeedbackOptions

    func run() throws {
        if let baseline { return try feedbackDiff(baseline) }
        guard let new else { throw ValidationError("give two versions of the journey, or one journey and --baseline") }
        if current != nil { throw ValidationError("--current needs --baseline") }
        let a: DiffJob.Side, b: DiffJob.Side
        do {
            a = try DiffJob.load(old)
            b = try DiffJob.load(new)
        } catch {
            throw ValidationError("\(error)")
        }
        let printer = DiagnosticPrinter(sources: a.sources.merging(b.sources) { x, _ in x }, colored: ColorChoice.auto.enabled)
        Terminal.err(printer.format((a.diagnostics + b.diagnostics).filter { $0.severity == .error }))
        guard let ja = a.journey, let jb = b.journey else { throw ExitCode(1) }
        let outcome = try DiffJob.compare(ja, jb, oldLabel: old, newLabel: new, map: map.map { $0.hasSuffix(".png") ? .png : .svg })
        Terminal.out(outcome.markdown)
        if let map, let bytes = outcome.map { try AtomicFile.write(bytes, to: map) }
    }

    /// `diff JOURNEY --baseline OLD [--current NEW]`.
    func feedbackDiff(_ spec: String) throws {
        guard new == nil, map == nil else {
            throw ValidationError("--baseline compares the feedback of one journey: give one journey and no --map")
        }
        guard let format = DiffJob.FeedbackFormat(rawValue: format) else { throw ValidationError("--format is markdown or json") }
        guard FileReader.kind(of: old) == "file" else { throw ValidationError("'\(old)' is not a journey file") }
        let folders = [PathUtil.directory(of: old)]
        let baseline: Baseline, now: Baseline?
        do {
            baseline = try Baseline.parse(spec, folders: folders)
            now = try current.map { try Baseline.parse($0, folders: folders) }
        } catch {
            throw ValidationError("\(error)")
        }
        if now == .previous || (now != nil && baseline == .previous) {
            throw ValidationError("--baseline previous compares the latest period with the one before it: leave out --current")
        }
        let outcome = try DiffJob.compareFeedback(
            path: old, baseline: baseline, current: now, join: feedback.joinOptions(strict: false), format: format)
        let printer = DiagnosticPrinter(sources: outcome.sources, colored: ColorChoice.auto.enabled)
        Terminal.err(printer.format(outcome.diagnostics.filter { $0.severity == .error }.sortedForOutput()))
        guard let text = outcome.text else { throw ExitCode(1) }
        Terminal.out(text)
    }
}
