/// A lexical token of the journey language.
public struct Token: Hashable, Sendable {
    /// What kind of token it is.
    public enum Kind: Hashable, Sendable {
        case identifier
        /// A double-quoted string; `text` holds the decoded value.
        case string
        case number
        /// `->` `=` `..` `%` `>=` `<=` `>` `<` `,` `+` `-`
        case symbol
        case leftBrace, rightBrace
        /// A newline or `;`: ends a statement.
        case terminator
        /// `# …` to end of line; `text` holds the comment without the newline.
        case comment
        case endOfFile
    }

    /// What kind of token it is.
    public var kind: Kind
    /// Identifier/number/symbol text as written, or the decoded value of a string.
    public var text: String
    /// Where it is written.
    public var range: SourceRange
    /// For terminators: true when it is a newline (false for `;`).
    public var isNewline: Bool = false

    /// A token from its parts.
    public init(_ kind: Kind, _ text: String, _ range: SourceRange, isNewline: Bool = false) {
        self.kind = kind
        self.text = text
        self.range = range
        self.isNewline = isNewline
    }
}
