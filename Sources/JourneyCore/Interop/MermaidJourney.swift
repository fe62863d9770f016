/// A Mermaid `journey` diagram as Mermaid understands it: title, accessibility text,
/// sections of tasks with a 1…5 score and actors. The vocabulary users bring from Mermaid.
public struct MermaidJourney: Hashable, Sendable {
    /// One task line: `Title: score: actor, actor`.
    public struct Task: Hashable, Sendable {
        /// The section it is written under.
        public var section: String
        /// The task's text, entities decoded.
        public var title: String
        /// 1 (unhappy) … 5 (happy).
        public var score: Int
        /// Who takes part, empty names dropped.
        public var actors: [String]
        /// The 1-based line it is written on.
        public var line: Int
        /// The stage id from a `%% journeymap: stage` comment after this task's section line.
        public var stageID: String?
        /// Which `section` line it is under (an index into `sections`): a name used twice is
        /// two sections.
        public var sectionIndex = 0
        /// Our data from a `%% journeymap: touchpoint` comment after the task line.
        public var data: MermaidExtras.TaskData?
    }
    /// The diagram's `title`, if any.
    public var title: String?
    /// The accessible title (`accTitle: …`).
    public var accTitle: String?
    /// The accessible description (`accDescr: …` or a `{ … }` block).
    public var accDescription: String?
    /// Section names in document order, empty ones included.
    public var sections: [String] = []
    /// The stage id from a `%% journeymap: stage` comment after each section line, by index.
    public var sectionStageIDs: [String?] = []
    /// Tasks in document order.
    public var tasks: [Task] = []
    /// Declarations from `%% journeymap:` comments (empty for a plain Mermaid file).
    public var extras = MermaidExtras()
}

