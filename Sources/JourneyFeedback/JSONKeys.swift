import Foundation

/// The top-level keys of one JSON object, in order, as written (JSONSerialization keeps the
/// last of two equal keys without a word; JSON Lines rows with a repeated key are rejected).
enum JSONKeys {
    /// The first key that appears twice at the top level of `data`, or nil. Assumes `data`
    /// already parsed as an object; escapes in keys are decoded before comparing.
    static func firstDuplicate(_ data: Data) -> String? {
        let bytes = [UInt8](data)
        var i = 0, depth = 0
        var seen = Set<String>()
        var expectKey = false
        while i < bytes.count {
            let c = bytes[i]
            switch c {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
                expectKey = depth == 1 && c == UInt8(ascii: "{")
                i += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                i += 1
            case UInt8(ascii: ","):
                expectKey = depth == 1
                i += 1
            case UInt8(ascii: "\""):
                let start = i
                i += 1
                while i < bytes.count, bytes[i] != UInt8(ascii: "\"") {
                    i += bytes[i] == UInt8(ascii: "\\") ? 2 : 1
                }
                i += 1
                if expectKey {
                    expectKey = false
                    let raw = Data(bytes[start..<min(i, bytes.count)])
                    let key =
                        (try? JSONSerialization.jsonObject(with: raw, options: [.fragmentsAllowed]) as? String)
                        ?? String(decoding: raw, as: UTF8.self)
                    if !seen.insert(key).inserted { return key }
                }
            default:
                i += 1
            }
        }
        return nil
    }
}
