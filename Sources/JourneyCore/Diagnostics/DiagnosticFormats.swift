import Foundation

/// Machine-readable forms of diagnostics: JSON for tools, GitHub workflow annotations, and
/// SARIF 2.1.0 for code-scanning dashboards. All deterministic (sorted keys, sorted findings).
public enum DiagnosticFormat: String, CaseIterable, Sendable {
    case text, json, github, sarif
}

/// Writes diagnostics in the machine-readable formats (`--format json|github|sarif`).
public enum DiagnosticWriter {
    struct JSONDiagnostic: Codable {
        var file: String
        var line: Int
        var column: Int
        var endLine: Int
        var endColumn: Int
        var severity: String
        var code: String
        var message: String
        var notes: [String]
        var fix: String?
    }

    /// `{"version": 1, "diagnostics": […]}` with file, positions, severity, code, message, notes and fix.
    public static func json(_ diagnostics: [Diagnostic]) throws -> String {
        let items = diagnostics.map { d in
            JSONDiagnostic(
                file: d.range.file, line: d.range.start.line, column: d.range.start.column,
                endLine: d.range.end.line, endColumn: d.range.end.column, severity: d.severity.rawValue,
                code: d.code, message: d.message, notes: d.notes.map(\.message), fix: d.fixIt?.replacement)
        }
        return try encode(["version": 1, "diagnostics": items] as JSONBox) + "\n"
    }

    /// `::error file=…,line=…,col=…,endColumn=…,title=JM204::message` lines.
    public static func github(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map { d in
            let kind = d.severity == .error ? "error" : d.severity == .warning ? "warning" : "notice"
            let props =
                d.range.isWholeFile
                ? "file=\(prop(d.range.file)),title=\(prop(d.code))"
                : "file=\(prop(d.range.file)),line=\(d.range.start.line),col=\(d.range.start.column),endColumn=\(d.range.end.column),title=\(prop(d.code))"
            // Controls made visible first (a raw ESC would reach whoever reads the log);
            // then GitHub's own escaping, so no message can end the line.
            return "::\(kind) \(props)::\(data(Escape.terminal(d.message)))\n"
        }.joined()
    }

    // GitHub's workflow-command escaping.
    static func data(_ s: String) -> String {
        s.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }

    static func prop(_ s: String) -> String {
        data(Escape.terminal(s)).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }

    static func sarifLevel(_ s: Severity) -> String {
        switch s {
        case .error: "error"
        case .warning: "warning"
        case .note: "note"
        }
    }

    /// JSON with sorted keys; throws rather than writing something that is not the value
    /// (a non-finite number cannot be encoded).
    static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

/// A small JSON value for documents whose shape is not a Swift type.
public enum JSONBox: Encodable, Sendable, ExpressibleByDictionaryLiteral {
    case string(String), int(Int), double(Double), bool(Bool), null
    case array([JSONBox]), object([String: JSONBox])
    case raw(any Encodable & Sendable)

    /// An object from a literal whose values are any encodable values.
    public init(dictionaryLiteral elements: (String, any Encodable & Sendable)...) {
        self = .object(Dictionary(uniqueKeysWithValues: elements.map { ($0.0, JSONBox.raw($0.1)) }))
    }

    /// Encodes the value as the JSON it stands for.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .string(let s): try c.encode(s)
        case .int(let i): try c.encode(i)
        case .double(let d): try c.encode(d)
        case .bool(let b): try c.encode(b)
        case .null: try c.encodeNil()
        case .array(let a): try c.encode(a)
        case .object(let o): try c.encode(o)
        case .raw(let v): try v.encode(to: encoder)
        }
    }
}
