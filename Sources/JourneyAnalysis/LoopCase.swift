import JourneyCore
import JourneyFeedback

/// One follow-up as the loop record sees it: a customer's low responses at one department's
/// touchpoints on one day (one call), with what the record says happened
/// (docs/close-the-loop.md#loop-metrics).
public struct LoopCase: Hashable, Sendable {
    /// The owning department's id (`unowned` for touchpoints without an owner).
    public var department: String
    /// The respondent id; nil when the data names none (such a case can never be recorded).
    public var respondent: String?
    /// The touchpoints of the responses, in data order.
    public var touchpoints: [String]
    /// The response date (yyyy-mm-dd), if any.
    public var date: String?
    /// The due date: the response date plus the service level in whole days (rounded up).
    public var due: String?
    /// The first date someone reached the customer (contacted or resolved), if any.
    public var firstContact: String?
    /// Whole days from the response to the first contact.
    public var daysToFirstContact: Int?
    /// The record says the customer could not be reached (and nobody reached them).
    public var notReachable: Bool
    /// The record says the problem is solved.
    public var resolved: Bool
    /// Due before the as-of date with no contact and no "not reachable" recorded by then.
    public var isOverdue: Bool
    /// The first response from the same respondent after this one, if the data has one.
    public var later: RespondentResponse?
    /// Where the first response is (data file and line), for a case without a respondent id.
    public var source: String
    /// The latest step the record holds for the case by the as-of date (latest date, then
    /// file order): its status, date, owner and note; nil when nothing is recorded.
    public var lastStep: LoopRecord.Row?

    /// Where the case stands: resolved, contacted (someone reached the customer), not
    /// reachable (tried, never reached), or open (nothing recorded, or only `open`).
    public var status: LoopRecord.Status {
        if resolved { return .resolved }
        if firstContact != nil { return .contacted }
        return notReachable ? .notReachable : .open
    }
}

extension LoopAnalysis {
    /// The cases of a join's follow-ups with what `record` says happened, in department order,
    /// then newest first. `asOf` (yyyy-mm-dd) decides what is overdue; responses and record rows
    /// after it are left out (the loop as it stood that day).
    public static func cases(_ journey: Journey, _ followUps: FollowUps, record: LoopRecord?, asOf: String) -> [LoopCase] {
        let owner = owners(journey)
        let asOfDay = CivilDate.day(asOf) ?? Int.max
        // Group the follow-ups: one case per respondent, department and day.
        var keys: [String] = []
        var byKey: [String: LoopCase] = [:]
        for item in followUps.items {
            // A response after the as-of date did not exist yet on that day.
            if let d = item.date, d > asOf { continue }
            let dept = owner[item.touchpoint] ?? "unowned"
            let who = item.respondent ?? "\u{1}\(item.file):\(item.line)"
            let key = [dept, who, item.date ?? ""].joined(separator: "\u{0}")
            if var c = byKey[key] {
                if !c.touchpoints.contains(item.touchpoint) { c.touchpoints.append(item.touchpoint) }
                byKey[key] = c
                continue
            }
            keys.append(key)
            let hours = journey.followUp.hours(for: dept == "unowned" ? nil : dept)
            let due = item.date.flatMap { d in hours.flatMap { CivilDate.adding(days: ($0 + 23) / 24, to: d) } }
            byKey[key] = LoopCase(
                department: dept, respondent: item.respondent, touchpoints: [item.touchpoint], date: item.date, due: due,
                firstContact: nil, daysToFirstContact: nil, notReachable: false, resolved: false, isOverdue: false, later: nil,
                source: "\(item.file):\(item.line)")
        }
        var cases = keys.map { byKey[$0]! }
        // Each record row goes to the latest case of its respondent and department on or before its date.
        var index: [String: [Int]] = [:]
        for (i, c) in cases.enumerated() {
            guard let r = c.respondent else { continue }
            index[r + "\u{0}" + c.department, default: []].append(i)
        }
        for k in index.keys { index[k]!.sort { (cases[$0].date ?? "", $0) < (cases[$1].date ?? "", $1) } }
        var contactDay: [Int: Int] = [:]
        for row in record?.rows ?? [] where row.day <= asOfDay {
            let dept = owner[row.touchpoint] ?? "unowned"
            guard let candidates = index[row.respondent + "\u{0}" + dept],
                let i = candidates.last(where: { (cases[$0].date ?? "") <= row.date })
            else { continue }
            if cases[i].lastStep.map({ $0.day <= row.day }) ?? true { cases[i].lastStep = row }
            switch row.status {
            case .contacted, .resolved:
                if contactDay[i].map({ row.day < $0 }) ?? true { contactDay[i] = row.day }
                if row.status == .resolved { cases[i].resolved = true }
            case .notReachable: cases[i].notReachable = true
            case .open: break
            }
        }
        // Later responses of the same respondent.
        var responses: [String: [RespondentResponse]] = [:]
        for r in followUps.responses where r.date != nil { responses[r.respondent, default: []].append(r) }
        for k in responses.keys { responses[k]!.sort { $0.date! < $1.date! } }
        for i in cases.indices {
            if let d = contactDay[i] {
                cases[i].firstContact = CivilDate.date(d)
                cases[i].notReachable = false
                if let start = cases[i].date.flatMap(CivilDate.day) { cases[i].daysToFirstContact = d - start }
            }
            if let due = cases[i].due, let dueDay = CivilDate.day(due) {
                cases[i].isOverdue = contactDay[i] == nil && !cases[i].notReachable && dueDay < asOfDay
            }
            if let r = cases[i].respondent, let d = cases[i].date {
                cases[i].later = responses[r]?.first { $0.date! > d }
            }
        }
        let order = Dictionary(uniqueKeysWithValues: (journey.departments.map(\.id) + ["unowned"]).enumerated().map { ($1, $0) })
        return cases.enumerated().sorted { a, b in
            let (x, y) = (a.element, b.element)
            if x.department != y.department { return order[x.department, default: .max] < order[y.department, default: .max] }
            if (x.date ?? "") != (y.date ?? "") { return (x.date ?? "") > (y.date ?? "") }
            return a.offset < b.offset
        }.map(\.element)
    }

    static func owners(_ journey: Journey) -> [String: String] {
        var owner: [String: String] = [:]
        for tp in journey.touchpoints { owner[tp.id] = tp.owner ?? "unowned" }
        return owner
    }
}
