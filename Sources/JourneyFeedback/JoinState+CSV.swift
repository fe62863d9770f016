import JourneyCore

/// A CSV row seen through the header's column mapping.
struct CSVRowSource: FieldSource {
    let row: CSVReader.Row
    /// Physical index of each logical column, or -1.
    let map: [Int]
    /// Physical index of each respondent-level column (`JoinState.extraColumns`), or -1.
    let extras: [Int]

    @inline(__always) func field(_ c: Logical) -> UnsafeBufferPointer<UInt8>? {
        let i = map[c.rawValue]
        return i >= 0 && i < row.fieldCount ? row.bytes(i) : nil
    }
    func column(_ c: Logical) -> Int {
        let i = map[c.rawValue]
        return i >= 0 && i < row.fieldCount ? row.column(of: i) : 1
    }
    func lineOffset(_ c: Logical) -> Int {
        let i = map[c.rawValue]
        return i >= 0 && i < row.fieldCount ? row.line(of: i) - row.line : 0
    }
    func string(_ c: Logical) -> String? {
        let i = map[c.rawValue]
        return i >= 0 && i < row.fieldCount ? row.string(i) : nil
    }
    func extra(_ k: Int) -> UnsafeBufferPointer<UInt8>? {
        let i = k < extras.count ? extras[k] : -1
        return i >= 0 && i < row.fieldCount ? row.bytes(i) : nil
    }
    func extraColumn(_ k: Int) -> Int {
        let i = k < extras.count ? extras[k] : -1
        return i >= 0 && i < row.fieldCount ? row.column(of: i) : 1
    }
}

/// How a CSV file's rows are read, from its header: the header's field count and the column
/// mapping of its format. A class: the one-pass loop hands it to every row, and a struct of
/// arrays was copied there each time (a retain and release per array: 7% of the CPU).
final class CSVLayout: Sendable {
    let fieldCount: Int
    let aggregate: Bool
    let wide: Bool
    let map: [Int]
    let extras: [Int]
    let wideColumns: WideColumns
    let aggregateMap: [String: Int]

    init(
        fieldCount: Int, aggregate: Bool, wide: Bool, map: [Int] = [], extras: [Int] = [], wideColumns: WideColumns = WideColumns(),
        aggregateMap: [String: Int] = [:]
    ) {
        (self.fieldCount, self.aggregate, self.wide) = (fieldCount, aggregate, wide)
        (self.map, self.extras, self.wideColumns, self.aggregateMap) = (map, extras, wideColumns, aggregateMap)
    }
}

extension JoinState {
    /// The wide layout reads the file like CSV.
    mutating func ingestWide(_ source: FeedbackSource) { ingestCSV(source, aggregate: false, wide: true) }

    mutating func ingestCSV(_ source: FeedbackSource, aggregate: Bool, wide: Bool = false) {
        // A large regular file of long data is summed in ranges (JoinState+Ranges.swift): on
        // every core, else here in one pass cut at the same boundaries (one thread, or the
        // ranges could not be read apart).
        let cuts = aggregate || wide ? nil : rangeCuts(source)
        if let plan = cuts, plan.threads > 1, ingestCSVRanges(source, plan: plan) { return }
        let reader: CSVReader
        do {
            reader = try CSVReader(path: source.resolvedPath, delimiter: source.delimiter, maxRowBytes: maxRowBytes)
        } catch {
            diagnostics.append(Diagnostic(.unreadableFeedback, "cannot read feedback '\(source.path)': \(error.message)", at: source.range))
            return
        }
        var csv = reader
        var layout = CSVLayout(fieldCount: 0, aggregate: aggregate, wide: wide)
        var header = false
        var ok = true
        // When cutting: the range being read, what each range starts from, and the offset at
        // or after which the next range's first row starts (plain values, not an optional:
        // this is the loop of every row).
        var cutting = false
        var local = self
        var template = self
        var next = Int.max
        var failure: CSVReader.Failure?
        do {
            try csv.forEachRow { row in
                guard header else {
                    let names = (0..<row.fieldCount).map { row.string($0) }
                    let (made, fine) = mapCSVHeader(names, source: source, line: row.line, aggregate: aggregate, wide: wide)
                    layout = made
                    header = true
                    ok = fine
                    if ok, let plan = cuts {
                        template = rangeTemplate()
                        local = template.seeded(categories)
                        next = row.end + plan.rangeBytes
                        cutting = true
                    }
                    return ok
                }
                guard cutting else {
                    ingestCSVRow(row, layout)
                    return true
                }
                if row.offset >= next {
                    absorb(local, seeded: true)
                    local = template.seeded(categories)
                    while next <= row.offset { next += cuts!.rangeBytes }
                }
                local.ingestCSVRow(row, layout)
                return true
            }
        } catch {
            failure = error
        }
        if cutting { absorb(local, seeded: true) }
        switch failure {
        case nil: break
        case .unterminatedQuote(let line):
            accounting.read += 1
            tallyUnreadableRow(wide: wide)
            accounting.rejected += 1
            accounting.rejectedByReason["unterminated quote", default: 0] += 1
            report(
                .unclosedQuote,
                "a quoted field opened on this row never closes: the file is cut or malformed; close the quote (\"\") and run again",
                line: line)
        case .rowTooLong(let line, let limit):
            report(.rowTooLong, CSVReader.Failure.rowTooLong(line: line, limit: limit).message, line: line)
        case let error?:
            report(.unreadableFeedback, "cannot read feedback '\(source.path)': \(error.message)", line: 1)
        }
        if !header { report(.emptyFeedback, "the feedback file is empty", line: 1) }
    }

