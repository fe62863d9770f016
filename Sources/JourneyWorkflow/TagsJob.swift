import JourneyCore
import JourneyFeedback

/// `tags`: load a journey, join its feedback with its tagging rules, and keep a sample of
/// responses as the rules saw them.
public enum TagsJob {
    /// The loaded journey, what the rules did, and every diagnostic.
    public struct Result: Sendable {
        public var journey: Journey?
        public var summary: TaggingSummary?
        public var explained: [TagExplanation]
        public var diagnostics: [Diagnostic]
        public var sources: [String: SourceFile]
    }

    /// Runs the join with `explain` sampled responses (0: none).
    public static func run(path: String, join: JoinOptions, explain: Int) -> Result {
        let loaded = JourneyLoader.load(path: path, options: LoadOptions(root: PathUtil.directory(of: path)))
        guard let journey = loaded.journey else {
            return Result(journey: nil, summary: nil, explained: [], diagnostics: loaded.diagnostics, sources: loaded.sources)
        }
        let (m, explained, diagnostics) = FeedbackJoin.explainTags(journey, options: join, sample: explain)
        return Result(
            journey: journey, summary: m.tagging, explained: explained,
            diagnostics: loaded.diagnostics + diagnostics + [JoinStep.summary(journey, m)], sources: loaded.sources)
    }
}
