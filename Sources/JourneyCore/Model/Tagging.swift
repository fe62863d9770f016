/// Tagging rules for verbatims (`tag "billing/fees" { words "fee" "opłat*" }`, `sentiment
/// words { … }`, `tags override`): what the join may fill in for a response whose data has
/// no category or no sentiment. Matching is described in docs/close-the-loop.md.
public struct TagRules: Hashable, Sendable {
    /// The taxonomy, in the order written: the first rule that matches a comment gives its category.
    public var tags: [TagRule] = []
    /// Words and phrases that make a comment positive (`*` at the end: any word starting so).
    public var positive: [String] = []
    /// Words and phrases that make a comment negative.
    public var negative: [String] = []
    /// Words that turn the polarity of a sentiment word that follows within `window` words.
    public var negation: [String] = []
    /// How many words after a negation a sentiment word is turned (`within N`, 3 by default).
    public var window = 3
    /// `tags override`: rules replace the category and sentiment the data has, instead of
    /// filling only the blanks.
    public var override = false

    /// No rules at all (the join then skips tagging entirely).
    public var isEmpty: Bool { tags.isEmpty && positive.isEmpty && negative.isEmpty }

    /// No rules.
    public init() {}
}

/// `tag "billing/fees" { words "fee" "charge" "opłat*" }`: a category and the words that signal it.
public struct TagRule: Hashable, Sendable {
    /// The category it gives (hierarchical `a/b` like the data's categories).
    public var name: String
    /// Words or phrases, as written; `*` at the end of a word matches any word starting so.
    public var words: [String]
    /// `when negative`: the tag is given only to comments of this sentiment (the data's, else
    /// the rules'); nil: any comment.
    public var when: Sentiment?
    /// Where the rule is written.
    public var range: SourceRange
    /// A rule from its parts.
    public init(name: String, words: [String], range: SourceRange) {
        self.name = name
        self.words = words
        self.range = range
    }
}