    /// Maps the header row to the columns the rows are read by (reporting what is missing);
    /// false when the file cannot be joined.
    mutating func mapCSVHeader(_ names: [String], source: FeedbackSource, line: Int, aggregate: Bool, wide: Bool) -> (CSVLayout, Bool) {
        var map: [Int] = [], extras: [Int] = [], wideColumns = WideColumns(), aggregateMap: [String: Int] = [:]
        var ok = true
        if aggregate {
            aggregateMap = headerIndex(names, line: line)
            ok = aggregateMap["touchpoint"] != nil
            if !ok {
                report(.missingColumn, "an aggregate file needs a 'touchpoint' column (see docs/feedback.md)", line: line)
            }
        } else if wide {
            if let c = mapWideHeader(names, source: source, line: line) { wideColumns = c } else { ok = false }
        } else {
            (map, ok) = mapHeader(names, source: source, line: line)
            if ok { (extras, ok) = mapExtras(names, line: line) }
        }
        let l = CSVLayout(
            fieldCount: names.count, aggregate: aggregate, wide: wide, map: map, extras: extras, wideColumns: wideColumns,
            aggregateMap: aggregateMap)
        return (l, ok)
    }

    /// One data row (after the header): a malformed or ragged row is rejected, else it is read
    /// by the file's layout.
    mutating func ingestCSVRow(_ row: CSVReader.Row, _ l: CSVLayout) {
        if let problem = row.problem {
            rejectMalformed(problem, at: row.problemPosition)
            tallyUnreadableRow(wide: l.wide)
            return
        }
        if row.fieldCount != l.fieldCount {
            accounting.read += 1
            reject("wrong number of fields", "row has \(row.fieldCount) fields, the header has \(l.fieldCount)", row.line, 1)
            tallyUnreadableRow(wide: l.wide)
            return
        }
        if l.aggregate {
            ingestAggregate(row, l.aggregateMap)
        } else if l.wide {
            ingestWideRow(row, l.wideColumns)
        } else {
            ingestLong(CSVRowSource(row: row, map: l.map, extras: l.extras), line: row.line)
        }
    }

    mutating func rejectMalformed(_ problem: CSVReader.Problem, at position: (line: Int, column: Int)) {
        let (line, column) = position
        accounting.read += 1
        switch problem {
        case .textAfterClosingQuote:
            reject(
                "text after a closing quote",
                "text after a closing quote (RFC 4180: a quoted field ends at its closing quote; double quotes inside it: \"\")", line,
                column)
        case .quoteInUnquotedField:
            reject(
                "quote inside an unquoted field", "a quote inside an unquoted field (RFC 4180: quote the whole field and double the quote)",
                line, column)
        case .invalidUTF8:
            // Not a row problem but a file problem: an error even without --strict.
            accounting.rejected += 1
            accounting.rejectedByReason["invalid UTF-8", default: 0] += 1
            example(
                "invalid UTF-8", .error, .invalidUTF8Row, "the row is not valid UTF-8; save the file as UTF-8", line: line, column: column)
        case .rowTooLong:
            reject("too many fields", "the row has more than 100,000 fields", line, column)
        }
    }

