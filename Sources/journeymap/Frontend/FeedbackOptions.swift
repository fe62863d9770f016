import ArgumentParser
import JourneyWorkflow
import JourneyFeedback

/// Options for joining feedback data, shared by render, check, report and metrics.
struct FeedbackOptions: ParsableArguments {
    @Option(
        name: .customLong("feedback"),
        help: ArgumentHelp("Extra feedback file joined to every journey (CSV, JSON Lines).", valueName: "file"))
    var feedbackFiles: [String] = []

    @Option(help: ArgumentHelp("Only responses on or after this date (YYYY-MM-DD).", valueName: "date"))
    var since: String?

    @Option(help: ArgumentHelp("Only responses on or before this date (YYYY-MM-DD).", valueName: "date"))
    var until: String?

    @Option(help: "Responses below this count are marked as a small sample.")
    var smallSample: Int = 30

    @Option(
        help: ArgumentHelp(
            "How trends group dated responses: week (ISO), month, quarter, year (default: the journey's `period`, else month).",
            valueName: "unit"),
        completion: .list(["week", "month", "quarter", "year"]))
    var period: String?

    @Option(
        help: ArgumentHelp(
            "Threads that read a large CSV file (8 MiB or more) in ranges (default: the active cores; the results do not depend on it).",
            valueName: "n"))
    var threads: Int?

    func joinOptions(strict: Bool) -> JoinOptions {
        var s = JoinOptions()
        s.extraFeedback = feedbackFiles
        s.strict = strict
        s.since = since
        s.until = until
        s.smallSample = smallSample
        s.period = period
        s.threads = threads
        return s
    }

    func validate() throws {
        for d in [since, until].compactMap({ $0 }) where !ISODate.isValid(d) {
            throw ValidationError("'\(d)' is not a date; use YYYY-MM-DD")
        }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
        guard smallSample >= 1 else { throw ValidationError("--small-sample must be at least 1") }
        if let p = period, !["week", "month", "quarter", "year"].contains(p) {
            throw ValidationError("--period is week, month, quarter or year, not '\(p)'")
        }
    }
}
