extension Resolver {
    static let touchpointStatements = [
        "channel", "owner", "emotion", "pain", "opportunity", "note", "moment",
        "action", "backstage", "support", "persona", "exit", "branch",
    ]

    mutating func readTouchpoint(_ s: StatementSyntax, stage: String) -> Touchpoint? {
        guard
            let (id, title) = withArguments(
                s,
                { args -> (Token, Token)? in
                    guard let id = args.identifier("a touchpoint id"),
                        let title = args.string("the touchpoint title in double quotes"),
                        args.end("touchpoint ID \"Title\" { … }")
                    else { return nil }
                    return (id, title)
                })
        else { return nil }
        let fresh = builder.declare("touchpoint", id)
        builder.touchpointCount += 1
        if builder.touchpointCount == options.maxTouchpoints + 1 {
            report(
                .tooManyTouchpoints,
                "more than \(options.maxTouchpoints) touchpoints; split the journey or raise the limit with --max-touchpoints", at: id.range
            )
        }
        var tp = Touchpoint(id: id.text, title: title.text, stageID: stage, range: id.range)
        // A second owner, channel or emotion would silently replace the first: an error.
        var once: [String: SourceRange] = [:]
        for t in s.block?.statements ?? [] {
            let word = t.keyword.text
            if word == "owner" || word == "channel" || word == "emotion" {
                if let first = once[word] {
                    report(
                        .repeatedTouchpointItem,
                        "touchpoint '\(id.text)' already has \(word == "emotion" ? "an" : "a") \(word); a touchpoint has one (remove one of them)",
                        at: t.keyword.range,
                        notes: [DiagnosticNote("the first \(word) is here", at: first)])
                    continue
                }
                once[word] = t.keyword.range
            }
            readTouchpointItem(t, into: &tp)
        }
        return fresh ? tp : nil
    }

    private mutating func readTouchpointItem(_ t: StatementSyntax, into tp: inout Touchpoint) {
        forbidBlock(t)
        switch t.keyword.text {
        case "persona":
            guard
                let ids = withArguments(
                    t,
                    { a -> [Token]? in
                        guard let first = a.identifier("a persona id") else { return nil }
                        var ids = [first]
                        while a.accept(",") != nil {
                            guard let next = a.identifier("a persona id after ','") else { return nil }
                            ids.append(next)
                        }
                        return a.end("persona ID[, ID…]") ? ids : nil
                    })
            else { return }
            for id in ids {
                builder.references.append(.init(kind: .persona, token: id))
                tp.personas.append(id.text)
            }
        case "channel", "owner":
            let isOwner = t.keyword.text == "owner"
            let what = isOwner ? "a department id" : "a channel id"
            guard let ref = withArguments(t, { a in a.identifier(what).flatMap { a.end("\(t.keyword.text) ID") ? $0 : nil } }) else {
                return
            }
            builder.references.append(.init(kind: isOwner ? .department : .channel, token: ref))
            if isOwner { tp.owner = ref.text } else { tp.channel = ref.text }
        case "emotion":
            tp.emotion = readEmotion(t) ?? tp.emotion
        case "pain", "opportunity", "note", "action":
            let word = t.keyword.text
            guard
                let text = withArguments(
                    t, { a in a.string("the \(word) text in double quotes").flatMap { a.end("\(word) \"…\"") ? $0 : nil } })
            else { return }
            switch word {
            case "pain": tp.pains.append(text.text)
            case "opportunity": tp.opportunities.append(text.text)
            case "note": tp.notes.append(text.text)
            default: tp.customerActions.append(Action(text: text.text, range: text.range))
            }
        case "moment":
            if withArguments(
                t,
                { a -> Bool? in
                    guard a.expect("of", "in 'moment of truth'") != nil, a.expect("truth", "in 'moment of truth'") != nil,
                        a.end("moment of truth")
                    else { return nil }
                    return true
                }) != nil
            {
                tp.isMomentOfTruth = true
            }
        case "exit":
            if withArguments(t, { a in a.end("exit") ? true : nil }) != nil { builder.exits.insert(tp.id) }
        case "branch":
            if withArguments(t, { a in a.end("branch") ? true : nil }) != nil { tp.isBranch = true }
        case "backstage", "support":
            let word = t.keyword.text
            guard
                let (text, owner) = withArguments(
                    t,
                    { a -> (Token, Token?)? in
                        guard let text = a.string("the \(word) action in double quotes") else { return nil }
                        var owner: Token?
                        if a.accept("owner") != nil {
                            guard let o = a.identifier("a department id after 'owner'") else { return nil }
                            owner = o
                        }
                        guard a.end("\(word) \"…\" owner DEPARTMENT") else { return nil }
                        return (text, owner)
                    })
            else { return }
            if let owner { builder.references.append(.init(kind: .department, token: owner)) }
            let action = Action(text: text.text, owner: owner?.text, range: text.range)
            if word == "backstage" { tp.backstage.append(action) } else { tp.support.append(action) }
        default:
            unknownStatement(t, context: "in a touchpoint", allowed: Resolver.touchpointStatements)
        }
    }

    /// `emotion -2…2` or a name (angry, frustrated, neutral, happy, delighted).
    private mutating func readEmotion(_ t: StatementSyntax) -> Emotion? {
        let names = Emotion.names.map(\.name)
        guard
            let token = withArguments(
                t,
                { a -> Token? in
                    guard let v = a.peek, v.kind == .number || v.kind == .identifier else {
                        _ = a.identifier("a number from -2 to +2 or one of \(names.joined(separator: ", "))")
                        return nil
                    }
                    _ = v.kind == .number ? a.number("") : a.identifier("")
                    return a.end("emotion -2…+2 | \(names.joined(separator: "|"))") ? v : nil
                })
        else { return nil }
        if token.kind == .number {
            if let v = Int(token.text), let e = Emotion(value: v) { return e }
            report(
                .invalidEmotion, "emotion \(token.text) is out of range; use a whole number from -2 (angry) to +2 (delighted)",
                at: token.range)
            return nil
        }
        if let e = Emotion(name: token.text) { return e }
        let suggestion = Suggestion.closest(to: token.text, in: names)
        report(
            .invalidEmotion,
            "unknown emotion '\(token.text)'\(suggestion.map { "; did you mean '\($0)'?" } ?? "; use \(names.joined(separator: ", ")) or -2…+2")",
            at: token.range, fixIt: suggestion.map { FixIt(range: token.range, replacement: $0) })
        return nil
    }
}
