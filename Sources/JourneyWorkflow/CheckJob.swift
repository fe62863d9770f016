import JourneyAnalysis
import JourneyCore
import JourneyFeedback

/// `check` for one journey: the language checks, the feedback join's row accounting, and
/// the targets, all as diagnostics.
public enum CheckJob {
    /// The code of a missed target (an error that `--fail-on` may exclude).
    public static let missedTargetCode = DiagnosticCode.missedTarget.id
    /// The code of a significant regression against `--baseline` (fails only with `--fail-on regressions`).
    public static let regressionCode = DiagnosticCode.regression.id
    /// The code of an overdue follow-up (a warning that `--fail-on overdue` turns into a failure).
    public static let overdueCode = DiagnosticCode.overdueFollowUp.id

    /// Everything `check` found for one journey.
    public struct Result: Sendable {
        /// Language, join and target diagnostics, sorted for output.
        public var diagnostics: [Diagnostic]
        /// The source files of the diagnostics, by path.
        public var sources: [String: SourceFile]
        /// Each target with its measured figure and verdict.
        public var targets: [TargetResult]
        /// The comparison with `--baseline`, when one was asked for and could be made.
        public var changes: ChangeReport?
        /// The loop metrics, when the journey has a loop record or `--loop` gave one.
        public var loop: LoopSummary?
    }

    /// Checks the journey file `input` names; with `baseline`, also compares its feedback with it.
    public static func run(
        input: JourneyDiscovery.Input, load: LoadOptions, join: JoinOptions, baseline: Baseline? = nil, loop: LoopOptions = LoopOptions()
    ) -> Result {
        check(JourneyLoader.load(path: input.path, options: load), join: join, baseline: baseline, loop: loop)
    }

    /// `check -`: the journey's text comes from standard input; `path` (`--stdin-filename`)
    /// names it in messages, and its includes and data files are read relative to it.
    public static func run(
        bytes: [UInt8], path: String, load: LoadOptions, join: JoinOptions, baseline: Baseline? = nil, loop: LoopOptions = LoopOptions()
    ) -> Result {
        check(JourneyLoader.load(bytes: bytes, path: path, options: load), join: join, baseline: baseline, loop: loop)
    }

    private static func check(_ loaded: LoadResult, join: JoinOptions, baseline: Baseline?, loop: LoopOptions) -> Result {
        var result = Result(diagnostics: loaded.diagnostics, sources: loaded.sources, targets: [])
        guard let journey = loaded.journey else { return result }
        let joined = JoinStep.run(journey, settings: join)
        result.diagnostics += joined.diagnostics
        guard let m = joined.measurements else { return result }
        result.targets = TargetEvaluation.evaluate(journey, m)
        result.diagnostics += result.targets.compactMap(\.diagnostic)
        if let baseline {
            let gate = RegressionGate.run(journey, current: m, baseline: baseline, join: join)
            result.changes = gate.changes
            result.diagnostics += gate.diagnostics
        }
        // The loop record: its rows checked, overdue follow-ups as of --as-of or today (JM520).
        let closing = LoopStep.run(journey, join: join, options: loop, defaultDay: .today)
        result.loop = closing.summary
        result.diagnostics += closing.diagnostics
        return result
    }
}
