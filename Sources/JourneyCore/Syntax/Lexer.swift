/// Turns a `SourceFile` into tokens. Never stops at a bad character: it reports a diagnostic
/// and goes on, so the parser can report every error of the file in one run.
///
/// Works on UTF-8 bytes and keeps line and column as it goes; columns count Unicode scalars.
public struct Lexer {
    /// Longest string literal or identifier accepted, in bytes (a bound on hostile input).
    public static let maxTokenBytes = 64 * 1024

    private let file: SourceFile
    private let bytes: [UInt8]
    private var i = 0
    private var line = 1
    private var column = 1
    /// Problems found while reading tokens (unterminated strings, stray characters), in order.
    public private(set) var diagnostics: [Diagnostic] = []

    /// A lexer at the start of `file`.
    public init(_ file: SourceFile) {
        self.file = file
        self.bytes = file.bytes
    }

    /// Lexes the whole file. The last token is always `.endOfFile`.
    public static func tokenize(_ file: SourceFile) -> (tokens: [Token], diagnostics: [Diagnostic]) {
        var lexer = Lexer(file)
        var tokens: [Token] = []
        tokens.reserveCapacity(file.bytes.count / 4)
        while true {
            let t = lexer.next()
            tokens.append(t)
            if t.kind == .endOfFile { break }
        }
        return (tokens, lexer.diagnostics)
    }

    private var here: SourceLocation { SourceLocation(line: line, column: column, offset: i) }

    private func range(from start: SourceLocation) -> SourceRange {
        SourceRange(file: file.path, start: start, end: here)
    }

    private mutating func advance() {
        let b = bytes[i]
        i += 1
        if b == 0x0A || (b == 0x0D && !(i < bytes.count && bytes[i] == 0x0A)) {
            line += 1
            column = 1
        } else if b & 0xC0 != 0x80 && b != 0x0D {
            column += 1
        }
    }

    private func peek(_ k: Int = 0) -> UInt8? { i + k < bytes.count ? bytes[i + k] : nil }

    private mutating func error(_ code: DiagnosticCode, _ message: String, _ range: SourceRange) {
        diagnostics.append(Diagnostic(code, message, at: range))
    }

    /// The next token; `.endOfFile` forever at the end. Problems go to `diagnostics` and lexing goes on.
    public mutating func next() -> Token {
        // A loop, not recursion: a file of 100,000 stray characters must not grow the stack.
        while true {
            if let token = nextOrSkip() { return token }
        }
    }

    /// The next token, or nil after reporting and skipping a character that starts none.
    private mutating func nextOrSkip() -> Token? {
        // Skip horizontal white space.
        while let b = peek(), b == 0x20 || b == 0x09 || b == 0x0C || b == 0x0B { advance() }
        let start = here
        guard let b = peek() else { return Token(.endOfFile, "", range(from: start)) }
        switch b {
        case 0x0A, 0x0D:
            advance()
            return Token(.terminator, "\n", range(from: start), isNewline: true)
        case UInt8(ascii: ";"):
            advance()
            return Token(.terminator, ";", range(from: start))
        case UInt8(ascii: "{"):
            advance()
            return Token(.leftBrace, "{", range(from: start))
        case UInt8(ascii: "}"):
            advance()
            return Token(.rightBrace, "}", range(from: start))
        case UInt8(ascii: "#"):
            let s = i
            while let c = peek(), c != 0x0A, c != 0x0D { advance() }
            return Token(.comment, String(decoding: bytes[s..<i], as: UTF8.self), range(from: start))
        case UInt8(ascii: "\""):
            return lexString(start)
        case UInt8(ascii: "-"):
            if peek(1) == UInt8(ascii: ">") {
                advance(); advance()
                return Token(.symbol, "->", range(from: start))
            }
            if let d = peek(1), isDigit(d) { return lexNumber(start) }
            // A lone `-` or `+` joins the terms of an index (`0.5 nps + 0.3 csat`).
            advance()
            return Token(.symbol, "-", range(from: start))
        case UInt8(ascii: "+"):
            if let d = peek(1), isDigit(d) { return lexNumber(start) }
            advance()
            return Token(.symbol, "+", range(from: start))
        case UInt8(ascii: "."):
            if peek(1) == UInt8(ascii: ".") {
                advance(); advance()
                return Token(.symbol, "..", range(from: start))
            }
        case UInt8(ascii: ">"), UInt8(ascii: "<"):
            advance()
            var text = b == UInt8(ascii: ">") ? ">" : "<"
            if peek() == UInt8(ascii: "=") { advance(); text += "=" }
            return Token(.symbol, text, range(from: start))
        case UInt8(ascii: "="), UInt8(ascii: "%"), UInt8(ascii: ","):
            advance()
            return Token(.symbol, String(UnicodeScalar(b)), range(from: start))
        default:
            if isDigit(b) { return lexNumber(start) }
            if let (scalar, _) = scalarAt(i), isIdentifierStart(scalar) { return lexIdentifier(start) }
        }
        // Anything else: report it and skip one scalar.
        let shown = scalarAt(i).map { describe($0.0) } ?? "byte"
        skipScalar()
        error(
            .unexpectedCharacter,
            "unexpected character \(shown); identifiers use letters, digits, '-' and '_', and text goes in double quotes",
            range(from: start))
        return nil
    }

