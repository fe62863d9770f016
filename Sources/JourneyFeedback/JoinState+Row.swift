import JourneyCore

extension JoinState {
    /// Validates and counts one response. Every score is checked before anything is counted:
    /// a row is used whole or rejected whole.
    mutating func ingestRow<S: FieldSource>(_ row: S, line: Int) {
        accounting.read += 1
        // Date filter and validation.
        var date: Int?
        if let b = row.field(.date), !FieldParsing.isBlank(b) {
            guard let d = FieldParsing.date(b) else {
                return reject(
                    "date is not a valid YYYY-MM-DD date",
                    "date '\(Escape.excerpt(row.string(.date) ?? ""))' is not a valid date (YYYY-MM-DD)", line + row.lineOffset(.date),
                    row.column(.date))
            }
            if let s = since, d < s { accounting.filtered += 1; return }
            if let u = until, d > u { accounting.filtered += 1; return }
            date = d
        } else if datedOnly {
            // A period's pass counts only dated rows; undated ones are accounted by the caller.
            accounting.filtered += 1; return
        }
        // Scores (no array literal here: this runs for every row).
        var nps: Double?, csat: Double?, ces: Double?
        switch score(row, .nps, scales.nps, line) {
        case .invalid: return
        case .value(let v): nps = v
        case .blank: break
        }
        switch score(row, .csat, scales.csat, line) {
        case .invalid: return
        case .value(let v): csat = v
        case .blank: break
        }
        switch score(row, .ces, scales.ces, line) {
        case .invalid: return
        case .value(let v): ces = v
        case .blank: break
        }
        var sentiment: Sentiment?
        if let b = row.field(.sentiment), !FieldParsing.isBlank(b) {
            guard let s = readSentiment(b) else {
                return reject(
                    "sentiment not understood",
                    "sentiment '\(Escape.excerpt(row.string(.sentiment) ?? ""))' is not positive, neutral, negative or a number from -1 to 1; declare other words with 'sentiment \"word\" = negative'",
                    line + row.lineOffset(.sentiment), row.column(.sentiment))
            }
            sentiment = s
        }
        // Join: the touchpoint id, else a category rule.
        var tp: Int?
        var category: UnsafeBufferPointer<UInt8>?
        if let b = row.field(.category), !FieldParsing.isBlank(b) { category = b }
        // Tagging rules fill a blank category and sentiment from the comment (JoinState+Tags).
        let tag = tagging == nil ? nil : applyTags(row, line: line, category: &category, sentiment: &sentiment)
        let idBytes = row.field(.touchpoint).flatMap { FieldParsing.isBlank($0) ? nil : $0 }
        if let b = idBytes { tp = touchpoints.find(trimmed(b)) }
        if tp == nil, let c = category { tp = ruleMatch(c) }
        if tp == nil, let k = tag { tp = tagRuleMatch(k) }
        guard let t = tp else {
            accounting.unmatched += 1
            JoinState.add(to: &unmatchedValid, nps: nps, csat: csat, ces: ces, sentiment: sentiment, category: nil, scales: scales)
            if respondentMode {
                respondent.answers.append(
                    Answer(touchpoint: -1, segment: nil, nps: nps, csat: csat, ces: ces, sentiment: sentiment, scales: scales))
            } else if !indexGroups.isEmpty {
                addIndexAnswers(
                    CollectionOfOne(
                        Answer(touchpoint: -1, segment: nil, nps: nps, csat: csat, ces: ces, sentiment: sentiment, scales: scales)))
            }
            if let b = idBytes {
                let id = String(decoding: trimmed(b), as: UTF8.self)
                accounting.unmatchedByKey[id, default: 0] += 1
                let hint = Suggestion.phrase(for: id, in: touchpointIDs)
                example(
                    "unmatched touchpoint", rowSeverity, .unmatchedTouchpoint,
                    "unknown touchpoint '\(Escape.excerpt(id))'\(hint); the row is not joined", line: line + row.lineOffset(.touchpoint),
                    column: row.column(.touchpoint))
            } else {
                let key = category.map { "category: " + String(decoding: $0, as: UTF8.self) } ?? "(no touchpoint)"
                accounting.unmatchedByKey[key, default: 0] += 1
                if options.examplesPerReason > 0, examples[file + "\u{0}unmatched category", default: 0] < 1 {
                    example(
                        "unmatched category", .note, .unmatchedCategory,
                        "rows with no touchpoint and no category rule are not joined (first at this line; add 'category \"…\" -> TOUCHPOINT' rules to join them)",
                        line: line)
                } else {
                    examples[file + "\u{0}unmatched category", default: 0] += 1
                }
            }
            return
        }
        // Count it.
        accounting.used += 1
        if let d = date {
            firstDate = min(firstDate ?? d, d)
            lastDate = max(lastDate ?? d, d)
        }
        var seg: Int?
        if let b = row.field(.segment), !FieldParsing.isBlank(b) {
            let s = segments.intern(trimmed(b))
            if s >= perSegment.count { perSegment.append(Accumulator()) }
            seg = s
        }
        var cat: Int?
        if let c = category {
            let trimmedCategory = trimmed(c)
            if let id = categories.find(trimmedCategory) {
                cat = id
            } else if categories.count < Accumulator.maxCategories {
                cat = categories.intern(trimmedCategory)
            } else {
                cat = categories.intern("(other)")
            }
        } else if let k = tag {
            cat = internTag(k)
        }
        JoinState.add(to: &perTouchpoint[t], nps: nps, csat: csat, ces: ces, sentiment: sentiment, category: cat, scales: scales)
        if followUps != nil {
            collectFollowUp(
                row, line: line, touchpoint: t, date: date, nps: nps, csat: csat, sentiment: sentiment, category: category, tag: tag)
        }
        if let s = seg {
            JoinState.add(to: &perSegment[s], nps: nps, csat: csat, ces: ces, sentiment: sentiment, category: nil, scales: scales)
            JoinState.add(
                to: &perSegmentTouchpoint[s * touchpointIDs.count + t, default: Accumulator()], nps: nps, csat: csat, ces: ces,
                sentiment: sentiment, category: nil, scales: scales)
        }
        if respondentMode {
            respondent.answers.append(
                Answer(touchpoint: t, segment: seg, nps: nps, csat: csat, ces: ces, sentiment: sentiment, scales: scales))
            if let v = csat, !outcomes.isEmpty, t < respondent.values.count {
                // Long data: a touchpoint's rating for the drivers is its CSAT (mean of repeats).
                respondent.values[t] = respondent.counts[t] == 0 ? v : respondent.values[t] + v
                respondent.counts[t] += 1
            }
        } else if !indexGroups.isEmpty {
            // Without respondent ids every row is its own respondent.
            addIndexAnswers(
                CollectionOfOne(Answer(touchpoint: t, segment: seg, nps: nps, csat: csat, ces: ces, sentiment: sentiment, scales: scales)))
        }
        // The comment sample: decide on the key before paying for the text.
        if let b = row.field(.comment), !FieldParsing.isBlank(b) {
            let rank = sentiment == .negative ? 0 : sentiment == .positive ? 2 : 1
            let score = nps.map { $0 / 10 } ?? csat.map { ($0 - scales.csat.min) / max(1, scales.csat.max - scales.csat.min) } ?? 0.5
            let key = CommentSample.Key(sentimentRank: rank, score: score, order: sourceIndex << 40 | line)
            if perTouchpoint[t].comments.accepts(key), let text = row.string(.comment) {
                perTouchpoint[t].comments.offer(key, Comment(text: text, file: file, line: line, sentiment: sentiment, score: nps ?? csat))
            }
        }
    }

