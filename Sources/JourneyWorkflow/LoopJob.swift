import JourneyCore
import JourneyFeedback
import JourneyReports

/// `loop`: the follow-up lists of a journey, one CSV and one Markdown file per owning
/// department (`follow-up-DEPARTMENT.csv`, `.md`), written into a folder, with what the loop
/// record says was done.
public enum LoopJob {
    /// What was written, and every diagnostic.
    public struct Result: Sendable {
        /// The journey; nil when it did not load.
        public var journey: Journey?
        /// One list per owning department with customers to answer.
        public var lists: [FollowUpList]
        /// The day due dates and the record are judged on.
        public var asOf: String?
        /// The loop record read (`--loop`, else the journey's `loop record`), if any.
        public var record: LoopRecord?
        /// The files written.
        public var written: [String]
        /// Load, join and loop record diagnostics.
        public var diagnostics: [Diagnostic]
        /// The source files of the diagnostics, by path.
        public var sources: [String: SourceFile]
    }

    /// Joins the journey's feedback, reads and checks the loop record, builds the lists and
    /// writes them into `output`; nothing is written when the journey, its data or the record
    /// has errors. `loop.asOf` (yyyy-mm-dd) decides what is overdue and which record rows
    /// count (later ones are left out: the lists as they stood that day); nil: today (UTC),
    /// and a record row dated later is an error.
    public static func run(path: String, join: JoinOptions, output: String, loop: LoopOptions) -> Result {
        let loaded = JourneyLoader.load(path: path, options: LoadOptions(root: PathUtil.directory(of: path)))
        guard let journey = loaded.journey else {
            return Result(
                journey: nil, lists: [], asOf: nil, record: nil, written: [], diagnostics: loaded.diagnostics, sources: loaded.sources)
        }
        let (m, followUps, joinDiagnostics) = FeedbackJoin.followUps(journey, options: join)
        var diagnostics = loaded.diagnostics + joinDiagnostics + [JoinStep.summary(journey, m)]
        let day = loop.asOf ?? LoopStep.today()
        var record: LoopRecord?
        if let source = LoopStep.source(journey, options: loop) {
            let (read, recordDiagnostics) = LoopStep.read(
                source, journey: journey, followUps: followUps, asOf: day, laterRows: loop.asOf == nil ? .errors : .ignored)
            record = read
            diagnostics += recordDiagnostics
        }
        let lists = FollowUpLists.build(journey, followUps, record: record, asOf: day)
        var written: [String] = []
        if !diagnostics.hasErrors {
            do {
                try AtomicFile.makeDirectories(output)
                for list in lists {
                    let base = output + "/follow-up-" + list.department
                    let md = FollowUpLists.markdown(
                        list, journey: journey, asOf: day, dropped: followUps.dropped,
                        record: record.map { $0.file.split(separator: "/").last.map(String.init) ?? $0.file },
                        recordRows: record?.rows.count ?? 0)
                    try AtomicFile.write(Array(FollowUpLists.csv(list).utf8), to: base + ".csv")
                    try AtomicFile.write(Array(md.utf8), to: base + ".md")
                    written += [base + ".csv", base + ".md"]
                }
            } catch {
                diagnostics.append(
                    Diagnostic(.unwritableOutput, "cannot write the follow-up lists into '\(output)': \(error)", at: .file(output)))
            }
        }
        return Result(
            journey: journey, lists: lists, asOf: day, record: record, written: written, diagnostics: diagnostics, sources: loaded.sources)
    }
}
