import JourneyCore

/// A diagnostic as JSON between a worker and its supervisor: the same value on both sides,
/// printed once, by the supervisor (which holds the sources for the excerpts).
struct WireDiagnostic: Codable, Sendable, Equatable {
    struct Range: Codable, Sendable, Equatable {
        var file: String
        var start: [Int]
        var end: [Int]

        init(_ r: SourceRange) {
            file = r.file
            start = [r.start.line, r.start.column, r.start.offset]
            end = [r.end.line, r.end.column, r.end.offset]
        }

        var value: SourceRange {
            func location(_ a: [Int]) -> SourceLocation {
                a.count == 3 ? SourceLocation(line: a[0], column: a[1], offset: a[2]) : SourceLocation(line: 0, column: 0, offset: 0)
            }
            return SourceRange(file: file, start: location(start), end: location(end))
        }
    }

    struct Note: Codable, Sendable, Equatable {
        var message: String
        var range: Range?
    }

    var severity: Severity
    var code: String
    var message: String
    var range: Range
    var notes: [Note]
    var fixRange: Range?
    var fixReplacement: String?

    init(_ d: Diagnostic) {
        severity = d.severity
        code = d.code
        message = d.message
        range = Range(d.range)
        notes = d.notes.map { Note(message: $0.message, range: $0.range.map(Range.init)) }
        fixRange = d.fixIt.map { Range($0.range) }
        fixReplacement = d.fixIt?.replacement
    }

    var value: Diagnostic {
        var fix: FixIt?
        if let fixRange, let fixReplacement { fix = FixIt(range: fixRange.value, replacement: fixReplacement) }
        return Diagnostic(
            severity, code: code, message, at: range.value,
            notes: notes.map { DiagnosticNote($0.message, at: $0.range?.value) }, fixIt: fix)
    }
}
