/// The text of one journey file, with a line index for printing diagnostics.
public struct SourceFile: Sendable, Hashable {
    /// The path as the user should see it in diagnostics.
    public let path: String
    /// The UTF-8 bytes actually parsed (invalid sequences replaced by U+FFFD, see `decode`).
    public let bytes: [UInt8]
    /// Byte offsets where each line starts.
    public let lineStarts: [Int]

    /// A file from text already decoded.
    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    /// A file from valid UTF-8 bytes (`decode` checks raw bytes first); indexes its lines (LF, CRLF or CR).
    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        var starts = [0]
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b == 0x0A {
                starts.append(i + 1)
            } else if b == 0x0D {
                // CRLF counts once; a lone CR is a line break too.
                if i + 1 < n, bytes[i + 1] == 0x0A { i += 1 }
                starts.append(i + 1)
            }
            i += 1
        }
        lineStarts = starts
    }

    /// The number of lines (a final line break starts an empty last line).
    public var lineCount: Int { lineStarts.count }

    /// The text of a 1-based line without its line break.
    public func line(_ number: Int) -> String {
        guard number >= 1, number <= lineStarts.count else { return "" }
        let start = lineStarts[number - 1]
        var end = number < lineStarts.count ? lineStarts[number] : bytes.count
        while end > start, bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// The whole text.
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}

extension SourceFile {
    /// Decodes raw file bytes, reporting the first invalid UTF-8 sequence and each NUL byte
    /// instead of failing: the parser still sees the rest of the file.
    public static func decode(path: String, data: [UInt8]) -> (SourceFile, [Diagnostic]) {
        var bytes = data
        var diagnostics: [Diagnostic] = []
        // A UTF-8 byte order mark is allowed and dropped.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if !isValidUTF8(bytes) {
            let (fixed, firstBad) = repairUTF8(bytes)
            let probe = SourceFile(path: path, bytes: Array(bytes[..<firstBad]))
            let loc = probe.endLocation
            diagnostics.append(
                Diagnostic(
                    .invalidUTF8, "the file is not valid UTF-8 (first bad byte here); save it as UTF-8",
                    at: SourceRange(file: path, start: loc, end: loc)))
            bytes = fixed
        }
        let file = SourceFile(path: path, bytes: bytes)
        if let nul = bytes.firstIndex(of: 0) {
            let loc = file.location(ofOffset: nul)
            diagnostics.append(
                Diagnostic(
                    .nulByte, "the file contains a NUL byte; is it a binary file?",
                    at: SourceRange(file: path, start: loc, end: loc)))
        }
        return (file, diagnostics)
    }

    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        var it = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&it) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }

    static func repairUTF8(_ bytes: [UInt8]) -> ([UInt8], Int) {
        // Find the first bad offset by validating growing prefixes of scalars.
        var i = 0
        var firstBad = bytes.count
        while i < bytes.count {
            let len = scalarLength(bytes, i)
            if len == 0 { firstBad = i; break }
            i += len
        }
        let repaired = Array(String(decoding: bytes, as: UTF8.self).utf8)
        return (repaired, firstBad)
    }

    /// Length of the valid UTF-8 scalar at `i`, or 0 when the bytes there are invalid.
    static func scalarLength(_ b: [UInt8], _ i: Int) -> Int {
        let c = b[i]
        let need: Int
        switch c {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: need = 1
        case 0xE0...0xEF: need = 2
        case 0xF0...0xF4: need = 3
        default: return 0
        }
        guard i + need < b.count else { return 0 }
        let slice = Array(b[i...(i + need)])
        return String(validating: slice, as: UTF8.self) == nil ? 0 : need + 1
    }

    /// The location just past the last byte.
    public var endLocation: SourceLocation { location(ofOffset: bytes.count) }

    /// Line and column (counted in Unicode scalars) of a byte offset.
    public func location(ofOffset offset: Int) -> SourceLocation {
        // Binary search the line.
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        var column = 1
        var i = lineStarts[lo]
        while i < offset && i < bytes.count {
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return SourceLocation(line: lo + 1, column: column, offset: offset)
    }
}
