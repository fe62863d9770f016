import JourneyCore

/// Where a wide export's declared columns are (physical indices; -1: absent).
struct WideColumns {
    var ratings: [Int] = []
    /// The touchpoint index of each rating, and its scale (its own, else the csat scale).
    var touchpoints: [Int] = []
    var scales: [Scale] = []
    var outcomes: [Int] = []
    var respondent = -1
    var date = -1
    var segment = -1
    /// The first NPS outcome: it is also the journey's (and the segment's) NPS.
    var npsOutcome: Int?
}

extension JoinState {
    /// Finds each declared column in the header; a missing one stops the file with an error
    /// naming it (and the closest header).
    mutating func mapWideHeader(_ names: [String], source: FeedbackSource, line: Int) -> WideColumns? {
        let index = headerIndex(names, line: line)
        var c = WideColumns()
        var ok = true
        func find(_ header: String, _ what: String) -> Int {
            if let i = index[header.trimmingSpaces().lowercased()] { return i }
            report(
                .missingColumn,
                "column '\(Escape.excerpt(header))' (\(what)) is not in the header\(Suggestion.phrase(for: header, in: names))", line: line)
            ok = false
            return -1
        }
        for r in source.ratings {
            c.ratings.append(find(r.column, "the rating of '\(r.touchpoint)'"))
            guard let t = touchpointIDs.firstIndex(of: r.touchpoint) else {
                report(.missingColumn, "rating for unknown touchpoint '\(r.touchpoint)'", line: line)
                return nil
            }
            c.touchpoints.append(t)
            c.scales.append(r.scale ?? scales.csat)
        }
        for (i, o) in source.outcomes.enumerated() {
            c.outcomes.append(find(o.column, "outcome '\(o.id)'"))
            if case .nps = o.kind, c.npsOutcome == nil { c.npsOutcome = i }
        }
        if let r = source.respondentColumn { c.respondent = find(r, "the respondent id") }
        if let d = source.columns["date"] { c.date = find(d, "date") } else { c.date = index["date"] ?? -1 }
        if let s = source.columns["segment"] { c.segment = find(s, "segment") } else { c.segment = index["segment"] ?? -1 }
        return ok ? c : nil
    }

