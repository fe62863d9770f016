import JourneyCore

extension LanguageServer {
    func completion(_ p: PositionParams) throws -> JSONValue {
        let doc = try document(p.textDocument.uri)
        let offset = PositionMap.offset(of: p.position, in: doc.analysis.source)
        let items =
            CompletionContext(source: doc.analysis.source, offset: offset)
            .map { Completions(analysis: doc.analysis).items(for: $0) } ?? []
        return try JSONValue(encoding: CompletionList(items: items))
    }
}

/// Where the cursor is, as far as completion cares: the block it is in, and the statement
/// typed so far (keyword and arguments before the cursor, the word being typed left out).
struct CompletionContext {
    /// Keywords of the enclosing blocks, outermost first (`["journey", "stage", "touchpoint"]`).
    var blocks: [String] = []
    /// The statement's keyword; nil when the cursor is where a keyword goes.
    var keyword: String?
    /// The tokens between the keyword and the cursor.
    var arguments: [Token] = []

    /// nil inside a string or a comment (nothing to complete there).
    init?(source: SourceFile, offset: Int) {
        let tokens = Lexer.tokenize(source).tokens
        var statement: [Token] = []
        for t in tokens {
            if t.kind == .endOfFile || t.range.start.offset >= offset { break }
            if t.range.end.offset > offset || (t.kind == .comment && t.range.end.offset == offset) {
                // The cursor is inside this token.
                if t.kind == .string || t.kind == .comment { return nil }
                break
            }
            switch t.kind {
            case .terminator, .comment:
                statement = []
            case .leftBrace:
                if let k = statement.first, k.kind == .identifier { blocks.append(k.text) } else { blocks.append("") }
                statement = []
            case .rightBrace:
                if !blocks.isEmpty { blocks.removeLast() }
                statement = []
            default:
                statement.append(t)
            }
        }
        // The word being typed (ending at the cursor) is what the client filters by, not context.
        if let last = statement.last, last.kind == .identifier || last.kind == .number, last.range.end.offset == offset {
            statement.removeLast()
        }
        if let first = statement.first {
            guard first.kind == .identifier else { return nil }
            keyword = first.text
            arguments = Array(statement.dropFirst())
        }
    }
}

/// The completions for a context: statement keywords where a statement starts, ids of the
/// right kind after `owner`, `channel`, `persona`, `flow`, `->`, `rating`, `at`, and the
/// fixed words of `emotion`, `target`, `index`, `loop`, `theme`, `language`, `format`, `column`, `scale`, `sentiment`.
struct Completions {
    let analysis: DocumentAnalysis

