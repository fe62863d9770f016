/// Prints diagnostics like a compiler:
///
///     journeys/air.journey:3:40: error: unknown department 'finanse'; did you mean 'finance'? [JM204]
///         3 |     touchpoint checkout "Pays" { owner finanse }
///           |                                        ^~~~~~~
///           = note: departments are declared with 'department ID "Title"'
///
/// Colour only when asked (the CLI asks when stderr is a terminal).
public struct DiagnosticPrinter: Sendable {
    public var sources: [String: SourceFile]
    public var colored: Bool

    public init(sources: [String: SourceFile], colored: Bool = false) {
        self.sources = sources
        self.colored = colored
    }

    public func format(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(format).joined()
    }

    public func format(_ d: Diagnostic) -> String {
        var out = ""
        let label: String
        switch d.severity {
        case .error: label = paint("error:", "1;31")
        case .warning: label = paint("warning:", "1;35")
        case .note: label = paint("note:", "1;36")
        }
        let place = d.range.isWholeFile ? "\(d.range.file):" : "\(d.range.file):\(d.range.start.line):\(d.range.start.column):"
        out += paint(place, "1") + " \(label) \(paint(d.message, "1")) [\(d.code)]\n"
        out += snippet(for: d.range, fixIt: d.fixIt)
        for note in d.notes {
            if let r = note.range, r.file != d.range.file || r.start.line != d.range.start.line {
                out += "\(r.file):\(r.start.line):\(r.start.column): \(paint("note:", "1;36")) \(note.message)\n"
                out += snippet(for: r, fixIt: nil)
            } else {
                out += "      = \(paint("note:", "1;36")) \(note.message)\n"
            }
        }
        return out
    }

    private func snippet(for range: SourceRange, fixIt: FixIt?) -> String {
        guard let file = sources[range.file], range.start.line >= 1, range.start.line <= file.lineCount else { return "" }
        let text = file.line(range.start.line).replacingTabs()
        let number = String(range.start.line)
        let gutter = String(repeating: " ", count: max(4, number.count))
        var out = "\(number.leftPadded(to: gutter.count, with: " ")) | \(text)\n"
        let caretColumn = max(1, range.start.column)
        let sameLine = range.end.line == range.start.line
        let width = sameLine ? max(1, range.end.column - range.start.column) : max(1, text.unicodeScalars.count - caretColumn + 1)
        let marker = "^" + String(repeating: "~", count: max(0, width - 1))
        out += "\(gutter) | \(String(repeating: " ", count: caretColumn - 1))\(paint(marker, "1;32"))\n"
        if let fixIt {
            out += "\(gutter) | \(String(repeating: " ", count: max(0, fixIt.range.start.column - 1)))\(paint(fixIt.replacement, "32"))\n"
        }
        return out
    }

    private func paint(_ s: String, _ code: String) -> String {
        colored ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s
    }
}

extension String {
    /// Tabs become single spaces so that carets line up with columns counted in scalars.
    func replacingTabs() -> String {
        String(String.UnicodeScalarView(unicodeScalars.map { $0 == "\t" ? " " : $0 }))
    }
}
