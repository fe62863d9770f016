import JourneyAnalysis
import JourneyCore
import JourneyFeedback

/// `journeymap diff` as Markdown for a pull-request comment.
public enum DiffReport {
    /// The diff as Markdown for a pull-request comment: structural changes, metric changes, new and resolved pain points (labels name the two versions).
    public static func markdown(_ d: JourneyDiff, old: Journey, new: Journey, oldLabel: String, newLabel: String) -> String {
        let e = Escape.markdown
        func title(_ id: String) -> String { e(new.touchpoint(id)?.title ?? old.touchpoint(id)?.title ?? id) }
        func stage(_ j: Journey, _ id: String) -> String { e(j.stage(id)?.title ?? id) }
        func dept(_ id: String?) -> String { id.map { e(new.department($0)?.title ?? old.department($0)?.title ?? $0) } ?? "none" }
        func emo(_ v: Int?) -> String { v.map { (Emotion(value: $0)?.name ?? "") + " (\($0 > 0 ? "+" : "")\($0))" } ?? "not set" }
        var out = "# Journey changes: \(e(new.title))\n\nFrom \(e(oldLabel)) to \(e(newLabel))\n\n"
        if d.changes.isEmpty {
            out += "No touchpoint changed.\n"
        } else {
            out += "## Touchpoints\n\n"
            for c in d.changes {
                switch c {
                case .added(let id, _, let s): out += "- ➕ added **\(title(id))** in \(stage(new, s))\n"
                case .removed(_, let t, let s): out += "- ➖ removed **\(e(t))** from \(stage(old, s))\n"
                case .moved(let id, let f, let t): out += "- ↔ moved **\(title(id))** from \(stage(old, f)) to \(stage(new, t))\n"
                case .renamed(_, let f, let t): out += "- ✎ renamed **\(e(f))** to **\(e(t))**\n"
                case .emotion(let id, let f, let t): out += "- ☺ emotion of **\(title(id))**: \(emo(f)) → \(emo(t))\n"
                case .owner(let id, let f, let t): out += "- 👥 owner of **\(title(id))**: \(dept(f)) → \(dept(t))\n"
                case .momentOfTruth(let id, let now): out += "- ★ **\(title(id))** \(now ? "is now" : "is no longer") a moment of truth\n"
                }
            }
        }
        if !d.metrics.isEmpty {
            out += "\n## Metrics\n\n| Touchpoint | n | NPS | CSAT |\n|---|---|---|---|\n"
            for m in d.metrics {
                func nps(_ x: Metrics?) -> String { x?.nps.map { Format.signed($0.value) } ?? "–" }
                func csat(_ x: Metrics?) -> String { x?.csatTopBox.map { Format.number($0.value) + "%" } ?? "–" }
                out +=
                    "| \(title(m.id)) | \(m.before?.responses ?? 0) → \(m.after?.responses ?? 0) | \(nps(m.before)) → \(nps(m.after)) | \(csat(m.before)) → \(csat(m.after)) |\n"
            }
        }
        if !d.newPainPoints.isEmpty || !d.resolvedPainPoints.isEmpty {
            out += "\n## Pain points\n\n"
            for p in d.newPainPoints {
                out += "- 🔺 new in the top: #\(p.rank) **\(e(p.touchpointTitle))** (\(e(p.ownerTitle ?? "no owner")))\n"
            }
            for p in d.resolvedPainPoints { out += "- ✅ no longer in the top: **\(e(p.touchpointTitle))** (was #\(p.rank))\n" }
        }
        return out
    }
}