    func items(for c: CompletionContext) -> [CompletionItem] {
        guard let keyword = c.keyword else {
            let words = c.blocks.last.map { Vocabulary.statements(inBlockOf: $0) ?? [] } ?? Vocabulary.topLevel
            return words.map { CompletionItem(label: $0, kind: 14, detail: nil, sortText: nil) }
        }
        let block = c.blocks.last ?? ""
        let args = c.arguments.map(\.text)
        let last = args.last
        switch (block, keyword) {
        case ("touchpoint", "owner"): return args.isEmpty ? ids(.department) : []
        case ("touchpoint", "backstage"), ("touchpoint", "support"): return last == "owner" ? ids(.department) : []
        case ("touchpoint", "channel"): return args.isEmpty ? ids(.channel) : []
        case ("touchpoint", "persona"): return args.isEmpty || last == "," ? ids(.persona) : []
        case ("touchpoint", "emotion"):
            return args.isEmpty
                ? words(Emotion.names.map(\.name), detail: Emotion.names.map { "\($0.value > 0 ? "+" : "")\($0.value)" }) : []
        case ("touchpoint", "moment"): return args.isEmpty ? words(["of"]) : (args == ["of"] ? words(["truth"]) : [])
        case (_, "flow"): return args.isEmpty || last == "->" ? ids(.touchpoint) : []
        case ("feedback", "category"): return last == "->" ? ids(.touchpoint) : []
        case ("feedback", "rating"): return args.isEmpty ? ids(.touchpoint) : []
        case ("feedback", "format"): return args.isEmpty ? words(FeedbackSource.Format.allCases.map(\.rawValue)) : []
        case ("feedback", "column"): return args.isEmpty ? words(Vocabulary.feedbackColumns) : []
        case ("feedback", "scale"): return args.isEmpty ? words(["nps", "csat", "ces"]) : []
        case ("feedback", "sentiment"): return last == "=" ? words(Sentiment.allCases.map(\.rawValue)) : []
        case ("style", "theme"): return args.isEmpty ? words(Vocabulary.themes) : []
        case ("style", "language"): return args.isEmpty ? words(Vocabulary.languages, detail: Language.allCases.map(\.nativeName)) : []
        case ("journey", "target"):
            if args.isEmpty { return words(Target.Metric.allCases.map(\.rawValue) + (analysis.journey?.indices.map(\.id) ?? [])) }
            if last == "at" {
                return words(Vocabulary.targetScopes) + ids(.touchpoint) + ids(.stage) + ids(.department) + ids(.channel)
            }
            if args.count >= 2, args[args.count - 2] == "at", let kind = SymbolIndex.Kind(rawValue: last ?? "") {
                return ids(kind)
            }
            return []
        case ("journey", "loop"): return loop(c)
        case ("journey", "index"):
            // A measure after each weight: `index chi = 0.5 |`.
            if let l = c.arguments.last, l.kind == .number, args.contains("=") { return words(Vocabulary.indexComponents) }
            return []
        default: return []
        }
    }

    /// `loop within 48 h at DEPARTMENT` word by word, and `loop record` with the conventional
    /// file name beside the journey (`"JOURNEY.loop.csv"`, docs/close-the-loop.md).
    private func loop(_ c: CompletionContext) -> [CompletionItem] {
        let args = c.arguments.map(\.text)
        switch args.count {
        case 0: return words(["within", "record"], detail: ["service level: loop within 48 h [at DEPARTMENT]", "loop record \"FILE\""])
        case 1 where args[0] == "record":
            let name = "\"\(analysis.journey?.id ?? "journey").loop.csv\""
            return [CompletionItem(label: name, kind: 17, detail: "the loop record: a CSV beside the journey", sortText: nil)]
        case 2 where args[0] == "within" && c.arguments[1].kind == .number: return words(["h", "d"], detail: ["hours", "days"])
        case 3 where args[0] == "within": return words(["at"])
        case 4 where args[0] == "within" && args[3] == "at": return ids(.department)
        default: return []
        }
    }

    private func words(_ list: [String], detail: [String]? = nil) -> [CompletionItem] {
        list.enumerated().map { i, w in CompletionItem(label: w, kind: 20, detail: detail?[i], sortText: String(1000 + i)) }
    }

    /// The declared ids of `kind` (in the document and its includes), with their titles.
    private func ids(_ kind: SymbolIndex.Kind) -> [CompletionItem] {
        var seen = Set<String>()
        let journey = analysis.journey
        let itemKind =
            switch kind {
            case .touchpoint: 23
            case .stage: 9
            case .department: 22
            case .channel: 8
            case .persona: 6
            }
        return analysis.loaded.symbols.occurrences
            .filter { $0.isDeclaration && $0.kind == kind && seen.insert($0.id).inserted }
            .map { occ in
                let title: String? =
                    switch kind {
                    case .touchpoint: journey?.touchpoint(occ.id)?.title
                    case .stage: journey?.stage(occ.id)?.title
                    case .department: journey?.department(occ.id)?.title
                    case .channel: journey?.channel(occ.id)?.title
                    case .persona: journey?.personas.first { $0.id == occ.id }?.name
                    }
                return CompletionItem(
                    label: occ.id, kind: itemKind, detail: title.map { "\(kind.rawValue): \($0)" } ?? kind.rawValue, sortText: nil)
            }
    }
}
