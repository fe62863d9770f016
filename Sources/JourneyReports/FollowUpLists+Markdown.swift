import JourneyCore
import JourneyFeedback

extension FollowUpLists {
    /// A page a department head reads: where the department stands, who to call (overdue
    /// first), who was reached and is not yet resolved, and why each customer is there.
    /// `record`: the loop record's file as shown to the reader (nil: none was read);
    /// `dropped`: responses that qualified beyond what was kept.
    public static func markdown(
        _ list: FollowUpList, journey: Journey, asOf: String?, dropped: Int, record: String? = nil, recordRows: Int = 0
    ) -> String {
        let c = list.counts
        let responses = list.entries.map { 1 + $0.more.count }.reduce(0, +)
        var out = "# Follow-ups for \(Escape.markdown(list.title))\n\n"
        out += "Journey: \(Escape.markdown(journey.title))."
        if let a = asOf { out += " As of \(a)" }
        if let r = record {
            out +=
                "\(asOf == nil ? " W" : ", w")ith the loop record \(Escape.markdown(r)) (\(recordRows) \(recordRows == 1 ? "row" : "rows"))."
        } else if asOf != nil {
            out += "."
        }
        out += "\n\n"
        out += "**\(c.open) to contact (\(c.overdue) overdue) · \(c.contacted) contacted, not yet resolved · \(c.resolved) resolved"
        out +=
            " · \(c.notReachable) not reachable** — \(c.total) \(c.total == 1 ? "customer" : "customers"), one line per customer and visit"
        out += " (\(responses) \(responses == 1 ? "response" : "responses") to answer).\n\n"
        if let h = list.hours {
            out += "Each customer is answered within \(duration(h)) of the response. "
        } else {
            out += "No service level is declared: add `loop within 48 h` to the journey for due dates. "
        }
        out +=
            "Why a customer is here: detractor: NPS 0–6; low CSAT: the bottom two boxes; negative: the comment's sentiment (the data's or the tagging rules').\n\n"
        if record == nil {
            out +=
                "No loop record was read, so nothing is known about calls already made: every customer is listed to contact, and overdue means past due if nobody has answered yet. Keep one with `loop record \"FILE\"` (docs/close-the-loop.md#the-loop-record).\n\n"
        }
        if dropped > 0 { out += "The list is cut: \(dropped) more responses qualified (see the CSV of a narrower --since/--until).\n\n" }
        let open = list.entries.filter(\.isToContact)
        out += "## To contact (\(open.count))\n\n"
        if open.isEmpty {
            out += "Nobody is waiting for an answer.\n\n"
        } else {
            out +=
                "Overdue first, then by due date. Record each call as a row of the loop record (respondent, touchpoint, status, date, owner, note).\n\n"
            out += table(open, columns: [.due, .respondent, .answered, .touchpoints, .why, .score, .lastStep])
        }
        // Reached and not resolved: the recent ones to follow through; older ones are counted
        // (a contact months ago that nobody marked resolved is history, not a task).
        let contacted = list.entries.filter { $0.status == .contacted }
        let since = asOf.flatMap { CivilDate.adding(days: -recentDays, to: $0) } ?? ""
        let recent = contacted.filter { ($0.lastStep?.date ?? "") >= since }
        if !contacted.isEmpty {
            out += "## Contacted, not yet resolved (\(recent.count) in the last \(recentDays) days)\n\n"
            if recent.isEmpty {
                out += "None with a step in the last \(recentDays) days.\n\n"
            } else {
                out += "Newest response first: follow through, and record `resolved` when it is.\n\n"
                out += table(recent, columns: [.respondent, .answered, .touchpoints, .firstContact, .lastStep, .why, .score])
            }
            if contacted.count > recent.count {
                out +=
                    "\(contacted.count - recent.count) more were contacted earlier and never marked resolved (in the CSV).\n\n"
            }
        }
        if c.resolved + c.notReachable > 0 {
            out +=
                "Closed: \(c.resolved) resolved, \(c.notReachable) not reachable (tried, never reached: a \"not reachable\" step closes the case). They are in follow-up-\(Escape.markdown(list.department)).csv with their last step.\n"
        }
        return out
    }

    /// How far back the contacted-not-resolved table reaches (by the latest step's date).
    static let recentDays = 30

    /// The columns a table can have; tags and comment are added when any row has them.
    enum Column: String {
        case due, respondent, answered, touchpoints, why, score, lastStep = "last step", firstContact = "first contact", tags, comment
    }

    /// A Markdown table of entries, one line each; every field from data or record escaped.
    static func table(_ entries: [FollowUpList.Entry], columns base: [Column]) -> String {
        var columns = base
        if entries.contains(where: { e in ([e.item] + e.more).contains { $0.category != nil || $0.sentiment != nil } }) {
            columns.append(.tags)
        }
        if entries.contains(where: { e in ([e.item] + e.more).contains { $0.comment != nil } }) { columns.append(.comment) }
        var out = "| " + columns.map(\.rawValue).joined(separator: " | ") + " |\n"
        out += "|" + String(repeating: "---|", count: columns.count) + "\n"
        for e in entries {
            out += "| " + columns.map { cell($0, e) }.joined(separator: " | ") + " |\n"
        }
        return out + "\n"
    }

    static func cell(_ column: Column, _ e: FollowUpList.Entry) -> String {
        let i = e.item
        let all = [i] + e.more
        switch column {
        case .due: return e.isOverdue ? "**overdue** \(e.due ?? "–")" : (e.due ?? "–")
        case .respondent: return i.respondent.map(Escape.markdown) ?? "row \(i.line) of \(Escape.markdown(i.file))"
        case .answered: return i.date ?? "–"
        case .touchpoints:
            var seen = Set<String>()
            return all.map { Escape.markdown($0.touchpoint) }.filter { seen.insert($0).inserted }.joined(separator: ", ")
        case .why: return Set(all.flatMap(\.reasons)).sorted().joined(separator: ", ")
        case .score:
            return [i.nps.map { "NPS " + number($0) }, i.csat.map { "CSAT " + number($0) }].compactMap { $0 }.joined(separator: ", ")
        case .firstContact:
            guard let f = e.firstContact else { return "–" }
            return e.due.map { f > $0 } == true ? f + " (late)" : f
        case .lastStep:
            guard let s = e.lastStep else { return "–" }
            var text = "\(s.status.rawValue) \(s.date)"
            if !s.owner.isEmpty { text += ", " + Escape.markdown(s.owner) }
            if !s.note.isEmpty { text += ": " + Escape.markdown(Escape.truncate(s.note, to: 80)) }
            return text
        case .tags:
            return all.flatMap { [$0.category, $0.sentiment?.rawValue].compactMap { $0 } }.reduce(into: [String]()) {
                if !$0.contains($1) { $0.append($1) }
            }.map(Escape.markdown).joined(separator: ", ")
        case .comment:
            return all.compactMap(\.comment).map { Escape.markdown(Escape.truncate($0, to: 200)) }.joined(separator: " / ")
        }
    }
}
