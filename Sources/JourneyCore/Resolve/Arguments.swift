/// Reads a statement's arguments in order, reporting precisely what was expected where.
/// Each `expect…` returns nil after reporting; the caller then drops the statement.
struct Arguments {
    let statement: StatementSyntax
    private(set) var index = 0
    private(set) var diagnostics: [Diagnostic] = []

    init(_ statement: StatementSyntax) {
        self.statement = statement
    }

    var keyword: String { statement.keyword.text }
    var peek: Token? { index < statement.arguments.count ? statement.arguments[index] : nil }
    var isAtEnd: Bool { index >= statement.arguments.count }

    /// Where a missing argument would go: just after the last token.
    private var endRange: SourceRange {
        var r = statement.arguments.last?.range ?? statement.keyword.range
        r.start = r.end
        return r
    }

    private mutating func fail(_ message: String, at range: SourceRange? = nil) {
        diagnostics.append(Diagnostic(.missingArgument, message, at: range ?? endRange))
    }

    private mutating func take(_ kind: Token.Kind, _ what: String) -> Token? {
        guard let t = peek else {
            fail("'\(keyword)' needs \(what)")
            return nil
        }
        guard t.kind == kind else {
            fail("expected \(what) here, found \(t.kind == .string ? "a string" : "'\(t.text)'")", at: t.range)
            return nil
        }
        index += 1
        return t
    }

    mutating func identifier(_ what: String) -> Token? { take(.identifier, what) }
    mutating func string(_ what: String) -> Token? { take(.string, what) }
    mutating func number(_ what: String) -> Token? { take(.number, what) }

    /// An identifier or a string (e.g. a segment name that has spaces).
    mutating func name(_ what: String) -> Token? {
        if let t = peek, t.kind == .string { index += 1; return t }
        return take(.identifier, what)
    }

    mutating func optionalString() -> Token? {
        if let t = peek, t.kind == .string { index += 1; return t }
        return nil
    }

    /// Consumes `word` (an identifier or symbol) if it comes next.
    mutating func accept(_ word: String) -> Token? {
        if let t = peek, t.kind == .identifier || t.kind == .symbol, t.text == word { index += 1; return t }
        return nil
    }

    mutating func expect(_ word: String, _ context: String) -> Token? {
        if let t = accept(word) { return t }
        if let t = peek {
            fail("expected '\(word)' \(context), found \(t.kind == .string ? "a string" : "'\(t.text)'")", at: t.range)
        } else {
            fail("expected '\(word)' \(context)")
        }
        return nil
    }

    mutating func error(_ code: DiagnosticCode, _ message: String, at range: SourceRange) {
        diagnostics.append(Diagnostic(code, message, at: range))
    }

    /// Reports anything left over.
    mutating func end(_ usage: String) -> Bool {
        guard let t = peek else { return true }
        var r = t.range
        r.end = statement.arguments.last!.range.end
        diagnostics.append(
            Diagnostic(
                .extraArgument, "unexpected \(t.kind == .string ? "string" : "'\(t.text)'") after '\(keyword)'; usage: \(usage)", at: r))
        return false
    }
}
