#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A streaming RFC 4180 reader over bytes.
///
/// Written by hand on purpose: the two Swift CSV packages available to us silently swallow
/// the rest of a file after an unterminated quote or text after a closing quote, pass ragged
/// rows without a word, and are 3–10× slower than pandas or polars on the same file
/// (measured, see ../shared/robustness-notes.md and BENCHMARKS.md). This reader:
/// - handles quoted fields, doubled quotes, line breaks inside quotes, CRLF, lone CR, a UTF-8
///   BOM, `,` `;` tab and `|` delimiters (declared, from an Excel `sep=` line, or detected);
/// - reports every malformation with its line: an unterminated quote, text after a closing
///   quote, a quote inside an unquoted field, invalid UTF-8 (rows with problems are flagged,
///   never silently merged or dropped);
/// - reads with a fixed buffer (memory does not grow with the file) and hands out fields as
///   byte ranges, so a caller pays for a `String` only where it needs one.
public struct CSVReader: ~Copyable {
    /// A malformation of one row; the row is flagged and its fields are still readable.
    public enum Problem: Sendable, Hashable {
        case textAfterClosingQuote
        case quoteInUnquotedField
        case invalidUTF8
        case rowTooLong
    }

    /// One row, valid only inside the `forEachRow` callback.
    public struct Row {
        /// Physical line where the row starts (1-based, the header is line 1 unless preceded
        /// by `sep=`).
        public let line: Int
        /// How many fields the row has.
        public let fieldCount: Int
        /// The first malformation found in the row, or nil for a well-formed row.
        public let problem: Problem?
        /// Byte offset of the row in the buffer (for columns in messages).
        @usableFromInline let start: Int
        /// Byte offset where `problem` was found.
        @usableFromInline let problemOffset: Int
        /// File offsets of the row's first byte and of the byte after its line break: where
        /// ranges of the file are cut (JoinState+Ranges).
        let offset: Int
        let end: Int
        @usableFromInline let base: UnsafePointer<UInt8>
        @usableFromInline let bounds: UnsafePointer<Int>
        @usableFromInline let escaped: UnsafePointer<Bool>

        /// The raw bytes of field `i` (quotes removed; doubled quotes still doubled, see `string`).
        @inlinable public func bytes(_ i: Int) -> UnsafeBufferPointer<UInt8> {
            let start = bounds[2 * i], end = bounds[2 * i + 1]
            return UnsafeBufferPointer(start: base + start, count: end - start)
        }

        /// A malformed row with a quote in it: quotes outside quoted fields upset the parity of
        /// quotes that the parallel join's first pass uses to find row starts (JoinState+Ranges).
        var mayFoolQuoteParity: Bool {
            guard problem != nil else { return false }
            return UnsafeBufferPointer(start: base + start, count: end - offset).contains(0x22)
        }

        /// Whether field `i` is empty (no bytes; `""` in quotes is empty too).
        @inlinable public func isEmpty(_ i: Int) -> Bool { bounds[2 * i] == bounds[2 * i + 1] }

        /// The column (in Unicode scalars, 1-based) where field `i` starts on its line.
        public func column(of i: Int) -> Int { position(of: fieldStart(i)).column }

        /// The physical line where field `i` starts: later than `line` when a quoted field
        /// before it holds line breaks.
        public func line(of i: Int) -> Int { position(of: fieldStart(i)).line }

        /// Line and column of the problem (where the stray quote, the text after a closing
        /// quote or the first invalid byte is).
        public var problemPosition: (line: Int, column: Int) { position(of: problemOffset) }

        /// Where field `i` starts, its opening quote included.
        func fieldStart(_ i: Int) -> Int {
            var s = bounds[2 * i]
            if s > start, base[s - 1] == 0x22 { s -= 1 }
            return s
        }

