import JourneyCore

/// One valid answer of the respondent being gathered, reduced to what the clustered
/// measures need (docs/feedback.md#intervals).
struct Answer {
    var touchpoint: Int
    var segment: Int?
    /// +1 promoter, −1 detractor, 0 passive; nil: no NPS.
    var nps: Double?
    var csat: Double?
    /// 1 when the CSAT answer is in the top two boxes of its scale.
    var top: Double?
    var ces: Double?
    /// 1 when the sentiment is negative; nil: no sentiment.
    var negative: Double?
    /// The CSAT and CES answers on 0–100 of their scales, higher better (composite indices).
    var csatScore: Double?
    var cesScore: Double?

    init(touchpoint: Int, segment: Int?, nps: Double?, csat: Double?, ces: Double?, sentiment: Sentiment?, scales: ResolvedScales) {
        self.touchpoint = touchpoint
        self.segment = segment
        self.nps = nps.map { $0 >= 9 ? 1 : $0 <= 6 ? -1 : 0 }
        self.csat = csat
        top = csat.map { $0 >= scales.csat.max - 1 ? 1 : 0 }
        self.ces = ces
        negative = sentiment.map { $0 == .negative ? 1 : 0 }
        csatScore = csat.map { CompositeIndex.score($0, on: scales.csat) }
        cesScore = ces.map { CompositeIndex.score($0, on: scales.ces) }
    }
}

/// One respondent's measure sums in one group, while its answers are gathered.
struct Partial {
    /// Lanes 0…4: NPS, top box, CSAT, CES, negative (SIMD: no allocation per respondent).
    var s = SIMD8<Double>()
    var m = SIMD8<Double>()
    var touched = false
}

/// The respondent whose rows are being read: consecutive rows with the same id fold here
/// (a few numbers per touchpoint), and are flushed into the groups and the drivers' moments
/// when the id changes. Memory does not grow with the number of respondents.
struct RespondentBuffer {
    var active = false
    var id: UInt64 = 0
    var key: UInt64 = 0
    var line = 0
    var used = false, unmatched = false, rejected = false, filtered = false
    var answers: [Answer] = []
    /// The drivers' variables of the source: a rating per variable (NaN: none), and how many
    /// answers were summed into it (long data may repeat a touchpoint).
    var values: [Double] = []
    var counts: [Int] = []
    /// One value per outcome of the source (NaN: not answered).
    var outcomes: [Double] = []
}

extension JoinState {
    /// Sets up the respondent-level state of a source: its outcomes' moments and the columns
    /// read beyond the logical ones.
    mutating func beginSource(_ source: FeedbackSource) {
        seenRespondents = []
        outcomes = source.outcomes
        extraColumns = (source.respondentColumn.map { [$0] } ?? [""]) + source.outcomes.map(\.column)
        let variables = source.format == .wide ? source.ratings.map(\.touchpoint) : touchpointIDs
        outcomeMoments = []
        for o in source.outcomes {
            let vars = variables + [o.id]
            if let existing = driverMoments[o.id], existing.variables != vars {
                diagnostics.append(
                    Diagnostic(
                        .conflictingOutcomes,
                        "outcome '\(o.id)' is declared by two feedback sources with different ratings; the drivers use the first source only",
                        at: o.range))
                outcomeMoments.append(nil)
                continue
            }
            if driverMoments[o.id] == nil { driverMoments[o.id] = DriverMoments(variables: vars) }
            outcomeKinds[o.id] = o.kind
            outcomeMoments.append(o.id)
        }
        respondent = RespondentBuffer()
        respondent.values = [Double](repeating: .nan, count: variables.count)
        respondent.counts = [Int](repeating: 0, count: variables.count)
        respondent.outcomes = [Double](repeating: .nan, count: source.outcomes.count)
    }

    mutating func endSource() {
        flushRespondent()
        seenRespondents = []
    }

    /// True when the field holds one of the source's `missing` codes. For an outcome only the
    /// codes that are not numbers count: a numeric code such as `0` means "not applicable" in
    /// rating columns, but 0 is a real answer to a 0–10 recommendation question or a 0/1
    /// outcome (reading it as missing would silently drop every "no").
    func isMissingCode(_ b: UnsafeBufferPointer<UInt8>, outcome: Bool = false) -> Bool {
        guard !missingCodes.isEmpty else { return false }
        // A numeric code matches the number however written (`0`, `0.0`, ` 0 `).
        if !outcome, !missingNumbers.isEmpty, case .value(let v) = FieldParsing.number(b), missingNumbers.contains(v) { return true }
        let t = trimmed(b)
        for (k, code) in missingCodes.enumerated() where code.count == t.count {
            if outcome, missingCodeIsNumber[k] { continue }
            var same = true
            for i in 0..<t.count {
                let c = t[i]
                if (c >= 0x41 && c <= 0x5A ? c + 32 : c) != code[i] { same = false; break }
            }
            if same { return true }
        }
        return false
    }

