import JourneyCore

/// The tagging rules compiled for matching: a comment's folded words (`WordFolding`) against
/// every rule's words and phrases. Built once per join; matching allocates only the comment's words.
public struct TagMatcher: Sendable {
    /// What a rule word does.
    public enum Role: Hashable, Sendable {
        /// Gives the tag with this index in `TagRules.tags`.
        case tag(Int)
        case positive, negative, negation
    }

    struct Pattern: Sendable {
        var words: [String]
        var isPrefix: [Bool]
        var role: Role
        var written: String
    }

    /// One rule word found in a comment.
    public struct Hit: Hashable, Sendable {
        /// What the word does.
        public var role: Role
        /// The rule's word or phrase as written (`opłat*`).
        public var pattern: String
        /// The words of the comment it matched, folded.
        public var found: String
        /// A sentiment word turned by a negation before it.
        public var isNegated: Bool
    }

    /// What the rules make of one comment.
    public struct Result: Hashable, Sendable {
        /// The first tag written whose words occur (and whose `when` holds), or nil.
        public var tag: Int?
        /// Positive minus negative words (negated ones count the other way): > 0 positive,
        /// < 0 negative, 0 neutral; nil when no sentiment word occurs.
        public var sentiment: Sentiment?
        /// Every rule word found, sorted by the words found.
        public var hits: [Hit] = []
    }

    /// The rules as written.
    public let rules: TagRules
    private var patterns: [Pattern] = []
    /// First word (exact) → patterns starting with it.
    private var exact: [String: [Int]] = [:]
    /// Patterns whose first word is a prefix: (prefix, pattern).
    private var prefixes: [(String, Int)] = []

    /// Compiles `rules` (the resolver has checked every word).
    public init(_ rules: TagRules) {
        self.rules = rules
        func add(_ written: String, _ role: Role) {
            guard let words = WordFolding.pattern(written) else { return }
            let i = patterns.count
            patterns.append(Pattern(words: words.map(\.word), isPrefix: words.map(\.isPrefix), role: role, written: written))
            if words[0].isPrefix { prefixes.append((words[0].word, i)) } else { exact[words[0].word, default: []].append(i) }
        }
        for (i, tag) in rules.tags.enumerated() { for w in tag.words { add(w, .tag(i)) } }
        for w in rules.positive { add(w, .positive) }
        for w in rules.negative { add(w, .negative) }
        for w in rules.negation { add(w, .negation) }
    }

    /// The rules applied to `comment`. `knownSentiment` (the data's) decides `when` conditions
    /// when given; otherwise the rules' own sentiment does.
    public func match(_ comment: String, knownSentiment: Sentiment? = nil) -> Result {
        let words = WordFolding.words(comment)
        var result = Result()
        // Tags and sentiment are two separate readings: "on hold" may give a tag while "hold"
        // alone is a negative word. Each reading takes the longest phrase at each word.
        var tagHits = Set<Int>()
        for (i, n, p) in scan(words, tags: true) {
            guard case .tag(let t) = patterns[p].role else { continue }
            tagHits.insert(t)
            result.hits.append(
                Hit(role: .tag(t), pattern: patterns[p].written, found: words[i..<(i + n)].joined(separator: " "), isNegated: false))
        }
        var lastNegation = Int.min / 2
        var score = 0
        var sentimentWords = 0
        for (i, n, p) in scan(words, tags: false) {
            let pattern = patterns[p]
            var negated = false
            switch pattern.role {
            case .tag: continue
            case .negation: lastNegation = i + n - 1
            case .positive, .negative:
                negated = i - lastNegation <= rules.window
                let sign = pattern.role == .positive ? 1 : -1
                score += negated ? -sign : sign
                sentimentWords += 1
            }
            result.hits.append(
                Hit(role: pattern.role, pattern: pattern.written, found: words[i..<(i + n)].joined(separator: " "), isNegated: negated))
        }
        result.hits.sort { ($0.found, $0.pattern) < ($1.found, $1.pattern) }
        if sentimentWords > 0 { result.sentiment = score > 0 ? .positive : score < 0 ? .negative : .neutral }
        let mood = knownSentiment ?? result.sentiment
        result.tag = tagHits.sorted().first { t in rules.tags[t].when.map { $0 == mood } ?? true }
        return result
    }

    /// The matches of one reading (tag words, or sentiment and negation words), left to right:
    /// (first word, word count, pattern); at each word the longest phrase wins, and its words
    /// are not read again. Patterns of equal length all match.
    private func scan(_ words: [String], tags: Bool) -> [(Int, Int, Int)] {
        var found: [(Int, Int, Int)] = []
        var i = 0
        while i < words.count {
            var longest = 0
            var best: [Int] = []
            for p in candidates(words[i]) {
                let isTag = if case .tag = patterns[p].role { true } else { false }
                guard isTag == tags else { continue }
                let n = patterns[p].words.count
                guard n >= longest, matches(patterns[p], words, at: i) else { continue }
                if n > longest { best = [] }
                longest = n
                best.append(p)
            }
            guard longest > 0 else {
                i += 1
                continue
            }
            for p in best { found.append((i, longest, p)) }
            i += longest
        }
        return found
    }

    private func candidates(_ word: String) -> [Int] {
        var c = exact[word] ?? []
        for (prefix, p) in prefixes where word.hasPrefix(prefix) { c.append(p) }
        return c
    }

    private func matches(_ p: Pattern, _ words: [String], at i: Int) -> Bool {
        guard i + p.words.count <= words.count else { return false }
        for k in 0..<p.words.count {
            let w = words[i + k]
            if p.isPrefix[k] ? !w.hasPrefix(p.words[k]) : w != p.words[k] { return false }
        }
        return true
    }
}
