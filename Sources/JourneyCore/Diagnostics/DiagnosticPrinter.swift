/// Prints diagnostics like a compiler:
///
///     journeys/air.journey:3:40: error: unknown department 'finanse'; did you mean 'finance'? [JM204]
///         3 |     touchpoint checkout "Pays" { owner finanse }
///           |                                        ^~~~~~~
///           = note: departments are declared with 'department ID "Title"'
///
/// Colour only when asked (the CLI asks when stderr is a terminal).
///
/// Everything that came from input (paths, messages quoting data, notes, the source line) is
/// passed through `Escape.terminal` here, in one place: no control character reaches the
/// terminal and no input starts a line (a CI log reads `::error` at a line start as a command).
public struct DiagnosticPrinter: Sendable {
    /// The files read, by path: the source line under each message comes from here.
    public var sources: [String: SourceFile]
    /// ANSI colours (the CLI sets it when stderr is a terminal and NO_COLOR is unset).
    public var colored: Bool

    /// A printer over these files.
    public init(sources: [String: SourceFile], colored: Bool = false) {
        self.sources = sources
        self.colored = colored
    }

    /// Every diagnostic, in the order given (`sortedForOutput()` gives the usual one).
    public func format(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(format).joined()
    }

    /// One diagnostic: the `file:line:col: severity: message [code]` line, the source line with a caret, fix-it and notes.
    public func format(_ d: Diagnostic) -> String {
        var out = ""
        let label: String
        switch d.severity {
        case .error: label = paint("error:", "1;31")
        case .warning: label = paint("warning:", "1;35")
        case .note: label = paint("note:", "1;36")
        }
        let file = Self.path(d.range.file)
        let place = d.range.isWholeFile ? "\(file):" : "\(file):\(d.range.start.line):\(d.range.start.column):"
        out += paint(place, "1") + " \(label) \(paint(Escape.terminal(d.message), "1")) [\(d.code)]\n"
        out += snippet(for: d.range, fixIt: d.fixIt)
        for note in d.notes {
            if let r = note.range, r.file != d.range.file || r.start.line != d.range.start.line {
                out +=
                    "\(Self.path(r.file)):\(r.start.line):\(r.start.column): \(paint("note:", "1;36")) \(Escape.terminal(note.message))\n"
                out += snippet(for: r, fixIt: nil)
            } else {
                out += "      = \(paint("note:", "1;36")) \(Escape.terminal(note.message))\n"
            }
        }
        return out
    }

    private func snippet(for range: SourceRange, fixIt: FixIt?) -> String {
        guard let file = sources[range.file], range.start.line >= 1, range.start.line <= file.lineCount else { return "" }
        // Columns count scalars of the raw line; each scalar is shown escaped, so the caret
        // moves by the width of the escapes before it.
        let raw = Array(file.line(range.start.line).replacingTabs().unicodeScalars)
        let shown = raw.map { Escape.terminal(String($0)).unicodeScalars.count }
        func width(_ from: Int, _ to: Int) -> Int {
            let a = min(max(0, from), raw.count), b = min(max(a, to), raw.count)
            return shown[a..<b].reduce(0, +) + max(0, to - max(from, raw.count))  // past the end: plain columns
        }
        let text = Escape.terminal(String(String.UnicodeScalarView(raw)))
        let number = String(range.start.line)
        let gutter = String(repeating: " ", count: max(4, number.count))
        var out = "\(number.leftPadded(to: gutter.count, with: " ")) | \(text)\n"
        let caretColumn = max(1, range.start.column)
        let sameLine = range.end.line == range.start.line
        let endColumn = sameLine ? max(caretColumn + 1, range.end.column) : max(caretColumn + 1, raw.count + 1)
        let indent = width(0, caretColumn - 1)
        let marker = "^" + String(repeating: "~", count: max(0, width(caretColumn - 1, endColumn - 1) - 1))
        out += "\(gutter) | \(String(repeating: " ", count: indent))\(paint(marker, "1;32"))\n"
        if let fixIt {
            let at = width(0, max(0, fixIt.range.start.column - 1))
            out += "\(gutter) | \(String(repeating: " ", count: at))\(paint(Escape.terminal(fixIt.replacement), "32"))\n"
        }
        return out
    }

    /// A path as printed at the start of a line: escaped, and never starting with ':'
    /// (a file named `::error …` must not become a workflow command).
    static func path(_ p: String) -> String {
        Escape.terminal(p.hasPrefix(":") ? "./" + p : p)
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
