/// What a journey holds beyond Mermaid's vocabulary (ids, owners, channels, declarations,
/// full persona names, pains and opportunities), carried through a Mermaid file in
/// `%% journeymap: …` comments so `export --to mermaid` then `import mermaid` gives the
/// journey back. Mermaid ignores `%%` lines; a comment that does not read as one of the forms
/// below is ignored too (it is someone else's comment).
///
///     %% journeymap: journey air-travel
///     %% journeymap: department finance "Finance"
///     %% journeymap: channel web "Website"
///     %% journeymap: persona anna "Anna, consultant, flies twice a month"
///     %% journeymap: stage book                      (after its `section` line)
///     %% journeymap: touchpoint checkout owner finance channel web persona anna pain "…" opportunity "…" moment
///                                                    (after its task line)
public struct MermaidExtras: Hashable, Sendable {
    /// A declared department or channel: id and title.
    public struct Named: Hashable, Sendable {
        /// The id.
        public var id: String
        /// The display title.
        public var title: String
    }
    /// A touchpoint's data, attached to the task line it follows.
    public struct TaskData: Hashable, Sendable {
        /// The touchpoint's id.
        public var id: String
        /// The owning department's id.
        public var owner: String?
        /// The channel's id.
        public var channel: String?
        /// The persona ids (Mermaid's actors carry only names).
        public var personas: [String] = []
        /// The declared pains, in order.
        public var pains: [String] = []
        /// The declared opportunities, in order.
        public var opportunities: [String] = []
        /// Whether the touchpoint is a moment of truth.
        public var isMomentOfTruth = false
    }
    /// The journey's id (Mermaid has only a title).
    public var journeyID: String?
    /// The declared departments.
    public var departments: [Named] = []
    /// The declared channels.
    public var channels: [Named] = []
    /// The declared personas with their full names.
    public var personas: [Named] = []

    /// What starts each of these comments.
    public static let prefix = "%% journeymap:"

    /// One statement of a comment, read with the journey language's lexer, so strings decode
    /// exactly as they do in a `.journey` file.
    enum Statement: Equatable {
        case journey(String)
        case department(Named), channel(Named), persona(Named)
        case stage(String)
        case touchpoint(TaskData)
    }

    static func statement(_ comment: String) -> Statement? {
        guard comment.hasPrefix(prefix) else { return nil }
        let (tokens, diagnostics) = Lexer.tokenize(SourceFile(path: "mermaid-comment", text: String(comment.dropFirst(prefix.count))))
        guard diagnostics.isEmpty else { return nil }
        let words = tokens.filter { $0.kind == .identifier || $0.kind == .string }
        guard words.count == tokens.count - 1, words.count >= 2, words[0].kind == .identifier, words[1].kind == .identifier else {
            return nil
        }
        let id = words[1].text
        switch words[0].text {
        case "journey" where words.count == 2: return .journey(id)
        case "stage" where words.count == 2: return .stage(id)
        case "department", "channel", "persona":
            guard words.count == 3, words[2].kind == .string else { return nil }
            let named = Named(id: id, title: words[2].text)
            return words[0].text == "department" ? .department(named) : words[0].text == "channel" ? .channel(named) : .persona(named)
        case "touchpoint":
            var data = TaskData(id: id)
            var i = 2
            while i < words.count {
                let key = words[i].text
                guard words[i].kind == .identifier else { return nil }
                if key == "moment" { data.isMomentOfTruth = true; i += 1; continue }
                guard i + 1 < words.count else { return nil }
                let value = words[i + 1]
                switch (key, value.kind) {
                case ("owner", .identifier): data.owner = value.text
                case ("channel", .identifier): data.channel = value.text
                case ("persona", .identifier): data.personas.append(value.text)
                case ("pain", .string): data.pains.append(value.text)
                case ("opportunity", .string): data.opportunities.append(value.text)
                default: return nil
                }
                i += 2
            }
            return .touchpoint(data)
        default: return nil
        }
    }

    /// The comment lines for a journey's declarations (after the `journey` header).
    static func header(_ j: Journey) -> [String] {
        ["\(prefix) journey \(j.id)"]
            + j.departments.map { "\(prefix) department \($0.id) \(Formatter.quote($0.title))" }
            + j.channels.map { "\(prefix) channel \($0.id) \(Formatter.quote($0.title))" }
            + j.personas.map { "\(prefix) persona \($0.id) \(Formatter.quote($0.name))" }
    }

    /// The comment line for a touchpoint (after its task line).
    static func touchpoint(_ t: Touchpoint) -> String {
        var out = "\(prefix) touchpoint \(t.id)"
        if let o = t.owner { out += " owner \(o)" }
        if let c = t.channel { out += " channel \(c)" }
        for p in t.personas { out += " persona \(p)" }
        for p in t.pains { out += " pain \(Formatter.quote(p))" }
        for o in t.opportunities { out += " opportunity \(Formatter.quote(o))" }
        if t.isMomentOfTruth { out += " moment" }
        return out
    }
}
