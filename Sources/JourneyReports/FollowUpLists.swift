import JourneyCore
import JourneyFeedback

/// One owning department's follow-ups: the responses at its touchpoints to answer, newest first.
public struct FollowUpList: Hashable, Sendable {
    /// One response with its due date.
    public struct Entry: Hashable, Sendable {
        /// The response.
        public var item: FollowUpItem
        /// The response date plus the service level (whole days, rounded up); nil without a date or a service level.
        public var due: String?
        /// Due before the as-of date.
        public var isOverdue: Bool
        /// The same respondent's other responses at this department's touchpoints (older
        /// ones, or the same day's): one call answers them all.
        public var more: [FollowUpItem] = []
    }
    /// The department's id (`unowned` for touchpoints without an owner).
    public var department: String
    /// Its title.
    public var title: String
    /// The service level in hours, if declared.
    public var hours: Int?
    /// Newest first (undated last), then in data order.
    public var entries: [Entry]
}

/// Follow-up lists per owning department (`journeymap loop`), as CSV and Markdown. Every
/// piece of data is escaped for the format: comments can hold formulas, Markdown and HTML.
public enum FollowUpLists {
    /// The lists, one per department with something to answer, in the journey's department order.
    /// `asOf` (yyyy-mm-dd) decides what is overdue.
    public static func build(_ journey: Journey, _ followUps: FollowUps, asOf: String?) -> [FollowUpList] {
        var owner: [String: String] = [:]
        for tp in journey.touchpoints { owner[tp.id] = tp.owner ?? "unowned" }
        var byDepartment: [String: [FollowUpItem]] = [:]
        for item in followUps.items { byDepartment[owner[item.touchpoint] ?? "unowned", default: []].append(item) }
        let order = journey.departments.map(\.id) + ["unowned"]
        return order.compactMap { id -> FollowUpList? in
            guard let items = byDepartment[id] else { return nil }
            let hours = journey.followUp.hours(for: id == "unowned" ? nil : id)
            let sorted = items.enumerated().sorted { a, b in
                let (da, db) = (a.element.date ?? "", b.element.date ?? "")
                return da != db ? da > db : a.offset < b.offset
            }.map(\.element)
            let entries = sorted.map { item -> FollowUpList.Entry in
                var due: String?
                if let d = item.date, let h = hours { due = CivilDate.adding(days: (h + 23) / 24, to: d) }
                return FollowUpList.Entry(item: item, due: due, isOverdue: due.map { d in asOf.map { d < $0 } ?? false } ?? false)
            }
            // One entry per respondent: the newest response leads, the others ride along.
            var merged: [FollowUpList.Entry] = []
            var at: [String: Int] = [:]
            for e in entries {
                if let r = e.item.respondent, let k = at[r] {
                    merged[k].more.append(e.item)
                } else {
                    if let r = e.item.respondent { at[r] = merged.count }
                    merged.append(e)
                }
            }
            return FollowUpList(department: id, title: journey.department(id)?.title ?? "No owner", hours: hours, entries: merged)
        }
    }

    /// One row per response; every field through `Escape.csvField` (no formulas run).
    public static func csv(_ list: FollowUpList) -> String {
        var out = "respondent,date,due,overdue,touchpoint,reasons,nps,csat,sentiment,category,comment,source\r\n"
        for e in list.entries {
            for i in [e.item] + e.more {
                let fields = [
                    i.respondent ?? "", i.date ?? "", e.due ?? "", e.isOverdue ? "yes" : "no", i.touchpoint,
                    i.reasons.joined(separator: "; "),
                    i.nps.map(number) ?? "", i.csat.map(number) ?? "", i.sentiment?.rawValue ?? "", i.category ?? "", i.comment ?? "",
                    "\(i.file):\(i.line)",
                ]
                out += fields.map(Escape.csvField).joined(separator: ",") + "\r\n"
            }
        }
        return out
    }

    /// A page a department head reads: what to answer, by when, and why.
    public static func markdown(_ list: FollowUpList, journey: Journey, asOf: String?, dropped: Int) -> String {
        let overdue = list.entries.filter(\.isOverdue).count
        let responses = list.entries.map { 1 + $0.more.count }.reduce(0, +)
        var out = "# Follow-ups for \(Escape.markdown(list.title))\n\n"
        out += "Journey: \(Escape.markdown(journey.title)). "
        out +=
            "\(list.entries.count) \(list.entries.count == 1 ? "customer" : "customers") to answer (\(responses) responses; one line per customer)"
        if let h = list.hours { out += ", each within \(duration(h)) of the response" }
        if let a = asOf { out += "; \(overdue) past due as of \(a) if nobody has answered them yet" }
        out +=
            ". Newest first. Detractor: NPS 0–6; low CSAT: the bottom two boxes; negative: the comment's sentiment (the data's or the tagging rules').\n\n"
        if dropped > 0 { out += "The list is cut: \(dropped) more responses qualified (see the CSV of a narrower --since/--until).\n\n" }
        if list.hours == nil { out += "No service level is declared: add `loop within 48 h` to the journey for due dates.\n\n" }
        out += "| due | respondent | date | touchpoint | why | score | tags | comment |\n|---|---|---|---|---|---|---|---|\n"
        for e in list.entries {
            let i = e.item
            let score = [i.nps.map { "NPS " + number($0) }, i.csat.map { "CSAT " + number($0) }].compactMap { $0 }.joined(separator: ", ")
            let tags = [i.category, i.sentiment?.rawValue].compactMap { $0 }.map(Escape.markdown).joined(separator: ", ")
            let due = (e.due ?? "–") + (e.isOverdue ? " **past due**" : "")
            let who = i.respondent.map(Escape.markdown) ?? "row \(i.line) of \(Escape.markdown(i.file))"
            let comment = i.comment.map { Escape.markdown(Escape.truncate($0, to: 200)) } ?? ""
            let places = ([i] + e.more).map { Escape.markdown($0.touchpoint) }
            var seen = Set<String>()
            let touchpoints = places.filter { seen.insert($0).inserted }.joined(separator: ", ")
            let why = Set(([i] + e.more).flatMap(\.reasons)).sorted().joined(separator: ", ")
            out += "| \(due) | \(who) | \(i.date ?? "–") | \(touchpoints) | \(why) | \(score) | \(tags) | \(comment) |\n"
        }
        return out
    }

    /// A service level as people say it: "2 days", "24 h".
    public static func durationText(_ hours: Int) -> String { duration(hours) }

    static func duration(_ hours: Int) -> String { hours % 24 == 0 && hours >= 48 ? "\(hours / 24) days" : "\(hours) h" }

    static func number(_ v: Double) -> String { v.rounded() == v && abs(v) < 1e15 ? String(Int(v)) : String(v) }
}
