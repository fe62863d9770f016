import JourneyCore

extension LanguageServer {
    /// The outline: the journey, its stages and their touchpoints, and the personas,
    /// departments and channels declared in the file. Read from the syntax alone, so the
    /// outline stays while the file has errors.
    func documentSymbols(_ p: TextDocumentParams) throws -> JSONValue {
        let doc = try document(p.textDocument.uri)
        let source = doc.analysis.source
        let syntax = Parser.parse(source).syntax
        return try JSONValue(encoding: Outline(source: source).symbols(syntax.statements))
    }

    /// The whole document in the canonical layout (`journeymap fmt`), as one edit; no edit
    /// when it is already formatted or cannot be parsed (its diagnostics say why). The
    /// editor's tab size is not used: the layout is the same for everyone.
    func formatting(_ p: TextDocumentParams) throws -> JSONValue {
        let doc = try document(p.textDocument.uri)
        let source = doc.analysis.source
        guard let text = Formatter().format(source).text, text != doc.text else { return [] }
        let whole = LSPRange(start: Position(line: 0, character: 0), end: PositionMap.end(of: source))
        return try JSONValue(encoding: [TextEdit(range: whole, newText: text)])
    }
}

struct Outline {
    let source: SourceFile

    /// Symbol kinds (LSP SymbolKind).
    static let kinds = ["journey": 2, "stage": 3, "touchpoint": 24, "persona": 19, "department": 23, "channel": 11]

    func symbols(_ statements: [StatementSyntax]) -> [DocumentSymbol] {
        statements.compactMap { s -> DocumentSymbol? in
            guard let kind = Self.kinds[s.keyword.text], let id = s.arguments.first, id.kind == .identifier else { return nil }
            let title = s.arguments.dropFirst().first { $0.kind == .string }?.text
            let children = ["journey", "stage"].contains(s.keyword.text) ? symbols(s.block?.statements ?? []) : []
            var range = PositionMap.range(s.range, in: source)
            // A block whose closing brace is missing ends at its last child.
            for c in children where c.range.end > range.end { range.end = c.range.end }
            return DocumentSymbol(
                name: id.text, detail: title.map { "\(s.keyword.text) · \($0)" } ?? s.keyword.text, kind: kind,
                range: range, selectionRange: PositionMap.range(id.range, in: source),
                children: children.isEmpty ? nil : children)
        }
    }
}
