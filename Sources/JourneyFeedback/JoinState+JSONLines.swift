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
    func string(_ c: Logical) -> String? { field(c).map { String(decoding: $0, as: UTF8.self) } }
}

extension JoinState {
    /// JSON Lines: one object per line, keys as the CSV header would be. Read line by line
    /// through the CSV reader's buffer logic is not possible (JSON quotes differ), so lines
    /// are read with a bounded line reader.
    mutating func ingestJSONLines(_ source: FeedbackSource) {
        guard let handle = FileHandle(forReadingAtPath: source.resolvedPath) else {
            report(.error, "JM300", "cannot read feedback '\(source.path)'", line: 1)
            return
        }
        defer { try? handle.close() }
        var keys = [String](repeating: "", count: Logical.allCases.count)
        for c in Logical.allCases { keys[c.rawValue] = (source.columns[c.name] ?? c.name) }
        var pending = Data()
        var line = 0
        func process(_ data: Data) {
            line += 1
            if data.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return }
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
        while true {
            let chunk = handle.readData(ofLength: 1 << 20)
            if chunk.isEmpty { break }
            pending.append(chunk)
            while let nl = pending.firstIndex(of: 0x0A) {
                process(pending[pending.startIndex..<nl])
                pending = pending[(nl + 1)...]
            }
            if pending.count > 64 << 20 {
                report(.error, "JM300", "a JSON line is longer than 64 MiB", line: line + 1)
                return
            }
            pending = Data(pending)
        }
        if !pending.isEmpty { process(pending) }
    }
}
