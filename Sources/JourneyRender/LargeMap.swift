import JourneyCore
import JourneyFeedback
import JourneyGraphviz

/// The map of a large journey, laid out stage by stage (issue 17). One dot run over the whole
/// journey grows about as N^1.7 (5,000 touchpoints: 5.1 s, 260 MiB) and with flows across
/// stages does not finish at all (1,000 touchpoints with 400 such flows: over 120 s). A stage
/// is small, so each is laid out by dot on its own exactly as the whole map would lay it out
/// (cards, branches, flows within the stage and their labels); the stages are then placed side
/// by side, their rows on one line, and the whole is drawn with every position, cluster box
/// and line given (`nop2`, i.e. `neato -n2`: Graphviz routes nothing).
///
/// Why this routing (measured, graphviz-notes.md): with every node pinned, Graphviz draws 5,000
/// nodes with straight lines in 0.17 s but takes over 120 s to route splines around the cards;
/// so flows inside a stage keep dot's splines from the stage's own layout, document-order
/// flows between stages are straight segments along the row, and explicit flows between stages
/// run in lanes below the stage boxes (`FlowChannel`): every step is linear in the stages, or
/// in the flows.
enum LargeMap {
    /// Above this many touchpoints a map is laid out stage by stage. Measured with the release
    /// build (BENCHMARKS.md, "Large journeys"): the stage-by-stage path sizes every label twice
    /// (once for its stage, once for the drawing), so below about 1,500 touchpoints of short
    /// flows one dot run is cheaper (500: 1.35× the CPU of dot; 1,000: 1.14×; 2,000: 0.80×).
    static let touchpointThreshold = 1_500
    /// Or when the explicit flows between stages span more than this many stage boundaries
    /// in all: dot's cost grows fast with long flows across clusters (300 touchpoints with
    /// 20 flows between random stages: 0.72 s against 0.14 s without; with 80: 3.4 s against
    /// 0.18 s stage by stage), while a loop back into the previous stage costs it little.
    static let crossingSpanThreshold = 60
    /// Space between two stage boxes, in points.
    static let stageGap = 24.0
    /// Length of an arrowhead at `arrowsize` 0.7, in points.
    static let arrowLength = 7.0

    /// Whether `journey` is laid out stage by stage.
    static func applies(to journey: Journey) -> Bool {
        if journey.touchpoints.count > touchpointThreshold { return true }
        var stageIndex: [String: Int] = [:]
        for (si, stage) in journey.stages.enumerated() { for tp in stage.touchpoints { stageIndex[tp.id] = si } }
        var span = 0
        for i in crossingFlows(journey) {
            let f = journey.flows[i]
            span += abs(stageIndex[f.to]! - stageIndex[f.from]!)
            if span > crossingSpanThreshold { return true }
        }
        return false
    }

    /// The explicit flows whose ends are in two stages, by index in `journey.flows`.
    static func crossingFlows(_ journey: Journey) -> [Int] {
        var stageOf: [String: String] = [:]
        for tp in journey.touchpoints { stageOf[tp.id] = tp.stageID }
        return journey.flows.indices.filter { i in
            let f = journey.flows[i]
            guard f.kind == .explicit, let a = stageOf[f.from], let b = stageOf[f.to] else { return false }
            return a != b
        }
    }

