import JourneyCore

/// The join's tagging: the compiled rules, the counts, and a deterministic sample of
/// explanations (the rows with the smallest hash of file and line: spread over the data,
/// the same on every run, memory bounded by the sample size).
struct TagState {
    let matcher: TagMatcher
    /// Tag names as lowercased bytes, for category rules.
    let keys: [[UInt8]]
    var summary: TaggingSummary
    var explainLimit = 0
    var explained: [(key: UInt64, explanation: TagExplanation)] = []

    init(_ rules: TagRules) {
        matcher = TagMatcher(rules)
        keys = rules.tags.map { Array($0.name.lowercased().utf8) }
        summary = TaggingSummary(rules: rules)
    }

    /// True when the data's category is the tag or lies under it (or the tag under it).
    static func agrees(_ data: [UInt8], _ tag: [UInt8]) -> Bool {
        if data == tag { return true }
        let slash = UInt8(ascii: "/")
        return (data.count > tag.count && data.starts(with: tag) && data[tag.count] == slash)
            || (tag.count > data.count && tag.starts(with: data) && tag[data.count] == slash)
    }

    /// A sample key: splitmix64 of source and line.
    static func sampleKey(source: Int, line: Int) -> UInt64 {
        var z = UInt64(truncatingIfNeeded: source) &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(truncatingIfNeeded: line)
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension JoinState {
    /// Applies the tagging rules to a response's comment: fills a blank category (returns the
    /// tag's index; the caller joins and counts it like a data category) and a blank sentiment;
    /// with `tags override`, replaces them. Only called when the journey has rules.
    mutating func applyTags<S: FieldSource>(
        _ row: S, line: Int, category: inout UnsafeBufferPointer<UInt8>?, sentiment: inout Sentiment?
    ) -> Int? {
        guard tagging != nil, let b = row.field(.comment), !FieldParsing.isBlank(b) else { return nil }
        // Taken out and put back, so that the counts are changed in place, not copied per row.
        guard var state = tagging.take() else { return nil }
        defer { tagging = state }
        let text = String(decoding: b, as: UTF8.self)
        let override = state.summary.override
        let result = state.matcher.match(text, knownSentiment: override ? nil : sentiment)
        state.summary.comments += 1
        let dataSentiment = sentiment
        let dataCategory = category.map { FieldParsing.key($0) }
        var filledSentiment = false
        if let s = result.sentiment {
            state.summary.sentimentFound += 1
            if let d = sentiment {
                state.summary.sentimentCompared += 1
                if d == s { state.summary.sentimentAgreed += 1 }
            }
            if sentiment == nil || override {
                filledSentiment = sentiment != s
                if filledSentiment { state.summary.sentimentFilled += 1 }
                sentiment = s
            }
        }
        var filled: Int?
        if let t = result.tag {
            state.summary.tags[t].matched += 1
            if let d = dataCategory {
                state.summary.tags[t].compared += 1
                if TagState.agrees(d, state.keys[t]) { state.summary.tags[t].agreed += 1 }
            }
            if category == nil || override {
                filled = t
                category = nil
                state.summary.tags[t].filled += 1
            }
        }
        if state.explainLimit > 0 {
            let key = TagState.sampleKey(source: sourceIndex, line: line)
            if state.explained.count < state.explainLimit || key < state.explained[state.explained.count - 1].key {
                let e = TagExplanation(
                    file: file, line: line, comment: text, dataCategory: dataCategory.map { String(decoding: $0, as: UTF8.self) },
                    dataSentiment: dataSentiment, result: result, tag: result.tag.map { journey.tagging.tags[$0].name },
                    filledCategory: filled != nil, filledSentiment: filledSentiment)
                let at = state.explained.firstIndex { $0.key > key } ?? state.explained.count
                state.explained.insert((key, e), at: at)
                if state.explained.count > state.explainLimit { state.explained.removeLast() }
            }
        }
        return filled
    }
}

extension JoinState {
    /// The category rule for a tag given by the rules.
    func tagRuleMatch(_ tag: Int) -> Int? {
        guard let key = tagging?.keys[tag] else { return nil }
        return key.withUnsafeBufferPointer { ruleMatch($0) }
    }

    /// The category id of a tag given by the rules (named as written).
    mutating func internTag(_ tag: Int) -> Int {
        let name = journey.tagging.tags[tag].name
        if let id = Array(name.utf8).withUnsafeBufferPointer({ categories.find($0) }) { return id }
        return categories.count < Accumulator.maxCategories ? categories.intern(name) : categories.intern("(other)")
    }
}