    /// Header name (trimmed, case-insensitive) → first index; repeated names are reported.
    mutating func headerIndex(_ names: [String], line: Int, reportRepeats: Bool = true) -> [String: Int] {
        var index: [String: Int] = [:]
        for (i, n) in names.enumerated() {
            let k = n.trimmingSpaces().lowercased()
            if index[k] != nil {
                guard reportRepeats else { continue }
                report(.duplicateColumn, "column '\(Escape.excerpt(n))' appears twice in the header; the first one is used", line: line)
            } else {
                index[k] = i
            }
        }
        return index
    }

    /// Logical columns → physical indices, with the source's renames.
    mutating func mapHeader(_ names: [String], source: FeedbackSource, line: Int) -> ([Int], Bool) {
        let index = headerIndex(names, line: line)
        var map = [Int](repeating: -1, count: Logical.allCases.count)
        for c in Logical.allCases {
            let wanted = (source.columns[c.name] ?? c.name).trimmingSpaces().lowercased()
            if let i = index[wanted] {
                map[c.rawValue] = i
            } else if source.columns[c.name] != nil {
                report(
                    .missingColumn,
                    "column '\(source.columns[c.name]!)' (for \(c.name)) is not in the header\(Suggestion.phrase(for: source.columns[c.name]!, in: names))",
                    line: line)
                return (map, false)
            }
        }
        if map[Logical.touchpoint.rawValue] < 0 && (map[Logical.category.rawValue] < 0 || source.categoryRules.isEmpty) {
            report(
                .missingColumn,
                "no 'touchpoint' column to join on (columns: \(Escape.excerpt(names.joined(separator: ", ")))); rename one with 'column touchpoint = \"…\"' or add category rules",
                line: line)
            return (map, false)
        }
        return (map, true)
    }

    /// The respondent and outcome columns of long data (`extraColumns`), which must exist.
    mutating func mapExtras(_ names: [String], line: Int) -> ([Int], Bool) {
        let index = headerIndex(names, line: line, reportRepeats: false)
        var out: [Int] = []
        for (k, header) in extraColumns.enumerated() {
            guard !header.isEmpty else { out.append(-1); continue }
            guard let i = index[header.trimmingSpaces().lowercased()] else {
                let what = k == 0 ? "the respondent id" : "outcome '\(outcomes[k - 1].id)'"
                report(
                    .missingColumn,
                    "column '\(Escape.excerpt(header))' (\(what)) is not in the header\(Suggestion.phrase(for: header, in: names))",
                    line: line)
                return (out, false)
            }
            out.append(i)
        }
        return (out, true)
    }

