import JourneyCore
import JourneyFeedback
import JourneyReports

/// `loop`: the follow-up lists of a journey, one CSV and one Markdown file per owning
/// department (`follow-up-DEPARTMENT.csv`, `.md`), written into a folder.
public enum LoopJob {
    /// What was written, and every diagnostic.
    public struct Result: Sendable {
        /// The journey; nil when it did not load.
        public var journey: Journey?
        /// One list per owning department with customers to contact.
        public var lists: [FollowUpList]
        /// The day due dates are measured against (`--as-of`), when given.
        public var asOf: String?
        /// The files written.
        public var written: [String]
        /// Load and join diagnostics.
        public var diagnostics: [Diagnostic]
        /// The source files of the diagnostics, by path.
        public var sources: [String: SourceFile]
    }

    /// Joins the journey's feedback, builds the lists and writes them into `output`. `asOf`
    /// (yyyy-mm-dd) decides what is overdue; nil: the latest response date in the data, so
    /// the same data gives the same files.
    public static func run(path: String, join: JoinOptions, output: String, asOf: String?) -> Result {
        let loaded = JourneyLoader.load(path: path, options: LoadOptions(root: PathUtil.directory(of: path)))
        guard let journey = loaded.journey else {
            return Result(journey: nil, lists: [], asOf: nil, written: [], diagnostics: loaded.diagnostics, sources: loaded.sources)
        }
        let (m, followUps, joinDiagnostics) = FeedbackJoin.followUps(journey, options: join)
        var diagnostics = loaded.diagnostics + joinDiagnostics + [JoinStep.summary(journey, m)]
        let day = asOf ?? m.lastDate
        let lists = FollowUpLists.build(journey, followUps, asOf: day)
        var written: [String] = []
        if !diagnostics.hasErrors {
            do {
                try AtomicFile.makeDirectories(output)
                for list in lists {
                    let base = output + "/follow-up-" + list.department
                    try AtomicFile.write(Array(FollowUpLists.csv(list).utf8), to: base + ".csv")
                    try AtomicFile.write(
                        Array(FollowUpLists.markdown(list, journey: journey, asOf: day, dropped: followUps.dropped).utf8), to: base + ".md")
                    written += [base + ".csv", base + ".md"]
                }
            } catch {
                diagnostics.append(
                    Diagnostic(.unwritableOutput, "cannot write the follow-up lists into '\(output)': \(error)", at: .file(output)))
            }
        }
        return Result(journey: journey, lists: lists, asOf: day, written: written, diagnostics: diagnostics, sources: loaded.sources)
    }
}
