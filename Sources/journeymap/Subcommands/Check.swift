import ArgumentParser
import JourneyCore
import JourneyWorkflow

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check journeys, their feedback data and targets; report every problem at once.",
        discussion: """
            Exit 1 when a journey has errors, or when --fail-on says so (missed targets fail by default).
            """)

    @OptionGroup var input: InputOptions
    @OptionGroup var feedback: FeedbackOptions

    @Option(help: "Output: text (with carets), json, github (workflow annotations), sarif (2.1.0).")
    var format: DiagnosticFormat = .text

    @Option(
        parsing: .upToNextOption,
        help: "What fails the run: errors, targets, warnings, regressions (with --baseline), overdue (several allowed).")
    var failOn: [FailOn] = [.errors, .targets]

    @Option(
        help: ArgumentHelp(
            "Compare the feedback with a baseline: an older data file, a git revision of the feedback files, or 'previous' (the period before the latest); significantly worse figures are JM512 errors.",
            valueName: "file|rev|previous"))
    var baseline: String?

    @Flag(help: "Treat warnings as errors (same as --fail-on warnings).")
    var strict = false

    @Option(
        help: ArgumentHelp(
            "With '-' (standard input): the journey's file name, for messages and to read its includes and data files from.",
            valueName: "name"))
    var stdinFilename: String = StandardInput.defaultName

    @OptionGroup var loop: LoopRecordOptions

    func run() throws {
        let gate = try baselineOption()
        var results: [CheckJob.Result] = []
        if try StandardInput.isRequested(input.paths) {
            let bytes = try StandardInput.readAll(limit: input.maxFileSize * 1_048_576)
            let root = PathUtil.directory(of: stdinFilename)
            results = [
                CheckJob.run(
                    bytes: bytes, path: stdinFilename, load: input.loadOptions(root: root), join: feedback.joinOptions(strict: strict),
                    baseline: gate, loop: try loop.options())
            ]
        } else {
            for item in try Inputs.resolve(input.paths) {
                results.append(
                    CheckJob.run(
                        input: item, load: input.loadOptions(root: item.root), join: feedback.joinOptions(strict: strict), baseline: gate,
                        loop: try loop.options()))
            }
        }
        var all: [Diagnostic] = []
        var sources: [String: SourceFile] = [:]
        for result in results {
            all += result.diagnostics
            sources.merge(result.sources) { a, _ in a }
        }
        let policy = Set(failOn + (strict ? [.warnings] : []))
        let text = try DiagnosticOutput.render(
            format == .text ? input.visible(all) : all, format: format, sources: sources, colored: input.color.enabled)
        // Text is for people (stderr); json, github and sarif are the requested output (stdout).
        if format == .text { Terminal.err(text) } else { Terminal.out(text) }
        let failed = all.contains { d in
            switch d.severity {
            case .error:
                if d.code == CheckJob.missedTargetCode { return policy.contains(.targets) }
                if d.code == CheckJob.regressionCode { return policy.contains(.regressions) }
                return true
            case .warning: return policy.contains(.warnings) || (d.code == CheckJob.overdueCode && policy.contains(.overdue))
            case .note: return false
            }
        }
        if failed { throw ExitCode(1) }
    }

    /// `--baseline` read (a file, a revision git knows here, or `previous`); a bad one is a
    /// command-line error, as is `--fail-on regressions` without it.
    func baselineOption() throws -> Baseline? {
        guard let baseline else {
            if failOn.contains(.regressions) {
                throw ValidationError("--fail-on regressions needs --baseline FILE|REV|previous (what to compare with)")
            }
            return nil
        }
        let folders =
            input.paths == ["-"]
            ? [PathUtil.directory(of: stdinFilename)]
            : input.paths.map { FileReader.kind(of: $0) == "directory" ? $0 : PathUtil.directory(of: $0) }
        do { return try Baseline.parse(baseline, folders: folders) } catch { throw ValidationError("\(error)") }
    }
}

enum FailOn: String, ExpressibleByArgument, CaseIterable {
    case errors, targets, warnings, regressions
    /// A follow-up past its due date with no contact in the loop record (JM520).
    case overdue
}

/// Completion lists the formats and `--help` shows the default as `text` (from the raw value).
extension DiagnosticFormat: ExpressibleByArgument {}
