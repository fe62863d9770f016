import JourneyCore
import JourneyFeedback

/// `tags`: load a journey, join its feedback with its tagging rules, and keep a sample of
/// responses as the rules saw them.
public enum TagsJob {
    /// The loaded journey, what the rules did, and every diagnostic.
    public struct Result: Sendable {
        /// The journey; nil when it did not load.
        public var journey: Journey?
        /// Per rule: comments matched, categories filled, agreement with the data's own labels; nil without rules.
        public var summary: TaggingSummary?
        /// The sampled responses with the rule behind each tag (same sample on every run).
        public var explained: [TagExplanation]
        /// Load and join diagnostics.
        public var diagnostics: [Diagnostic]
        /// The source files of the diagnostics, by path.
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
