/// How serious a finding is. The frontend may upgrade warnings (`--strict`, `--fail-on`).
public enum Severity: String, Sendable, Comparable, Codable {
    case note, warning, error

    private var rank: Int {
        switch self {
        case .note: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// A suggested edit: replace the text in `range` with `replacement`.
public struct FixIt: Hashable, Sendable {
    public var range: SourceRange
    public var replacement: String
    public init(range: SourceRange, replacement: String) {
        self.range = range
        self.replacement = replacement
    }
}

/// A secondary message pointing somewhere else (e.g. "first defined here").
public struct DiagnosticNote: Hashable, Sendable {
    public var message: String
    public var range: SourceRange?
    public init(_ message: String, at range: SourceRange? = nil) {
        self.message = message
        self.range = range
    }
}

/// One finding about the input, as a value. The library never prints; `DiagnosticPrinter`
/// (and the JSON/GitHub/SARIF writers) turn these into text.
public struct Diagnostic: Hashable, Sendable {
    public var severity: Severity
    /// Stable identity, e.g. `JM101`. Documented in docs/diagnostics.md; never reused.
    public var code: String
    public var message: String
    public var range: SourceRange
    public var notes: [DiagnosticNote]
    public var fixIt: FixIt?

    public init(_ severity: Severity, code: String, _ message: String, at range: SourceRange,
                notes: [DiagnosticNote] = [], fixIt: FixIt? = nil) {
        self.severity = severity
        self.code = code
        self.message = message
        self.range = range
        self.notes = notes
        self.fixIt = fixIt
    }

    /// A finding of a catalogued kind (`DiagnosticCode`), reported with the code's severity
    /// unless `severity` says otherwise (e.g. row problems under `--strict`).
    public init(_ code: DiagnosticCode, _ message: String, at range: SourceRange, severity: Severity? = nil,
                notes: [DiagnosticNote] = [], fixIt: FixIt? = nil) {
        self.init(severity ?? code.severity, code: code.id, message, at: range, notes: notes, fixIt: fixIt)
    }

    /// The catalogue entry of `code`; nil only for a code missing from the catalogue (a test
    /// keeps that from happening).
    public var kind: DiagnosticCode? { DiagnosticCode.named(code) }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// File, then position, then code: the order every printer uses.
    public func sortedForOutput() -> [Diagnostic] {
        enumerated().sorted { l, r in
            let a = l.element, b = r.element
            if a.range.file != b.range.file { return a.range.file < b.range.file }
            if a.range.start.offset != b.range.start.offset { return a.range.start.offset < b.range.start.offset }
            if a.code != b.code { return a.code < b.code }
            return l.offset < r.offset
        }.map(\.element)
    }
}