        /// Line and column (Unicode scalars, 1-based) of a byte offset inside the row: line
        /// breaks (LF, CRLF, lone CR) before it are counted from the row's first line.
        func position(of offset: Int) -> (line: Int, column: Int) {
            var l = line
            var lineStart = start
            var k = start
            while k < offset {
                let b = base[k]
                if b == 0x0A || (b == 0x0D && !(k + 1 < offset && base[k + 1] == 0x0A)) {
                    l += 1
                    lineStart = k + 1
                }
                k += 1
            }
            var col = 1
            k = lineStart
            while k < offset {
                if base[k] & 0xC0 != 0x80 { col += 1 }
                k += 1
            }
            return (l, col)
        }

        /// Field `i` as text, with doubled quotes undone.
        public func string(_ i: Int) -> String {
            let b = bytes(i)
            if !escaped[i] { return String(decoding: b, as: UTF8.self) }
            var out: [UInt8] = []
            out.reserveCapacity(b.count)
            var k = 0
            while k < b.count {
                out.append(b[k])
                if b[k] == 0x22, k + 1 < b.count, b[k + 1] == 0x22 { k += 1 }
                k += 1
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Why a file could not be read to its end.
    public enum Failure: Error, Sendable, Equatable {
        case cannotOpen(String)
        /// A quoted field runs to the end of the file: the file is cut or malformed.
        case unterminatedQuote(line: Int)
        /// The row starting at `line` runs past `limit` bytes without ending.
        case rowTooLong(line: Int, limit: Int)
        case readError(String)

        /// A sentence for a diagnostic (never a Swift debug description).
        public var message: String {
            switch self {
            case .cannotOpen(let why): "cannot open it: \(why)"
            case .unterminatedQuote(let line): "a quoted field opened on line \(line) never closes"
            case .rowTooLong(let line, let limit):
                "the row starting on line \(line), column 1 is longer than \(limit >> 20) MiB (a file with no line breaks, or a quote that never closes); reading stopped there"
            case .readError(let why): "cannot read it: \(why)"
            }
        }
    }

    /// The field separator: declared, from an Excel `sep=` line, or detected from the header line.
    public private(set) var delimiter: UInt8
    private let detect: Bool
    private let fd: Int32
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private let maxRowBytes: Int
    private var bounds: UnsafeMutablePointer<Int>
    private var escapedFlags: UnsafeMutablePointer<Bool>
    private let maxFields: Int
    /// Bytes read so far (for progress and error context).
    public private(set) var bytesRead: Int = 0
    /// File offset of `buffer[0]`: rows' absolute offsets for a ranged read (CSVReader+Ranges).
    private var bufferOffset = 0
    /// A ranged read: the first line's number, no BOM, `sep=` or delimiter detection (the
    /// range starts at a row boundary in the middle of the file), and where to stop.
    private var continuation: (line: Int, stop: Int)?
    /// Where reading stopped: the offset of the first row not read (the end of the file when
    /// it ran to the end), and that row's line. Set when `forEachRow` returns.
    private(set) var stopped: (offset: Int, line: Int) = (0, 1)
    /// A mapped range: the mapping (from a page boundary) that `buffer` points into.
    private var mapping: (UnsafeMutableRawPointer, Int)?

    /// Opens `path`. `delimiter` nil: detected from the header line.
    public init(
        path: String, delimiter: Character?, chunkSize: Int = 1 << 20, maxRowBytes: Int = 64 << 20, maxFields: Int = 100_000
    ) throws(Failure) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .cannotOpen(String(cString: strerror(errno))) }
        self.fd = fd
        self.delimiter = delimiter.flatMap { $0.asciiValue } ?? UInt8(ascii: ",")
        self.detect = delimiter == nil
        self.capacity = chunkSize
        self.maxRowBytes = maxRowBytes
        self.maxFields = maxFields
        buffer = .allocate(capacity: chunkSize)
        bounds = .allocate(capacity: 2 * (maxFields + 1))
        escapedFlags = .allocate(capacity: maxFields + 1)
    }

