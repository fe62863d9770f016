/// Respondent-level statements of a feedback block (docs/language.md#respondent-level-data):
/// `respondent`, `rating`, `missing`, `outcome`, `segment`, and the rules that tie them together.
extension Resolver {
    static let outcomeKinds = ["yes", "nps", "scale"]

    /// `respondent "id"`: the column naming the respondent.
    mutating func readRespondent(_ t: StatementSyntax, into source: inout FeedbackSource) {
        forbidBlock(t)
        guard
            let column = withArguments(
                t,
                { a in a.string("the respondent column's header in double quotes").flatMap { a.end("respondent \"column\"") ? $0 : nil } })
        else { return }
        if let first = source.respondentColumn {
            report(.repeatedRespondentSetting, "the respondent column is already '\(first)'; a feedback block names one", at: column.range)
            return
        }
        source.respondentColumn = column.text
    }

    /// `segment "Class"`: shorthand for `column segment = "Class"`.
    mutating func readSegmentShorthand(_ t: StatementSyntax, into source: inout FeedbackSource) {
        forbidBlock(t)
        guard
            let column = withArguments(
                t, { a in a.string("the segment column's header in double quotes").flatMap { a.end("segment \"column\"") ? $0 : nil } })
        else { return }
        if let first = source.columns["segment"] {
            report(.repeatedRespondentSetting, "the segment column is already '\(first)'", at: column.range)
            return
        }
        source.columns["segment"] = column.text
    }

    /// `missing 0 "N/A" "-"`: values that mean "not answered".
    mutating func readMissing(_ t: StatementSyntax, into source: inout FeedbackSource) {
        forbidBlock(t)
        guard
            let values = withArguments(
                t,
                { a -> [Token]? in
                    var values: [Token] = []
                    while let v = a.peek, v.kind == .number || v.kind == .string {
                        values.append(v)
                        _ = v.kind == .number ? a.number("") : a.string("")
                    }
                    if values.isEmpty {
                        _ = a.string("a value that means 'not answered', e.g. missing 0 \"N/A\"")
                        return nil
                    }
                    return a.end("missing VALUE… (numbers or strings)") ? values : nil
                })
        else { return }
        for v in values {
            let text = v.text.trimmingSpaces()
            if text.isEmpty {
                report(.warning, .repeatedRespondentSetting, "blank values are always read as missing; this one adds nothing", at: v.range)
            } else if !source.missingValues.contains(text) {
                source.missingValues.append(text)
            }
        }
    }

    /// `rating TOUCHPOINT = "Column header" [{ scale 1..5 }]`.
    mutating func readRating(_ t: StatementSyntax, into source: inout FeedbackSource) {
        guard
            let (tp, header) = withArguments(
                t,
                { a -> (Token, Token)? in
                    guard let tp = a.identifier("a touchpoint id"),
                        a.expect("=", "after the touchpoint id") != nil,
                        let h = a.string("the rating column's header in double quotes"),
                        a.end("rating TOUCHPOINT = \"column\" [{ scale 1..5 }]")
                    else { return nil }
                    return (tp, h)
                })
        else { return }
        builder.references.append(.init(kind: .touchpoint, token: tp))
        var scale: Scale?
        for item in t.block?.statements ?? [] {
            forbidBlock(item)
            guard item.keyword.text == "scale" else {
                unknownStatement(item, context: "in a rating", allowed: ["scale"])
                continue
            }
            scale = readScaleRange(item, usage: "scale LOW..HIGH [lower is better]", defaultLowerIsBetter: false) ?? scale
        }
        if let other = source.ratings.first(where: { $0.touchpoint == tp.text }) {
            report(
                .invalidRatingColumn, "touchpoint '\(tp.text)' already has a rating column ('\(other.column)'); one column per touchpoint",
                at: tp.range,
                notes: [DiagnosticNote("the first rating is here", at: other.range)])
            return
        }
        if let other = source.ratings.first(where: { $0.column.lowercased() == header.text.lowercased() }) {
            report(
                .invalidRatingColumn, "column '\(header.text)' is already the rating of '\(other.touchpoint)'", at: header.range,
                notes: [DiagnosticNote("the first rating is here", at: other.range)])
            return
        }
        var r = tp.range
        r.end = header.range.end
        source.ratings.append(RatingColumn(touchpoint: tp.text, column: header.text, scale: scale, range: r))
    }

