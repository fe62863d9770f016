import JourneyCore

/// `format moments` (docs/feedback.md#moments-sql): the result of `journeymap sql --query
/// moments`, one row per random group and pair of variables:
/// `grp, var_i, var_j, n, sum_i, sum_j, sum_ii, sum_jj, sum_ij`. Variables that are touchpoint
/// ids are ratings; the others are outcomes (those the block declares with `outcome`, or,
/// when it declares none, every other variable). The rows become the same `DriverMoments`
/// a streamed wide file gives, so the drivers are computed the same way.
struct MomentsTable {
    static let header = ["grp", "var_i", "var_j", "n", "sum_i", "sum_j", "sum_ii", "sum_jj", "sum_ij"]

    /// Sums per (group, lower variable, upper variable) in the file's orientation, added up
    /// when a pair repeats (moments are additive: concatenated exports are fine).
    var cells: [Key: [Double]] = [:]
    var names: [String] = []
    var index: [String: Int] = [:]

    struct Key: Hashable { let group: Int, a: Int, b: Int }

    mutating func variable(_ name: String) -> Int {
        if let i = index[name] { return i }
        index[name] = names.count
        names.append(name)
        return names.count - 1
    }

    /// Adds one row; `sums` is sum_i, sum_j, sum_ii, sum_jj, sum_ij for var_i = a, var_j = b.
    mutating func add(group: Int, _ a: Int, _ b: Int, n: Double, sums s: [Double]) {
        // Stored with the lower variable index first (sums swapped to match).
        let key = Key(group: group, a: min(a, b), b: max(a, b))
        let v = a <= b ? [n, s[0], s[1], s[2], s[3], s[4]] : [n, s[1], s[0], s[3], s[2], s[4]]
        if let old = cells[key] {
            cells[key] = zip(old, v).map(+)
        } else {
            cells[key] = v
        }
    }

    /// The moments of `ratings` (touchpoint ids) and one outcome, over `groups` groups.
    func moments(ratings: [String], outcome: String, groups: Int) -> DriverMoments {
        let vars = ratings + [outcome]
        let fileIndex = vars.map { index[$0] ?? -1 }
        var perGroup = [DriverMoments.Sums](repeating: DriverMoments.Sums(k: vars.count), count: groups)
        var biggestDiagonal = [Double](repeating: 0, count: groups)
        for i in vars.indices {
            for j in i..<vars.count {
                let fi = fileIndex[i], fj = fileIndex[j]
                guard fi >= 0, fj >= 0 else { continue }
                let swap = fi > fj
                for g in 0..<groups {
                    guard let c = cells[Key(group: g, a: min(fi, fj), b: max(fi, fj))] else { continue }
                    perGroup[g].set(.n, i, j, c[0])
                    perGroup[g].set(.sumI, i, j, swap ? c[2] : c[1])
                    perGroup[g].set(.sumJ, i, j, swap ? c[1] : c[2])
                    perGroup[g].set(.sumII, i, j, swap ? c[4] : c[3])
                    perGroup[g].set(.sumJJ, i, j, swap ? c[3] : c[4])
                    perGroup[g].set(.sumIJ, i, j, c[5])
                    if i == j { biggestDiagonal[g] = max(biggestDiagonal[g], c[0]) }
                }
            }
        }
        var m = DriverMoments(variables: vars, groupCount: groups)
        for g in 0..<groups {
            // Respondents with any answer in the group: at least the most answered variable's
            // count (the bootstrap only needs to know which groups hold anyone).
            perGroup[g].respondents = Int(biggestDiagonal[g])
            m.add(perGroup[g], group: g)
        }
        return m
    }

    /// Binary when every answer is 0 or 1 (Σy² = Σy on the diagonal of every group).
    func looksBinary(_ name: String) -> Bool {
        guard let v = index[name] else { return false }
        return cells.allSatisfy { key, c in key.a != v || key.b != v || (c[3] == c[1] && c[1] >= 0 && c[1] <= c[0]) }
    }
}

