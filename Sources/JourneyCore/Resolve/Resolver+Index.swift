extension Resolver {
    /// How far the weights may sum from 1 before JM231 warns (thirds written as 0.333 pass).
    static let indexWeightTolerance = 0.005

    /// `index ID ["Title"] = W MEASURE (+ W MEASURE)*`
    mutating func readIndex(_ s: StatementSyntax) {
        forbidBlock(s)
        let usage = "index ID \"Title\" = 0.5 nps + 0.3 csat + 0.2 ces"
        let components = CompositeIndex.Component.allCases.map(\.rawValue)
        guard
            let (id, title, terms) = withArguments(
                s,
                { a -> (Token, Token?, [(weight: Token, negative: Bool, measure: Token)])? in
                    guard let id = a.identifier("an index id: \(usage)") else { return nil }
                    let title = a.optionalString()
                    guard a.expect("=", "after the index name: \(usage)") != nil else { return nil }
                    var terms: [(weight: Token, negative: Bool, measure: Token)] = []
                    while !a.isAtEnd {
                        var negative = false
                        if !terms.isEmpty {
                            // Terms are joined by '+' (or '-', reported below), unless the weight carries its sign.
                            if a.accept("-") != nil {
                                negative = true
                            } else if a.accept("+") == nil, let t = a.peek,
                                !(t.kind == .number && (t.text.hasPrefix("+") || t.text.hasPrefix("-")))
                            {
                                _ = a.expect("+", "between the index's terms: \(usage)")
                                return nil
                            }
                        } else if a.accept("-") != nil {
                            negative = true
                        }
                        guard let w = a.number("a weight before the measure, e.g. '0.5 nps'") else { return nil }
                        guard let m = a.identifier("a measure after the weight: \(components.joined(separator: ", "))") else { return nil }
                        terms.append((w, negative, m))
                    }
                    guard !terms.isEmpty else {
                        _ = a.number("at least one weighted measure after '=': \(usage)")
                        return nil
                    }
                    return (id, title, terms)
                })
        else { return }
        var ok = true
        if Target.Metric(rawValue: id.text) != nil || CompositeIndex.Component(rawValue: id.text) != nil {
            report(
                .duplicateIndex,
                "index '\(id.text)' has the name of a metric, so 'target \(id.text) …' would be ambiguous; choose another id",
                at: id.range)
            ok = false
        } else if let first = builder.indices.first(where: { $0.id == id.text }) {
            report(
                .duplicateIndex, "duplicate index id '\(id.text)'; ids of indices must be unique", at: id.range,
                notes: [DiagnosticNote("'\(id.text)' was first defined here", at: first.range)])
            ok = false
        }
        var resolved: [CompositeIndex.Term] = []
        for t in terms {
            guard let component = CompositeIndex.Component(rawValue: t.measure.text) else {
                report(
                    .unknownIndexComponent,
                    "unknown measure '\(t.measure.text)' in index '\(id.text)'\(Suggestion.phrase(for: t.measure.text, in: components)) (an index combines: \(components.joined(separator: ", ")))",
                    at: t.measure.range)
                ok = false
                continue
            }
            guard let written = Double(t.weight.text), written.isFinite else { ok = false; continue }
            let weight = t.negative ? -written : written
            let weightRange = t.weight.range
            guard weight > 0 else {
                report(
                    .invalidIndexWeight,
                    "the weight of '\(component.rawValue)' is \(CompositeIndex.weightText(weight)); weights must be greater than 0 (every measure is already turned so that higher is better, CES included)",
                    at: weightRange)
                ok = false
                continue
            }
            if resolved.contains(where: { $0.component == component }) {
                report(.duplicateIndex, "index '\(id.text)' names '\(component.rawValue)' twice; give it one weight", at: t.measure.range)
                ok = false
                continue
            }
            resolved.append(CompositeIndex.Term(component: component, weight: weight, range: t.measure.range))
        }
        guard ok, !resolved.isEmpty else { return }
        let index = CompositeIndex(id: id.text, title: title?.text ?? id.text, terms: resolved, range: id.range)
        let sum = index.weightSum
        if abs(sum - 1) > Resolver.indexWeightTolerance {
            var r = terms.first!.weight.range
            r.end = terms.last!.measure.range.end
            report(
                .indexWeightsSum,
                "the weights of index '\(id.text)' sum to \(CompositeIndex.weightText((sum * 1000).rounded() / 1000)), not 1; the index divides by the sum to stay on 0–100 (write weights that sum to 1)",
                at: r)
        }
        builder.indices.append(index)
    }
}