    /// One row of a wide export: one respondent. Every value is checked before anything is
    /// counted: the respondent is used whole or rejected whole. Blank cells and `missing`
    /// codes are not answered: neither rejected nor counted.
    mutating func ingestWideRow(_ row: CSVReader.Row, _ c: WideColumns) {
        accounting.read += 1
        let line = row.line
        var id: UInt64?
        if c.respondent >= 0 {
            let b = row.bytes(c.respondent)
            if !FieldParsing.isBlank(b) { id = respondentHash(b) }
        }
        beginRespondent(id: id, idBytes: c.respondent >= 0 ? row.bytes(c.respondent) : nil, line: line, repeatable: true)
        defer { flushRespondent() }
        // Ratings: read them all (to count them), remember the first problem.
        var present = 0
        var problem: (reason: String, message: String, column: Int)?
        for (i, col) in c.ratings.enumerated() {
            let b = row.bytes(col)
            if isNotAnswered(b) { continue }
            present += 1
            guard problem == nil else { continue }
            let scale = c.scales[i]
            switch FieldParsing.number(b) {
            case .value(let v) where v >= scale.min && v <= scale.max:
                respondent.values[i] = v
                respondent.counts[i] = 1
            case .value(let v):
                problem = (
                    "rating outside its scale",
                    "rating of '\(touchpointIDs[c.touchpoints[i]])' \(fmt(v)) is outside its scale \(fmt(scale.min))..\(fmt(scale.max))",
                    row.column(of: col)
                )
            default:
                problem = (
                    "rating is not a number",
                    "rating of '\(touchpointIDs[c.touchpoints[i]])' '\(Escape.excerpt(row.string(col)))' is not a number (declare codes that mean 'not answered' with 'missing')",
                    row.column(of: col)
                )
            }
        }
        accounting.ratings.read += present
        accounting.ratingsMissing += c.ratings.count - present
        if problem == nil, c.respondent >= 0, id == nil {
            problem = ("respondent id is blank", "the respondent id is blank", row.column(of: c.respondent))
        }
        // Date: filter, or reject when it is not a date.
        var date: Int?
        if c.date >= 0, !FieldParsing.isBlank(row.bytes(c.date)) {
            if let d = FieldParsing.date(row.bytes(c.date)) {
                if let s = since, d < s { return filterWide(present) }
                if let u = until, d > u { return filterWide(present) }
                date = d
            } else if problem == nil {
                problem = (
                    "date is not a valid YYYY-MM-DD date", "date '\(Escape.excerpt(row.string(c.date)))' is not a valid date (YYYY-MM-DD)",
                    row.column(of: c.date)
                )
            }
        }
        if date == nil, problem == nil, datedOnly { return filterWide(present) }
        if let p = problem {
            accounting.ratings.rejected += present
            respondent.rejected = true
            return reject(p.reason, p.message, line, p.column)
        }
        for i in outcomes.indices {
            switch outcomeValue(i, row.bytes(c.outcomes[i]), line: line, column: row.column(of: c.outcomes[i])) {
            case .invalid:
                accounting.rejected += 1
                accounting.ratings.rejected += present
                respondent.rejected = true
                return
            case .value(let v): respondent.outcomes[i] = v
            case .blank: break
            }
        }
        // Used: count every rating at its touchpoint as a CSAT-like answer on its own scale.
        accounting.used += 1
        accounting.ratings.used += present
        respondent.used = true
        if let d = date {
            firstDate = min(firstDate ?? d, d)
            lastDate = max(lastDate ?? d, d)
        }
        var seg: Int?
        if c.segment >= 0 {
            let b = row.bytes(c.segment)
            if !FieldParsing.isBlank(b) {
                let s = segments.intern(trimmed(b))
                if s >= perSegment.count { perSegment.append(Accumulator()) }
                seg = s
            }
        }
        var sc = scales
        for i in c.ratings.indices where respondent.counts[i] > 0 {
            let v = respondent.values[i], t = c.touchpoints[i]
            sc.csat = c.scales[i]
            JoinState.add(to: &perTouchpoint[t], nps: nil, csat: v, ces: nil, sentiment: nil, category: nil, scales: sc)
            if let s = seg {
                JoinState.add(to: &perSegment[s], nps: nil, csat: v, ces: nil, sentiment: nil, category: nil, scales: sc)
                JoinState.add(
                    to: &perSegmentTouchpoint[s * touchpointIDs.count + t, default: Accumulator()], nps: nil, csat: v, ces: nil,
                    sentiment: nil, category: nil, scales: sc)
            }
            respondent.answers.append(Answer(touchpoint: t, segment: seg, nps: nil, csat: v, ces: nil, sentiment: nil, scales: sc))
        }
        if followUps != nil { collectWideFollowUps(row, c, date: date) }
        // The likelihood to recommend is the journey's NPS (and the segment's).
        if let o = c.npsOutcome, !respondent.outcomes[o].isNaN {
            let v = respondent.outcomes[o]
            JoinState.add(to: &journeyOnly, nps: v, csat: nil, ces: nil, sentiment: nil, category: nil, scales: scales)
            if let s = seg { JoinState.add(to: &perSegment[s], nps: v, csat: nil, ces: nil, sentiment: nil, category: nil, scales: scales) }
            respondent.answers.append(Answer(touchpoint: -1, segment: seg, nps: v, csat: nil, ces: nil, sentiment: nil, scales: scales))
        }
    }

    private mutating func filterWide(_ present: Int) {
        accounting.filtered += 1
        accounting.ratings.filtered += present
        respondent.filtered = true
    }

    /// A row that could not be read as fields (malformed, wrong field count): in
    /// respondent-level data it is a respondent of its own, rejected, and one rating of long
    /// data (a wide row's cells cannot be counted).
    mutating func tallyUnreadableRow(wide: Bool) {
        guard respondentMode else { return }
        accounting.respondents.read += 1
        accounting.respondents.rejected += 1
        if !wide {
            accounting.ratings.read += 1
            accounting.ratings.rejected += 1
        }
    }
}
