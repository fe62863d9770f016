import JourneyAnalysis
import JourneyCore
import JourneyFeedback

/// One owning department's follow-ups: one entry per customer and visit (respondent,
/// department and day, the loop metrics' case) with where it stands in the loop record.
public struct FollowUpList: Hashable, Sendable {
    /// One customer to answer: the visit's responses at the department's touchpoints, its due
    /// date and what the record says was done.
    public struct Entry: Hashable, Sendable {
        /// The first response of the visit (data order).
        public var item: FollowUpItem
        /// The response date plus the service level (whole days, rounded up); nil without a date or a service level.
        public var due: String?
        /// Due before the as-of date with no contact and no "not reachable" recorded by then.
        public var isOverdue: Bool
        /// The same customer's other responses of that visit at this department's touchpoints:
        /// one call answers them all.
        public var more: [FollowUpItem] = []
        /// Where it stands in the loop record (open when nothing is recorded).
        public var status: LoopRecord.Status = .open
        /// The latest step recorded by the as-of date (date, owner, note), if any.
        public var lastStep: LoopRecord.Row?
        /// The first date someone reached the customer, if any.
        public var firstContact: String?

        /// Still to contact: open (nothing recorded, or only `open`). Contacted, resolved and
        /// not-reachable entries have left the list of calls to make.
        public var isToContact: Bool { status == .open }
    }

    /// How many entries stand where: the summary line of a department.
    public struct Counts: Hashable, Sendable {
        /// Nobody has reached the customer yet.
        public var open: Int
        /// Of the open ones, past their due date.
        public var overdue: Int
        /// Reached, not (yet) resolved.
        public var contacted: Int
        /// Resolved.
        public var resolved: Int
        /// Tried and never reached (closed without a contact).
        public var notReachable: Int
        /// Every entry.
        public var total: Int { open + contacted + resolved + notReachable }

        /// Counts from their parts (tests state what they expect).
        public init(open: Int = 0, overdue: Int = 0, contacted: Int = 0, resolved: Int = 0, notReachable: Int = 0) {
            self.open = open
            self.overdue = overdue
            self.contacted = contacted
            self.resolved = resolved
            self.notReachable = notReachable
        }
    }

    /// The department's id (`unowned` for touchpoints without an owner).
    public var department: String
    /// Its title.
    public var title: String
    /// The service level in hours, if declared.
    public var hours: Int?
    /// To contact first (overdue first, then by due date), then contacted, not reachable and
    /// resolved, each newest first.
    public var entries: [Entry]

    /// The entries counted by status.
    public var counts: Counts {
        var c = Counts()
        for e in entries {
            switch e.status {
            case .open:
                c.open += 1
                if e.isOverdue { c.overdue += 1 }
            case .contacted: c.contacted += 1
            case .resolved: c.resolved += 1
            case .notReachable: c.notReachable += 1
            }
        }
        return c
    }
}