    /// The pinned map: each stage laid out by dot, then placed and drawn by `nop2`.
    static func build(_ journey: Journey, measurements: JourneyMeasurements?, options: MapOptions) throws(GraphvizError) -> GraphSpec {
        let layout = MapLayout(journey, labelsAcrossStages: false)
        let whole = MapBuilder.whole(journey, measurements: measurements, options: options, layout: layout, acrossStages: false)
        var clusterOf: [NodeID: Int] = [:]
        for (ci, c) in whole.clusters.enumerated() { for n in c.nodes { clusterOf[n.id] = ci } }
        var stageEdges = Array(repeating: [Int](), count: whole.clusters.count)
        var between: [Int] = []
        for (i, e) in whole.edges.enumerated() {
            if let a = clusterOf[e.from], a == clusterOf[e.to] { stageEdges[a].append(i) } else { between.append(i) }
        }
        var stageRanks = Array(repeating: [[NodeID]](), count: whole.clusters.count)
        for group in whole.sameRank { if let c = group.first.flatMap({ clusterOf[$0] }) { stageRanks[c].append(group) } }
        var tpNode: [String: NodeID] = [:]
        for (k, tp) in journey.touchpoints.enumerated() { tpNode[tp.id] = NodeID("tp", k) }
        let rowNodes = Set(layout.row.compactMap { tpNode[$0] })

        // 1. Each stage on its own, through dot.
        var frame = whole
        frame.graph[.label] = nil
        frame.clusters = []
        frame.edges = []
        frame.sameRank = []
        var final = whole
        final.engine = .nop2
        final.graph[.rankdir] = nil
        final.graph[.newrank] = nil
        final.clusters = []
        final.edges = []
        final.sameRank = []
        var placed: [(cluster: Int, layout: GraphLayout, dx: Double, dy: Double)] = []
        var x = 0.0
        var top = -Double.infinity, bottom = Double.infinity
        for (ci, cluster) in whole.clusters.enumerated() where !cluster.nodes.isEmpty {
            var stage = frame
            stage.clusters = [cluster]
            stage.edges = stageEdges[ci].map { whole.edges[$0] }
            stage.sameRank = stageRanks[ci]
            let laid = try GraphvizRenderer.layout(stage)
            guard let box = laid.clusters[cluster.id.raw]?.box else { throw .layoutFailed }
            let rowY = cluster.nodes.first { rowNodes.contains($0.id) }.flatMap { laid.nodes[$0.id.raw]?.y } ?? box.y
            placed.append((ci, laid, x - box.minX, -rowY))
            top = max(top, box.maxY - rowY)
            bottom = min(bottom, box.minY - rowY)
            x += box.width + stageGap
        }

        // 2. Placed side by side, every stage box as tall as the tallest, rows on y = 0.
        var boxes: [NodeID: GraphLayout.Box] = [:]
        var gapsOf: [NodeID: (left: ClosedRange<Double>, right: ClosedRange<Double>)] = [:]
        for (ci, laid, dx, dy) in placed {
            var cluster = whole.clusters[ci]
            let box = laid.clusters[cluster.id.raw]!.box
            let left = box.minX + dx, right = box.maxX + dx
            cluster.attributes.set(.bb, .list([.number(left), .number(bottom), .number(right), .number(top)]))
            if let label = laid.clusters[cluster.id.raw]?.label {
                // The header keeps its place below the box's top.
                let lift = top - (box.maxY + dy)
                cluster.attributes.set(.lp, .list([.number(label.x + dx), .number(label.y + dy + lift)]))
            }
            var columns: [(lo: Double, hi: Double, ids: [NodeID])] = []
            for i in cluster.nodes.indices {
                let id = cluster.nodes[i].id
                guard var b = laid.nodes[id.raw] else { continue }
                b.x += dx
                b.y += dy
                boxes[id] = b
                cluster.nodes[i].attributes.set(.pos, .point(b.x, b.y, pinned: false))
                // dot puts the nodes of one rank (one column, left to right) on one x.
                if let c = columns.firstIndex(where: {
                    abs(($0.lo + $0.hi) / 2 - b.x) < 1 && $0.ids.contains(where: { boxes[$0]!.x == b.x })
                }) {
                    columns[c].lo = min(columns[c].lo, b.minX)
                    columns[c].hi = max(columns[c].hi, b.maxX)
                    columns[c].ids.append(id)
                } else {
                    columns.append((b.minX, b.maxX, [id]))
                }
            }
            columns.sort { $0.lo < $1.lo }
            for (c, column) in columns.enumerated() {
                let l = c == 0 ? left : columns[c - 1].hi
                let r = c == columns.count - 1 ? right : columns[c + 1].lo
                for id in column.ids { gapsOf[id] = (l...column.lo, column.hi...r) }
            }
            final.clusters.append(cluster)
            for i in stageEdges[ci] {
                let e = whole.edges[i]
                guard e.attributes[.style]?.value != "invis", let pieces = laid.edges[stageEdges[ci].firstIndex(of: i)!] else { continue }
                var edge = e
                edge.attributes.set(.pos, Self.pos(pieces.map { p in Self.moved(p, dx, dy) }))
                final.edges.append(edge)
            }
        }

        // 3. Document-order flows between stages: straight along the row; any other, below.
        var channel: [FlowChannel.Flow] = []
        var channelEdges: [(attributes: Attributes, from: NodeID, to: NodeID, label: GraphSpec.Node?)] = []
        for i in between {
            let e = whole.edges[i]
            guard e.attributes[.style]?.value != "invis", let a = boxes[e.from], let b = boxes[e.to] else { continue }
            if abs(a.y) < 1, abs(b.y) < 1, a.maxX < b.minX {
                var edge = e
                edge.attributes.set(.pos, Self.pos([Self.polyline([.init(a.maxX, 0), .init(b.minX, 0)])]))
                final.edges.append(edge)
                continue
            }
            channel.append(Self.channelFlow(a, b, gapsOf[e.from]!, gapsOf[e.to]!, label: nil))
            channelEdges.append((e.attributes, e.from, e.to, nil))
        }
        // Explicit flows between stages, with their labels (sized by Graphviz, once for all).
        let crossing = crossingFlows(journey).filter { tpNode[journey.flows[$0].from] != nil && tpNode[journey.flows[$0].to] != nil }
        var labels = frame
        labels.nodes = []
        var labelNodes: [Int: GraphSpec.Node] = [:]
        let order = Dictionary(uniqueKeysWithValues: journey.touchpoints.enumerated().map { ($1.id, $0) })
        for i in crossing {
            let f = journey.flows[i]
            guard let text = f.label else { continue }
            let node = MapBuilder.flowLabel(i, text, backwards: order[f.to]! <= order[f.from]!, options: options)
            labelNodes[i] = node
            labels.nodes.append(node)
        }
        let labelSizes = labels.nodes.isEmpty ? GraphLayout() : try GraphvizRenderer.layout(labels)
        for i in crossing {
            let f = journey.flows[i]
            let (from, to) = (tpNode[f.from]!, tpNode[f.to]!)
            let size = labelNodes[i].flatMap { labelSizes.nodes[$0.id.raw] }.map { (b: GraphLayout.Box) in
                (width: b.width, height: b.height)
            }
            channel.append(Self.channelFlow(boxes[from]!, boxes[to]!, gapsOf[from]!, gapsOf[to]!, label: size))
            channelEdges.append((MapBuilder.flowStyle(options.theme), from, to, labelNodes[i]))
        }
        let routes = FlowChannel(channel, top: bottom - 12).routes
        for (route, e) in zip(routes, channelEdges) {
            if var label = e.label, let c = route.label, route.lines.count == 2 {
                label.attributes.set(.pos, .point(c.x, c.y, pinned: false))
                final.nodes.append(label)
                var first = GraphSpec.Edge(from: e.from, to: label.id, attributes: e.attributes)
                first.attributes.set(.arrowhead, "none")
                first.attributes.set(.pos, Self.pos([Self.polyline(route.lines[0])]))
                var second = GraphSpec.Edge(from: label.id, to: e.to, attributes: e.attributes)
                second.attributes.set(.pos, Self.pos([Self.arrowed(route.lines[1])]))
                final.edges += [first, second]
            } else {
                var edge = GraphSpec.Edge(from: e.from, to: e.to, attributes: e.attributes)
                edge.attributes.set(.pos, Self.pos([Self.arrowed(route.lines.flatMap { $0 })]))
                final.edges.append(edge)
            }
        }
        return final
    }

