extension StringProtocol {
    /// The text without leading and trailing spaces and tabs: the one trimming rule for CSV
    /// headers, declared column names, missing-value codes and label lines. Written here rather
    /// than with Foundation's `trimmingCharacters(in:)` because the language and the join never
    /// import Foundation, and because a newline inside a quoted CSV field is data, not space.
    public func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}
