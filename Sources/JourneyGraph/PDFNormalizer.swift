/// cairo stamps `/CreationDate (D:…)` (and SOURCE_DATE_EPOCH does not help with this
/// version), so two renders of the same graph differ. The date is overwritten in place with
/// a fixed one of the same length, keeping every byte offset in the xref table valid.
package enum PDFNormalizer {
    package static func normalize(_ pdf: [UInt8]) -> [UInt8] {
        var bytes = pdf
        for key in ["/CreationDate", "/ModDate"] {
            let pattern = Array(key.utf8)
            var i = 0
            while let at = find(pattern, in: bytes, from: i) {
                i = at + pattern.count
                guard let open = bytes[i..<min(bytes.count, i + 8)].firstIndex(of: UInt8(ascii: "(")),
                    let close = bytes[open..<min(bytes.count, open + 64)].firstIndex(of: UInt8(ascii: ")"))
                else { continue }
                let fixed = Array("D:20000101000000Z".utf8)
                for j in (open + 1)..<close {
                    let k = j - open - 1
                    bytes[j] = k < fixed.count ? fixed[k] : UInt8(ascii: " ")
                }
            }
        }
        return bytes
    }

    static func find(_ needle: [UInt8], in hay: [UInt8], from start: Int) -> Int? {
        guard needle.count <= hay.count else { return nil }
        var i = start
        while i + needle.count <= hay.count {
            if hay[i] == needle[0], Array(hay[i..<(i + needle.count)]) == needle { return i }
            i += 1
        }
        return nil
    }
}
