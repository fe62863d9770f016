import JourneyGraphviz

/// The lanes below a large map's row of stages, where flows between stages run (`LargeMap`).
/// A flow leaves its card sideways into the free gap beside the card's column (dot keeps
/// columns apart, so no card stands there), goes down below every stage box, runs along a lane
/// of its own, and comes up the gap beside its target's column. Lanes are shared by flows
/// whose spans do not overlap, shorter flows nearer the stages (so that flows nest); a label
/// sits on its flow's lane where no other flow's vertical crosses it. Pure geometry, in points,
/// y up: linear in the number of flows apart from the lane search.
struct FlowChannel {
    /// One flow to route.
    struct Flow {
        /// The boxes of the cards it leaves and reaches.
        var from: GraphLayout.Box, to: GraphLayout.Box
        /// The free gaps (left, right) beside the columns of the two cards, as x ranges.
        var fromGap: ClosedRange<Double>, toGap: ClosedRange<Double>
        /// The size of its label, if it has one.
        var label: (width: Double, height: Double)?
    }

    /// Where a flow goes: its line as one polyline, or two (before and after its label).
    struct Route {
        /// The polylines; the last one ends at the target card.
        var lines: [[GraphLayout.Point]]
        /// The label's centre.
        var label: GraphLayout.Point?
        /// Its lane (0 nearest the stages).
        var lane: Int
    }

    /// The routes, one per flow, in the order given.
    let routes: [Route]
    /// The lowest y any route reaches.
    let bottom: Double

    /// Routes `flows` in lanes starting below `top`. Whether a flow runs forward (its target
    /// to the right) decides the sides: forward flows leave east and arrive west, backward
    /// ones the other way round.
    init(_ flows: [Flow], top: Double) {
        let laneHeight = max(14, (flows.compactMap { $0.label?.height }.max() ?? 0) + 6)
        let pad = 10.0
        func forward(_ f: Flow) -> Bool { f.to.x > f.from.x }
        func mid(_ r: ClosedRange<Double>) -> Double { (r.lowerBound + r.upperBound) / 2 }
        // The gaps each end uses, named by their range (a gap is one range on the drawing).
        func gaps(_ f: Flow) -> (ClosedRange<Double>, ClosedRange<Double>) { (f.fromGap, f.toGap) }
        // Lanes: shortest span first, each into the first lane where it overlaps nothing.
        let span: [ClosedRange<Double>] = flows.map { f in
            let (a, b) = (mid(f.fromGap), mid(f.toGap))
            var lo = min(a, b), hi = max(a, b)
            if let w = f.label?.width, hi - lo < w + 8 {
                let c = (lo + hi) / 2
                lo = min(lo, c - w / 2 - 4)
                hi = max(hi, c + w / 2 + 4)
            }
            return (lo - pad)...(hi + pad)
        }
        let order = flows.indices.sorted {
            (span[$0].upperBound - span[$0].lowerBound, $0) < (span[$1].upperBound - span[$1].lowerBound, $1)
        }
        var lanes: [[ClosedRange<Double>]] = []
        var lane = Array(repeating: 0, count: flows.count)
        for i in order {
            var k = 0
            while k < lanes.count, lanes[k].contains(where: { $0.overlaps(span[i]) }) { k += 1 }
            if k == lanes.count { lanes.append([]) }
            lanes[k].append(span[i])
            lane[i] = k
        }
        // Verticals: the flows sharing a gap stand side by side in it, deeper lanes outside.
        var users: [ClosedRange<Double>: [(flow: Int, end: Int)]] = [:]
        for (i, f) in flows.enumerated() {
            let (a, b) = gaps(f)
            users[a, default: []].append((i, 0))
            users[b, default: []].append((i, 1))
        }
        var vertical = Array(repeating: (0.0, 0.0), count: flows.count)
        for (gap, list) in users {
            let sorted = list.sorted { (lane[$0.flow], $0.flow, $0.end) < (lane[$1.flow], $1.flow, $1.end) }
            for (k, u) in sorted.enumerated() {
                let x = gap.lowerBound + (gap.upperBound - gap.lowerBound) * Double(k + 1) / Double(sorted.count + 1)
                if u.end == 0 { vertical[u.flow].0 = x } else { vertical[u.flow].1 = x }
            }
        }
        // Which verticals cross each lane: those of the flows in deeper lanes.
        var crossing = Array(repeating: [Double](), count: lanes.count)
        for i in flows.indices {
            for k in 0..<lane[i] { crossing[k] += [vertical[i].0, vertical[i].1] }
        }
        for k in crossing.indices { crossing[k].sort() }
        var routes: [Route] = []
        var bottom = top
        for (i, f) in flows.enumerated() {
            let y = top - laneHeight * (Double(lane[i]) + 0.5)
            bottom = min(bottom, y - laneHeight / 2)
            let (xa, xb) = vertical[i]
            let fwd = forward(f)
            let start = GraphLayout.Point(fwd ? f.from.maxX : f.from.minX, f.from.y)
            let end = GraphLayout.Point(fwd ? f.to.minX : f.to.maxX, f.to.y)
            let down = [start, GraphLayout.Point(xa, f.from.y), GraphLayout.Point(xa, y)]
            let up = [GraphLayout.Point(xb, y), GraphLayout.Point(xb, f.to.y), end]
            guard let size = f.label else {
                routes.append(Route(lines: [down + up], label: nil, lane: lane[i]))
                continue
            }
            let cx = Self.labelCentre(between: xa, xb, width: size.width, avoiding: crossing[lane[i]])
            let dir = xb >= xa ? 1.0 : -1.0
            let near = GraphLayout.Point(cx - dir * size.width / 2, y)
            let far = GraphLayout.Point(cx + dir * size.width / 2, y)
            routes.append(Route(lines: [down + [near], [far] + up], label: GraphLayout.Point(cx, y), lane: lane[i]))
        }
        self.routes = routes
        self.bottom = bottom
    }

    /// The label's centre on the lane from `a` to `b`: in the free stretch (between verticals
    /// of other flows) nearest the middle that is wide enough, else the middle of the widest.
    static func labelCentre(between a: Double, _ b: Double, width: Double, avoiding xs: [Double]) -> Double {
        let lo = min(a, b), hi = max(a, b)
        let middle = (lo + hi) / 2
        if hi - lo < width + 8 { return middle }
        let inside = xs.filter { $0 > lo && $0 < hi }
        let bounds = [lo] + inside + [hi]
        var best: (score: Double, x: Double)?
        var widest: (w: Double, x: Double) = (-1, middle)
        for (l, r) in zip(bounds, bounds.dropFirst()) {
            let w = r - l
            if w > widest.w { widest = (w, (l + r) / 2) }
            guard w >= width + 8 else { continue }
            let x = min(max(middle, l + width / 2 + 4), r - width / 2 - 4)
            let score = abs(x - middle)
            if best == nil || score < best!.score { best = (score, x) }
        }
        return best?.x ?? widest.x
    }
}
