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
    mutating func ingestJSONLines(_ source: FeedbackSource) {
        guard let handle = FileHandle(forReadingAtPath: source.resolvedPath) else {
            report(.unreadableFeedback, "cannot read feedback '\(source.path)'", line: 1)
            return
        }
        defer { try? handle.close() }
        var keys = [String](repeating: "", count: Logical.allCases.count)
        for c in Logical.allCases { keys[c.rawValue] = (source.columns[c.name] ?? c.name) }
        var line = 0
        func process(_ raw: ArraySlice<UInt8>) {
            line += 1
            if raw.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return }
            // Invalid UTF-8 is a file problem, as in CSV: an error, not "not a JSON object".
            if raw.contains(where: { $0 >= 0x80 }), let bad = JoinState.firstInvalidUTF8(raw) {
                accounting.read += 1
                tallyUnreadableRow(wide: false)
                accounting.rejected += 1
                accounting.rejectedByReason["invalid UTF-8", default: 0] += 1
                example(
                    "invalid UTF-8", .error, .invalidUTF8Row, "the line is not valid UTF-8; save the file as UTF-8", line: line, column: bad
                )
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
        var buffer: [UInt8] = []
        var start = 0  // first byte of the unfinished line
        var scanned = 0  // bytes before this hold no line break
        while true {
            let chunk = handle.readData(ofLength: 1 << 20)
            if chunk.isEmpty { break }
            // Drop finished lines; what is left is less than one chunk (a line break was in it).
            if start > 0 {
                buffer.removeSubrange(0..<start)
                scanned -= start
                start = 0
            }
            buffer.append(contentsOf: chunk)
            while let nl = JoinState.lineBreak(in: buffer, from: scanned) {
                process(buffer[start..<nl])
                start = nl + 1
                scanned = start
            }
            scanned = buffer.count
            if buffer.count - start > maxRowBytes {
                report(
                    .rowTooLong,
                    "line \(line + 1) is longer than \(maxRowBytes >> 20) MiB (a file with no line breaks?); reading stopped there",
                    line: line + 1)
                return
            }
        }
        if start < buffer.count { process(buffer[start...]) }
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