    static func add(
        to a: inout Accumulator, nps: Double?, csat: Double?, ces: Double?, sentiment: Sentiment?, category: Int?, scales: ResolvedScales
    ) {
        a.rows += 1
        if let v = nps {
            a.npsN += 1
            if v >= 9 { a.promoters += 1 } else if v <= 6 { a.detractors += 1 } else { a.passives += 1 }
        }
        if let v = csat {
            a.csatN += 1
            a.csatSum += v
            a.csatSq += v * v
            a.csatPosition += MetricsMath.position(v, scales.csat)
            if v >= scales.csat.max - 1 { a.csatTop += 1 }
        }
        if let v = ces {
            a.cesN += 1
            a.cesSum += v
            a.cesSq += v * v
            let p = MetricsMath.position(v, scales.ces)
            a.cesPosition += scales.ces.lowerIsBetter ? -p : p
            if scales.ces.lowerIsBetter ? v <= scales.ces.min + 1 : v >= scales.ces.max - 1 { a.cesEasy += 1 }
        }
        switch sentiment {
        case .negative?: a.negative += 1
        case .neutral?: a.neutral += 1
        case .positive?: a.positive += 1
        case nil: break
        }
        if let c = category { a.categories[c, default: 0] += 1 }
    }

    /// Reads one score; a bad one rejects the row (reported here) and returns `.invalid`.
    @inline(__always)
    mutating func score<S: FieldSource>(_ row: S, _ col: Logical, _ scale: Scale, _ line: Int) -> FieldParsing.NumberResult {
        guard let b = row.field(col) else { return .blank }
        if !missingCodes.isEmpty, isMissingCode(b) { return .blank }
        let r = FieldParsing.number(b)
        switch r {
        case .blank: return .blank
        case .invalid:
            reject(
                "\(col.name) is not a number", "\(col.name) '\(Escape.excerpt(row.string(col) ?? ""))' is not a number",
                line + row.lineOffset(col), row.column(col))
            return .invalid
        case .value(let v):
            guard v >= scale.min, v <= scale.max else {
                reject(
                    "\(col.name) outside \(fmt(scale.min))..\(fmt(scale.max))",
                    "\(col.name) \(fmt(v)) is outside its scale \(fmt(scale.min))..\(fmt(scale.max))", line + row.lineOffset(col),
                    row.column(col))
                return .invalid
            }
            if col == .nps, v.rounded() != v {
                reject("nps is not a whole number", "nps \(fmt(v)) is not a whole number", line + row.lineOffset(col), row.column(col))
                return .invalid
            }
            return r
        }
    }

