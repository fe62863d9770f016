import JourneyCore

/// What the tagging rules did in one join: per tag how many comments it matched and how
/// many categories it filled, and how the rules' sentiment compares with the data's where
/// both exist (a quick check of the rules against human labels).
public struct TaggingSummary: Hashable, Sendable {
    /// One tag's counts.
    public struct TagCount: Hashable, Sendable {
        /// The tag as written.
        public var name: String
        /// Comments whose first matching tag is this one.
        public var matched = 0
        /// Responses whose category this tag filled (or replaced, with `tags override`).
        public var filled = 0
        /// Matched responses that had a category of their own.
        public var compared = 0
        /// Of those, how many had this very category (or a child of it, `billing/fees` under `billing`).
        public var agreed = 0
        /// A tag with no counts yet.
        public init(name: String) { self.name = name }
    }
    /// Per tag, in the order written.
    public var tags: [TagCount] = []
    /// Comments the rules read (responses with a non-blank comment).
    public var comments = 0
    /// Comments in which the rules found sentiment words.
    public var sentimentFound = 0
    /// Responses whose sentiment the rules filled (or replaced).
    public var sentimentFilled = 0
    /// Responses with both the data's sentiment and the rules'.
    public var sentimentCompared = 0
    /// Of those, how many agree.
    public var sentimentAgreed = 0
    /// Whether the rules replaced the data's own values (`tags override`).
    public var override = false
    /// Empty counts for `rules`.
    public init(rules: TagRules) {
        tags = rules.tags.map { TagCount(name: $0.name) }
        override = rules.override
    }
}

/// One response as the rules saw it, for `journeymap tags --explain`.
public struct TagExplanation: Hashable, Sendable {
    /// The data file and the row's line.
    public var file: String
    /// The row's first line in the file.
    public var line: Int
    /// The comment (its first `WordFolding.maxBytes` bytes), as in the data: escape before printing.
    public var comment: String
    /// The category and sentiment the data had.
    public var dataCategory: String?
    /// The data's sentiment, if any.
    public var dataSentiment: Sentiment?
    /// What the rules made of the comment.
    public var result: TagMatcher.Result
    /// The tag's name, when a tag matched.
    public var tag: String?
    /// The rules filled (or replaced) the category / the sentiment.
    public var filledCategory: Bool
    /// The rules filled (or replaced) the sentiment.
    public var filledSentiment: Bool
}