    /// Blank or a `missing` code: not answered (for an outcome, only codes that are not numbers).
    func isNotAnswered(_ b: UnsafeBufferPointer<UInt8>, outcome: Bool = false) -> Bool {
        FieldParsing.isBlank(b) || isMissingCode(b, outcome: outcome)
    }

    /// FNV-1a of the trimmed id: the respondent's identity and its moments key.
    func respondentHash(_ b: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for c in trimmed(b) { h = (h ^ UInt64(c)) &* 0x100_0000_01b3 }
        return h
    }

    /// Starts gathering a respondent, first flushing the one before. `id` nil: the row is its
    /// own respondent (keyed by its position in the data). `repeatable`: an id seen before is
    /// the same person answering again (wide data, one row per response), not a grouping mistake.
    mutating func beginRespondent(id: UInt64?, idBytes: UnsafeBufferPointer<UInt8>?, line: Int, repeatable: Bool = false) {
        flushRespondent()
        respondent.active = true
        respondent.line = line
        if let id {
            respondent.id = id
            respondent.key = id
            if repeatable {
                // Each wide row is a whole response: nothing to group, nothing to warn about.
            } else if seenRespondents.contains(id) {
                example(
                    "respondent not grouped", .warning, .respondentNotGrouped,
                    "respondent '\(Escape.excerpt(idBytes.map { String(decoding: trimmed($0), as: UTF8.self) } ?? ""))' appears again after other respondents; sort the data by respondent (its rows count as another respondent)",
                    line: line)
            } else if seenRespondents.count < JoinState.maxTrackedRespondents {
                seenRespondents.insert(id)
            }
        } else {
            respondent.id = 0
            respondent.key = UInt64(sourceIndex) << 40 | UInt64(line)
        }
    }

    /// Long data in respondent mode: the row's respondent, its outcomes, then the usual row.
    mutating func ingestLong<S: FieldSource>(_ row: S, line: Int) {
        guard respondentMode else { return ingestRow(row, line: line) }
        let hasID = !extraColumns[0].isEmpty
        if hasID {
            guard let b = row.extra(0), !FieldParsing.isBlank(b) else {
                // No id to link it by: a respondent of its own, rejected.
                beginRespondent(id: nil, idBytes: nil, line: line)
                accounting.read += 1
                respondent.rejected = true
                accounting.ratings.read += 1
                accounting.ratings.rejected += 1
                reject(
                    "respondent id is blank", "the respondent id ('\(Escape.excerpt(extraColumns[0]))') is blank", line, row.extraColumn(0))
                return flushRespondent()
            }
            let h = respondentHash(b)
            if !respondent.active || respondent.id != h {
                beginRespondent(id: h, idBytes: b, line: line)
            }
        } else {
            beginRespondent(id: nil, idBytes: nil, line: line)
        }
        defer { if !hasID { flushRespondent() } }
        // Outcomes: a bad one rejects the row, like a bad score.
        var values: [Double] = []
        if !outcomes.isEmpty {
            values.reserveCapacity(outcomes.count)
            for i in outcomes.indices {
                switch outcomeValue(i, row.extra(i + 1), line: line, column: row.extraColumn(i + 1)) {
                case .invalid:
                    accounting.read += 1
                    accounting.rejected += 1
                    respondent.rejected = true
                    accounting.ratings.read += 1
                    accounting.ratings.rejected += 1
                    return
                case .value(let v): values.append(v)
                case .blank: values.append(.nan)
                }
            }
        }
        let (u, r, un, f) = (accounting.used, accounting.rejected, accounting.unmatched, accounting.filtered)
        ingestRow(row, line: line)
        accounting.ratings.read += 1
        if accounting.used > u {
            accounting.ratings.used += 1
            respondent.used = true
        } else if accounting.unmatched > un {
            accounting.ratings.unmatched += 1
            respondent.unmatched = true
        } else if accounting.rejected > r {
            accounting.ratings.rejected += 1
            respondent.rejected = true
            return
        } else if accounting.filtered > f {
            accounting.ratings.filtered += 1
            respondent.filtered = true
            return
        }
        for (i, v) in values.enumerated() where !v.isNaN {
            let old = respondent.outcomes[i]
            if old.isNaN {
                respondent.outcomes[i] = v
            } else if old != v {
                example(
                    "outcome differs within a respondent", rowSeverity, .outcomeDiffersWithinRespondent,
                    "outcome '\(outcomes[i].id)' differs from this respondent's earlier rows; the first value is used", line: line,
                    column: row.extraColumn(i + 1))
            }
        }
    }

