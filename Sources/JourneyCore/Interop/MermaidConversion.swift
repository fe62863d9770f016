/// Between Mermaid journeys and ours: sections become stages, tasks touchpoints, actors
/// personas, and scores 1…5 map onto emotions −2…+2 (score − 3), and back.
public enum MermaidConversion {
    /// The `.journey` text for an imported Mermaid diagram.
    public static func journeyText(_ m: MermaidJourney, fallbackID: String) -> String {
        let title = m.title ?? m.accTitle ?? fallbackID
        var ids = UniqueIDs()
        let journeyID = Slug.make(m.title ?? fallbackID)
        var out = "# Imported from Mermaid by 'journeymap import mermaid'. Mermaid has no owners or channels:\n"
        out += "# add 'owner DEPARTMENT' and 'channel ID' to each touchpoint.\n"
        out += "journey \(journeyID) \(Formatter.quote(title)) {\n"
        if let d = m.accDescription { out += "  description \(Formatter.quote(d))\n" }
        var personaIDs: [String: String] = [:]
        var personaIDsTaken = UniqueIDs()
        let actors = m.tasks.flatMap(\.actors)
        var seenActors = Set<String>()
        for a in actors where seenActors.insert(a).inserted {
            let id = personaIDsTaken.take(Slug.make(a))
            personaIDs[a] = id
            out += "  persona \(id) \(Formatter.quote(a))\n"
        }
        var stageIDs = UniqueIDs()
        // Sections in order; a section name used twice is two stages, as Mermaid draws it.
        var sectionIndex = 0
        var current: String?
        for task in m.tasks {
            if task.section != current || sectionIndex == 0 {
                if current != nil { out += "  }\n" }
                current = task.section
                sectionIndex += 1
                out += "  stage \(stageIDs.take(Slug.make(task.section))) \(Formatter.quote(task.section)) {\n"
            }
            var items = ["emotion \(task.score - 3)"]
            if !task.actors.isEmpty { items.append("persona " + task.actors.map { personaIDs[$0]! }.joined(separator: ", ")) }
            out += "    touchpoint \(ids.take(Slug.make(task.title))) \(Formatter.quote(task.title)) { \(items.joined(separator: "; ")) }\n"
        }
        if current != nil { out += "  }\n" }
        // Sections with no tasks are kept as empty stages.
        let used = Set(m.tasks.map(\.section))
        for s in m.sections where !used.contains(s) {
            out += "  stage \(stageIDs.take(Slug.make(s))) \(Formatter.quote(s)) {\n  }\n"
        }
        return out + "}\n"
    }

    /// Mermaid text for a journey. Touchpoints with no emotion score 3 (neutral).
    public static func mermaid(_ j: Journey) -> String {
        var out = "journey\n  title \(text(j.title))\n"
        if let d = j.description { out += "  accDescr: \(text(d))\n" }
        let names = Dictionary(uniqueKeysWithValues: j.personas.map { ($0.id, $0.name) })
        for s in j.stages {
            out += "  section \(text(s.title))\n"
            for t in s.touchpoints {
                let score = (t.emotion?.value ?? 0) + 3
                let actors = t.personas.compactMap { names[$0] }.map(text).joined(separator: ", ")
                out += "    \(taskTitle(t.title)): \(score)\(actors.isEmpty ? "" : ": " + actors)\n"
            }
        }
        return out
    }

    /// A task title that does not read as a statement: a title starting with a keyword
    /// (`section`, `title`, `accTitle`, `accDescr`, `journey`, `%%`) gets its first character as
    /// an entity code, which Mermaid and our importer decode back.
    static func taskTitle(_ s: String) -> String {
        let t = text(s)
        let lowered = t.lowercased()
        let keywords = ["section", "title", "acctitle", "accdescr", "journey", "%%"]
        guard let first = t.unicodeScalars.first,
              keywords.contains(where: { lowered.hasPrefix($0) }) || t.trimmed.isEmpty else { return t.isEmpty ? "#32;" : t }
        return "#\(first.value);" + String(t.unicodeScalars.dropFirst())
    }

    /// One line of Mermaid text: no line breaks, and `:` `;` `#` as Mermaid entity codes.
    static func text(_ s: String) -> String {
        var out = ""
        for ch in Escape.visible(s) {
            switch ch {
            case "\n", "\r", "\t": out += " "
            case "#": out += "#35;"
            case ":": out += "#58;"
            case ";": out += "#59;"
            case ",": out += "#44;"
            default: out.append(ch)
            }
        }
        return out
    }
}

/// Turns a title into an identifier of the journey language.
enum Slug {
    static func make(_ text: String) -> String {
        var out = ""
        var dash = false
        for s in text.lowercased().unicodeScalars {
            if s.properties.isAlphabetic || s.properties.numericType != nil || s == "_" {
                if dash, !out.isEmpty { out += "-" }
                out.unicodeScalars.append(s)
                dash = false
            } else {
                dash = true
            }
        }
        if out.isEmpty { return "item" }
        if let f = out.unicodeScalars.first, !(f.properties.isAlphabetic || f == "_") { out = "n-" + out }
        return out
    }
}

/// Hands out ids, adding -2, -3 … to repeats.
struct UniqueIDs {
    private var used: Set<String> = []
    mutating func take(_ base: String) -> String {
        var id = base
        var n = 2
        while used.contains(id) {
            id = "\(base)-\(n)"
            n += 1
        }
        used.insert(id)
        return id
    }
}