    private static func channelFlow(
        _ a: GraphLayout.Box, _ b: GraphLayout.Box, _ ga: (left: ClosedRange<Double>, right: ClosedRange<Double>),
        _ gb: (left: ClosedRange<Double>, right: ClosedRange<Double>), label: (width: Double, height: Double)?
    ) -> FlowChannel.Flow {
        let forward = b.x > a.x
        return FlowChannel.Flow(
            from: a, to: b, fromGap: forward ? ga.right : ga.left, toGap: forward ? gb.left : gb.right, label: label)
    }

    private static func moved(_ p: GraphLayout.Piece, _ dx: Double, _ dy: Double) -> GraphLayout.Piece {
        func m(_ q: GraphLayout.Point) -> GraphLayout.Point { GraphLayout.Point(q.x + dx, q.y + dy) }
        return GraphLayout.Piece(points: p.points.map(m), start: p.start.map(m), end: p.end.map(m))
    }

    /// A polyline as a Bézier piece of straight segments.
    static func polyline(_ points: [GraphLayout.Point]) -> GraphLayout.Piece {
        var out = [points[0]]
        for (a, b) in zip(points, points.dropFirst()) {
            out.append(GraphLayout.Point(a.x + (b.x - a.x) / 3, a.y + (b.y - a.y) / 3))
            out.append(GraphLayout.Point(a.x + 2 * (b.x - a.x) / 3, a.y + 2 * (b.y - a.y) / 3))
            out.append(b)
        }
        return GraphLayout.Piece(points: out)
    }

    /// A polyline whose last segment ends in an arrowhead at its last point.
    static func arrowed(_ points: [GraphLayout.Point]) -> GraphLayout.Piece {
        var line = points
        let tip = line.removeLast()
        let last = line.last!
        let length = max(1e-6, ((tip.x - last.x) * (tip.x - last.x) + (tip.y - last.y) * (tip.y - last.y)).squareRoot())
        let k = min(arrowLength, length * 0.8) / length
        line.append(GraphLayout.Point(tip.x - (tip.x - last.x) * k, tip.y - (tip.y - last.y) * k))
        var piece = polyline(line)
        piece.end = tip
        return piece
    }

    /// Graphviz's `pos` of an edge: `s,x,y e,x,y x,y x,y …` for each piece, pieces separated by `;`.
    static func pos(_ pieces: [GraphLayout.Piece]) -> Trusted {
        .list(
            pieces.map { p in
                var parts: [Trusted] = []
                if let s = p.start { parts.append(.list(["s", .number(s.x), .number(s.y)])) }
                if let e = p.end { parts.append(.list(["e", .number(e.x), .number(e.y)])) }
                parts += p.points.map { .list([.number($0.x), .number($0.y)]) }
                return .list(parts, separator: " ")
            }, separator: ";")
    }
}