/// Follow-up lists per owning department (`journeymap loop`), as CSV and Markdown. Every
/// piece of data is escaped for the format: comments and the record's notes can hold
/// formulas, Markdown and HTML.
public enum FollowUpLists {
    /// The lists, one per department with something to answer, in the journey's department
    /// order, with what `record` says was done by `asOf` (yyyy-mm-dd; responses and record
    /// rows after it are left out: the lists as they stood that day). Without `asOf` nothing is overdue.
    public static func build(_ journey: Journey, _ followUps: FollowUps, record: LoopRecord? = nil, asOf: String?) -> [FollowUpList] {
        var cases = LoopAnalysis.cases(journey, followUps, record: record, asOf: asOf ?? "9999-12-31")
        if asOf == nil { for i in cases.indices { cases[i].isOverdue = false } }
        // The responses of each case: the key LoopAnalysis.cases groups by.
        var owner: [String: String] = [:]
        for tp in journey.touchpoints { owner[tp.id] = tp.owner ?? "unowned" }
        func key(_ dept: String, _ who: String, _ date: String?) -> String { [dept, who, date ?? ""].joined(separator: "\u{0}") }
        var items: [String: [FollowUpItem]] = [:]
        for item in followUps.items {
            let who = item.respondent ?? "\u{1}\(item.file):\(item.line)"
            items[key(owner[item.touchpoint] ?? "unowned", who, item.date), default: []].append(item)
        }
        var byDepartment: [String: [FollowUpList.Entry]] = [:]
        for c in cases {
            guard let responses = items[key(c.department, c.respondent ?? "\u{1}" + c.source, c.date)], let first = responses.first
            else { continue }
            byDepartment[c.department, default: []].append(
                FollowUpList.Entry(
                    item: first, due: c.due, isOverdue: c.isOverdue, more: Array(responses.dropFirst()), status: c.status,
                    lastStep: c.lastStep, firstContact: c.firstContact))
        }
        let order = journey.departments.map(\.id) + ["unowned"]
        return order.compactMap { id -> FollowUpList? in
            guard let entries = byDepartment[id] else { return nil }
            return FollowUpList(
                department: id, title: journey.department(id)?.title ?? "No owner",
                hours: journey.followUp.hours(for: id == "unowned" ? nil : id),
                entries: sorted(entries))
        }
    }

    /// To contact first: overdue, then by due date (none last), then newest; then contacted,
    /// not reachable and resolved, newest first; data order breaks ties.
    static func sorted(_ entries: [FollowUpList.Entry]) -> [FollowUpList.Entry] {
        func group(_ s: LoopRecord.Status) -> Int {
            switch s {
            case .open: 0
            case .contacted: 1
            case .notReachable: 2
            case .resolved: 3
            }
        }
        return entries.enumerated().sorted { a, b in
            let (x, y) = (a.element, b.element)
            if group(x.status) != group(y.status) { return group(x.status) < group(y.status) }
            if x.status == .open {
                if x.isOverdue != y.isOverdue { return x.isOverdue }
                if x.due != y.due { return (x.due ?? "~") < (y.due ?? "~") }
            }
            let (dx, dy) = (x.item.date ?? "", y.item.date ?? "")
            return dx != dy ? dx > dy : a.offset < b.offset
        }.map(\.element)
    }

    /// The CSV's columns.
    public static let csvHeader = [
        "respondent", "date", "due", "overdue", "status", "status_date", "owner", "note", "touchpoint", "reasons", "nps", "csat",
        "sentiment", "category", "comment", "source",
    ]

    /// One row per response, in the list's order; every field through `Escape.csvField` (no
    /// formulas run). `status`, `status_date`, `owner` and `note` are the case's latest step
    /// in the loop record (blank when nothing is recorded).
    public static func csv(_ list: FollowUpList) -> String {
        var out = csvHeader.joined(separator: ",") + "\r\n"
        for e in list.entries {
            for i in [e.item] + e.more {
                let step = e.lastStep
                let record: [String] = [e.status.rawValue, step?.date ?? "", step?.owner ?? "", step?.note ?? ""]
                let scores: [String] = [i.nps.map(number) ?? "", i.csat.map(number) ?? ""]
                let tags: [String] = [i.sentiment?.rawValue ?? "", i.category ?? "", i.comment ?? ""]
                var fields: [String] = [i.respondent ?? "", i.date ?? "", e.due ?? "", e.isOverdue ? "yes" : "no"]
                fields += record
                fields += [i.touchpoint, i.reasons.joined(separator: "; ")]
                fields += scores + tags + ["\(i.file):\(i.line)"]
                out += fields.map(Escape.csvField).joined(separator: ",") + "\r\n"
            }
        }
        return out
    }

    /// A service level as people say it: "2 days", "24 h".
    public static func durationText(_ hours: Int) -> String { duration(hours) }

    static func duration(_ hours: Int) -> String { hours % 24 == 0 && hours >= 48 ? "\(hours / 24) days" : "\(hours) h" }

    static func number(_ v: Double) -> String { v.rounded() == v && abs(v) < 1e15 ? String(Int(v)) : String(v) }
}