    /// Opens `path` for the rows starting in `range` (a row boundary found by `rowStarts`,
    /// up to the next one): `line` is the number of the range's first line. Rows are read to
    /// their end even past `range` (then `stopped` tells that the boundary was not a row's).
    init(
        path: String, delimiter: UInt8, range: Range<Int>, line: Int, chunkSize: Int = 1 << 20, maxRowBytes: Int = 64 << 20
    )
        throws(Failure)
    {
        try self.init(path: path, delimiter: Character(Unicode.Scalar(delimiter)), chunkSize: chunkSize, maxRowBytes: maxRowBytes)
        bufferOffset = range.lowerBound
        continuation = (line, range.upperBound)
    }

    /// Like `init(path:delimiter:range:line:)`, but the file is mapped into memory from the
    /// range's start to its end instead of read into a buffer (no copy; the pages are the
    /// page cache's, given back when the reader ends).
    init(
        path: String, delimiter: UInt8, mappedRange range: Range<Int>, fileSize: Int, line: Int, maxRowBytes: Int = 64 << 20
    )
        throws(Failure)
    {
        try self.init(path: path, delimiter: Character(Unicode.Scalar(delimiter)), maxRowBytes: maxRowBytes)
        bufferOffset = range.lowerBound
        continuation = (line, range.upperBound)
        guard range.lowerBound < fileSize else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let aligned = range.lowerBound - range.lowerBound % page
        let length = fileSize - aligned
        // If the map fails, the range is read into the buffer instead (pread, as the other init).
        guard let base = mmap(nil, length, PROT_READ, MAP_PRIVATE, fd, off_t(aligned)), base != MAP_FAILED else { return }
        _ = madvise(base, length, MADV_SEQUENTIAL)
        mapping = (base, length)
        buffer.deallocate()
        buffer = (base + (range.lowerBound - aligned)).assumingMemoryBound(to: UInt8.self)
        capacity = fileSize - range.lowerBound
    }

    deinit {
        close(fd)
        if let (base, length) = mapping { munmap(base, length) } else { buffer.deallocate() }
        bounds.deallocate()
        escapedFlags.deallocate()
    }

    /// Reads the whole file, calling `body` for every row (the header included). Blank lines
    /// are skipped. Stops early when `body` returns false.
    public mutating func forEachRow(_ body: (Row) -> Bool) throws(Failure) {
        // A mapped range has all its bytes from the start (to the end of the file).
        var filled = mapping == nil ? 0 : capacity  // bytes valid in buffer
        var pos = 0  // start of the current (unfinished) row
        var eof = mapping != nil
        var line = continuation?.line ?? 1
        var first = continuation == nil
        let stop = continuation?.stop ?? Int.max
        while true {
            // Top up the buffer: keep the unfinished row, read behind it.
            if pos > 0 {
                if filled > pos { memmove(buffer, buffer + pos, filled - pos) }
                filled -= pos
                bufferOffset += pos
                pos = 0
            }
            if !eof {
                if filled == capacity {
                    guard capacity < maxRowBytes else { throw .rowTooLong(line: line, limit: maxRowBytes) }
                    let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
                    bigger.update(from: buffer, count: filled)
                    buffer.deallocate()
                    buffer = bigger
                    capacity *= 2
                }
                // A range reads at its own offsets (pread); a whole file reads on (a pipe too).
                let n =
                    continuation == nil
                    ? read(fd, buffer + filled, capacity - filled)
                    : pread(fd, buffer + filled, capacity - filled, off_t(bufferOffset + filled))
                if n < 0 {
                    if errno == EINTR { continue }
                    throw .readError(String(cString: strerror(errno)))
                }
                if n == 0 { eof = true } else { filled += n; bytesRead += n }
            }
            if first {
                if filled < 3 && !eof { continue }
                first = false
                if filled >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { pos = 3 }
                if let (sep, skip) = excelSeparatorLine(from: pos, filled: filled) {
                    delimiter = sep
                    pos += skip
                    line += 1
                } else if detect {
                    delimiter = detectDelimiter(from: pos, filled: filled)
                }
            }
            // Parse every complete row in the buffer.
            while pos < filled {
                if bufferOffset + pos >= stop {
                    stopped = (bufferOffset + pos, line)
                    return
                }
                let result = parseRow(from: pos, filled: filled, eof: eof)
                guard let (next, fields, problem, problemAt, lines) = result else { break }  // need more bytes
                // A buffer stops a row at `maxRowBytes`; a mapping has no such stop, so a row
                // near that size ends the range (the caller then reads the file in one pass).
                if mapping != nil, next - pos >= maxRowBytes / 2 { throw .rowTooLong(line: line, limit: maxRowBytes) }
                let blank = fields == 1 && bounds[0] == bounds[1] && !escapedFlags[0] && next - pos <= 2
                if !blank {
                    let row = Row(
                        line: line, fieldCount: fields, problem: problem, start: pos, problemOffset: problemAt,
                        offset: bufferOffset + pos, end: bufferOffset + next, base: UnsafePointer(buffer), bounds: UnsafePointer(bounds),
                        escaped: UnsafePointer(escapedFlags))
                    if !body(row) {
                        stopped = (bufferOffset + next, line + lines)
                        return
                    }
                }
                line += lines
                pos = next
            }
            if eof {
                if pos < filled { throw .unterminatedQuote(line: line) }
                stopped = (bufferOffset + pos, line)
                return
            }
        }
    }