    /// `outcome ID = "column" { yes "satisfied" "1" }` | `{ nps }` | `{ scale 1..10 }`.
    mutating func readOutcome(_ t: StatementSyntax, into source: inout FeedbackSource) {
        guard
            let (id, header) = withArguments(
                t,
                { a -> (Token, Token)? in
                    guard let id = a.identifier("an outcome id, e.g. satisfied"),
                        a.expect("=", "after the outcome id") != nil,
                        let h = a.string("the outcome column's header in double quotes"),
                        a.end("outcome ID = \"column\" { yes \"word\"… | nps | scale LOW..HIGH }")
                    else { return nil }
                    return (id, h)
                })
        else { return }
        let statements = t.block?.statements ?? []
        guard !statements.isEmpty else {
            report(
                .invalidOutcome,
                "say how outcome '\(id.text)' is measured: { yes \"word\"… } for yes/no answers, { nps } for 0–10, or { scale LOW..HIGH }",
                at: t.block?.openRange ?? header.range)
            return
        }
        var kind: OutcomeDeclaration.Kind?
        for item in statements {
            forbidBlock(item)
            let word = item.keyword.text
            guard Resolver.outcomeKinds.contains(word) else {
                unknownStatement(item, context: "in an outcome", allowed: Resolver.outcomeKinds)
                continue
            }
            if kind != nil {
                report(.invalidOutcome, "outcome '\(id.text)' is measured one way: yes, nps or scale, once", at: item.keyword.range)
                continue
            }
            switch word {
            case "yes":
                guard
                    let words = withArguments(
                        item,
                        { a -> [Token]? in
                            var words: [Token] = []
                            while let v = a.peek, v.kind == .string || v.kind == .number {
                                words.append(v)
                                _ = v.kind == .number ? a.number("") : a.string("")
                            }
                            if words.isEmpty { _ = a.string("the value(s) meaning yes, e.g. yes \"satisfied\" \"1\""); return nil }
                            return a.end("yes \"word\"…") ? words : nil
                        })
                else { continue }
                kind = .binary(yes: words.map { $0.text.trimmingSpaces().lowercased() })
            case "nps":
                if withArguments(item, { a in a.end("nps") ? true : nil }) != nil { kind = .nps }
            default:
                if let s = readScaleRange(item, usage: "scale LOW..HIGH", defaultLowerIsBetter: false) { kind = .scale(s) }
            }
        }
        guard let kind else { return }
        if let other = source.outcomes.first(where: { $0.id == id.text }) {
            report(
                .invalidOutcome, "outcome '\(id.text)' is declared twice", at: id.range,
                notes: [DiagnosticNote("the first is here", at: other.range)])
            return
        }
        var r = id.range
        r.end = header.range.end
        source.outcomes.append(OutcomeDeclaration(id: id.text, column: header.text, kind: kind, range: r))
    }

