import JourneyAnalysis
import JourneyCore
import JourneyFeedback
import JourneyReports

/// `diff JOURNEY --baseline OLD [--current NEW]`: two feedback snapshots of one journey
/// compared with the method of the regression gate (docs/feedback.md#regression-gates).
extension DiffJob {
    /// How the feedback diff is written.
    public enum FeedbackFormat: String, Sendable, CaseIterable {
        /// A pull-request comment.
        case markdown
        /// `journeymap.feedback-diff` version 1.
        case json
    }

    /// The comparison, or the diagnostics that kept it from being made.
    public struct FeedbackOutcome: Sendable {
        /// The report in the format asked for; nil when nothing could be compared.
        public var text: String?
        /// Every comparison with the correction applied.
        public var changes: ChangeReport?
        /// Loading, joining and baseline problems (errors mean `text` is nil).
        public var diagnostics: [Diagnostic]
        /// The source files of the diagnostics, by path.
        public var sources: [String: SourceFile]
    }

    /// Compares the journey's feedback (or `current`, an older file or a revision) with `baseline`.
    public static func compareFeedback(
        path: String, baseline: Baseline, current: Baseline?, join: JoinOptions, format: FeedbackFormat
    ) throws -> FeedbackOutcome {
        let loaded = JourneyLoader.load(path: path)
        var out = FeedbackOutcome(text: nil, changes: nil, diagnostics: loaded.diagnostics, sources: loaded.sources)
        guard let journey = loaded.journey, !loaded.diagnostics.hasErrors else { return out }
        let now: JourneyMeasurements
        if let current {
            switch BaselineJoin.snapshot(journey, current, join: join, option: "--current") {
            case .unusable(let d):
                out.diagnostics.append(d)
                return out
            case .measured(let m): now = m
            }
        } else {
            let (m, diagnostics) = FeedbackJoin.run(journey, options: join)
            out.diagnostics += diagnostics
            if diagnostics.hasErrors { return out }
            now = m
        }
        switch BaselineJoin.sides(journey, current: now, currentLabel: current?.label ?? "current", baseline: baseline, join: join) {
        case .unusable(let d):
            out.diagnostics.append(d)
        case .sides(let s):
            let report = ChangeDetection.between(
                s.old, s.new, journey: journey, from: s.from, to: s.to, settings: RegressionGate.settings(journey, join))
            out.changes = report
            switch format {
            case .markdown:
                out.text = FeedbackDiffReport.markdown(report, journey: journey, from: s.from, to: s.to, minimumN: join.smallSample)
            case .json: out.text = try FeedbackDiffReport.json(report, journey: journey, from: s.from, to: s.to)
            }
        }
        return out
    }
}
