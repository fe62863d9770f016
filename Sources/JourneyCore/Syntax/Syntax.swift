/// The concrete syntax of a journey file. Every statement has the same shape:
///
///     keyword argument* [ "{" statement* "}" ]
///
/// which keeps the parser small and its error recovery simple (a statement ends at a newline,
/// `;` or `}`), and lets the formatter print any file, even one the resolver would reject.
/// What each keyword means is decided later, by the resolver.
public struct SourceFileSyntax: Hashable, Sendable {
    /// The path as the user should see it.
    public var path: String
    /// The top-level statements in document order.
    public var statements: [StatementSyntax]
    /// Comments after the last statement.
    public var trailingComments: [String]

    /// A parsed file from its parts.
    public init(path: String, statements: [StatementSyntax], trailingComments: [String]) {
        self.path = path
        self.statements = statements
        self.trailingComments = trailingComments
    }
}

/// One statement: a keyword, its arguments and an optional block, with the comments around it.
public struct StatementSyntax: Hashable, Sendable {
    /// The first word (`stage`, `touchpoint`, …), not yet checked against the language.
    public var keyword: Token
    /// The tokens after the keyword, up to a block or the end of the statement.
    public var arguments: [Token]
    /// The `{ … }` after the arguments, if any.
    public var block: BlockSyntax?
    /// Comment lines directly above the statement.
    public var leadingComments: [String]
    /// A comment on the same line, after the statement.
    public var trailingComment: String?
    /// The statement was preceded by a blank line (the formatter keeps one).
    public var blankLineBefore: Bool

    /// A statement from its parts.
    public init(
        keyword: Token, arguments: [Token] = [], block: BlockSyntax? = nil, leadingComments: [String] = [],
        trailingComment: String? = nil, blankLineBefore: Bool = false
    ) {
        self.keyword = keyword
        self.arguments = arguments
        self.block = block
        self.leadingComments = leadingComments
        self.trailingComment = trailingComment
        self.blankLineBefore = blankLineBefore
    }

    /// From the keyword to the end of its block or last argument.
    public var range: SourceRange {
        var r = keyword.range
        if let end = block?.closeRange ?? arguments.last?.range { r.end = end.end }
        return r
    }
}

/// A `{ statement* }` block.
public struct BlockSyntax: Hashable, Sendable {
    /// Where `{` is.
    public var openRange: SourceRange
    /// nil when the closing brace is missing (already diagnosed).
    public var closeRange: SourceRange?
    /// The statements inside, in document order.
    public var statements: [StatementSyntax]
    /// Comments after the last statement, before `}`.
    public var trailingComments: [String]

    /// A block from its parts.
    public init(openRange: SourceRange, closeRange: SourceRange?, statements: [StatementSyntax], trailingComments: [String]) {
        self.openRange = openRange
        self.closeRange = closeRange
        self.statements = statements
        self.trailingComments = trailingComments
    }
}