    /// Reads outcome `i`; a value that is not on its scale rejects the row (reported here;
    /// the caller counts it).
    mutating func outcomeValue(_ i: Int, _ field: UnsafeBufferPointer<UInt8>?, line: Int, column: Int) -> FieldParsing.NumberResult {
        guard let b = field, !isNotAnswered(b, outcome: true) else { return .blank }
        let o = outcomes[i]
        func bad(_ reason: String, _ message: String) -> FieldParsing.NumberResult {
            accounting.rejectedByReason[reason, default: 0] += 1
            example(reason, rowSeverity, .rejectedRow, message + "; the row is not used", line: line, column: column)
            return .invalid
        }
        switch o.kind {
        case .binary(let yes):
            let k = FieldParsing.key(b)
            for w in yes where Array(w.utf8) == k { return .value(1) }
            return .value(0)
        case .nps, .scale:
            let scale: Scale
            if case .scale(let s) = o.kind { scale = s } else { scale = .nps }
            guard case .value(let v) = FieldParsing.number(b) else {
                return bad(
                    "outcome is not a number",
                    "outcome '\(o.id)' ('\(o.column)') value '\(Escape.excerpt(String(decoding: trimmed(b), as: UTF8.self)))' is not a number"
                )
            }
            guard v >= scale.min, v <= scale.max else {
                return bad(
                    "outcome outside its scale", "outcome '\(o.id)' \(fmt(v)) is outside its scale \(fmt(scale.min))..\(fmt(scale.max))")
            }
            if case .nps = o.kind, v.rounded() != v {
                return bad("outcome is not a whole number", "outcome '\(o.id)' \(fmt(v)) is not a whole number (0–10)")
            }
            return .value(v)
        }
    }

    /// Adds the gathered respondent to the accounting, the clustered groups and the moments.
    mutating func flushRespondent() {
        guard respondent.active else { return }
        respondent.active = false
        accounting.respondents.read += 1
        let r = respondent
        if r.used {
            accounting.respondents.used += 1
        } else if r.unmatched {
            accounting.respondents.unmatched += 1
        } else if r.rejected {
            accounting.respondents.rejected += 1
        } else {
            accounting.respondents.filtered += 1
        }
        if !r.answers.isEmpty { addClusters(r.answers) }
        if !r.answers.isEmpty, !indexGroups.isEmpty { addIndexAnswers(r.answers) }
        if r.used, !outcomes.isEmpty { addMoments() }
        respondent.answers.removeAll(keepingCapacity: true)
        for i in respondent.values.indices {
            respondent.values[i] = .nan
            respondent.counts[i] = 0
        }
        for i in respondent.outcomes.indices { respondent.outcomes[i] = .nan }
        respondent.used = false; respondent.unmatched = false; respondent.rejected = false; respondent.filtered = false
    }

    private mutating func addMoments() {
        let k = respondent.values.count
        var vector = [Double](repeating: .nan, count: k + 1)
        for i in 0..<k where respondent.counts[i] > 0 {
            vector[i] = respondent.values[i] / Double(respondent.counts[i])
        }
        for (i, id) in outcomeMoments.enumerated() {
            guard let id else { continue }
            vector[k] = respondent.outcomes[i]
            driverMoments[id]!.add(vector, key: respondent.key)
        }
    }

    /// Sums the respondent's answers per group (s_r, m_r for each measure), then adds each
    /// group's sums as one cluster.
    private mutating func addClusters(_ answers: [Answer]) {
        func touch(_ g: Int, _ a: Answer) {
            guard g >= 0 else { return }
            if !partials[g].touched {
                partials[g].touched = true
                touchedGroups.append(g)
            }
            if let v = a.nps { partials[g].s[0] += v; partials[g].m[0] += 1 }
            if let v = a.top { partials[g].s[1] += v; partials[g].m[1] += 1 }
            if let v = a.csat { partials[g].s[2] += v; partials[g].m[2] += 1 }
            if let v = a.ces { partials[g].s[3] += v; partials[g].m[3] += 1 }
            if let v = a.negative { partials[g].s[4] += v; partials[g].m[4] += 1 }
        }
        for a in answers {
            touch(0, a)
            if a.touchpoint >= 0 {
                let base = a.touchpoint * 4
                for j in 0..<4 { touch(touchpointGroups[base + j], a) }
            }
            if let s = a.segment {
                while segmentGroup.count <= s {
                    segmentGroup.append(clusterGroups.count)
                    clusterGroups.append(ClusterGroup())
                    partials.append(Partial())
                }
                touch(segmentGroup[s], a)
            }
        }
        for g in touchedGroups {
            let p = partials[g]
            clusterGroups[g].respondents += 1
            clusterGroups[g].nps.add(sum: p.s[0], count: p.m[0])
            clusterGroups[g].top.add(sum: p.s[1], count: p.m[1])
            clusterGroups[g].csat.add(sum: p.s[2], count: p.m[2])
            clusterGroups[g].ces.add(sum: p.s[3], count: p.m[3])
            clusterGroups[g].negative.add(sum: p.s[4], count: p.m[4])
            partials[g] = Partial()
        }
        touchedGroups.removeAll(keepingCapacity: true)
    }
}