    /// Parses one row starting at `start`. Returns nil when the row is not complete in the
    /// buffer and more bytes may come. Otherwise: where the next row starts, the number of
    /// fields, the first problem seen and where, and how many line breaks the row spans.
    private func parseRow(from start: Int, filled: Int, eof: Bool) -> (Int, Int, Problem?, Int, Int)? {
        let d = delimiter
        var i = start
        var field = 0
        var problem: Problem?
        var problemAt = start
        /// Records the first problem only, with where it is.
        func flag(_ p: Problem, _ at: Int) {
            if problem == nil { problem = p; problemAt = at }
        }
        var lines = 0
        var nonASCII: UInt8 = 0
        let rowStart = start
        while true {
            if field >= maxFields { flag(.rowTooLong, i) }
            let f = min(field, maxFields)
            escapedFlags[f] = false
            if i < filled, buffer[i] == 0x22 {
                // Quoted field.
                i += 1
                let contentStart = i
                var closed = false
                while i < filled {
                    // Skip 8 plain bytes at a time (long comments are most of a file's bytes).
                    while i + 8 <= filled, !CSVReader.hasSpecial(UnsafeRawPointer(buffer + i).loadUnaligned(as: UInt64.self), 0x22, 0x22) {
                        i += 8
                    }
                    guard i < filled else { break }
                    let b = buffer[i]
                    nonASCII |= b
                    if b == 0x22 {
                        if i + 1 < filled, buffer[i + 1] == 0x22 {
                            escapedFlags[f] = true
                            i += 2
                            continue
                        }
                        if i + 1 >= filled, !eof { return nil }  // is it a doubled quote? need more
                        closed = true
                        break
                    }
                    if b == 0x0A {
                        lines += 1
                    } else if b == 0x0D, !(i + 1 < filled && buffer[i + 1] == 0x0A) {
                        if i + 1 >= filled, !eof { return nil }
                        lines += 1
                    }
                    i += 1
                }
                guard closed else {
                    if !eof { return nil }
                    return nil  // the caller reports the unterminated quote at end of file
                }
                bounds[2 * f] = contentStart
                bounds[2 * f + 1] = i
                i += 1  // closing quote
                // After the closing quote: a delimiter, a line break or the end.
                if i < filled, buffer[i] != d, buffer[i] != 0x0A, buffer[i] != 0x0D {
                    flag(.textAfterClosingQuote, i)
                    while i < filled, buffer[i] != d, buffer[i] != 0x0A, buffer[i] != 0x0D { nonASCII |= buffer[i]; i += 1 }
                    if i >= filled, !eof { return nil }
                    bounds[2 * f + 1] = i
                }
            } else {
                let s = i
                while i < filled {
                    while i + 8 <= filled, !CSVReader.hasSpecial(UnsafeRawPointer(buffer + i).loadUnaligned(as: UInt64.self), d, 0x22) {
                        i += 8
                    }
                    guard i < filled else { break }
                    let b = buffer[i]
                    if b == d || b == 0x0A || b == 0x0D { break }
                    if b == 0x22 { flag(.quoteInUnquotedField, i) }
                    nonASCII |= b
                    i += 1
                }
                if i >= filled, !eof { return nil }
                bounds[2 * f] = s
                bounds[2 * f + 1] = i
            }
            field += 1
            if i >= filled {
                // End of file ends the last row.
                if nonASCII & 0x80 != 0, let bad = firstInvalidUTF8(rowStart, i) { flag(.invalidUTF8, bad) }
                return (i, min(field, maxFields), problem, problemAt, lines + 1)
            }
            let b = buffer[i]
            if b == d { i += 1; continue }
            // A line break ends the row.
            if b == 0x0D {
                if i + 1 >= filled, !eof { return nil }
                i += (i + 1 < filled && buffer[i + 1] == 0x0A) ? 2 : 1
            } else {
                i += 1
            }
            if nonASCII & 0x80 != 0, let bad = firstInvalidUTF8(rowStart, i) { flag(.invalidUTF8, bad) }
            return (i, min(field, maxFields), problem, problemAt, lines + 1)
        }
    }