    /// One row of the pre-aggregated format: counts and sums per touchpoint.
    mutating func ingestAggregate(_ row: CSVReader.Row, _ map: [String: Int]) {
        accounting.read += 1
        func int(_ name: String) -> Int?? {
            guard let i = map[name] else { return .some(nil) }
            switch FieldParsing.exported(row.bytes(i)) {
            case .blank: return .some(nil)
            case .value(let v) where v >= 0 && v.rounded() == v && v < 1e15: return .some(Int(v))
            default: return nil
            }
        }
        func num(_ name: String) -> Double?? {
            guard let i = map[name] else { return .some(nil) }
            switch FieldParsing.exported(row.bytes(i)) {
            case .blank: return .some(nil)
            case .value(let v) where v >= 0: return .some(v)
            default: return nil
            }
        }
        let idBytes = trimmed(row.bytes(map["touchpoint"]!))
        guard let t = touchpoints.find(idBytes) else {
            accounting.unmatched += 1
            let id = String(decoding: idBytes, as: UTF8.self)
            accounting.unmatchedByKey[id, default: 0] += 1
            example(
                "unmatched touchpoint", rowSeverity, .unmatchedTouchpoint,
                "unknown touchpoint '\(Escape.excerpt(id))'\(Suggestion.phrase(for: id, in: touchpointIDs)); the row is not joined",
                line: row.line)
            return
        }
        var v = AggregateCounts()
        for (name, key) in AggregateCounts.columns {
            guard let x = int(name) else {
                return reject("aggregate count is not a whole number", "\(name) is not a whole number ≥ 0", row.line, 1)
            }
            v[keyPath: key] = x ?? 0
        }
        guard let csatSum = num("csat_sum"), let cesSum = num("ces_sum") else {
            return reject("aggregate sum is not a number", "csat_sum and ces_sum must be numbers ≥ 0", row.line, 1)
        }
        let n = v.responses
        guard v.promoters + v.passives + v.detractors <= n, v.csatTop2 <= v.csatCount,
            v.cesEasy <= v.cesCount, v.positive + v.neutral + v.negative <= n,
            v.csatCount <= n, v.cesCount <= n
        else {
            return reject("aggregate counts do not add up", "the counts do not add up (a part is larger than its whole)", row.line, 1)
        }
        // Sums must be possible on the scales: between min × count and max × count.
        let cs = csatSum ?? 0, es = cesSum ?? 0
        let csatN = Double(v.csatCount), cesN = Double(v.cesCount)
        let slack = 1e-9 * max(1, csatN + cesN)
        guard cs >= scales.csat.min * csatN - slack, cs <= scales.csat.max * csatN + slack else {
            return reject(
                "aggregate sum outside its scale",
                "csat_sum \(fmt(cs)) is not possible for \(Int(csatN)) answers on \(fmt(scales.csat.min))..\(fmt(scales.csat.max)) (mean \(csatN > 0 ? fmt(cs / csatN) : "undefined"))",
                row.line, 1)
        }
        guard es >= scales.ces.min * cesN - slack, es <= scales.ces.max * cesN + slack else {
            return reject(
                "aggregate sum outside its scale",
                "ces_sum \(fmt(es)) is not possible for \(Int(cesN)) answers on \(fmt(scales.ces.min))..\(fmt(scales.ces.max)) (mean \(cesN > 0 ? fmt(es / cesN) : "undefined"))",
                row.line, 1)
        }
        // Optional sums of squares (`csat_sq`, `ces_sq`, as `journeymap sql` writes them) give
        // the means their t intervals; they must be possible for the sums and the scale.
        guard let csatSq = num("csat_sq"), let cesSq = num("ces_sq") else {
            return reject("aggregate sum is not a number", "csat_sq and ces_sq must be numbers ≥ 0", row.line, 1)
        }
        for (name, sq, sum, count, scale) in [("csat_sq", csatSq, cs, csatN, scales.csat), ("ces_sq", cesSq, es, cesN, scales.ces)] {
            guard let sq else { continue }
            let most = max(scale.min * scale.min, scale.max * scale.max) * count
            let least = count > 0 ? sum * sum / count : 0
            guard sq >= least - slack * max(1, least), sq <= most + slack * max(1, most) else {
                return reject(
                    "aggregate sum outside its scale",
                    "\(name) \(fmt(sq)) is not possible for \(Int(count)) answers summing to \(fmt(sum)) on \(fmt(scale.min))..\(fmt(scale.max))",
                    row.line, 1)
            }
        }
        var a = perTouchpoint[t]
        let before = a
        let adds: [(WritableKeyPath<Accumulator, Int>, Int)] = [
            (\.rows, n), (\.npsN, v.promoters + v.passives + v.detractors), (\.promoters, v.promoters),
            (\.passives, v.passives), (\.detractors, v.detractors), (\.csatN, v.csatCount), (\.csatTop, v.csatTop2),
            (\.cesN, v.cesCount), (\.cesEasy, v.cesEasy), (\.positive, v.positive), (\.neutral, v.neutral), (\.negative, v.negative),
        ]
        for (k, x) in adds {
            let (sum, overflow) = a[keyPath: k].addingReportingOverflow(x)
            if overflow {
                perTouchpoint[t] = before
                return reject("aggregate count overflows", "a count is too large to add up", row.line, 1)
            }
            a[keyPath: k] = sum
        }
        a.csatSum += cs
        a.cesSum += es
        // Positions are linear in the value: Σ position = 4·(Σv − n·min)/(max − min) − 2n.
        func positions(_ sum: Double, _ n: Double, _ s: Scale) -> Double {
            s.max > s.min ? 4 * (sum - n * s.min) / (s.max - s.min) - 2 * n : 0
        }
        a.csatPosition += positions(cs, csatN, scales.csat)
        let cp = positions(es, cesN, scales.ces)
        a.cesPosition += scales.ces.lowerIsBetter ? -cp : cp
        // Totals without sums of squares: no t interval for the means.
        if (csatN > 0 && csatSq == nil) || (cesN > 0 && cesSq == nil) { a.squaresKnown = false }
        a.csatSq += csatSq ?? 0
        a.cesSq += cesSq ?? 0
        perTouchpoint[t] = a
        accounting.used += 1
        if respondentMode { addAggregateClusters(t, a, before) }
    }
}

