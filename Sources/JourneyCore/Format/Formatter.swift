/// The canonical layout of a journey file (`journeymap fmt`).
///
/// Rules: two-space indentation; one statement per line; one space between arguments, none
/// inside `1..7` and before `%`; strings re-quoted with canonical escapes; comments kept where
/// they were (above a statement, or at the end of its line); at most one blank line in a row;
/// a block written on one line stays on one line while it fits in `lineWidth`, holds only
/// simple statements and no comments. Formatting formatted text changes nothing.
public struct Formatter: Sendable {
    /// The widest a one-line block may grow before it is written over several lines.
    public var lineWidth = 120
    /// One level of indentation.
    public var indentUnit = "  "

    /// The canonical settings.
    public init() {}

    /// Formats text; nil with diagnostics when it has syntax errors (formatting would lose text).
    public func format(_ file: SourceFile) -> (text: String?, diagnostics: [Diagnostic]) {
        let (syntax, diagnostics) = Parser.parse(file)
        if diagnostics.hasErrors { return (nil, diagnostics) }
        return (format(syntax, source: file), diagnostics)
    }

    /// Prints parsed syntax in the canonical layout (`source` supplies the original text of numbers and symbols).
    public func format(_ syntax: SourceFileSyntax, source: SourceFile) -> String {
        var out = ""
        write(syntax.statements, trailing: syntax.trailingComments, depth: 0, source: source, into: &out)
        return out
    }

    private func write(_ statements: [StatementSyntax], trailing: [String], depth: Int, source: SourceFile, into out: inout String) {
        let indent = String(repeating: indentUnit, count: depth)
        for (i, s) in statements.enumerated() {
            if s.blankLineBefore, i > 0 { out += "\n" }
            for c in s.leadingComments {
                out += c.isEmpty ? "\n" : indent + c + "\n"
            }
            out += indent + head(s)
            if let block = s.block {
                if let inline = inlineBlock(s, block, source: source), indent.count + head(s).count + inline.count + 1 <= lineWidth {
                    out += " " + inline
                } else {
                    out += " {\n"
                    write(block.statements, trailing: block.trailingComments, depth: depth + 1, source: source, into: &out)
                    out += indent + "}"
                }
            }
            if let c = s.trailingComment { out += " " + c }
            out += "\n"
        }
        let trailingComments = Array(trailing.drop { $0.isEmpty })
        if !trailingComments.isEmpty {
            if !statements.isEmpty { out += "\n" }
            for c in trailingComments { out += c.isEmpty ? "\n" : indent + c + "\n" }
        }
    }

    /// `{ a; b; c }` when the block was written on one line and may stay so.
    private func inlineBlock(_ s: StatementSyntax, _ block: BlockSyntax, source: SourceFile) -> String? {
        guard let close = block.closeRange, close.start.line == block.openRange.start.line,
            !block.statements.isEmpty, block.trailingComments.isEmpty,
            block.statements.allSatisfy({ $0.block == nil && $0.leadingComments.isEmpty && $0.trailingComment == nil })
        else { return nil }
        return "{ " + block.statements.map(head).joined(separator: "; ") + " }"
    }

    /// The keyword and its arguments, canonically spaced.
    func head(_ s: StatementSyntax) -> String {
        var out = s.keyword.text
        var previous: Token? = s.keyword
        for t in s.arguments {
            let glued =
                (t.kind == .symbol && (t.text == ".." || t.text == "%" || t.text == ","))
                || previous?.text == ".." && previous?.kind == .symbol
            if !glued { out += " " }
            if s.keyword.text == "index", t.kind == .number, previous?.kind == .identifier, let sign = t.text.first,
                sign == "+" || sign == "-"
            {
                // `0.5 nps +0.3 csat` reads as two terms: write the sign apart, `+ 0.3`.
                out += "\(sign) " + t.text.dropFirst()
            } else {
                out += t.kind == .string ? Formatter.quote(t.text) : t.text
            }
            previous = t
        }
        return out
    }

    /// A string literal that reads back as `value`.
    public static func quote(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\u{0}": out += "\u{FFFD}"  // no escape can write NUL (the checker reports it)
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value)
                    || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
                {
                    // Invisible and bidirectional controls are written as escapes, so a
                    // reviewer sees them (CVE-2021-42574).
                    out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
