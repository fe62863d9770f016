/// A unified diff of two texts (as `diff -u` prints it), for golden mismatches: the whole
/// diff, with three lines of context, so a failing test shows every change at once.
public enum UnifiedDiff {
    enum Edit: Equatable {
        case same(Substring), removed(Substring), added(Substring)
    }

    /// Empty when the texts are equal.
    public static func diff(
        _ old: String, _ new: String, from oldName: String = "expected", to newName: String = "actual", context: Int = 3
    ) -> String {
        let a = lines(old), b = lines(new)
        let edits = self.edits(a, b)
        guard edits.contains(where: { if case .same = $0 { false } else { true } }) else { return "" }
        var out = "--- \(oldName)\n+++ \(newName)\n"
        // Group changes whose context overlaps into hunks.
        var i = 0
        while i < edits.count {
            guard let firstChange = edits[i...].firstIndex(where: { if case .same = $0 { false } else { true } }) else { break }
            let start = max(i, firstChange - context)
            var end = firstChange
            var lastChange = firstChange
            while end < edits.count {
                if case .same = edits[end] {
                    if end - lastChange > 2 * context { break }
                } else {
                    lastChange = end
                }
                end += 1
            }
            end = min(edits.count, lastChange + context + 1)
            // Line numbers of the hunk's first line in each text.
            var oldLine = 1, newLine = 1
            for e in edits[..<start] {
                switch e {
                case .same: oldLine += 1; newLine += 1
                case .removed: oldLine += 1
                case .added: newLine += 1
                }
            }
            let hunk = edits[start..<end]
            let oldCount = hunk.filter { if case .added = $0 { false } else { true } }.count
            let newCount = hunk.filter { if case .removed = $0 { false } else { true } }.count
            out += "@@ -\(oldCount == 0 ? oldLine - 1 : oldLine),\(oldCount) +\(newCount == 0 ? newLine - 1 : newLine),\(newCount) @@\n"
            for e in hunk {
                switch e {
                case .same(let l): out += " \(l)\n"
                case .removed(let l): out += "-\(l)\n"
                case .added(let l): out += "+\(l)\n"
                }
            }
            i = end
        }
        return out
    }

    /// Lines without their terminators; a missing final newline shows as diff does.
    static func lines(_ s: String) -> [Substring] {
        var l = s.split(separator: "\n", omittingEmptySubsequences: false)
        if l.last == "" { l.removeLast() } else if !l.isEmpty { l[l.count - 1] += "\n\\ No newline at end of file" }
        return l
    }

    /// The shortest edit script by longest common subsequence, after the common prefix and
    /// suffix are set aside (goldens usually differ in a few lines, so the table stays small).
    static func edits(_ a: [Substring], _ b: [Substring]) -> [Edit] {
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let x = Array(a[prefix..<(a.count - suffix)]), y = Array(b[prefix..<(b.count - suffix)])
        var middle: [Edit] = []
        if x.count * y.count > 16_000_000 {
            // Too large for the table: everything in between counts as replaced.
            middle = x.map { .removed($0) } + y.map { .added($0) }
        } else {
            // lcs[i][j]: length of the common subsequence of x[i...] and y[j...].
            let w = y.count + 1
            var lcs = [Int32](repeating: 0, count: (x.count + 1) * w)
            for i in stride(from: x.count - 1, through: 0, by: -1) {
                for j in stride(from: y.count - 1, through: 0, by: -1) {
                    lcs[i * w + j] = x[i] == y[j] ? lcs[(i + 1) * w + j + 1] + 1 : max(lcs[(i + 1) * w + j], lcs[i * w + j + 1])
                }
            }
            var i = 0, j = 0
            while i < x.count || j < y.count {
                if i < x.count, j < y.count, x[i] == y[j] {
                    middle.append(.same(x[i])); i += 1; j += 1
                } else if i < x.count, j == y.count || lcs[(i + 1) * w + j] >= lcs[i * w + j + 1] {
                    middle.append(.removed(x[i])); i += 1  // removals first, as diff prints them
                } else {
                    middle.append(.added(y[j])); j += 1
                }
            }
        }
        return a[..<prefix].map { .same($0) } + middle + a[(a.count - suffix)...].map { .same($0) }
    }
}