extension JoinState {
    /// Aggregate totals in respondent-level data: each counted answer is its own respondent
    /// (totals cannot be split by person), so they add as independent clusters.
    mutating func addAggregateClusters(_ t: Int, _ a: Accumulator, _ before: Accumulator) {
        let base = t * 4
        let groups = [0, touchpointGroups[base], touchpointGroups[base + 1], touchpointGroups[base + 2], touchpointGroups[base + 3]]
        let p = Double(a.promoters - before.promoters), d = Double(a.detractors - before.detractors)
        let top = Double(a.csatTop - before.csatTop), neg = Double(a.negative - before.negative)
        for g in groups where g >= 0 {
            clusterGroups[g].respondents += a.rows - before.rows
            clusterGroups[g].nps.addIndependent(sum: p - d, sumOfSquares: p + d, n: a.npsN - before.npsN)
            clusterGroups[g].top.addIndependent(sum: top, sumOfSquares: top, n: a.csatN - before.csatN)
            clusterGroups[g].csat.addIndependent(
                sum: a.csatSum - before.csatSum, sumOfSquares: a.csatSq - before.csatSq, n: a.csatN - before.csatN)
            clusterGroups[g].ces.addIndependent(
                sum: a.cesSum - before.cesSum, sumOfSquares: a.cesSq - before.cesSq, n: a.cesN - before.cesN)
            let sentiment = (a.negative + a.neutral + a.positive) - (before.negative + before.neutral + before.positive)
            clusterGroups[g].negative.addIndependent(sum: neg, sumOfSquares: neg, n: sentiment)
        }
    }
}

/// The counts of one aggregate row, typed (a column that is absent counts 0).
struct AggregateCounts {
    var responses = 0, promoters = 0, passives = 0, detractors = 0
    var csatCount = 0, csatTop2 = 0, cesCount = 0, cesEasy = 0
    var positive = 0, neutral = 0, negative = 0

    /// Each count's column in an aggregate file.
    static var columns: [(String, WritableKeyPath<AggregateCounts, Int>)] {
        [
            ("responses", \.responses), ("promoters", \.promoters), ("passives", \.passives), ("detractors", \.detractors),
            ("csat_count", \.csatCount), ("csat_top2", \.csatTop2), ("ces_count", \.cesCount), ("ces_easy", \.cesEasy),
            ("positive", \.positive), ("neutral", \.neutral), ("negative", \.negative),
        ]
    }
}

extension FieldParsing {
    /// A number as engines export them (aggregate files): also an exponent (`2.5E7`, Spark's
    /// and Java's form for doubles from 10⁷ up) and all of a double's 17 digits, which the
    /// strict reading of raw scores refuses. Still no NaN, infinity, hex or other characters.
    static func exported(_ b: UnsafeBufferPointer<UInt8>) -> NumberResult {
        if isBlank(b) { return .blank }
        let text = String(decoding: b, as: UTF8.self).trimmingSpaces()
        guard text.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x2B || $0 == 0x2D || $0 == 0x45 || $0 == 0x65 }),
            text.utf8.first.map({ $0 != 0x45 && $0 != 0x65 }) == true,
            let v = Double(text), v.isFinite
        else { return .invalid }
        return .value(v)
    }
}
