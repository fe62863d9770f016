import Foundation
import JourneyCore

/// A JSON object's values as bytes, by logical column, in one buffer owned by the caller.
struct JSONRowSource: FieldSource {
    let storage: UnsafeBufferPointer<UInt8>
    let ranges: [Range<Int>?]
    /// Respondent-level values (`JoinState.extraColumns`).
    var extraRanges: [Range<Int>?] = []
    func field(_ c: Logical) -> UnsafeBufferPointer<UInt8>? {
        ranges[c.rawValue].map { UnsafeBufferPointer(rebasing: storage[$0]) }
    }
    func extra(_ i: Int) -> UnsafeBufferPointer<UInt8>? {
        i < extraRanges.count ? extraRanges[i].map { UnsafeBufferPointer(rebasing: storage[$0]) } : nil
    }
    func extraColumn(_ i: Int) -> Int { 1 }
    func column(_ c: Logical) -> Int { 1 }
    func lineOffset(_ c: Logical) -> Int { 0 }
    func string(_ c: Logical) -> String? { field(c).map { String(decoding: $0, as: UTF8.self) } }
}

extension JoinState {
    /// JSON Lines: one object per line, keys as the CSV header would be. Lines are split
    /// with `memchr` over a growing buffer that is searched once (each byte is looked at a
    /// constant number of times, so a 100 MB line costs what 100 MB of short lines cost), and
    /// a line longer than `maxRowBytes` stops the file as soon as the buffer passes it.
    ///
    /// A large regular file is summed in ranges, as long CSV data is (JoinState+Ranges): read
    /// on every core (JoinState+JSONRanges.swift), or with one thread in this one pass cut at
    /// the same boundaries. JSON Lines needs no quote parity: a line break inside a string
    /// must be written `\n` in valid JSON, and this reader ends a line at every LF anyway, so
    /// each LF ends a line for the ranges exactly as for the one pass.
    mutating func ingestJSONLines(_ source: FeedbackSource) {
        let plan = rangeCuts(source)
        if let plan, plan.threads > 1, ingestJSONLinesRanges(source, plan: plan) { return }
        guard let handle = FileHandle(forReadingAtPath: source.resolvedPath) else {
            report(.unreadableFeedback, "cannot read feedback '\(source.path)'", line: 1)
            return
        }
        defer { try? handle.close() }
        let keys = jsonKeys(source)
        var line = 0
        var finished: Bool
        if let plan {
            // Cut: each range from zero, merged in file order (the sums of any thread count).
            let template = rangeTemplate()
            var local = template.seeded(categories)
            var next = plan.rangeBytes
            finished = JoinState.forEachLine(handle, from: 0, to: Int.max, maxRowBytes: maxRowBytes) { raw, offset in
                line += 1
                if offset >= next {
                    absorb(local, seeded: true)
                    local = template.seeded(categories)
                    while next <= offset { next += plan.rangeBytes }
                }
                local.ingestJSONLine(raw, line: line, keys: keys)
            }
            absorb(local, seeded: true)
        } else {
            finished = JoinState.forEachLine(handle, from: 0, to: Int.max, maxRowBytes: maxRowBytes) { raw, _ in
                line += 1
                ingestJSONLine(raw, line: line, keys: keys)
            }
        }
        if !finished { reportLongLine(line + 1) }
    }

    /// The key of each logical column in the source's objects.
    func jsonKeys(_ source: FeedbackSource) -> [String] {
        var keys = [String](repeating: "", count: Logical.allCases.count)
        for c in Logical.allCases { keys[c.rawValue] = (source.columns[c.name] ?? c.name) }
        return keys
    }

    /// A line too long to read: the file stops there.
    mutating func reportLongLine(_ line: Int) {
        report(
            .rowTooLong, "line \(line) is longer than \(maxRowBytes >> 20) MiB (a file with no line breaks?); reading stopped there",
            line: line)
    }

