import JourneyAnalysis
import JourneyCore
import JourneyFeedback
import JourneyRender
import JourneyReports

/// `diff`: what changed between two versions of a journey, each a file or `REV:PATH`.
public enum DiffJob {
    /// One side, loaded.
    public struct Side: Sendable {
        /// The journey; nil when it did not load.
        public var journey: Journey?
        /// What loading it reported.
        public var diagnostics: [Diagnostic]
        /// The source files of the diagnostics, by path.
        public var sources: [String: SourceFile]
    }

    /// The comparison: the Markdown report, and the new map with the changes marked.
    public struct Outcome: Sendable {
        /// The changes, as `diff` prints them.
        public var markdown: String
        /// The new side's map (PNG or SVG) with its changes marked; nil when not asked for.
        public var map: [UInt8]?
    }

    /// Loads a file, or `REV:PATH` through git; throws when it is neither.
    public static func load(_ spec: String) throws -> Side {
        if FileReader.kind(of: spec) == "file" {
            let r = JourneyLoader.load(path: spec)
            return Side(journey: r.journey, diagnostics: r.diagnostics, sources: r.sources)
        }
        guard let (rev, path) = GitRevision.split(spec) else { throw GitRevision.Failure(spec: spec) }
        let (bytes, workingPath) = try GitRevision.read(revision: rev, path: path)
        let r = JourneyLoader.load(text: String(decoding: bytes, as: UTF8.self), path: workingPath)
        return Side(journey: r.journey, diagnostics: r.diagnostics, sources: r.sources)
    }

    /// Compares two loaded journeys; `map` draws the new one with its changes marked (`png` or `svg`).
    public static func compare(_ a: Journey, _ b: Journey, oldLabel: String, newLabel: String, map: OutputKind?) throws -> Outcome {
        let ma = FeedbackJoin.run(a).0, mb = FeedbackJoin.run(b).0
        let d = JourneyDiff.compare(
            old: a, new: b, oldMeasurements: a.feedback.isEmpty ? nil : ma, newMeasurements: b.feedback.isEmpty ? nil : mb)
        var outcome = Outcome(markdown: DiffReport.markdown(d, old: a, new: b, oldLabel: oldLabel, newLabel: newLabel))
        if let map {
            var o = MapOptions()
            o.marks = d.marks
            let spec = MapBuilder.build(b, measurements: b.feedback.isEmpty ? nil : mb, options: o)
            outcome.map = try RenderJob.renderFiles(spec, name: "diff", dir: ".", formats: [map], dpi: 96).first?.bytes ?? []
        }
        return outcome
    }
}