extension JoinState {
    mutating func ingestMoments(_ source: FeedbackSource) {
        let reader: CSVReader
        do {
            reader = try CSVReader(path: source.resolvedPath, delimiter: source.delimiter)
        } catch {
            diagnostics.append(Diagnostic(.unreadableFeedback, "cannot read feedback '\(source.path)': \(error)", at: source.range))
            return
        }
        var csv = reader
        var columns: [Int] = []
        var table = MomentsTable()
        var fieldCount = 0
        let groups = DriverMoments.groupCount
        let declared = Dictionary(source.outcomes.map { ($0.id, $0.kind) }, uniquingKeysWith: { a, _ in a })
        var unknown: Set<String> = []
        let tpIDs = Set(touchpointIDs)
        let known = { (v: String) in tpIDs.contains(v) || declared[v] != nil || declared.isEmpty }
        do {
            try csv.forEachRow { row in
                if columns.isEmpty {
                    let names = (0..<row.fieldCount).map { row.string($0) }
                    let index = headerIndex(names, line: row.line)
                    fieldCount = row.fieldCount
                    let missing = MomentsTable.header.filter { index[$0] == nil }
                    guard missing.isEmpty else {
                        report(
                            .missingColumn,
                            "a moments file needs the columns \(MomentsTable.header.joined(separator: ", ")); missing: \(missing.joined(separator: ", ")) (make it with `journeymap sql --query moments`, docs/feedback.md#moments-sql)",
                            line: row.line)
                        return false
                    }
                    columns = MomentsTable.header.map { index[$0]! }
                    return true
                }
                if let problem = row.problem {
                    rejectMalformed(problem, at: row.problemPosition)
                    return true
                }
                accounting.read += 1
                guard row.fieldCount == fieldCount else {
                    reject("wrong number of fields", "row has \(row.fieldCount) fields, the header has \(fieldCount)", row.line, 1)
                    return true
                }
                func text(_ c: Int) -> String { row.string(columns[c]).trimmingSpaces() }
                func col(_ c: Int) -> Int { row.column(of: columns[c]) }
                guard let g = Int(text(0)), g >= 0, g < groups else {
                    reject(
                        "moments group is not 0..\(groups - 1)",
                        "grp '\(Escape.excerpt(text(0)))' is not a whole number from 0 to \(groups - 1)", row.line, col(0))
                    return true
                }
                let vi = text(1), vj = text(2)
                guard !vi.isEmpty, !vj.isEmpty else {
                    reject(
                        "moments variable is blank", "var_i and var_j name the variables (touchpoint or outcome ids)", row.line,
                        col(vi.isEmpty ? 1 : 2))
                    return true
                }
                var numbers: [Double] = []
                for c in 3..<9 {
                    guard let x = Double(text(c)), x.isFinite else {
                        reject(
                            "moments value is not a number", "\(MomentsTable.header[c]) '\(Escape.excerpt(text(c)))' is not a number",
                            row.line, col(c))
                        return true
                    }
                    numbers.append(x)
                }
                if let why = Self.inconsistency(
                    n: numbers[0], numbers[1], numbers[2], numbers[3], numbers[4], numbers[5], same: vi == vj,
                    scaleI: scale(of: vi, source, declared), scaleJ: scale(of: vj, source, declared))
                {
                    reject(
                        "moments do not add up", "moments of (\(Escape.excerpt(vi)), \(Escape.excerpt(vj))) in group \(g): \(why)",
                        row.line, col(3))
                    return true
                }
                guard known(vi), known(vj) else {
                    accounting.unmatched += 1
                    for v in [vi, vj] where !known(v) && unknown.insert(v).inserted {
                        accounting.unmatchedByKey[v, default: 0] += 1
                        report(
                            .unmatchedTouchpoint,
                            "moments name '\(Escape.excerpt(v))', neither a touchpoint of the journey nor an outcome declared in this feedback block\(Suggestion.phrase(for: v, in: self.touchpointIDs + declared.keys.sorted()))",
                            line: row.line, column: col(1))
                    }
                    return true
                }
                accounting.used += 1
                table.add(group: g, table.variable(vi), table.variable(vj), n: numbers[0], sums: Array(numbers[1...]))
                return true
            }
        } catch .unterminatedQuote(let line) {
            accounting.read += 1
            accounting.rejected += 1
            accounting.rejectedByReason["unterminated quote", default: 0] += 1
            report(
                .unclosedQuote,
                "a quoted field opened on this row never closes: the file is cut or malformed; close the quote (\"\") and run again",
                line: line)
        } catch {
            report(.unreadableFeedback, "cannot read feedback '\(source.path)': \(error)", line: 1)
        }
        if columns.isEmpty && fieldCount == 0 { report(.emptyFeedback, "the feedback file is empty", line: 1) }

        let ratings = touchpointIDs.filter { table.index[$0] != nil }
        let outcomes =
            declared.isEmpty
            ? table.names.filter { !touchpointIDs.contains($0) }
            : source.outcomes.map(\.id).filter { table.index[$0] != nil }
        for o in outcomes {
            let kind = declared[o] ?? (table.looksBinary(o) ? .binary(yes: []) : .scale(Scale(min: -.infinity, max: .infinity)))
            addMoments(table.moments(ratings: ratings, outcome: o, groups: groups), outcome: o, kind: kind, at: source.range)
        }
    }