    mutating func reject(_ reason: String, _ message: String, _ line: Int, _ column: Int) {
        accounting.rejected += 1
        accounting.rejectedByReason[reason, default: 0] += 1
        example(reason, rowSeverity, .rejectedRow, message + "; the row is not used", line: line, column: column)
    }

    func readSentiment(_ b: UnsafeBufferPointer<UInt8>) -> Sentiment? {
        let t = trimmed(b)
        // The common words without allocating (this runs for every row).
        if matches(t, "negative") || matches(t, "neg") { return sentimentWords.isEmpty ? .negative : custom(t) ?? .negative }
        if matches(t, "positive") || matches(t, "pos") { return sentimentWords.isEmpty ? .positive : custom(t) ?? .positive }
        if matches(t, "neutral") || matches(t, "neu") { return sentimentWords.isEmpty ? .neutral : custom(t) ?? .neutral }
        if let s = custom(t) { return s }
        if case .value(let v) = FieldParsing.number(b), v >= -1, v <= 1 {
            return v < -0.05 ? .negative : v > 0.05 ? .positive : .neutral
        }
        return nil
    }

    func custom(_ b: UnsafeBufferPointer<UInt8>) -> Sentiment? {
        sentimentWords.isEmpty ? nil : sentimentWords[FieldParsing.key(b)]
    }

    /// ASCII case-insensitive equality with a lowercase word.
    @inline(__always)
    func matches(_ b: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        guard b.count == word.utf8CodeUnitCount else { return false }
        let w = word.utf8Start
        for i in 0..<b.count {
            let c = b[i]
            if (c >= 0x41 && c <= 0x5A ? c + 32 : c) != w[i] { return false }
        }
        return true
    }

    /// The first rule written that matches the category or one of its parents
    /// (`billing/fees` → `billing`): the same rule `journeymap sql` picks (a CASE in rule order).
    func ruleMatch(_ c: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !rules.isEmpty else { return nil }
        var k = FieldParsing.key(c)
        var best: (touchpoint: Int, order: Int)?
        while true {
            if let r = rules[k], r.order < best?.order ?? .max { best = r }
            guard let slash = k.lastIndex(of: UInt8(ascii: "/")) else { return best?.touchpoint }
            k.removeSubrange(slash...)
        }
    }

    func trimmed(_ b: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var s = 0, e = b.count
        while s < e, b[s] == 0x20 || b[s] == 0x09 { s += 1 }
        while e > s, b[e - 1] == 0x20 || b[e - 1] == 0x09 { e -= 1 }
        return UnsafeBufferPointer(rebasing: b[s..<e])
    }

    func fmt(_ v: Double) -> String {
        v.rounded() == v && abs(v) < 1e15 ? String(Int(v)) : String(v)
    }
}
