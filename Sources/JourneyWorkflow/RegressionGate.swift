import JourneyAnalysis
import JourneyCore
import JourneyFeedback

/// `check --baseline`: the current feedback against a baseline, per touchpoint, stage and the
/// journey, with `ChangeDetection.between` (each figure's difference with its own interval,
/// Holm-corrected across every comparison). What fails is decided by the CLI's `--fail-on`.
public enum RegressionGate {
    /// A comparison made, or the reason it could not be.
    public struct Result: Sendable {
        /// Every comparison with the correction applied; nil when the baseline was unusable.
        public var changes: ChangeReport?
        /// The baseline side's label (a file, a revision, a period).
        public var from: String
        /// The current side's label (`current`, or the latest period).
        public var to: String
        /// JM512 per significant regression, the JM514 summary, or one JM513 error.
        public var diagnostics: [Diagnostic]
    }

    /// Compares `current` (the journey's join under `join`) with `baseline`.
    public static func run(_ journey: Journey, current: JourneyMeasurements, baseline: Baseline, join: JoinOptions) -> Result {
        switch BaselineJoin.sides(journey, current: current, baseline: baseline, join: join) {
        case .unusable(let d):
            return Result(changes: nil, from: baseline.label, to: "current", diagnostics: [d])
        case .sides(let s):
            let report = ChangeDetection.between(s.old, s.new, journey: journey, from: s.from, to: s.to, settings: settings(journey, join))
            return Result(
                changes: report, from: s.from, to: s.to,
                diagnostics: RegressionFindings.diagnostics(report, journey: journey, from: s.from, to: s.to, minimumN: join.smallSample))
        }
    }

    /// The change settings of the journey: the small-sample threshold and its CES direction.
    static func settings(_ journey: Journey, _ join: JoinOptions) -> ChangeSettings {
        var s = ChangeSettings()
        s.minimumN = join.smallSample
        s.cesLowerIsBetter = TrendStep.cesLowerIsBetter(journey)
        return s
    }
}