    /// True when any of the 8 bytes in `w` is `a`, `b`, LF, CR or non-ASCII (SWAR: the
    /// classic "has a zero byte" test on `w` XOR each value).
    @inline(__always)
    static func hasSpecial(_ w: UInt64, _ a: UInt8, _ b: UInt8) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func zero(_ v: UInt64) -> UInt64 { (v &- ones) & ~v & highs }
        let hits =
            (w & highs) | zero(w ^ (ones &* UInt64(a))) | zero(w ^ (ones &* UInt64(b)))
            | zero(w ^ (ones &* 0x0A)) | zero(w ^ (ones &* 0x0D))
        return hits != 0
    }

    /// The offset of the first byte that is not valid UTF-8 in `start..<end`, or nil.
    private func firstInvalidUTF8(_ start: Int, _ end: Int) -> Int? {
        let bytes = UnsafeBufferPointer(start: buffer + start, count: end - start)
        if String(validating: bytes, as: UTF8.self) != nil { return nil }
        // Rare: find where it breaks (the start of the first sequence that does not decode).
        var decoder = UTF8()
        var it = bytes.makeIterator()
        var offset = start
        while true {
            switch decoder.decode(&it) {
            case .scalarValue(let v):
                offset += UTF8.width(v)
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    /// Excel writes `sep=;` as the first line.
    private func excelSeparatorLine(from pos: Int, filled: Int) -> (UInt8, Int)? {
        guard filled - pos >= 5 else { return nil }
        let p = buffer + pos
        guard p[0] == UInt8(ascii: "s"), p[1] == UInt8(ascii: "e"), p[2] == UInt8(ascii: "p"), p[3] == UInt8(ascii: "=") else { return nil }
        var len = 5
        if filled - pos > 5, p[5] == 0x0D { len += 1 }
        if filled - pos > len, p[len] == 0x0A { len += 1 }
        return (p[4], len)
    }

    /// The most frequent of `,` `;` tab `|` in the first line, outside quotes.
    private func detectDelimiter(from pos: Int, filled: Int) -> UInt8 {
        var counts: [UInt8: Int] = [UInt8(ascii: ","): 0, UInt8(ascii: ";"): 0, 0x09: 0, UInt8(ascii: "|"): 0]
        var inQuotes = false
        var i = pos
        while i < filled {
            let b = buffer[i]
            if b == 0x22 {
                inQuotes.toggle()
            } else if !inQuotes {
                if b == 0x0A || b == 0x0D { break }
                if counts[b] != nil { counts[b]! += 1 }
            }
            i += 1
        }
        let best = counts.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }!
        return best.value > 0 ? best.key : UInt8(ascii: ",")
    }
}