/// Reads Mermaid `journey` text. Unlike Mermaid, a score that is not a whole number from 1
/// to 5 is an error with its line and column (Mermaid silently draws NaN or off-scale faces).
public enum MermaidParser {
    /// The diagram and every problem found; nil when there are errors.
    public static func parse(_ file: SourceFile) -> (MermaidJourney?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var result = MermaidJourney()
        /// Refuses a text the journey language cannot hold (JM013 in `check`): refused here,
        /// where the user can still fix the diagram, rather than written and rejected later.
        func fits(_ value: String, _ what: String, _ line: Int) -> Bool {
            let bytes = value.utf8.count
            guard bytes > Lexer.maxTokenBytes else { return true }
            diagnostics.append(
                Diagnostic(
                    .mermaidTextTooLong,
                    "\(what) is \(bytes) bytes; a journey holds at most \(Lexer.maxTokenBytes) bytes in one text: shorten it in the diagram",
                    at: SourceRange(
                        file: file.path, start: SourceLocation(line: line, column: 1, offset: 0),
                        end: SourceLocation(line: line, column: 2, offset: 0))))
            return false
        }
        var lines = (1...max(1, file.lineCount)).map { (number: $0, text: file.line($0)) }
        func range(_ line: Int, _ col: Int, _ len: Int) -> SourceRange {
            SourceRange(
                file: file.path, start: SourceLocation(line: line, column: col, offset: 0),
                end: SourceLocation(line: line, column: col + max(1, len), offset: 0))
        }
        // Control characters have no meaning in Mermaid text and would reach the journey (and
        // come back out of an export as something else): removed, with a warning on each line.
        for i in lines.indices {
            guard let at = lines[i].text.unicodeScalars.firstIndex(where: MermaidParser.isControl) else { continue }
            let column = lines[i].text.unicodeScalars.distance(from: lines[i].text.unicodeScalars.startIndex, to: at) + 1
            lines[i].text = String(String.UnicodeScalarView(lines[i].text.unicodeScalars.filter { !MermaidParser.isControl($0) }))
            diagnostics.append(
                Diagnostic(
                    .mermaidControlCharacters, "control characters removed from this line (Mermaid text holds none)",
                    at: range(lines[i].number, column, 1)))
        }
        // Front matter (--- … ---) before the diagram: configuration, nothing to import.
        if let first = lines.firstIndex(where: { !$0.text.trimmed.isEmpty }), lines[first].text.trimmed == "---" {
            if let end = lines[(first + 1)...].firstIndex(where: { $0.text.trimmed == "---" }) {
                lines.removeSubrange(first...end)
            } else {
                diagnostics.append(
                    Diagnostic(.unclosedFrontMatter, "front matter opened with '---' is never closed", at: range(lines[first].number, 1, 3))
                )
                return (nil, diagnostics)
            }
        }
        var sawHeader = false
        var section: String?
        var stageID: String?
        var lastWasTask = false
        var inAccDescrBlock = false
        var accLines: [String] = []
        for (number, raw) in lines {
            let text = raw.trimmed
            if inAccDescrBlock {
                if text.hasPrefix("}") {
                    inAccDescrBlock = false
                    result.accDescription = accLines.joined(separator: "\n")
                } else {
                    accLines.append(text)
                }
                continue
            }
            if text.isEmpty { continue }
            if text.hasPrefix("%%") {
                switch MermaidExtras.statement(text) {
                case .journey(let id): result.extras.journeyID = id
                case .department(let d): result.extras.departments.append(d)
                case .channel(let c): result.extras.channels.append(c)
                case .persona(let p): result.extras.personas.append(p)
                case .stage(let id):
                    if section != nil, !lastWasTask {
                        stageID = id
                        result.sectionStageIDs[result.sectionStageIDs.count - 1] = id
                    }
                case .touchpoint(let data): if lastWasTask { result.tasks[result.tasks.count - 1].data = data }
                case nil: break
                }
                lastWasTask = false
                continue
            }
            lastWasTask = false
            let indent = raw.unicodeScalars.prefix { $0 == " " || $0 == "\t" }.count
            if !sawHeader {
                guard text == "journey" || text.hasPrefix("journey ") else {
                    diagnostics.append(
                        Diagnostic(
                            .notAMermaidJourney, "expected 'journey' to start a Mermaid journey diagram",
                            at: range(number, indent + 1, text.count)))
                    return (nil, diagnostics)
                }
                sawHeader = true
                continue
            }
            if let rest = text.dropKeyword("title") {
                let title = decodeEntities(rest)
                if fits(title, "the title", number) { result.title = title }
            } else if let rest = text.dropKeyword("accTitle:") ?? text.dropKeyword("accTitle :") {
                if fits(rest, "the accessible title", number) { result.accTitle = rest }
            } else if text.hasPrefix("accDescr"), String(text.dropFirst("accDescr".count)).trimmed.hasPrefix("{") {
                // The block form only: `accDescr {` (a `{` later in a line is text).
                inAccDescrBlock = true
                accLines = []
            } else if let rest = text.dropKeyword("accDescr:") ?? text.dropKeyword("accDescr :") {
                if fits(rest, "the accessible description", number) { result.accDescription = rest }
            } else if let rest = text.dropKeyword("section") {
                let name = decodeEntities(cleanBreaks(rest))
                _ = fits(name, "the section name", number)
                section = name
                stageID = nil
                result.sections.append(name)
                result.sectionStageIDs.append(nil)
            } else {
                // A task: `Title: score[: actor, actor]`.
                let parts = text.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
                guard parts.count >= 2 else {
                    diagnostics.append(
                        Diagnostic(
                            .invalidMermaidTask, "expected a task as 'Title: score: actors'", at: range(number, indent + 1, text.count)))
                    continue
                }
                let scoreText = parts[1].trimmed
                let scoreColumn = indent + parts[0].count + 2 + (parts[1].count - parts[1].trimmedLeading.count)
                guard let score = Int(scoreText), (1...5).contains(score),
                    scoreText.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-") })
                else {
                    diagnostics.append(
                        Diagnostic(
                            .invalidMermaidScore,
                            "task score '\(scoreText)' must be a whole number from 1 to 5 (Mermaid would draw it anyway)",
                            at: range(number, scoreColumn, max(1, scoreText.count))))
                    continue
                }
                let actors =
                    parts.count > 2 ? parts[2].split(separator: ",").map { decodeEntities(String($0).trimmed) }.filter { !$0.isEmpty } : []
                guard let section else {
                    diagnostics.append(
                        Diagnostic(.taskBeforeSection, "task before any 'section'", at: range(number, indent + 1, text.count)))
                    continue
                }
                let title = decodeEntities(parts[0].trimmed)
                guard fits(title, "the task title", number), actors.allSatisfy({ fits($0, "an actor's name", number) }) else { continue }
                result.tasks.append(
                    .init(
                        section: section, title: title, score: score, actors: actors, line: number, stageID: stageID,
                        sectionIndex: result.sections.count - 1))
                lastWasTask = true
            }
        }
        if inAccDescrBlock { result.accDescription = accLines.joined(separator: "\n") }
        if let d = result.accDescription, !fits(d, "the accessible description", lines.last?.number ?? 1) { result.accDescription = nil }
        if !sawHeader {
            diagnostics.append(Diagnostic(.notAMermaidJourney, "no 'journey' diagram in this file", at: .file(file.path)))
            return (nil, diagnostics)
        }
        return (diagnostics.hasErrors ? nil : result, diagnostics)
    }

