import JourneyCore
import JourneyFeedback

/// `metrics`: load a journey and join its feedback.
public enum MetricsJob {
    public struct Result: Sendable {
        public var journey: Journey?
        public var measurements: JourneyMeasurements?
        public var diagnostics: [Diagnostic]
        public var sources: [String: SourceFile]
    }

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
