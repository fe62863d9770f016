import JourneyCore
import JourneyFeedback

/// `metrics`: load a journey and join its feedback.
public enum MetricsJob {
    /// The journey, its joined figures and what load and join reported.
    public struct Result: Sendable {
        /// The journey; nil when it did not load.
        public var journey: Journey?
        /// The joined figures (empty when the journey declares no data); nil when it did not load.
        public var measurements: JourneyMeasurements?
        /// Load and join diagnostics.
        public var diagnostics: [Diagnostic]
        /// The source files of the diagnostics, by path.
        public var sources: [String: SourceFile]
    }

    /// Loads the journey at `path` (includes inside its folder) and joins its feedback.
    public static func run(path: String, join: JoinOptions) -> Result {
        let loaded = JourneyLoader.load(path: path, options: LoadOptions(root: PathUtil.directory(of: path)))
        guard let journey = loaded.journey else {
            return Result(journey: nil, measurements: nil, diagnostics: loaded.diagnostics, sources: loaded.sources)
        }
        let joined = JoinStep.run(journey, settings: join)
        return Result(
            journey: journey, measurements: joined.measurements ?? JourneyMeasurements(),
            diagnostics: loaded.diagnostics + joined.diagnostics, sources: loaded.sources)
    }
}
