import JourneyCore
import JourneyFeedback

/// Loop closure figures of one department, over all dates or one period
/// (docs/close-the-loop.md#loop-metrics).
public struct LoopFigures: Hashable, Sendable, Codable {
    /// The period's label (`2025-03`), or nil for all dates.
    public var period: String?
    /// Follow-ups (customers to answer: one per respondent, department and day).
    public var cases: Int
    /// Of them, reached (contacted or resolved).
    public var contacted: Int
    /// Of them, reached by the due date (the service level kept).
    public var reachedOnTime: Int
    /// The share reached in percent, with its Agresti–Coull (adjusted Wald) 95% interval; nil without cases.
    public var contactedShare: ScoreInterval?
    /// Recorded as not reachable (and never reached).
    public var notReachable: Int
    /// Resolved.
    public var resolved: Int
    /// Past due with no contact recorded.
    public var overdue: Int
    /// Median whole days from the response to the first contact, over `contactedWithDates` cases.
    public var medianDaysToFirstContact: Double?
    /// Reached cases with both dates (the median's n).
    public var contactedWithDates: Int
}

/// The later score of customers reached versus not reached: observational, not an experiment
/// (docs/close-the-loop.md#later-score).
public struct LaterScoreComparison: Hashable, Sendable, Codable {
    /// What is compared: `likelihood to recommend (0–10)` or `CSAT`.
    public var measure: String
    /// Mean later score of customers reached before their later response, and its n.
    public var contactedMean: Double?
    /// How many reached customers answered again.
    public var contactedCount: Int
    /// Mean later score of customers not reached before their later response.
    public var notContactedMean: Double?
    /// How many customers not reached answered again.
    public var notContactedCount: Int
    /// Reached minus not reached, with Welch's 95% interval; nil when a side has fewer than two.
    public var difference: ScoreInterval?
}

/// One department's loop: its figures over all dates and per period, its overdue cases, and
/// the later-score comparison.
public struct DepartmentLoop: Hashable, Sendable {
    /// The department's id (`unowned` for touchpoints without an owner).
    public var department: String
    /// Its title.
    public var title: String
    /// The service level in hours, if declared.
    public var hours: Int?
    /// All dates.
    public var total: LoopFigures
    /// Per period of the response date, oldest first.
    public var periods: [LoopFigures]
    /// The overdue cases, oldest due date first.
    public var overdue: [LoopCase]
    /// The later score of reached versus not reached customers, when any case has a later response.
    public var later: LaterScoreComparison?
}

/// The loop of a journey: per department, and the day it was judged on.
public struct LoopSummary: Hashable, Sendable {
    /// The day due dates were judged against (yyyy-mm-dd).
    public var asOf: String
    /// The record's file, if one was read.
    public var recordFile: String?
    /// Rows of the record read.
    public var recordRows: Int
    /// Per department with follow-ups, in the journey's department order.
    public var departments: [DepartmentLoop]
}

/// Closing the loop, measured: cases from the follow-ups, matched with the loop record.
public enum LoopAnalysis {
    /// The summary of a join's follow-ups and a loop record, judged on `asOf`; periods by `unit`.
    public static func summarise(
        _ journey: Journey, _ followUps: FollowUps, record: LoopRecord?, asOf: String, unit: PeriodUnit = .month
    ) -> LoopSummary {
        let all = cases(journey, followUps, record: record, asOf: asOf)
        let useNPS = all.contains { $0.later?.nps != nil }
        var departments: [DepartmentLoop] = []
        var order: [String] = []
        var grouped: [String: [LoopCase]] = [:]
        for c in all {
            if grouped[c.department] == nil { order.append(c.department) }
            grouped[c.department, default: []].append(c)
        }
        for id in order {
            let list = grouped[id]!
            var byPeriod: [Period: [LoopCase]] = [:]
            for c in list {
                if let d = c.date, let p = Period.containing(d, unit: unit) { byPeriod[p, default: []].append(c) }
            }
            departments.append(
                DepartmentLoop(
                    department: id, title: journey.department(id)?.title ?? "No owner",
                    hours: journey.followUp.hours(for: id == "unowned" ? nil : id), total: figures(list, period: nil),
                    periods: byPeriod.keys.sorted().map { figures(byPeriod[$0]!, period: $0.label) },
                    overdue: list.filter(\.isOverdue).sorted { ($0.due ?? "", $0.respondent ?? "") < ($1.due ?? "", $1.respondent ?? "") },
                    later: laterScore(list, nps: useNPS)))
        }
        return LoopSummary(asOf: asOf, recordFile: record?.file, recordRows: record?.rows.count ?? 0, departments: departments)
    }

    /// The figures of a set of cases.
    public static func figures(_ cases: [LoopCase], period: String?) -> LoopFigures {
        let reached = cases.filter { $0.firstContact != nil }
        let days = reached.compactMap(\.daysToFirstContact).sorted()
        return LoopFigures(
            period: period, cases: cases.count, contacted: reached.count,
            reachedOnTime: reached.filter { c in c.due.map { c.firstContact! <= $0 } ?? false }.count,
            contactedShare: MetricsMath.share(reached.count, of: cases.count),
            notReachable: cases.filter(\.notReachable).count, resolved: cases.filter(\.resolved).count,
            overdue: cases.filter(\.isOverdue).count, medianDaysToFirstContact: median(days), contactedWithDates: days.count)
    }

    /// The later score of cases reached before the later response versus the others; nil
    /// when no case has a later response with the measure.
    static func laterScore(_ cases: [LoopCase], nps: Bool) -> LaterScoreComparison? {
        var reached: [Double] = []
        var others: [Double] = []
        for c in cases {
            guard let later = c.later, let score = nps ? later.nps : later.csat else { continue }
            if let f = c.firstContact, let d = later.date, f <= d { reached.append(score) } else { others.append(score) }
        }
        guard !reached.isEmpty || !others.isEmpty else { return nil }
        return LaterScoreComparison(
            measure: nps ? "likelihood to recommend (0–10)" : "CSAT", contactedMean: mean(reached), contactedCount: reached.count,
            notContactedMean: mean(others), notContactedCount: others.count, difference: welch(reached, others))
    }

    /// The median of sorted values.
    static func median(_ sorted: [Int]) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let n = sorted.count
        return n % 2 == 1 ? Double(sorted[n / 2]) : Double(sorted[n / 2 - 1] + sorted[n / 2]) / 2
    }

    static func mean(_ v: [Double]) -> Double? { v.isEmpty ? nil : v.reduce(0, +) / Double(v.count) }

    /// Difference of means a − b with Welch's 95% interval (Welch–Satterthwaite degrees of
    /// freedom); nil when a side has fewer than two values.
    public static func welch(_ a: [Double], _ b: [Double]) -> ScoreInterval? {
        guard a.count >= 2, b.count >= 2, let ma = mean(a), let mb = mean(b) else { return nil }
        let va = a.map { ($0 - ma) * ($0 - ma) }.reduce(0, +) / Double(a.count - 1)
        let vb = b.map { ($0 - mb) * ($0 - mb) }.reduce(0, +) / Double(b.count - 1)
        let (sa, sb) = (va / Double(a.count), vb / Double(b.count))
        let se = (sa + sb).squareRoot()
        let d = ma - mb
        guard se > 0 else { return ScoreInterval(value: d, low: d, high: d) }
        let df = (sa + sb) * (sa + sb) / (sa * sa / Double(a.count - 1) + sb * sb / Double(b.count - 1))
        let half = MetricsMath.tQuantile(0.975, df: df) * se
        return ScoreInterval(value: d, low: d - half, high: d + half)
    }
}