    /// `scale LOW..HIGH [lower|higher is better]` inside a rating or outcome block.
    private mutating func readScaleRange(_ t: StatementSyntax, usage: String, defaultLowerIsBetter: Bool) -> Scale? {
        guard
            let (lo, hi, lower) = withArguments(
                t,
                { a -> (Token, Token, Bool?)? in
                    guard let lo = a.number("the lowest value"),
                        a.expect("..", "between the lowest and highest value (1..5)") != nil,
                        let hi = a.number("the highest value")
                    else { return nil }
                    var lower: Bool?
                    if let dir = a.accept("lower") ?? a.accept("higher") {
                        guard a.expect("is", "in '\(dir.text) is better'") != nil, a.expect("better", "in '\(dir.text) is better'") != nil
                        else { return nil }
                        lower = dir.text == "lower"
                    }
                    guard a.end(usage) else { return nil }
                    return (lo, hi, lower)
                })
        else { return nil }
        guard let l = Double(lo.text), let h = Double(hi.text), l < h, l.isFinite, h.isFinite else {
            report(.invalidScale, "a scale runs from a lower to a higher number, e.g. 1..5", at: lo.range)
            return nil
        }
        return Scale(min: l, max: h, lowerIsBetter: lower ?? defaultLowerIsBetter)
    }

    /// The rules between statements, checked once the whole block is read.
    mutating func checkRespondentRules(_ source: FeedbackSource, formatToken: Token?) {
        let wide = source.format == .wide
        let at = formatToken?.range ?? source.range
        if !wide, let first = source.ratings.first {
            report(
                .invalidRatingColumn,
                "'rating' columns belong to wide data (one row per respondent); add 'format wide' to this feedback block", at: first.range)
        }
        if wide {
            if source.ratings.isEmpty {
                report(.invalidRatingColumn, "wide data needs at least one 'rating TOUCHPOINT = \"column\"'", at: at)
            }
            for name in ["touchpoint", "nps", "csat", "ces", "sentiment", "category"] where source.columns[name] != nil {
                report(
                    .invalidRatingColumn,
                    "'column \(name)' is not used in wide data: each 'rating' names its touchpoint and column; declare an overall judgement with 'outcome'",
                    at: at)
            }
            if let rule = source.categoryRules.first {
                report(.invalidRatingColumn, "category rules are not used in wide data: each 'rating' names its touchpoint", at: rule.range)
            }
            for o in source.outcomes where source.ratings.count < 2 {
                report(
                    .invalidOutcome,
                    "key drivers compare ratings: outcome '\(o.id)' needs at least two 'rating' columns (this block has \(source.ratings.count))",
                    at: o.range)
            }
        }
        if source.format == .aggregate {
            if source.respondentColumn != nil || !source.outcomes.isEmpty || !source.missingValues.isEmpty {
                report(
                    .invalidRatingColumn,
                    "aggregate data holds totals: 'respondent', 'missing' and 'outcome' need respondent-level data (csv, jsonl or wide)",
                    at: at)
            }
        } else if source.format == .moments {
            // Moments are sums already: outcomes may be declared (their kind), nothing else.
            if source.respondentColumn != nil || !source.missingValues.isEmpty {
                report(
                    .invalidRatingColumn,
                    "moments data holds sums: 'respondent' and 'missing' belong to the survey table the moments query reads", at: at)
            }
        } else if !wide, let o = source.outcomes.first, source.respondentColumn == nil {
            report(
                .invalidOutcome,
                "an outcome in long data (one row per answer) needs 'respondent \"column\"' to link each person's answers to their outcome",
                at: o.range)
        }
        // An outcome id that is also a rated touchpoint would be ambiguous in the drivers.
        for o in source.outcomes where source.ratings.contains(where: { $0.touchpoint == o.id }) {
            report(.invalidOutcome, "outcome '\(o.id)' has the id of a rated touchpoint; give the outcome its own id", at: o.range)
        }
        // A column used for two things.
        var roles: [String: String] = [:]
        func claim(_ column: String?, _ role: String, _ range: SourceRange) {
            guard let column else { return }
            let key = column.lowercased()
            if let other = roles[key] {
                report(.invalidRatingColumn, "column '\(column)' is both the \(other) and the \(role)", at: range)
            } else {
                roles[key] = role
            }
        }
        claim(source.respondentColumn, "respondent", source.range)
        for r in source.ratings { claim(r.column, "rating of '\(r.touchpoint)'", r.range) }
        for o in source.outcomes { claim(o.column, "outcome '\(o.id)'", o.range) }
    }
}