    /// Merges one outcome's moments into the join's (a second source with the same
    /// variables adds up; different variables keep the first and warn, as for wide files).
    mutating func addMoments(_ m: DriverMoments, outcome: String, kind: OutcomeDeclaration.Kind, at range: SourceRange) {
        // The join sets up an empty accumulator for every declared outcome over all the
        // journey's touchpoints; a moments file has only the touchpoints it rates.
        if let existing = driverMoments[outcome], existing.total.values.contains(where: { $0 != 0 }) {
            guard existing.variables == m.variables else {
                diagnostics.append(
                    Diagnostic(
                        .conflictingOutcomes,
                        "outcome '\(outcome)' comes from two feedback sources with different ratings; the drivers use the first source only",
                        at: range))
                return
            }
            driverMoments[outcome]!.merge(m)
        } else {
            driverMoments[outcome] = m
        }
        outcomeKinds[outcome] = outcomeKinds[outcome] ?? kind
    }

    /// The scale a variable's values must lie on, when the block says it: a rating's own
    /// scale or the block's csat scale; a declared outcome's kind. nil: not checked.
    private func scale(of v: String, _ source: FeedbackSource, _ declared: [String: OutcomeDeclaration.Kind]) -> Scale? {
        if let r = source.ratings.first(where: { $0.touchpoint == v }) { return r.scale ?? source.scales["csat"] }
        if touchpointIDs.contains(v) { return source.scales["csat"] }
        switch declared[v] {
        case .binary?: return Scale(min: 0, max: 1)
        case .nps?: return .nps
        case .scale(let s)?: return s
        case nil: return nil
        }
    }

    /// Why a row's sums cannot come from real answers, or nil. Values x on [lo, hi]:
    /// n·lo ≤ Σx ≤ n·hi, Σx² ≤ max(lo², hi²)·n, n·Σx² ≥ (Σx)² (Cauchy–Schwarz), (Σxy)² ≤ Σx²·Σy².
    static func inconsistency(
        n: Double, _ si: Double, _ sj: Double, _ sii: Double, _ sjj: Double, _ sij: Double,
        same: Bool, scaleI: Scale?, scaleJ: Scale?
    ) -> String? {
        guard n >= 0, n == n.rounded() else { return "n \(n) is not a count" }
        if n == 0 { return [si, sj, sii, sjj, sij].allSatisfy { $0 == 0 } ? nil : "n is 0 but the sums are not" }
        // Relative slack for sums computed in floating point by the engine.
        let eps = 1e-9
        func tol(_ x: Double) -> Double { eps * max(1, abs(x)) }
        if same && (abs(si - sj) > tol(si) || abs(sii - sjj) > tol(sii) || abs(sii - sij) > tol(sii)) {
            return "a variable paired with itself needs sum_i = sum_j and sum_ii = sum_jj = sum_ij"
        }
        if sii < -tol(sii) || sjj < -tol(sjj) { return "a sum of squares is negative" }
        if si * si > n * sii + tol(n * sii) || sj * sj > n * sjj + tol(n * sjj) { return "the sums of squares are too small for the sums" }
        if sij * sij > sii * sjj + tol(sii * sjj) { return "the cross-product is larger than the sums of squares allow" }
        for (s, sum, sq, side) in [(scaleI, si, sii, "sum_i"), (scaleJ, sj, sjj, "sum_j")] {
            guard let s, s.min.isFinite, s.max.isFinite else { continue }
            if sum < n * s.min - tol(n * s.min) || sum > n * s.max + tol(n * s.max) {
                return
                    "\(side) \(FeedbackSQL.num(sum)) is outside what \(FeedbackSQL.num(n)) answers on \(FeedbackSQL.num(s.min))..\(FeedbackSQL.num(s.max)) can give"
            }
            if sq > n * max(s.min * s.min, s.max * s.max) + tol(sq) { return "the sum of squares is larger than the scale allows" }
        }
        return nil
    }
}
