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

    /// Notes rank below warnings, warnings below errors.
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// A suggested edit: replace the text in `range` with `replacement`.
public struct FixIt: Hashable, Sendable {
    /// The text to replace.
    public var range: SourceRange
    /// What to put there.
    public var replacement: String
    /// A fix-it from its parts.
    public init(range: SourceRange, replacement: String) {
        self.range = range
        self.replacement = replacement
    }
}

/// A secondary message pointing somewhere else (e.g. "first defined here").
public struct DiagnosticNote: Hashable, Sendable {
    /// What the note says.
    public var message: String
    /// Where it points; nil for a note about no place in particular.
    public var range: SourceRange?
    /// A note with a message and, optionally, a place.
    public init(_ message: String, at range: SourceRange? = nil) {
        self.message = message
        self.range = range
    }
}

/// One finding about the input, as a value. The library never prints; `DiagnosticPrinter`
/// (and the JSON/GitHub/SARIF writers) turn these into text.
public struct Diagnostic: Hashable, Sendable {
    /// How serious it is; the frontend may upgrade it.
    public var severity: Severity
    /// Stable identity, e.g. `JM101`. Documented in docs/diagnostics.md; never reused.
    public var code: String
    /// What is wrong and what to do, in one line (escaped by the printers).
    public var message: String
    /// Where it points: a range in a file, or the whole file.
    public var range: SourceRange
    /// Related places ("first defined here").
    public var notes: [DiagnosticNote]
    /// A certain fix, shown under the caret and offered to editors.
    public var fixIt: FixIt?

    /// A finding with a code given as text; prefer `init(_:_:at:)` with a catalogued `DiagnosticCode`.
    public init(
        _ severity: Severity, code: String, _ message: String, at range: SourceRange,
        notes: [DiagnosticNote] = [], fixIt: FixIt? = nil
    ) {
        self.severity = severity
        self.code = code
        self.message = message
        self.range = range
        self.notes = notes
        self.fixIt = fixIt
    }

    /// A finding of a catalogued kind (`DiagnosticCode`), reported with the code's severity
    /// unless `severity` says otherwise (e.g. row problems under `--strict`).
    public init(
        _ code: DiagnosticCode, _ message: String, at range: SourceRange, severity: Severity? = nil,
        notes: [DiagnosticNote] = [], fixIt: FixIt? = nil
    ) {
        self.init(severity ?? code.severity, code: code.id, message, at: range, notes: notes, fixIt: fixIt)
    }

    /// A finding of a catalogued kind at a severity other than its usual one (row problems
    /// under `--strict`, a warning of a code that is usually an error).
    public init(
        _ severity: Severity, _ code: DiagnosticCode, _ message: String, at range: SourceRange,
        notes: [DiagnosticNote] = [], fixIt: FixIt? = nil
    ) {
        self.init(severity, code: code.id, message, at: range, notes: notes, fixIt: fixIt)
    }

    /// The catalogue entry of `code`; nil only for a code missing from the catalogue (a test
    /// keeps that from happening).
    public var kind: DiagnosticCode? { DiagnosticCode.named(code) }
}

extension Array where Element == Diagnostic {
    /// True when any finding is an error.
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
