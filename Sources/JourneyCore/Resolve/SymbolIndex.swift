/// Where each id of a journey is declared and used, and which files its `include` and
/// `feedback` paths lead to: what an editor needs for go to definition, find references and
/// rename. Recorded by the resolver while it reads (so it exists even when the journey has
/// errors), in the order read.
public struct SymbolIndex: Hashable, Sendable {
    /// What an id names. Ids are unique per kind, not across kinds.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case department, channel, persona, stage, touchpoint
    }

    /// One appearance of an id: its declaration (`touchpoint checkout "…"`) or a use of it
    /// (`owner finance`, `flow a -> b`, `target … at checkout`).
    public struct Occurrence: Hashable, Sendable {
        /// What the id names.
        public var kind: Kind
        /// The id as written.
        public var id: String
        /// The id's token, in the file it appears in (the journey or an include).
        public var range: SourceRange
        /// True for the declaration, false for a use.
        public var isDeclaration: Bool

        /// An occurrence of `id` at `range`.
        public init(kind: Kind, id: String, range: SourceRange, isDeclaration: Bool) {
            self.kind = kind
            self.id = id
            self.range = range
            self.isDeclaration = isDeclaration
        }
    }

    /// A quoted path (`include "shared/org.journey"`, `feedback "data.csv"`) and the file it names.
    public struct Link: Hashable, Sendable {
        /// The quoted path's token, quotes included.
        public var range: SourceRange
        /// The path as read (relative to the working directory, like diagnostics' paths).
        public var path: String

        /// A link from the token at `range` to the file at `path`.
        public init(range: SourceRange, path: String) {
            self.range = range
            self.path = path
        }
    }

    /// Every declaration and use, in the order the resolver read them.
    public var occurrences: [Occurrence] = []
    /// Every `include` and `feedback` path, in the order read.
    public var links: [Link] = []

    /// An index of the given occurrences and links (empty by default).
    public init(occurrences: [Occurrence] = [], links: [Link] = []) {
        self.occurrences = occurrences
        self.links = links
    }

    /// Every occurrence of `id` as `kind`: the declaration first, then uses by file and position.
    public func occurrences(of kind: Kind, _ id: String) -> [Occurrence] {
        occurrences.filter { $0.kind == kind && $0.id == id }.sorted { a, b in
            if a.isDeclaration != b.isDeclaration { return a.isDeclaration }
            if a.range.file != b.range.file { return a.range.file < b.range.file }
            return a.range.start.offset < b.range.start.offset
        }
    }
}

extension SymbolIndex.Kind {
    init?(declared word: String) { self.init(rawValue: word) }

    init(_ reference: JourneyBuilder.ReferenceKind) {
        switch reference {
        case .department: self = .department
        case .channel: self = .channel
        case .touchpoint: self = .touchpoint
        case .persona: self = .persona
        }
    }
}
