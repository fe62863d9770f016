// The Language Server Protocol 3.17 structures this server reads and writes
// (https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/),
// only the members it uses. Optional members that are nil are left out of the JSON.

/// A zero-based line and a zero-based offset in UTF-16 code units (the protocol's default
/// position encoding, the only one this server offers).
public struct Position: Codable, Hashable, Sendable, Comparable {
    /// The zero-based line.
    public var line: Int
    /// The zero-based offset in the line, in UTF-16 code units.
    public var character: Int
    /// A position from its line and UTF-16 offset.
    public init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }
    /// Document order: by line, then by offset.
    public static func < (a: Position, b: Position) -> Bool {
        (a.line, a.character) < (b.line, b.character)
    }
}

/// A half-open range of positions.
public struct LSPRange: Codable, Hashable, Sendable {
    /// The first position in the range.
    public var start: Position
    /// The position just after the range.
    public var end: Position
    /// A range from its two ends.
    public init(start: Position, end: Position) {
        self.start = start
        self.end = end
    }
    /// Whether `p` lies in the range or on either end (a cursor just after an id still names it).
    public func contains(_ p: Position) -> Bool { start <= p && p <= end }
}

/// A range in a document named by URI.
public struct Location: Codable, Hashable, Sendable {
    /// The document's URI (`file://…`).
    public var uri: String
    /// The range in that document.
    public var range: LSPRange
    /// A location from a URI and a range.
    public init(uri: String, range: LSPRange) {
        self.uri = uri
        self.range = range
    }
}

/// Replace `range` with `newText`.
public struct TextEdit: Codable, Hashable, Sendable {
    /// The text replaced.
    public var range: LSPRange
    /// The text put in its place.
    public var newText: String
    /// An edit that replaces `range` with `newText`.
    public init(range: LSPRange, newText: String) {
        self.range = range
        self.newText = newText
    }
}

/// A diagnostic as the protocol shows it. `severity`: 1 error, 2 warning, 3 information, 4 hint.
public struct LSPDiagnostic: Codable, Hashable, Sendable {
    /// Another place the diagnostic refers to (a note of `check`).
    public struct Related: Codable, Hashable, Sendable {
        /// Where the note points.
        public var location: Location
        /// The note's text.
        public var message: String
    }
    /// The range the diagnostic underlines.
    public var range: LSPRange
    /// 1 error, 2 warning, 3 information, 4 hint.
    public var severity: Int
    /// The diagnostic code (`JM…`), as `check` prints it.
    public var code: String
    /// Always "journeymap".
    public var source: String
    /// The message, with its help text.
    public var message: String
    /// The diagnostic's notes, or nil when it has none.
    public var relatedInformation: [Related]?
}

/// Markdown shown by the editor.
public struct MarkupContent: Codable, Hashable, Sendable {
    /// Always "markdown".
    public var kind = "markdown"
    /// The Markdown text (untrusted parts escaped by the caller).
    public var value: String
}

/// The answer to a hover request: Markdown about the id under the cursor.
public struct Hover: Codable, Hashable, Sendable {
    /// What the editor shows.
    public var contents: MarkupContent
    /// The id's range, which the editor highlights.
    public var range: LSPRange?
}

/// One completion. `kind` (CompletionItemKind): 14 keyword, 20 enum member (emotions, metrics,
/// themes …), and for ids 22 struct (department), 8 interface (channel), 6 variable (persona),
/// 9 module (stage), 23 event (touchpoint).
public struct CompletionItem: Codable, Hashable, Sendable {
    /// The text inserted.
    public var label: String
    /// The CompletionItemKind (see the type's comment).
    public var kind: Int
    /// What the id is: a department's or touchpoint's title, a keyword's use.
    public var detail: String?
    /// The order in the list, when it is not alphabetical.
    public var sortText: String?
}

/// The answer to a completion request.
public struct CompletionList: Codable, Hashable, Sendable {
    /// Always false: the list is complete for the position.
    public var isIncomplete = false
    /// The completions.
    public var items: [CompletionItem]
}

/// An outline entry. `kind`: 2 module (journey), 3 namespace (stage), 24 event (touchpoint),
/// 19 object (persona), 23 struct (department), 11 interface (channel).
public struct DocumentSymbol: Codable, Hashable, Sendable {
    /// The id or title shown in the outline.
    public var name: String
    /// A second line: the title or the owner.
    public var detail: String?
    /// The SymbolKind (see the type's comment).
    public var kind: Int
    /// The whole statement, block included.
    public var range: LSPRange
    /// The id in the statement, which the editor selects.
    public var selectionRange: LSPRange
    /// Nested entries (a stage's touchpoints), or nil.
    public var children: [DocumentSymbol]?
}

/// Edits to several documents, by URI.
public struct WorkspaceEdit: Codable, Hashable, Sendable {
    /// The edits of each document, by URI.
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