    private func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    private func scalarAt(_ p: Int) -> (Unicode.Scalar, Int)? {
        guard p < bytes.count else { return nil }
        let b0 = bytes[p]
        if b0 < 0x80 { return (Unicode.Scalar(b0), 1) }
        let len = SourceFile.scalarLength(bytes, p)
        guard len > 0 else { return nil }
        let s = String(decoding: bytes[p..<(p + len)], as: UTF8.self)
        return s.unicodeScalars.first.map { ($0, len) }
    }

    private mutating func skipScalar() {
        let len = max(1, scalarAt(i)?.1 ?? 1)
        for _ in 0..<len where i < bytes.count { advance() }
    }

    private func isIdentifierStart(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII { return s == "_" || (s >= "a" && s <= "z") || (s >= "A" && s <= "Z") }
        return s.properties.isAlphabetic
    }

    private func isIdentifierContinue(_ s: Unicode.Scalar) -> Bool {
        // ASCII first: Unicode property look-ups are the slow path (most ids are ASCII).
        if s.isASCII { return s == "_" || (s >= "a" && s <= "z") || (s >= "A" && s <= "Z") || (s >= "0" && s <= "9") }
        return s.properties.isAlphabetic || s.properties.numericType != nil
            || s.properties.generalCategory == .nonspacingMark || s.properties.generalCategory == .spacingMark
    }

    private func describe(_ s: Unicode.Scalar) -> String {
        if s.value < 0x20 || s.value == 0x7F || (0x80..<0xA0).contains(s.value) {
            return "U+" + String(s.value, radix: 16, uppercase: true).leftPadded(to: 4)
        }
        return "'\(Character(s))' (U+" + String(s.value, radix: 16, uppercase: true).leftPadded(to: 4) + ")"
    }

    private mutating func lexIdentifier(_ start: SourceLocation) -> Token {
        let s = i
        while let (scalar, _) = scalarAt(i) {
            if isIdentifierContinue(scalar) {
                skipScalar()
            } else if scalar == "-", peek(1) != UInt8(ascii: ">") {
                advance()
            } else {
                break
            }
        }
        let r = range(from: start)
        if i - s > Lexer.maxTokenBytes {
            error(.tokenTooLong, "identifier is longer than \(Lexer.maxTokenBytes) bytes", r)
        }
        return Token(.identifier, String(decoding: bytes[s..<i], as: UTF8.self), r)
    }

    private mutating func lexNumber(_ start: SourceLocation) -> Token {
        let s = i
        if let b = peek(), b == UInt8(ascii: "-") || b == UInt8(ascii: "+") { advance() }
        while let b = peek(), isDigit(b) { advance() }
        // A fraction, but not the `..` of a range.
        if peek() == UInt8(ascii: "."), let d = peek(1), isDigit(d) {
            advance()
            while let b = peek(), isDigit(b) { advance() }
        }
        return Token(.number, String(decoding: bytes[s..<i], as: UTF8.self), range(from: start))
    }

    private mutating func lexString(_ start: SourceLocation) -> Token {
        advance()  // opening quote
        var value: [UInt8] = []
        while true {
            guard let b = peek(), b != 0x0A, b != 0x0D else {
                error(
                    .unterminatedString, "unterminated string; close it with '\"' on the same line (use \\n for a line break)",
                    range(from: start))
                return Token(.string, String(decoding: value, as: UTF8.self), range(from: start))
            }
            if b == UInt8(ascii: "\"") {
                advance()
                break
            }
            if b == UInt8(ascii: "\\") {
                let escStart = here
                advance()
                guard let e = peek(), e != 0x0A, e != 0x0D else { continue }
                advance()
                switch e {
                case UInt8(ascii: "n"): value.append(0x0A)
                case UInt8(ascii: "t"): value.append(0x09)
                case UInt8(ascii: "\""): value.append(e)
                case UInt8(ascii: "\\"): value.append(e)
                case UInt8(ascii: "u"):
                    if let scalar = lexUnicodeEscape() {
                        value.append(contentsOf: Array(String(Character(scalar)).utf8))
                    } else {
                        error(
                            .invalidEscape, "invalid \\u escape; write it as \\u{1F600} with 1 to 6 hex digits of a valid code point",
                            range(from: escStart))
                    }
                default:
                    error(
                        .invalidEscape, "unknown escape '\\\(Character(UnicodeScalar(e)))'; use \\\" \\\\ \\n \\t or \\u{…}",
                        range(from: escStart))
                }
                continue
            }
            value.append(b)
            advance()
        }
        let r = range(from: start)
        if value.count > Lexer.maxTokenBytes {
            error(.tokenTooLong, "string is longer than \(Lexer.maxTokenBytes) bytes", r)
        }
        return Token(.string, String(decoding: value, as: UTF8.self), r)
    }

    private mutating func lexUnicodeEscape() -> Unicode.Scalar? {
        guard peek() == UInt8(ascii: "{") else { return nil }
        advance()
        var hex = ""
        while let b = peek(), b != UInt8(ascii: "}"), b != 0x0A, b != 0x0D, b != UInt8(ascii: "\""), hex.count < 8 {
            hex.append(Character(UnicodeScalar(b)))
            advance()
        }
        guard peek() == UInt8(ascii: "}") else { return nil }
        advance()
        guard (1...6).contains(hex.count), let v = UInt32(hex, radix: 16), let s = Unicode.Scalar(v), v != 0 else { return nil }
        return s
    }
}

extension String {
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
