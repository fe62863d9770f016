import JourneyCore

/// Which touchpoints customers pass right before and right after each one, from the flows the
/// journey declares: the document-order path (which skips `branch` touchpoints and stops at
/// `exit`) and every `flow a -> b`. A flow counts only when some customer can take it: when
/// both touchpoints name personas, they must share one (docs/pain-points.md#the-emotion-curve).
struct FlowNeighbours {
    var predecessors: [String: [String]] = [:]
    var successors: [String: [String]] = [:]

    init(_ journey: Journey) {
        for f in journey.flows where f.from != f.to {
            guard let a = journey.touchpoint(f.from), let b = journey.touchpoint(f.to), Self.shareACustomer(a, b) else { continue }
            if !(predecessors[b.id]?.contains(a.id) ?? false) { predecessors[b.id, default: []].append(a.id) }
            if !(successors[a.id]?.contains(b.id) ?? false) { successors[a.id, default: []].append(b.id) }
        }
    }

    /// An empty persona list means everyone.
    static func shareACustomer(_ a: Touchpoint, _ b: Touchpoint) -> Bool {
        a.personas.isEmpty || b.personas.isEmpty || !Set(a.personas).isDisjoint(with: b.personas)
    }

    /// Where a path ends: no flow leads on (the journey's last impressions).
    func isEnd(_ id: String) -> Bool { successors[id]?.isEmpty ?? true }
}
