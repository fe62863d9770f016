extension Resolver {
    /// `target METRIC OP NUMBER[%] [at [KIND] ID]`
    mutating func readTarget(_ s: StatementSyntax) {
        forbidBlock(s)
        let metrics = Target.Metric.allCases.map(\.rawValue)
        let kinds = ["stage", "touchpoint", "department", "channel", "segment"]
        guard
            let pending = withArguments(
                s,
                { a -> JourneyBuilder.PendingTarget? in
                    guard let m = a.identifier("a metric: \(metrics.joined(separator: ", "))") else { return nil }
                    // Not a built-in metric: perhaps a composite index, declared anywhere in the journey (pass two).
                    let metric = Target.Metric(rawValue: m.text)
                    let indexToken = metric == nil ? m : nil
                    guard let op = a.peek, op.kind == .symbol, let comparison = Target.Comparison(rawValue: op.text) else {
                        _ = a.expect(">=", "(or <=, >, <) after the metric")
                        return nil
                    }
                    _ = a.accept(op.text)
                    guard let number = a.number("the target value") else { return nil }
                    guard let value = Double(number.text), value.isFinite else { return nil }
                    let percent = a.accept("%") != nil
                    var scopeKind: String?
                    var scopeToken: Token?
                    if a.accept("at") != nil {
                        if let k = a.peek, k.kind == .identifier, kinds.contains(k.text),
                            a.statement.arguments.count > a.index + 1
                        {
                            scopeKind = k.text
                            _ = a.accept(k.text)
                        }
                        guard let id = a.name("what the target is for: a touchpoint, stage or department id") else { return nil }
                        scopeToken = id
                    }
                    guard a.end("target METRIC >= VALUE[%] [at [stage|touchpoint|department|channel|segment] ID]") else { return nil }
                    var target = Target(
                        metric: metric ?? .nps, comparison: comparison, value: value, isPercent: percent, range: s.range)
                    target.index = indexToken?.text
                    return .init(target: target, scopeKind: scopeKind, scopeToken: scopeToken, indexToken: indexToken)
                })
        else { return }
        builder.targets.append(pending)
    }
}

extension JourneyBuilder {
    /// Turns `at ID` into a scope, looking the id up as touchpoint, stage, department,
    /// channel, then segment, unless a kind was written.
    mutating func resolveTargets() -> [Target] {
        var result: [Target] = []
        let tps = Set(stages.flatMap { $0.touchpoints.map(\.id) })
        let stageIDs = Set(stages.map(\.id))
        let depts = Set(departments.map(\.id))
        let chans = Set(channels.map(\.id))
        let segments = Set(personas.compactMap(\.segment))
        let indexIDs = indices.map(\.id)
        for p in targets {
            var t = p.target
            if let m = p.indexToken {
                guard indexIDs.contains(m.text) else {
                    let metrics = Target.Metric.allCases.map(\.rawValue)
                    let known = (metrics + indexIDs).joined(separator: ", ")
                    report(
                        .unknownMetric,
                        "unknown metric '\(m.text)'\(Suggestion.phrase(for: m.text, in: metrics + indexIDs)) (metrics: \(known))",
                        at: m.range)
                    continue
                }
            }
            guard let token = p.scopeToken else { result.append(t); continue }
            let id = token.text
            var matches: [(String, Target.Scope)] = []
            if tps.contains(id) { matches.append(("touchpoint", .touchpoint(id))) }
            if stageIDs.contains(id) { matches.append(("stage", .stage(id))) }
            if depts.contains(id) { matches.append(("department", .department(id))) }
            if chans.contains(id) { matches.append(("channel", .channel(id))) }
            if segments.contains(id) { matches.append(("segment", .segment(id))) }
            if let kind = p.scopeKind {
                matches = matches.filter { $0.0 == kind }
                if matches.isEmpty, kind == "segment" { matches = [("segment", .segment(id))] }  // segments may exist only in data
            }
            switch matches.count {
            case 1:
                t.scope = matches[0].1
                if let kind = SymbolIndex.Kind(declared: matches[0].0) {
                    symbols.occurrences.append(.init(kind: kind, id: id, range: token.range, isDeclaration: false))
                }
                result.append(t)
            case 0:
                let all = Array(tps.sorted()) + stageIDs.sorted() + depts.sorted()
                report(
                    .unknownTargetScope,
                    "target is 'at \(id)', but no \(p.scopeKind ?? "touchpoint, stage or department") has that id\(Suggestion.phrase(for: id, in: all))",
                    at: token.range)
            default:
                report(
                    .ambiguousTargetScope,
                    "'\(id)' is both a \(matches.map(\.0).joined(separator: " and a ")); write 'at \(matches[0].0) \(id)'", at: token.range)
            }
        }
        return result
    }
}
