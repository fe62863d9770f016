#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Splitting a file into byte ranges that start at row boundaries, for the parallel join.
///
/// Why two passes: a byte in the middle of a CSV file cannot tell whether it is inside a
/// quoted field (a quoted comment may hold line breaks), and the join needs each row's
/// physical line number while it reads (line numbers are in diagnostics, order the comment
/// sample and key respondents' random groups), which speculation on both quote parities
/// would only give after the fact. So a first pass counts, per range, the quotes and line
/// breaks (eight bytes at a time, every range at once on its own thread: the file is read at
/// memory speed, about a tenth of the parse); the running totals give each range's quote
/// parity and first line. In a well-formed file an even number of quotes before a byte means
/// it is outside quotes (doubled quotes inside a field come in pairs), so a range starts
/// after the first line break with even parity. A malformed file can fool parity (a stray
/// quote in an unquoted field), which is why the parse confirms each boundary: the range
/// before must end exactly there (`CSVReader.stopped`), else the caller reads serially.
extension CSVReader {
    /// Quotes and physical line breaks (LF, or CR not followed by LF: as `Row.line` counts) in
    /// a range of a file.
    struct RangeCounts: Sendable, Equatable {
        /// Bytes `"` in the range.
        var quotes = 0
        /// Line breaks in the range.
        var breaks = 0
    }

    /// Counts quotes and line breaks in `range` of `path` (the byte after it is read to tell a
    /// CR that ends a line from the CR of a CRLF).
    static func counts(path: String, range: Range<Int>) throws(Failure) -> RangeCounts {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .cannotOpen(String(cString: strerror(errno))) }
        defer { close(fd) }
        let size = 256 << 10
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: size + 1)
        defer { buffer.deallocate() }
        var c = RangeCounts()
        var at = range.lowerBound
        while at < range.upperBound {
            let want = min(size, range.upperBound - at)
            // One byte more (the next chunk's first, or past the range) to see what follows a CR.
            let n = try readFully(fd, buffer, want + 1, at)
            guard n > 0 else { break }
            let used = min(n, want)
            let k = tally(buffer, used)
            c.quotes += k.quotes
            // Breaks: every LF, and every CR but those of a CRLF (its LF counts).
            c.breaks += k.lf + k.cr - k.crlf
            if used > 0, buffer[used - 1] == 0x0D, n > used, buffer[used] == 0x0A { c.breaks -= 1 }
            at += used
            if n <= want { break }  // end of file
        }
        return c
    }

    /// The first row start at or after `from` (a range's nominal start), given the parity of
    /// the quotes before `from` and the number of line breaks before it; returns the offset and
    /// that row's line. Nil when no line break outside quotes comes within `limit` bytes (a
    /// quote that never closes): the caller then reads serially.
    static func rowStart(
        path: String, from: Int, oddQuotes: Bool, breaksBefore: Int, fileSize: Int, limit: Int
    ) throws(Failure) -> (offset: Int, line: Int)? {
        guard from > 0, from < fileSize else { return (min(max(from, 0), fileSize), breaksBefore + 1) }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .cannotOpen(String(cString: strerror(errno))) }
        defer { close(fd) }
        let size = 64 << 10
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: size + 1)
        defer { buffer.deallocate() }
        // Position q starts a row when the quotes before it are even and the byte before it
        // ends a line: LF, or a CR not followed by LF. Scan from the byte before `from`.
        var odd = oddQuotes
        var breaks = breaksBefore
        var at = from - 1
        var previous: UInt8 = 0
        var havePrevious = false
        while at < fileSize, at - from < limit {
            let n = try readFully(fd, buffer, min(size, fileSize - at), at)
            guard n > 0 else { break }
            for i in 0..<n {
                let b = buffer[i]
                let q = at + i  // position of b
                if havePrevious, q >= from, !odd {
                    // Does the row start at q? The byte before it (previous) ends a line.
                    if previous == 0x0A || (previous == 0x0D && b != 0x0A) { return (q, breaks + 1) }
                }
                // Quotes before `from` are already in oddQuotes; so are the breaks.
                if q >= from {
                    if b == 0x22 { odd.toggle() }
                    if b == 0x0A || (b == 0x0D && !(i + 1 < n ? buffer[i + 1] == 0x0A : peek(fd, q + 1) == 0x0A)) { breaks += 1 }
                }
                previous = b
                havePrevious = true
            }
            at += n
        }
        if at >= fileSize {
            // The end of the file: a last row without a line break ends there.
            if !odd, havePrevious, previous == 0x0A || previous == 0x0D { return (fileSize, breaks + 1) }
            return odd ? nil : (fileSize, breaks + 1)
        }
        return nil
    }

    /// The byte at `offset`, or nil past the end.
    private static func peek(_ fd: Int32, _ offset: Int) -> UInt8? {
        var b: UInt8 = 0
        return pread(fd, &b, 1, off_t(offset)) == 1 ? b : nil
    }

    /// Reads up to `count` bytes at `offset` (fewer only at the end of the file).
    static func readFully(_ fd: Int32, _ buffer: UnsafeMutablePointer<UInt8>, _ count: Int, _ offset: Int) throws(Failure) -> Int {
        var done = 0
        while done < count {
            let n = pread(fd, buffer + done, count - done, off_t(offset + done))
            if n < 0 {
                if errno == EINTR { continue }
                throw .readError(String(cString: strerror(errno)))
            }
            if n == 0 { break }
            done += n
        }
        return done
    }

    /// Quotes, LFs, CRs and CRLF pairs in `buffer[0..<n]`, in one pass eight bytes at a time:
    /// an exact per-byte zero test on the XOR with each value (no false hits from borrows),
    /// and a CR's bit shifted onto the next byte for the pairs (carried across words). Hits
    /// are added per byte lane and summed every 255 words: no popcount per word (the baseline
    /// x86-64 target has no POPCNT instruction; a popcount per word made this pass 15% of the
    /// join's CPU).
    static func tally(_ buffer: UnsafeMutablePointer<UInt8>, _ n: Int) -> (quotes: Int, lf: Int, cr: Int, crlf: Int) {
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let ones: UInt64 = 0x0101_0101_0101_0101
        @inline(__always) func zeros(_ v: UInt64) -> UInt64 { ~(((v & low7) &+ low7) | v | low7) }
        /// The sum of the eight byte lanes (each up to 255: summed in 16-bit lanes first).
        @inline(__always) func lanes(_ x: UInt64) -> Int {
            let pairs = (x & 0x00FF_00FF_00FF_00FF) &+ ((x >> 8) & 0x00FF_00FF_00FF_00FF)
            return Int((pairs &* 0x0001_0001_0001_0001) >> 48)
        }
        var quotes = 0, lf = 0, cr = 0, crlf = 0
        var q: UInt64 = 0, l: UInt64 = 0, r: UInt64 = 0, p: UInt64 = 0  // per-lane counts, < 256
        var inLanes = 0
        var carry: UInt64 = 0  // 1 when the byte before the word is a CR
        var i = 0
        let raw = UnsafeRawPointer(buffer)
        while i + 8 <= n {
            let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            let lfs = zeros(w ^ (ones &* 0x0A)), crs = zeros(w ^ (ones &* 0x0D))
            q &+= zeros(w ^ (ones &* 0x22)) >> 7
            l &+= lfs >> 7
            if crs | carry != 0 {
                r &+= crs >> 7
                p &+= (lfs & ((crs << 8) | (carry << 7))) >> 7
            }
            carry = crs >> 63
            i += 8
            inLanes += 1
            if inLanes == 255 {
                quotes += lanes(q); lf += lanes(l); cr += lanes(r); crlf += lanes(p)
                (q, l, r, p, inLanes) = (0, 0, 0, 0, 0)
            }
        }
        quotes += lanes(q); lf += lanes(l); cr += lanes(r); crlf += lanes(p)
        var previousCR = carry != 0
        while i < n {
            let b = buffer[i]
            if b == 0x22 { quotes += 1 }
            if b == 0x0A {
                lf += 1
                if previousCR { crlf += 1 }
            }
            if b == 0x0D { cr += 1 }
            previousCR = b == 0x0D
            i += 1
        }
        return (quotes, lf, cr, crlf)
    }
}

