import JourneyAnalysis
import JourneyCore
import JourneyFeedback

/// Everything the server knows about one version of a journey document: what `check`
/// would say about it (the language checks, the feedback join's rows, the targets), the
/// symbol index for navigation, and the joined metrics for hover.
final class DocumentAnalysis {
    /// The document as the editor holds it (unsaved changes included).
    let source: SourceFile
    let loaded: LoadResult
    /// The joined feedback; nil when the journey declares none or has errors (as in `check`).
    let measurements: JourneyMeasurements?
    /// `check`'s findings, in its order.
    let diagnostics: [Diagnostic]

    /// The path of the JM320 summary and every other whole-journey finding.
    var path: String { source.path }

    /// Loads `text` as the journey at `path` (includes and data files are read from disk,
    /// confined to `root` as `check` confines them to the folder it is given). `join: false`
    /// skips the feedback (journeys read only for their symbols).
    init(path: String, text: String, root: String, join: Bool = true) {
        source = SourceFile(path: path, text: text)
        var options = LoadOptions(root: root)
        options.maxFileSize = 32 * 1_048_576
        loaded = JourneyLoader.load(text: text, path: path, options: options)
        var diagnostics = loaded.diagnostics
        var measurements: JourneyMeasurements?
        if join, let journey = loaded.journey, !journey.feedback.isEmpty {
            // The same steps as CheckJob and JoinStep (JourneyWorkflow, which this target does
            // not depend on): join, the row summary note, then the targets.
            let (m, joinDiagnostics) = FeedbackJoin.run(journey)
            diagnostics += joinDiagnostics
            diagnostics.append(FeedbackJoin.summary(journey, m))
            diagnostics += TargetEvaluation.evaluate(journey, m).compactMap(\.diagnostic)
            measurements = m
        }
        self.measurements = measurements
        self.diagnostics = diagnostics.sortedForOutput()
    }

    /// The text of a file this analysis read: the document itself or an include.
    func sourceFile(_ path: String) -> SourceFile? {
        path == source.path ? source : loaded.sources[path]
    }

    /// The journey as far as it was built (even with errors elsewhere in the file).
    var journey: Journey? { loaded.journey ?? loaded.draft }

    /// The occurrence of an id whose token covers `offset` in `file`.
    func occurrence(at offset: Int, in file: String) -> SymbolIndex.Occurrence? {
        loaded.symbols.occurrences.first { $0.range.file == file && $0.range.start.offset <= offset && offset <= $0.range.end.offset }
    }

    /// The `include`/`feedback` path whose string covers `offset` in `file`.
    func link(at offset: Int, in file: String) -> SymbolIndex.Link? {
        loaded.symbols.links.first { $0.range.file == file && $0.range.start.offset <= offset && offset <= $0.range.end.offset }
    }

    /// The declaration of `kind` `id` as this document sees it (its own or an include's).
    func declaration(_ kind: SymbolIndex.Kind, _ id: String) -> SymbolIndex.Occurrence? {
        loaded.symbols.occurrences.first { $0.isDeclaration && $0.kind == kind && $0.id == id }
    }

    /// The key drivers of the first declared outcome that has any, computed once on demand
    /// (1,000 bootstrap resamples: not worth doing on every keystroke, only on hover).
    lazy var keyDrivers: KeyDriverReport? = {
        guard let journey = loaded.journey, let m = measurements else { return nil }
        for outcome in journey.feedback.flatMap(\.outcomes) {
            guard let moments = m.driverMoments[outcome.id] else { continue }
            let kind = m.outcomeKinds[outcome.id] ?? outcome.kind
            if let r = KeyDriverAnalysis.analyse(moments, kind: kind, outcomeID: outcome.id), !r.drivers.isEmpty { return r }
        }
        return nil
    }()
}
