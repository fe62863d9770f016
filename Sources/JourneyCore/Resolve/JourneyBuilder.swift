/// Declarations gathered in pass one, with the tokens that referred to other things so that
/// pass two (`finish`) can check them all, in any order, and point at the exact word.
struct JourneyBuilder {
    enum ReferenceKind: String {
        case department, channel, touchpoint, persona
    }
    struct Reference {
        var kind: ReferenceKind
        var token: Token
    }
    struct PendingTarget {
        var target: Target
        var scopeKind: String?
        var scopeToken: Token?
        /// A metric word that is not a built-in metric: a composite index's id, checked in pass two.
        var indexToken: Token?
    }

    var journeyID = ""
    var title = ""
    var description: String?
    var journeyRange: SourceRange?
    var personas: [Persona] = []
    var departments: [Department] = []
    var channels: [Channel] = []
    var stages: [Stage] = []
    var flows: [Flow] = []
    var feedback: [FeedbackSource] = []
    var targets: [PendingTarget] = []
    var style = Style()
    var tagging = TagRules()
    var period: String?
    var followUp = FollowUpPolicy()
    var indices: [CompositeIndex] = []
    /// Touchpoints marked `exit`: no document-order flow leaves them.
    var exits: Set<String> = []
    var references: [Reference] = []
    /// Declarations, uses and paths as read, for editors (`LoadResult.symbols`).
    var symbols = SymbolIndex()
    var touchpointCount = 0
    var skipDefinitionChecks = false
    /// Findings of pass two (and duplicate ids), merged by the resolver.
    var diagnostics: [Diagnostic] = []

    /// Reports a finding with its code's usual severity.
    mutating func report(
        _ code: DiagnosticCode, _ message: String, at range: SourceRange,
        notes: [DiagnosticNote] = [], fixIt: FixIt? = nil
    ) {
        report(code.severity, code, message, at: range, notes: notes, fixIt: fixIt)
    }

    /// Reports a finding at a severity other than its code's usual one.
    mutating func report(
        _ severity: Severity, _ code: DiagnosticCode, _ message: String, at range: SourceRange,
        notes: [DiagnosticNote] = [], fixIt: FixIt? = nil
    ) {
        diagnostics.append(Diagnostic(severity, code, message, at: range, notes: notes, fixIt: fixIt))
    }

    /// First declaration of each id, per kind, for duplicate reports.
    var declared: [String: [String: SourceRange]] = [:]

    /// Records a declaration; returns false (after reporting) when the id is taken.
    mutating func declare(_ kind: String, _ token: Token) -> Bool {
        if let k = SymbolIndex.Kind(declared: kind) {
            symbols.occurrences.append(.init(kind: k, id: token.text, range: token.range, isDeclaration: true))
        }
        if let first = declared[kind]?[token.text] {
            report(
                .duplicateID, "duplicate \(kind) id '\(token.text)'; ids of \(kind)s must be unique", at: token.range,
                notes: [DiagnosticNote("'\(token.text)' was first defined here", at: first)])
            return false
        }
        declared[kind, default: [:]][token.text] = token.range
        return true
    }

    mutating func finish(entry: String, files: [String]) -> Journey? {
        guard let range = journeyRange else { return nil }
        checkReferences()
        checkStages()
        let tps = stages.flatMap(\.touchpoints)  // once: touchpoints are large values
        let allFlows = sequenceFlows(tps) + flows
        checkReachability(allFlows, tps)
        let resolvedTargets = resolveTargets()
        let included = files.filter { $0 != entry }
        var journey = Journey(
            id: journeyID, title: title, description: description, personas: personas,
            departments: departments, channels: channels, stages: stages, flows: allFlows,
            feedback: feedback, targets: resolvedTargets, style: style,
            sourceFile: entry, includedFiles: included, range: range)
        journey.tagging = tagging
        journey.period = period
        journey.followUp = followUp
        journey.indices = indices
        return journey
    }

    private func ids(_ kind: ReferenceKind) -> [String] {
        switch kind {
        case .department: departments.map(\.id)
        case .channel: channels.map(\.id)
        case .touchpoint: stages.flatMap { $0.touchpoints.map(\.id) }
        case .persona: personas.map(\.id)
        }
    }

    private mutating func checkReferences() {
        var known: [ReferenceKind: Set<String>] = [:]
        for kind in [ReferenceKind.department, .channel, .touchpoint, .persona] { known[kind] = Set(ids(kind)) }
        for ref in references where !known[ref.kind]!.contains(ref.token.text) {
            if skipDefinitionChecks, ref.kind != .touchpoint { continue }
            let candidates = ids(ref.kind)
            let suggestion = Suggestion.closest(to: ref.token.text, in: candidates)
            let code =
                switch ref.kind {
                case .department: DiagnosticCode.unknownDepartment
                case .channel: DiagnosticCode.unknownChannel
                case .touchpoint: DiagnosticCode.unknownTouchpoint
                case .persona: DiagnosticCode.unknownPersona
                }
            var message = "unknown \(ref.kind.rawValue) '\(ref.token.text)'"
            var notes: [DiagnosticNote] = []
            if let suggestion {
                message += "; did you mean '\(suggestion)'?"
            } else if candidates.isEmpty {
                notes.append(DiagnosticNote("no \(ref.kind.rawValue)s are declared; declare one with '\(ref.kind.rawValue) ID \"Title\"'"))
            } else {
                notes.append(
                    DiagnosticNote(
                        "known \(ref.kind.rawValue)s: \(candidates.prefix(12).joined(separator: ", "))\(candidates.count > 12 ? ", …" : "")"
                    ))
            }
            report(
                .error, code, message, at: ref.token.range, notes: notes,
                fixIt: suggestion.map { FixIt(range: ref.token.range, replacement: $0) })
        }
    }

    private mutating func checkStages() {
        for stage in stages {
            if stage.touchpoints.isEmpty {
                report(.emptyStage, "stage '\(stage.id)' has no touchpoints; add one or remove the stage", at: stage.range)
            }
            for tp in stage.touchpoints where tp.owner == nil {
                report(
                    .touchpointWithoutOwner, "touchpoint '\(tp.id)' has no owner; add 'owner DEPARTMENT' so the map shows who must act",
                    at: tp.range)
            }
        }
    }

    /// Document order: each touchpoint flows to the next unless it is marked `exit`;
    /// `branch` touchpoints are off this main path.
    private func sequenceFlows(_ all: [Touchpoint]) -> [Flow] {
        let tps = all.filter { !$0.isBranch }
        guard tps.count > 1 else { return [] }
        var result: [Flow] = []
        for (a, b) in zip(tps, tps.dropFirst()) where !exits.contains(a.id) {
            result.append(Flow(from: a.id, to: b.id, kind: .sequence, range: a.range))
        }
        return result
    }

    private mutating func checkReachability(_ flows: [Flow], _ tps: [Touchpoint]) {
        guard let first = tps.first else { return }
        var next: [String: [String]] = [:]
        for f in flows { next[f.from, default: []].append(f.to) }
        var seen: Set<String> = [first.id]
        var queue = [first.id]
        while let id = queue.popLast() {
            for n in next[id] ?? [] where seen.insert(n).inserted { queue.append(n) }
        }
        for tp in tps where !seen.contains(tp.id) {
            report(
                .unreachableTouchpoint,
                "no flow reaches touchpoint '\(tp.id)'\(tp.isBranch ? " (a branch is reached only by explicit flows)" : " (the touchpoint before it is marked 'exit')"); add 'flow SOMEWHERE -> \(tp.id)'",
                at: tp.range)
        }
    }
}
