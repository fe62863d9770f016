import Foundation

/// The words of a text as tagging rules see them: Unicode-normalised (NFKC), case-folded
/// (full folding: `Straße` is `strasse`), cut at word boundaries. A word is a run of
/// letters, digits and combining marks; an apostrophe (`'` or `’`) between two letters stays
/// in the word (`don't`), anything else separates words (`check-in` is `check` `in`).
public enum WordFolding {
    /// Only this many bytes of a comment are read: tagging looks at what a person wrote, and a
    /// 64 MiB field must not cost 64 MiB of folding.
    public static let maxBytes = 16 * 1024

    /// The folded words of `text` (its first `maxBytes` bytes).
    public static func words(_ text: String) -> [String] {
        var words: [String] = []
        scan(fold(text)) { word, _ in words.append(word) }
        return words
    }

    /// A rule's word or phrase as folded words, each with whether it ends in `*` (a prefix);
    /// nil when it holds no word or a `*` that is not at the end of a word.
    public static func pattern(_ text: String) -> [(word: String, isPrefix: Bool)]? {
        var result: [(String, Bool)] = []
        var valid = true
        scan(fold(text), star: true) { word, star in
            if word.isEmpty { valid = false }
            result.append((word, star))
        } invalid: {
            valid = false
        }
        return valid && !result.isEmpty ? result.map { (word: $0.0, isPrefix: $0.1) } : nil
    }

    /// NFKC, full case folding, NFKC again (folding can leave a text unnormalised); ASCII
    /// text only needs lower case.
    public static func fold(_ text: String) -> String {
        var t = text
        if t.utf8.count > maxBytes {
            var end = t.utf8.index(t.utf8.startIndex, offsetBy: maxBytes)
            while end > t.startIndex, !t.unicodeScalars.indices.contains(end) { end = t.utf8.index(before: end) }
            t = String(t[..<end])
        }
        if t.utf8.allSatisfy({ $0 < 0x80 }) { return t.lowercased() }
        return t.precomposedStringWithCompatibilityMapping.folding(options: [.caseInsensitive], locale: nil)
            .precomposedStringWithCompatibilityMapping
    }

    /// Cuts folded text into words; with `star`, a `*` right after a word marks it a prefix
    /// (`star` then reports it), and a `*` anywhere else calls `invalid`.
    private static func scan(
        _ folded: String, star: Bool = false, _ word: (String, Bool) -> Void, invalid: () -> Void = {}
    ) {
        let scalars = Array(folded.unicodeScalars)
        var current = String.UnicodeScalarView()
        var i = 0
        func flush(_ isPrefix: Bool) {
            if !current.isEmpty { word(String(current), isPrefix) }
            current = String.UnicodeScalarView()
        }
        while i < scalars.count {
            let s = scalars[i]
            if isWordScalar(s) {
                current.append(s)
            } else if s == "'" || s == "\u{2019}", !current.isEmpty, i + 1 < scalars.count, isWordScalar(scalars[i + 1]) {
                current.append("'")
            } else if star, s == "*" {
                if current.isEmpty || (i + 1 < scalars.count && isWordScalar(scalars[i + 1])) { invalid() }
                flush(true)
            } else {
                flush(false)
            }
            i += 1
        }
        flush(false)
    }

    /// Letters, digits and combining marks make words.
    @inline(__always)
    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 {
            return (s.value >= 0x61 && s.value <= 0x7A) || (s.value >= 0x30 && s.value <= 0x39) || (s.value >= 0x41 && s.value <= 0x5A)
        }
        let p = s.properties
        if p.isAlphabetic { return true }
        switch p.generalCategory {
        case .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }
}
