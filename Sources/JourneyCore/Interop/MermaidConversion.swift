/// Between Mermaid journeys and ours: sections become stages, tasks touchpoints, actors
/// personas, and scores 1…5 map onto emotions −2…+2 (score − 3), and back.
public enum MermaidConversion {
    /// The `.journey` text for an imported Mermaid diagram.
    public static func journeyText(_ m: MermaidJourney, fallbackID: String) -> String {
        let title = m.title ?? m.accTitle ?? fallbackID
        var ids = UniqueIDs()
        let journeyID = m.extras.journeyID ?? Slug.make(m.title ?? fallbackID)
        let extras = m.extras
        var out = "# Imported from Mermaid by 'journeymap import mermaid'."
        out +=
            m.tasks.allSatisfy({ $0.data != nil }) && !m.tasks.isEmpty
            ? "\n"
            : " Mermaid has no owners or channels:\n# add 'owner DEPARTMENT' and 'channel ID' to each touchpoint.\n"
        out += "journey \(journeyID) \(Formatter.quote(title)) {\n"
        if let d = m.accDescription { out += "  description \(Formatter.quote(d))\n" }
        for d in extras.departments { out += "  department \(d.id) \(Formatter.quote(d.title))\n" }
        for c in extras.channels { out += "  channel \(c.id) \(Formatter.quote(c.title))\n" }
        var personaIDs: [String: String] = [:]
        var personaIDsTaken = UniqueIDs()
        // Personas declared in our comments come first, under their own ids and full names.
        for p in extras.personas {
            out += "  persona \(personaIDsTaken.take(p.id)) \(Formatter.quote(p.title))\n"
        }
        let declaredPersonas = Set(extras.personas.map(\.id))
        let actors = m.tasks.filter { $0.data == nil || declaredPersonas.isEmpty }.flatMap(\.actors)
        var seenActors = Set<String>()
        for a in actors where seenActors.insert(a).inserted {
            let id = personaIDsTaken.take(Slug.make(a))
            personaIDs[a] = id
            out += "  persona \(id) \(Formatter.quote(a))\n"
        }
        var stageIDs = UniqueIDs()
        // Sections in document order, empty ones in their place; a section name used twice is
        // two stages, as Mermaid draws it.
        var bySection = [[MermaidJourney.Task]](repeating: [], count: m.sections.count)
        for task in m.tasks where task.sectionIndex < m.sections.count { bySection[task.sectionIndex].append(task) }
        for (i, name) in m.sections.enumerated() {
            let declared = i < m.sectionStageIDs.count ? m.sectionStageIDs[i] : nil
            out += "  stage \(stageIDs.take(declared ?? bySection[i].first?.stageID ?? Slug.make(name))) \(Formatter.quote(name)) {\n"
            for task in bySection[i] {
                var items = ["emotion \(task.score - 3)"]
                if let data = task.data {
                    if let o = data.owner { items.append("owner \(o)") }
                    if let c = data.channel { items.append("channel \(c)") }
                    if data.isMomentOfTruth { items.append("moment of truth") }
                    items += data.pains.map { "pain \(Formatter.quote($0))" }
                    items += data.opportunities.map { "opportunity \(Formatter.quote($0))" }
                }
                let personas = task.data.map { d in d.personas.filter(declaredPersonas.contains) } ?? []
                if !personas.isEmpty {
                    items.append("persona " + personas.joined(separator: ", "))
                } else if !task.actors.isEmpty, let ids = Optional(task.actors.compactMap { personaIDs[$0] }), !ids.isEmpty {
                    items.append("persona " + ids.joined(separator: ", "))
                }
                out +=
                    "    touchpoint \(ids.take(task.data?.id ?? Slug.make(task.title))) \(Formatter.quote(task.title)) { \(items.joined(separator: "; ")) }\n"
            }
            out += "  }\n"
        }
        return out + "}\n"
    }

    /// Mermaid text for a journey. Touchpoints with no emotion score 3 (neutral). What Mermaid
    /// cannot hold travels in `%% journeymap:` comments (`MermaidExtras`), so importing the
    /// result gives the same ids, owners, channels, personas, pains and opportunities back.
    public static func mermaid(_ j: Journey) -> String {
        var out = "journey\n"
        for line in MermaidExtras.header(j) { out += "  \(line)\n" }
        out += "  title \(text(j.title))\n"
        if let d = j.description { out += "  accDescr: \(text(d))\n" }
        let labels = actorLabels(j.personas)
        for s in j.stages {
            out += "  section \(text(s.title))\n"
            out += "  \(MermaidExtras.prefix) stage \(s.id)\n"
            for t in s.touchpoints {
                let score = (t.emotion?.value ?? 0) + 3
                let actors = t.personas.compactMap { labels[$0] }.joined(separator: ", ")
                out += "    \(taskTitle(t.title)): \(score)\(actors.isEmpty ? "" : ": " + actors)\n"
                out += "    \(MermaidExtras.touchpoint(t))\n"
            }
        }
        return out
    }

    /// Mermaid separates actors with commas, so a persona whose name has one is shown by the
    /// name's first part ("Anna, consultant" as "Anna"); the full name travels in the
    /// comments. Labels that would clash fall back to the persona id.
    static func actorLabels(_ personas: [Persona]) -> [String: String] {
        var short: [String: String] = [:]
        for p in personas {
            let first = p.name.split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init)?.trimmed ?? ""
            short[p.id] = text(first.isEmpty ? p.id : first)
        }
        var counts: [String: Int] = [:]
        for label in short.values { counts[label, default: 0] += 1 }
        return Dictionary(uniqueKeysWithValues: short.map { id, label in (id, counts[label]! > 1 ? id : label) })
    }

    /// A task title that does not read as a statement: a title starting with a keyword
    /// (`section`, `title`, `accTitle`, `accDescr`, `journey`, `%%`) gets its first character as
    /// an entity code, which Mermaid and our importer decode back.
    static func taskTitle(_ s: String) -> String {
        let t = text(s)
        // Leading white space is not read back (lines are trimmed): check what follows it.
        let lowered = t.trimmed.lowercased()
        let keywords = ["section", "title", "acctitle", "accdescr", "journey", "%%"]
        guard let first = t.unicodeScalars.first,
            keywords.contains(where: { lowered.hasPrefix($0) }) || t.trimmed.isEmpty
        else { return t.isEmpty ? "#32;" : t }
        return "#\(first.value);" + String(t.unicodeScalars.dropFirst())
    }

    /// One line of Mermaid text: no line breaks, and `:` `;` `#` as Mermaid entity codes. Commas
    /// stay as they are: only actor lists split on them (see `actorLabels`).
    static func text(_ s: String) -> String {
        var out = ""
        for ch in Escape.visible(s) {
            switch ch {
            case "\n", "\r", "\t": out += " "
            case "#": out += "#35;"
            case ":": out += "#58;"
            case ";": out += "#59;"
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
