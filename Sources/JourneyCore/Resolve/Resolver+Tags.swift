extension Resolver {
    /// Statements in a `tag "…" { … }` block.
    static let tagStatements = ["words", "when"]
    /// Statements in a `sentiment words { … }` block.
    static let sentimentWordStatements = ["positive", "negative", "negation"]

    /// `tag "billing/fees" { words "fee" "opłat*"; when negative }`: a category for comments
    /// that contain one of the words (docs/close-the-loop.md).
    mutating func readTag(_ s: StatementSyntax) {
        guard
            let name = withArguments(
                s, { a in a.string("the tag in double quotes").flatMap { a.end("tag \"name\" { words … }") ? $0 : nil } })
        else { return }
        if let first = builder.tagging.tags.first(where: { $0.name.lowercased() == name.text.lowercased() }) {
            report(
                .invalidTagRule, "tag '\(name.text)' is declared twice; put its words in one rule", at: name.range,
                notes: [DiagnosticNote("first declared here", at: first.range)])
            return
        }
        var rule = TagRule(name: name.text, words: [], range: name.range)
        for t in s.block?.statements ?? [] {
            switch t.keyword.text {
            case "words": rule.words += readWordList(t, usage: "words \"word\" \"prefix*\" …")
            case "when":
                if let v = withArguments(
                    t, { a in a.identifier("a sentiment: when negative").flatMap { a.end("when negative|neutral|positive") ? $0 : nil } })
                {
                    if let sentiment = Sentiment(rawValue: v.text) {
                        rule.when = sentiment
                    } else {
                        report(
                            .invalidSentiment,
                            "a sentiment is negative, neutral or positive\(Suggestion.phrase(for: v.text, in: Sentiment.allCases.map(\.rawValue)))",
                            at: v.range)
                    }
                }
            default: unknownStatement(t, context: "in a tag", allowed: Resolver.tagStatements)
            }
        }
        if rule.words.isEmpty {
            report(.invalidTagRule, "tag '\(name.text)' has no words; add words \"…\" in its block", at: name.range)
            return
        }
        builder.tagging.tags.append(rule)
    }

    /// `sentiment words { positive "thank*"; negative "rude"; negation "not" "never" within 3 }`.
    mutating func readSentimentWords(_ s: StatementSyntax) {
        guard
            withArguments(
                s,
                { a -> Bool? in
                    guard a.expect("words", "after 'sentiment' here: sentiment words { positive …; negative …; negation … }") != nil,
                        a.end("sentiment words { … }")
                    else { return nil }
                    return true
                }) != nil
        else { return }
        for t in s.block?.statements ?? [] {
            switch t.keyword.text {
            case "positive": builder.tagging.positive += readWordList(t, usage: "positive \"word\" …")
            case "negative": builder.tagging.negative += readWordList(t, usage: "negative \"word\" …")
            case "negation":
                builder.tagging.negation += readWordList(t, usage: "negation \"not\" \"never\" … [within N]", window: true)
            default: unknownStatement(t, context: "in sentiment words", allowed: Resolver.sentimentWordStatements)
            }
        }
    }

    /// `tags override`: the rules replace the categories and sentiment the data has.
    mutating func readTagsOverride(_ s: StatementSyntax) {
        forbidBlock(s)
        if withArguments(s, { a in a.expect("override", "after 'tags': tags override").flatMap { a.end("tags override") ? $0 : nil } })
            != nil
        {
            builder.tagging.override = true
        }
    }

    /// Quoted words or phrases (`*` at the end of a word: a prefix); each is checked to be one
    /// that can match. With `window`, a trailing `within N` sets the negation window.
    private mutating func readWordList(_ t: StatementSyntax, usage: String, window: Bool = false) -> [String] {
        forbidBlock(t)
        var words: [String] = []
        var tokens: [Token] = []
        var within: Int?
        _ = withArguments(
            t,
            { a -> Bool? in
                guard let first = a.string("at least one word in double quotes") else { return nil }
                tokens.append(first)
                while let next = a.optionalString() { tokens.append(next) }
                if window, a.accept("within") != nil {
                    guard let n = a.number("how many words after the negation, e.g. within 3") else { return nil }
                    if let v = Int(n.text), v >= 1, v <= 10 {
                        within = v
                    } else {
                        a.error(.invalidTagRule, "the negation window is a whole number of words from 1 to 10", at: n.range)
                        return nil
                    }
                }
                return a.end(usage) ? true : nil
            })
        if let within { builder.tagging.window = within }
        for token in tokens {
            if WordFolding.pattern(token.text) == nil {
                report(
                    .invalidTagRule,
                    "'\(Escape.excerpt(token.text))' can never match: a word needs letters or digits, and '*' may only end a word (\"opłat*\")",
                    at: token.range)
            } else {
                words.append(token.text)
            }
        }
        return words
    }
}
