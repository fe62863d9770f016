/// The concrete syntax of a journey file. Every statement has the same shape:
///
///     keyword argument* [ "{" statement* "}" ]
///
/// which keeps the parser small and its error recovery simple (a statement ends at a newline,
/// `;` or `}`), and lets the formatter print any file, even one the resolver would reject.
/// What each keyword means is decided later, by the resolver.
public struct SourceFileSyntax: Hashable, Sendable {
    public var path: String
    public var statements: [StatementSyntax]
    /// Comments after the last statement.
    public var trailingComments: [String]

    public init(path: String, statements: [StatementSyntax], trailingComments: [String]) {
        self.path = path
        self.statements = statements
        self.trailingComments = trailingComments
    }
}

public struct StatementSyntax: Hashable, Sendable {
    public var keyword: Token
    public var arguments: [Token]
    public var block: BlockSyntax?
    /// Comment lines directly above the statement.
    public var leadingComments: [String]
    /// A comment on the same line, after the statement.
    public var trailingComment: String?
    /// The statement was preceded by a blank line (the formatter keeps one).
    public var blankLineBefore: Bool

    public init(keyword: Token, arguments: [Token] = [], block: BlockSyntax? = nil, leadingComments: [String] = [],
                trailingComment: String? = nil, blankLineBefore: Bool = false) {
        self.keyword = keyword
        self.arguments = arguments
        self.block = block
        self.leadingComments = leadingComments
        self.trailingComment = trailingComment
        self.blankLineBefore = blankLineBefore
    }

    public var range: SourceRange {
        var r = keyword.range
        if let end = block?.closeRange ?? arguments.last?.range { r.end = end.end }
        return r
    }
}

public struct BlockSyntax: Hashable, Sendable {
    public var openRange: SourceRange
    /// nil when the closing brace is missing (already diagnosed).
    public var closeRange: SourceRange?
    public var statements: [StatementSyntax]
    /// Comments after the last statement, before `}`.
    public var trailingComments: [String]

    public init(openRange: SourceRange, closeRange: SourceRange?, statements: [StatementSyntax], trailingComments: [String]) {
        self.openRange = openRange
        self.closeRange = closeRange
        self.statements = statements
        self.trailingComments = trailingComments
    }
}