    /// Calls `body` with each line (without its LF) that starts in `from..<to` (`from` starts a
    /// line) and the line's offset in the file; false when a line grew past `maxRowBytes`
    /// (reading stopped there: the line after the last one given).
    static func forEachLine(
        _ handle: FileHandle, from: Int, to: Int, maxRowBytes: Int, _ body: (ArraySlice<UInt8>, Int) -> Void
    ) -> Bool {
        if from > 0 { try? handle.seek(toOffset: UInt64(from)) }
        var buffer: [UInt8] = []
        var base = from  // file offset of buffer[0]
        var start = 0  // first byte of the unfinished line
        var scanned = 0  // bytes before this hold no line break
        while base + start < to {
            let chunk = handle.readData(ofLength: 1 << 20)
            if chunk.isEmpty { break }
            // Drop finished lines; what is left is less than one chunk (a line break was in it).
            if start > 0 {
                buffer.removeSubrange(0..<start)
                base += start
                scanned -= start
                start = 0
            }
            buffer.append(contentsOf: chunk)
            while base + start < to, let nl = JoinState.lineBreak(in: buffer, from: scanned) {
                body(buffer[start..<nl], base + start)
                start = nl + 1
                scanned = start
            }
            scanned = buffer.count
            if base + start < to, buffer.count - start > maxRowBytes { return false }
        }
        if start < buffer.count, base + start < to { body(buffer[start...], base + start) }
        return true
    }

    /// One line of JSON Lines: blank lines are skipped, anything but a JSON object rejected.
    mutating func ingestJSONLine(_ raw: ArraySlice<UInt8>, line: Int, keys: [String]) {
        if raw.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return }
        // Invalid UTF-8 is a file problem, as in CSV: an error, not "not a JSON object".
        if raw.contains(where: { $0 >= 0x80 }), let bad = JoinState.firstInvalidUTF8(raw) {
            accounting.read += 1
            tallyUnreadableRow(wide: false)
            accounting.rejected += 1
            accounting.rejectedByReason["invalid UTF-8", default: 0] += 1
            example(
                "invalid UTF-8", .error, .invalidUTF8Row, "the line is not valid UTF-8; save the file as UTF-8", line: line, column: bad)
            return
        }
        let data = Data(raw)
        guard let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) as? [String: Any] else {
            accounting.read += 1
            tallyUnreadableRow(wide: false)
            reject("not a JSON object", "the line is not a JSON object", line, 1)
            return
        }
        if let key = JSONKeys.firstDuplicate(data) {
            accounting.read += 1
            tallyUnreadableRow(wide: false)
            reject("duplicate key in a JSON object", "key '\(key)' appears twice in the object (which one is meant?)", line, 1)
            return
        }
        var bytes: [UInt8] = []
        func text(_ v: Any) -> String? {
            switch v {
            case is NSNull: return nil
            case let s as String: return s
            // JSON true/false arrive as NSNumber: keep them words, never 1/0 (not a score).
            case let n as NSNumber where String(cString: n.objCType) == "c": return n.boolValue ? "true" : "false"
            case let n as NSNumber: return n.stringValue
            default: return "(not a value)"
            }
        }
        func range(_ key: String) -> Range<Int>? {
            guard let v = object[key], let t = text(v) else { return nil }
            let start = bytes.count
            bytes += Array(t.utf8)
            return start..<bytes.count
        }
        var ranges: [Range<Int>?] = Array(repeating: nil, count: Logical.allCases.count)
        for c in Logical.allCases { ranges[c.rawValue] = range(keys[c.rawValue]) }
        let extraRanges = extraColumns.map { $0.isEmpty ? nil : range($0) }
        bytes.withUnsafeBufferPointer { storage in
            ingestLong(JSONRowSource(storage: storage, ranges: ranges, extraRanges: extraRanges), line: line)
        }
    }

    /// The index of the first LF at or after `from`, or nil.
    static func lineBreak(in buffer: [UInt8], from: Int) -> Int? {
        guard from < buffer.count else { return nil }
        return buffer.withUnsafeBufferPointer { b -> Int? in
            guard let p = memchr(b.baseAddress! + from, 0x0A, b.count - from) else { return nil }
            return b.baseAddress!.distance(to: p.assumingMemoryBound(to: UInt8.self))
        }
    }

    /// The column (Unicode scalars, 1-based) of the first byte that is not valid UTF-8, or nil.
    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int? {
        var decoder = UTF8()
        var it = bytes.makeIterator()
        var column = 1
        while true {
            switch decoder.decode(&it) {
            case .scalarValue: column += 1
            case .emptyInput: return nil
            case .error: return column
            }
        }
    }
}