extension CSVReader {
    /// The size of a regular file; nil for anything else (a pipe, a device, a missing file):
    /// only a regular file can be split into ranges.
    static func fileSize(_ path: String) -> Int? {
        var st = stat()
        guard stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(st.st_size)
    }
}

extension CSVReader {
    /// LF bytes in `range` of `path` (JSON Lines: only LF ends a line).
    static func lineFeeds(path: String, range: Range<Int>) throws(Failure) -> Int {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .cannotOpen(String(cString: strerror(errno))) }
        defer { close(fd) }
        let size = 256 << 10
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: size)
        defer { buffer.deallocate() }
        var lf = 0
        var at = range.lowerBound
        while at < range.upperBound {
            let n = try readFully(fd, buffer, min(size, range.upperBound - at), at)
            guard n > 0 else { break }
            lf += tally(buffer, n).lf
            at += n
        }
        return lf
    }

    /// The offset of the first LF at or after `from`: -1 when there is none before the end of
    /// the file, nil when none comes within `limit` bytes (a line too long to read).
    static func firstLineFeed(path: String, from: Int, fileSize: Int, limit: Int) throws(Failure) -> Int? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .cannotOpen(String(cString: strerror(errno))) }
        defer { close(fd) }
        let size = 64 << 10
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: size)
        defer { buffer.deallocate() }
        var at = max(0, from)
        while at < fileSize {
            guard at - from <= limit else { return nil }
            let n = try readFully(fd, buffer, min(size, fileSize - at), at)
            guard n > 0 else { break }
            if let p = memchr(buffer, 0x0A, n) { return at + buffer.distance(to: p.assumingMemoryBound(to: UInt8.self)) }
            at += n
        }
        return -1
    }
}