    /// C0 controls but tab, DEL and C1 controls.
    static func isControl(_ s: Unicode.Scalar) -> Bool {
        (s.value < 0x20 && s != "\t") || (0x7F..<0xA0).contains(s.value)
    }

    /// Mermaid's entity codes (`#58;` for `:`, `#35;` for `#`) back to characters.
    static func decodeEntities(_ s: String) -> String {
        guard s.contains("#") else { return s }
        var out = ""
        var rest = Substring(s)
        while let hash = rest.firstIndex(of: "#") {
            out += rest[..<hash]
            let tail = rest[rest.index(after: hash)...]
            let digits = tail.prefix { $0.isASCII && $0.isNumber }
            if !digits.isEmpty, digits.count <= 7, tail.dropFirst(digits.count).first == ";",
                let v = UInt32(digits), let scalar = Unicode.Scalar(v), v >= 0x20
            {
                out.unicodeScalars.append(scalar)
                rest = tail.dropFirst(digits.count + 1)
            } else {
                out += "#"
                rest = tail
            }
        }
        return out + rest
    }

    /// Mermaid writes line breaks in names as `<br>`, `<br/>`, `<br />`: they become spaces.
    static func cleanBreaks(_ s: String) -> String {
        var out = ""
        var rest = Substring(s)
        while let lt = rest.firstIndex(of: "<") {
            out += rest[..<lt]
            let tail = rest[lt...]
            if let gt = tail.firstIndex(of: ">"),
                tail[tail.index(after: lt)..<gt].lowercased().filter({ !$0.isWhitespace && $0 != "/" }) == "br"
            {
                out += " "
                rest = tail[tail.index(after: gt)...]
            } else {
                out += "<"
                rest = tail.dropFirst()
            }
        }
        out += rest
        return out.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }
}

extension String {
    var trimmed: String {
        String(
            unicodeScalars.drop { $0.properties.isWhitespace }.reversed().drop { $0.properties.isWhitespace }.reversed().map(Character.init)
        )
    }

    var trimmedLeading: String { String(unicodeScalars.drop { $0.properties.isWhitespace }.map(Character.init)) }

    /// The rest of the line after `keyword` and white space, when the line starts with it.
    func dropKeyword(_ keyword: String) -> String? {
        guard hasPrefix(keyword) else { return nil }
        let rest = dropFirst(keyword.count)
        if !keyword.hasSuffix(":"), let c = rest.first, !c.isWhitespace { return nil }
        return String(rest).trimmed
    }
}
