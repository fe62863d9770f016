// The Language Server Protocol 3.17 structures this server reads and writes
// (https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/),
// only the members it uses. Optional members that are nil are left out of the JSON.

/// A zero-based line and a zero-based offset in UTF-16 code units (the protocol's default
/// position encoding, the only one this server offers).
public struct Position: Codable, Hashable, Sendable, Comparable {
    public var line: Int
    public var character: Int
    public init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }
    public static func < (a: Position, b: Position) -> Bool {
        (a.line, a.character) < (b.line, b.character)
    }
}

/// A half-open range of positions.
public struct LSPRange: Codable, Hashable, Sendable {
    public var start: Position
    public var end: Position
    public init(start: Position, end: Position) {
        self.start = start
        self.end = end
    }
    public func contains(_ p: Position) -> Bool { start <= p && p <= end }
}

/// A range in a document named by URI.
public struct Location: Codable, Hashable, Sendable {
    public var uri: String
    public var range: LSPRange
    public init(uri: String, range: LSPRange) {
        self.uri = uri
        self.range = range
    }
}

/// Replace `range` with `newText`.
public struct TextEdit: Codable, Hashable, Sendable {
    public var range: LSPRange
    public var newText: String
    public init(range: LSPRange, newText: String) {
        self.range = range
        self.newText = newText
    }
}

/// A diagnostic as the protocol shows it. `severity`: 1 error, 2 warning, 3 information, 4 hint.
public struct LSPDiagnostic: Codable, Hashable, Sendable {
    public struct Related: Codable, Hashable, Sendable {
        public var location: Location
        public var message: String
    }
    public var range: LSPRange
    public var severity: Int
    public var code: String
    public var source: String
    public var message: String
    public var relatedInformation: [Related]?
}

/// Markdown shown by the editor.
public struct MarkupContent: Codable, Hashable, Sendable {
    public var kind = "markdown"
    public var value: String
}

public struct Hover: Codable, Hashable, Sendable {
    public var contents: MarkupContent
    public var range: LSPRange?
}

/// One completion. `kind` (CompletionItemKind): 14 keyword, 20 enum member (emotions, metrics,
/// themes …), and for ids 22 struct (department), 8 interface (channel), 6 variable (persona),
/// 9 module (stage), 23 event (touchpoint).
public struct CompletionItem: Codable, Hashable, Sendable {
    public var label: String
    public var kind: Int
    public var detail: String?
    public var sortText: String?
}

public struct CompletionList: Codable, Hashable, Sendable {
    public var isIncomplete = false
    public var items: [CompletionItem]
}

/// An outline entry. `kind`: 2 module (journey), 3 namespace (stage), 24 event (touchpoint),
/// 19 object (persona), 23 struct (department), 11 interface (channel).
public struct DocumentSymbol: Codable, Hashable, Sendable {
    public var name: String
    public var detail: String?
    public var kind: Int
    public var range: LSPRange
    public var selectionRange: LSPRange
    public var children: [DocumentSymbol]?
}

/// Edits to several documents, by URI.
public struct WorkspaceEdit: Codable, Hashable, Sendable {
    public var changes: [String: [TextEdit]]
}

// MARK: - Parameters

struct TextDocumentIdentifier: Codable, Hashable, Sendable {
    var uri: String
}

struct TextDocumentItem: Codable, Hashable, Sendable {
    var uri: String
    var languageId: String?
    var version: Int?
    var text: String
}

struct DidOpenParams: Codable, Sendable { var textDocument: TextDocumentItem }

struct DidChangeParams: Codable, Sendable {
    struct VersionedIdentifier: Codable, Sendable {
        var uri: String
        var version: Int?
    }
    struct Change: Codable, Sendable {
        var range: LSPRange?
        var text: String
    }
    var textDocument: VersionedIdentifier
    var contentChanges: [Change]
}

struct DidCloseParams: Codable, Sendable { var textDocument: TextDocumentIdentifier }

struct TextDocumentParams: Codable, Sendable { var textDocument: TextDocumentIdentifier }

struct PositionParams: Codable, Sendable {
    var textDocument: TextDocumentIdentifier
    var position: Position
}

struct ReferenceParams: Codable, Sendable {
    struct Context: Codable, Sendable { var includeDeclaration: Bool }
    var textDocument: TextDocumentIdentifier
    var position: Position
    var context: Context?
}

struct RenameParams: Codable, Sendable {
    var textDocument: TextDocumentIdentifier
    var position: Position
    var newName: String
}

struct InitializeParams: Codable, Sendable {
    struct Folder: Codable, Sendable { var uri: String }
    var rootUri: String?
    var rootPath: String?
    var workspaceFolders: [Folder]?
}
