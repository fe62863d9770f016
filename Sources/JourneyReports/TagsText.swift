import JourneyCore
import JourneyFeedback

/// `journeymap tags`: what the tagging rules did, as terminal text. Every piece of data
/// (comments, categories, words) goes through `Escape.terminal`.
public enum TagsText {
    /// The counts per tag and for sentiment.
    public static func summary(_ journey: Journey, _ s: TaggingSummary) -> String {
        var out =
            "tagging rules of '\(Escape.terminal(journey.id))': \(s.comments) comments read\(s.override ? " (tags override: the rules replace the data's values)" : "")\n"
        let width = max(3, s.tags.map { Escape.terminal($0.name).count }.max() ?? 3)
        out += pad("tag", width) + "  matched   filled   agrees with the data's category\n"
        for t in s.tags {
            let agree = t.compared == 0 ? "–" : "\(t.agreed) of \(t.compared) (\(percent(t.agreed, t.compared)))"
            out += pad(Escape.terminal(t.name), width) + "  " + left(t.matched, 7) + "  " + left(t.filled, 7) + "   " + agree + "\n"
        }
        out += "sentiment: words found in \(s.sentimentFound) comments, \(s.sentimentFilled) filled"
        if s.sentimentCompared > 0 {
            out +=
                "; agrees with the data's on \(s.sentimentAgreed) of \(s.sentimentCompared) (\(percent(s.sentimentAgreed, s.sentimentCompared)))"
        }
        return out + "\n"
    }

    /// Each sampled response: where it is, its comment, what the data had, which rule gave which tag.
    public static func explain(_ items: [TagExplanation]) -> String {
        var out = ""
        for e in items {
            out += "\(Escape.terminal(e.file)):\(e.line): \"\(Escape.excerpt(e.comment, limit: 120))\"\n"
            out +=
                "  data: category \(e.dataCategory.map { "'\(Escape.excerpt($0))'" } ?? "none"), sentiment \(e.dataSentiment?.rawValue ?? "none")\n"
            let tagWords = e.result.hits.filter { if case .tag = $0.role { return true } else { return false } }
            if let tag = e.tag {
                let why = tagWords.filter { $0.role == e.result.tag.map(TagMatcher.Role.tag) }.map(word)
                out +=
                    "  tag '\(Escape.terminal(tag))' from \(why.joined(separator: ", "))\(e.filledCategory ? " (filled)" : " (the data's category kept)")\n"
            } else if !tagWords.isEmpty {
                out += "  no tag: \(tagWords.map(word).joined(separator: ", ")) matched a tag whose 'when' does not hold\n"
            } else {
                out += "  no tag: no tag word\n"
            }
            let moodWords = e.result.hits.filter { $0.role == .positive || $0.role == .negative || $0.role == .negation }
            if let s = e.result.sentiment {
                out +=
                    "  sentiment \(s.rawValue) from \(moodWords.map(word).joined(separator: ", "))\(e.filledSentiment ? " (filled)" : e.dataSentiment == nil ? "" : " (the data's kept)")\n"
            } else {
                out += "  sentiment: no sentiment word\n"
            }
        }
        return out
    }

    private static func word(_ h: TagMatcher.Hit) -> String {
        let role: String
        switch h.role {
        case .tag: role = ""
        case .positive: role = h.isNegated ? " positive, negated" : " positive"
        case .negative: role = h.isNegated ? " negative, negated" : " negative"
        case .negation: role = " negation"
        }
        let rule = Escape.terminal(h.pattern)
        let found = Escape.terminal(h.found)
        return "\"\(rule)\"" + (found == rule.lowercased() ? "" : " (\"\(found)\")") + (role.isEmpty ? "" : " [\(role.dropFirst())]")
    }

    private static func percent(_ a: Int, _ b: Int) -> String {
        let v = Double(a) / Double(b) * 100
        return String(Int(v.rounded())) + "%"
    }

    private static func pad(_ s: String, _ width: Int) -> String { s + String(repeating: " ", count: max(0, width - s.count)) }
    private static func left(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return String(repeating: " ", count: max(0, width - s.count)) + s
    }
}
