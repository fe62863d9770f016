extension Resolver {
    static let journeyStatements = [
        "description", "include", "persona", "department", "channel", "stage", "flow",
        "feedback", "target", "style", "tag", "sentiment", "tags", "period", "loop", "index",
    ]

    mutating func readJourney(_ statement: StatementSyntax) {
        guard
            let (id, title) = withArguments(
                statement,
                { args -> (Token, Token)? in
                    guard let id = args.identifier("a journey id, e.g. 'journey air-travel \"Business trip\"'"),
                        let title = args.string("a title in double quotes after the journey id"),
                        args.end("journey ID \"Title\" { … }")
                    else { return nil }
                    return (id, title)
                })
        else {
            builder.journeyRange = statement.keyword.range
            if let block = statement.block { readJourneyBody(block) }
            return
        }
        builder.journeyID = id.text
        builder.title = title.text
        builder.journeyRange = statement.range
        guard let block = statement.block else {
            report(.missingBody, "a journey needs a body in braces: journey \(id.text) \"…\" { stage … }", at: statement.range)
            return
        }
        readJourneyBody(block)
    }

    mutating func readJourneyBody(_ block: BlockSyntax) {
        for s in block.statements {
            switch s.keyword.text {
            case "description":
                if let text = withArguments(
                    s,
                    { args -> String? in
                        guard let t = args.string("the description in double quotes"), args.end("description \"…\"") else { return nil }
                        return t.text
                    })
                {
                    builder.description = text
                }
                forbidBlock(s)
            case "include": readInclude(s)
            case "persona", "department", "channel": readDefinition(s)
            case "stage": readStage(s)
            case "flow": readFlow(s)
            case "feedback": readFeedback(s)
            case "target": readTarget(s)
            case "style": readStyle(s)
            case "tag": readTag(s)
            case "sentiment": readSentimentWords(s)
            case "tags": readTagsOverride(s)
            case "period": readPeriod(s)
            case "loop": readLoop(s)
            case "index": readIndex(s)
            case "touchpoint":
                report(
                    .touchpointOutsideStage, "a touchpoint belongs inside a stage: stage ID \"Title\" { touchpoint … }", at: s.keyword.range
                )
            default: unknownStatement(s, context: "in a journey", allowed: Resolver.journeyStatements)
            }
        }
    }

    /// `department ID ["Title"]`, `channel ID ["Title"]`, `persona ID "Name" { goal; segment; description }`.
    mutating func readDefinition(_ s: StatementSyntax) {
        let kind = s.keyword.text
        guard
            let (id, title) = withArguments(
                s,
                { args -> (Token, Token?)? in
                    guard let id = args.identifier("a \(kind) id") else { return nil }
                    let title = args.optionalString()
                    guard args.end("\(kind) ID \"Title\"") else { return nil }
                    return (id, title)
                })
        else { return }
        guard builder.declare(kind, id) else { return }
        let name = title?.text ?? id.text
        switch kind {
        case "department":
            forbidBlock(s)
            builder.departments.append(Department(id: id.text, title: name, range: id.range))
        case "channel":
            forbidBlock(s)
            builder.channels.append(Channel(id: id.text, title: name, range: id.range))
        default:
            var persona = Persona(id: id.text, name: name, range: id.range)
            for p in s.block?.statements ?? [] {
                switch p.keyword.text {
                case "goal":
                    if let t = withArguments(p, { a in a.string("the goal in double quotes").flatMap { a.end("goal \"…\"") ? $0 : nil } }) {
                        persona.goals.append(t.text)
                    }
                case "segment":
                    if let t = withArguments(p, { a in a.name("a segment name").flatMap { a.end("segment NAME") ? $0 : nil } }) {
                        readPersonaSegment(t, into: &persona)
                    }
                case "description":
                    if let t = withArguments(
                        p, { a in a.string("the description in double quotes").flatMap { a.end("description \"…\"") ? $0 : nil } })
                    {
                        persona.description = t.text
                    }
                default: unknownStatement(p, context: "in a persona", allowed: ["goal", "segment", "description"])
                }
            }
            builder.personas.append(persona)
        }
    }

    mutating func readStage(_ s: StatementSyntax) {
        guard
            let (id, title) = withArguments(
                s,
                { args -> (Token, Token)? in
                    guard let id = args.identifier("a stage id"),
                        let title = args.string("the stage title in double quotes"),
                        args.end("stage ID \"Title\" { touchpoint … }")
                    else { return nil }
                    return (id, title)
                })
        else { return }
        let fresh = builder.declare("stage", id)
        var stage = Stage(id: id.text, title: title.text, range: id.range)
        for t in s.block?.statements ?? [] {
            if t.keyword.text == "touchpoint" {
                if let tp = readTouchpoint(t, stage: id.text) { stage.touchpoints.append(tp) }
            } else {
                unknownStatement(t, context: "in a stage", allowed: ["touchpoint"])
            }
        }
        if s.block == nil {
            report(
                .missingBody, "a stage needs a body in braces with its touchpoints: stage \(id.text) \"…\" { touchpoint … }", at: s.range)
        }
        if fresh { builder.stages.append(stage) }
    }

    /// `flow a -> b [-> c …] ["label"]`
    mutating func readFlow(_ s: StatementSyntax) {
        forbidBlock(s)
        guard
            let (chain, label) = withArguments(
                s,
                { args -> ([Token], Token?)? in
                    guard let first = args.identifier("a touchpoint id: flow FROM -> TO \"label\"") else { return nil }
                    var chain = [first]
                    while args.accept("->") != nil {
                        guard let next = args.identifier("a touchpoint id after '->'") else { return nil }
                        chain.append(next)
                    }
                    if chain.count < 2 {
                        _ = args.expect("->", "between the two touchpoints of a flow")
                        return nil
                    }
                    let label = args.optionalString()
                    guard args.end("flow FROM -> TO \"label\"") else { return nil }
                    return (chain, label)
                })
        else { return }
        for t in chain { builder.references.append(.init(kind: .touchpoint, token: t)) }
        for (a, b) in zip(chain, chain.dropFirst()) {
            var r = a.range
            r.end = b.range.end
            builder.flows.append(Flow(from: a.text, to: b.text, label: label?.text, kind: .explicit, range: r))
        }
    }

    /// `period week|month|quarter|year`: the default grouping of dated responses for trends.
    mutating func readPeriod(_ s: StatementSyntax) {
        forbidBlock(s)
        guard
            let name = withArguments(
                s,
                { a in a.identifier("a period: week, month, quarter or year").flatMap { a.end("period week|month|quarter|year") ? $0 : nil }
                })
        else { return }
        if Vocabulary.periods.contains(name.text) {
            builder.period = name.text
        } else {
            report(
                .unknownPeriod,
                "unknown period '\(name.text)'\(Suggestion.phrase(for: name.text, in: Vocabulary.periods)) (periods: week, month, quarter, year)",
                at: name.range)
        }
    }

    mutating func readStyle(_ s: StatementSyntax) {
        for t in s.block?.statements ?? [] {
            switch t.keyword.text {
            case "theme":
                if let name = withArguments(
                    t, { a in a.identifier("a theme name (default, print, dark)").flatMap { a.end("theme NAME") ? $0 : nil } })
                {
                    if ["default", "print", "dark"].contains(name.text) {
                        builder.style.theme = name.text
                    } else {
                        report(
                            .unknownTheme,
                            "unknown theme '\(name.text)'\(Suggestion.phrase(for: name.text, in: ["default", "print", "dark"])) (themes: default, print, dark)",
                            at: name.range)
                    }
                }
            case "language":
                if let code = withArguments(
                    t,
                    { a in
                        a.identifier("a language code (\(Language.codes.joined(separator: ", ")))").flatMap {
                            a.end("language CODE") ? $0 : nil
                        }
                    })
                {
                    if let language = Language(code: code.text) {
                        builder.style.language = language
                    } else {
                        report(
                            .unknownLanguage,
                            "unknown language '\(code.text)'\(Suggestion.phrase(for: code.text, in: Language.codes)) (languages: \(Language.codes.joined(separator: ", ")))",
                            at: code.range)
                    }
                }
            default: unknownStatement(t, context: "in a style block", allowed: Vocabulary.style)
            }
        }
    }

    /// `include "path"`: definitions shared across journeys. The path is relative to the
    /// including file and must resolve, symlinks included, to a file inside the root.
    mutating func readInclude(_ s: StatementSyntax) {
        forbidBlock(s)
        guard
            let pathToken = withArguments(
                s, { a in a.string("the path to include in double quotes").flatMap { a.end("include \"path\"") ? $0 : nil } })
        else { return }
        let written = pathToken.text
        guard includeStack.count <= options.maxIncludeDepth else {
            report(.includesTooDeep, "includes are nested more than \(options.maxIncludeDepth) deep", at: pathToken.range)
            return
        }
        let shown: String, canonical: String
        switch confine(written, from: s.keyword.range.file) {
        case .absolute:
            report(.pathOutsideRoot, "include paths are relative to this file; absolute paths are not allowed", at: pathToken.range)
            return
        case .missing(let looked):
            report(
                .unreadableFile, "cannot include '\(written)': no such file (looked for '\(looked)')", at: pathToken.range,
                notes: [DiagnosticNote("departments, channels and personas are not checked until the include is fixed")])
            includeFailed = true
            return
        case .outside(_, let real):
            report(
                .pathOutsideRoot, "include '\(written)' leaves the journeys folder; shared files must live inside it", at: pathToken.range,
                notes: [confinementNote(real)])
            return
        case .inside(let path, let real):
            (shown, canonical) = (path, real)
            builder.symbols.links.append(.init(range: pathToken.range, path: path))
        }
        if let i = includeStack.firstIndex(where: { $0.canonical == canonical }) {
            let chain = (includeStack[i...].map(\.shown) + [shown]).joined(separator: " -> ")
            report(.includeCycle, "include cycle: \(chain)", at: pathToken.range)
            return
        }
        if files.contains(shown) || sources.keys.contains(shown) { return }  // already included once: definitions are in
        let bytes: [UInt8]
        switch FileReader.read(shown, limit: options.maxFileSize) {
        case .success(let b): bytes = b
        case .failure(let f):
            report(.unreadableFile, "cannot include '\(written)': \(f.message)", at: pathToken.range)
            includeFailed = true
            return
        }
        includeStack.append((canonical, shown))
        defer { includeStack.removeLast() }
        guard let syntax = parse(path: shown, bytes: bytes) else { return }
        readTopLevel(syntax, isEntry: false)
    }
}

extension Resolver {
    /// `segment NAME` or `segment "Business class"` in a persona: the data's segment whose
    /// answers draw the persona's measured curve. Empty, given twice, or already another
    /// persona's (both curves would be the same line) is reported.
    mutating func readPersonaSegment(_ t: Token, into persona: inout Persona) {
        if t.text.allSatisfy({ $0 == " " || $0 == "\t" }) {
            report(.personaSegment, "persona '\(persona.id)' has an empty segment; write the segment as the data spells it", at: t.range)
            return
        }
        if let first = persona.segment {
            report(.personaSegment, "persona '\(persona.id)' already has segment '\(first)'; a persona has one segment", at: t.range)
            return
        }
        if let other = builder.personas.first(where: { $0.segment == t.text }) {
            report(
                .sharedPersonaSegment,
                "personas '\(other.id)' and '\(persona.id)' both have segment '\(t.text)'; their measured curves would be the same line",
                at: t.range)
        }
        persona.segment = t.text
    }
}
