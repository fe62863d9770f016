extension Resolver {
    /// The logical columns a feedback file may carry (docs/feedback.md).
    public static let feedbackColumns = [
        "touchpoint", "date", "nps", "csat", "ces", "sentiment", "category",
        "comment", "segment", "channel",
    ]
    static let feedbackStatements = [
        "format", "delimiter", "column", "scale", "sentiment", "category",
        "respondent", "rating", "missing", "outcome", "segment",
    ]

    /// `feedback "file.csv" { column touchpoint = "step"; scale ces 1..7 lower is better; … }`
    mutating func readFeedback(_ s: StatementSyntax) {
        guard
            let pathToken = withArguments(
                s, { a in a.string("the data file's path in double quotes").flatMap { a.end("feedback \"file\" { … }") ? $0 : nil } })
        else { return }
        // Confined to the journeys folder exactly like includes (Resolver+Paths.swift).
        let confined = confine(pathToken.text, from: s.keyword.range.file)
        let resolved: String
        switch confined {
        case .absolute:
            report(
                .pathOutsideRoot,
                "feedback paths are relative to this file; absolute paths are not allowed (pass a file elsewhere with --feedback)",
                at: pathToken.range)
            return
        case .outside(_, let real):
            report(
                .pathOutsideRoot,
                "feedback '\(pathToken.text)' leaves the journeys folder; data files named in a journey must live inside it (or pass it with --feedback)",
                at: pathToken.range,
                notes: [confinementNote(real)])
            return
        case .missing(let path), .inside(let path, _):
            resolved = path
            builder.symbols.links.append(.init(range: pathToken.range, path: path))
        }
        var source = FeedbackSource(path: pathToken.text, resolvedPath: resolved, range: pathToken.range)
        var formatToken: Token?
        for t in s.block?.statements ?? [] {
            if t.keyword.text == "format" { formatToken = t.arguments.first }
            if t.keyword.text != "rating", t.keyword.text != "outcome" { forbidBlock(t) }
            readFeedbackItem(t, into: &source)
        }
        checkRespondentRules(source, formatToken: formatToken)
        if let kind = FileReader.kind(of: resolved), kind != "file" {
            report(.missingFeedbackFile, "feedback '\(pathToken.text)' is a \(kind), not a data file", at: pathToken.range)
        } else if FileReader.kind(of: resolved) == nil {
            report(.missingFeedbackFile, "feedback file '\(pathToken.text)' not found (looked for '\(resolved)')", at: pathToken.range)
        }
        builder.feedback.append(source)
    }

    private mutating func readFeedbackItem(_ t: StatementSyntax, into source: inout FeedbackSource) {
        switch t.keyword.text {
        case "format":
            let names = FeedbackSource.Format.allCases.map(\.rawValue)
            guard
                let f = withArguments(
                    t,
                    { a in
                        a.identifier("a format: \(names.joined(separator: ", "))").flatMap {
                            a.end("format csv|jsonl|aggregate|wide|moments") ? $0 : nil
                        }
                    })
            else { return }
            if let format = FeedbackSource.Format(rawValue: f.text) {
                source.format = format
            } else {
                report(
                    .unknownFeedbackFormat,
                    "unknown feedback format '\(f.text)'\(Suggestion.phrase(for: f.text, in: names)) (formats: \(names.joined(separator: ", ")))",
                    at: f.range)
            }
        case "delimiter":
            guard
                let d = withArguments(
                    t,
                    { a in
                        a.string("the delimiter in double quotes: \",\" \";\" or \"\\t\"").flatMap { a.end("delimiter \";\"") ? $0 : nil }
                    })
            else { return }
            if d.text.count == 1, let c = d.text.first, c == "," || c == ";" || c == "\t" || c == "|" {
                source.delimiter = c
            } else {
                report(.invalidDelimiter, "a delimiter is one of \",\" \";\" \"\\t\" \"|\"", at: d.range)
            }
        case "column":
            guard
                let (name, header) = withArguments(
                    t,
                    { a -> (Token, Token)? in
                        guard let n = a.identifier("a logical column: \(Resolver.feedbackColumns.joined(separator: ", "))"),
                            a.expect("=", "after the column name") != nil,
                            let h = a.string("the header in the data file, in double quotes"),
                            a.end("column NAME = \"header\"")
                        else { return nil }
                        return (n, h)
                    })
            else { return }
            guard Resolver.feedbackColumns.contains(name.text) else {
                report(
                    .unknownColumn,
                    "unknown column '\(name.text)'\(Suggestion.phrase(for: name.text, in: Resolver.feedbackColumns)) (columns: \(Resolver.feedbackColumns.joined(separator: ", ")))",
                    at: name.range)
                return
            }
            source.columns[name.text] = header.text
        case "scale":
            guard
                let (name, lo, hi, lower) = withArguments(
                    t,
                    { a -> (Token, Token, Token, Bool?)? in
                        guard let n = a.identifier("a score name: nps, csat or ces"),
                            let lo = a.number("the lowest score"),
                            a.expect("..", "between the lowest and highest score (1..5)") != nil,
                            let hi = a.number("the highest score")
                        else { return nil }
                        var lower: Bool?
                        if let dir = a.accept("lower") ?? a.accept("higher") {
                            guard a.expect("is", "in '\(dir.text) is better'") != nil,
                                a.expect("better", "in '\(dir.text) is better'") != nil
                            else { return nil }
                            lower = dir.text == "lower"
                        }
                        guard a.end("scale NAME LOW..HIGH [lower is better]") else { return nil }
                        return (n, lo, hi, lower)
                    })
            else { return }
            guard ["nps", "csat", "ces"].contains(name.text) else {
                report(
                    .invalidScale, "only nps, csat and ces have scales\(Suggestion.phrase(for: name.text, in: ["nps", "csat", "ces"]))",
                    at: name.range)
                return
            }
            guard let l = Double(lo.text), let h = Double(hi.text), l < h else {
                report(.invalidScale, "a scale runs from a lower to a higher number, e.g. 1..5", at: lo.range)
                return
            }
            let defaults: [String: Scale] = ["nps": .nps, "csat": .csat, "ces": .ces]
            source.scales[name.text] = Scale(min: l, max: h, lowerIsBetter: lower ?? defaults[name.text]!.lowerIsBetter)
        case "sentiment":
            guard
                let (word, value) = withArguments(
                    t,
                    { a -> (Token, Token)? in
                        guard let w = a.string("the word used in the data, in double quotes"),
                            a.expect("=", "after the word") != nil,
                            let v = a.identifier("negative, neutral or positive"),
                            a.end("sentiment \"word\" = negative|neutral|positive")
                        else { return nil }
                        return (w, v)
                    })
            else { return }
            guard let sentiment = Sentiment(rawValue: value.text) else {
                report(
                    .invalidSentiment,
                    "a sentiment is negative, neutral or positive\(Suggestion.phrase(for: value.text, in: Sentiment.allCases.map(\.rawValue)))",
                    at: value.range)
                return
            }
            source.sentimentWords[word.text.lowercased()] = sentiment
        case "category":
            guard
                let (category, touchpoint) = withArguments(
                    t,
                    { a -> (Token, Token)? in
                        guard let c = a.string("the category as written in the data, in double quotes"),
                            a.expect("->", "between the category and the touchpoint") != nil,
                            let tp = a.identifier("a touchpoint id"),
                            a.end("category \"Reason\" -> TOUCHPOINT")
                        else { return nil }
                        return (c, tp)
                    })
            else { return }
            builder.references.append(.init(kind: .touchpoint, token: touchpoint))
            var r = category.range
            r.end = touchpoint.range.end
            let rule = CategoryRule(category: category.text, touchpoint: touchpoint.text, range: r)
            warnIfShadowed(rule, by: source.categoryRules)
            source.categoryRules.append(rule)
        case "respondent": readRespondent(t, into: &source)
        case "rating": readRating(t, into: &source)
        case "missing": readMissing(t, into: &source)
        case "outcome": readOutcome(t, into: &source)
        case "segment": readSegmentShorthand(t, into: &source)
        default:
            unknownStatement(t, context: "in a feedback block", allowed: Resolver.feedbackStatements)
        }
    }
}

extension Resolver {
    /// The first rule that matches a category or one of its parents wins (in the join and in
    /// `journeymap sql` alike): a later rule for the same category, or for a child of an
    /// earlier rule's category, is never used. Say so, naming the rule that wins.
    mutating func warnIfShadowed(_ rule: CategoryRule, by earlier: [CategoryRule]) {
        let key = rule.category.lowercased()
        for e in earlier {
            let ek = e.category.lowercased()
            guard key == ek || key.hasPrefix(ek + "/") else { continue }
            let why =
                key == ek ? "a rule for '\(e.category)' comes first" : "the rule for its parent '\(e.category)' comes first and matches it"
            let fix = key == ek ? "remove one" : "put the more specific rule first"
            report(
                .shadowedCategoryRule,
                "category rule '\(rule.category)' -> \(rule.touchpoint) is never used: \(why) (-> \(e.touchpoint)); \(fix)", at: rule.range,
                notes: [DiagnosticNote("the rule that wins is here", at: e.range)])
            return
        }
    }
}
