import JourneyCore
import JourneyFeedback
import JourneyGraphviz

/// Journey (+ measurements, + ranked pain points) → the journey map as a `GraphSpec`.
///
/// Layout: a timeline read left to right (`MapLayout`). Stages are clusters in document order,
/// side by side; each touchpoint on the main path is a column of its own, so the
/// document-order flow is one straight line; a branch hangs below a column of its own stage,
/// and explicit flows (branches, skips, loops) arc below the row through their labels without
/// moving anything.
public enum MapBuilder {
    /// The map's graph: stages as columns, touchpoints as cards with their owner, emotion and figures, flows as edges.
    ///
    /// A large journey (`LargeMap.applies`) is laid out stage by stage and pinned together
    /// (`LargeMap`): one dot run over the whole journey grows much faster than linearly.
    public static func build(_ journey: Journey, measurements: JourneyMeasurements? = nil, options: MapOptions = MapOptions()) -> GraphSpec
    {
        // If a stage cannot be laid out on its own, the whole graph goes to dot as for a small
        // journey: the render then reports Graphviz's error, under the render deadline.
        if LargeMap.applies(to: journey), let pinned = try? LargeMap.build(journey, measurements: measurements, options: options) {
            return pinned
        }
        return whole(journey, measurements: measurements, options: options, layout: MapLayout(journey), acrossStages: true)
    }

    /// The map as one graph for dot. Without `acrossStages`, explicit flows between two
    /// stages are left out (with their labels; `layout` then places none of them): `LargeMap`
    /// routes those itself.
    static func whole(
        _ journey: Journey, measurements: JourneyMeasurements?, options: MapOptions, layout: MapLayout, acrossStages: Bool
    ) -> GraphSpec {
        let theme = options.theme
        var g = GraphSpec()
        g.graph.set(.rankdir, "LR")
        g.graph.set(.newrank, "true")
        g.graph.set(.nodesep, 0.35)
        g.graph.set(.ranksep, 0.4)
        g.graph.set(.splines, "true")
        g.graph.set(.fontname, theme.font)
        g.graph.set(.bgcolor, .color(theme.background))
        g.graph.set(.fontcolor, .color(theme.text))
        g.graph.set(.labelloc, "t")
        g.graph.set(.labeljust, "l")
        g.graph.set(.pad, 0.3)
        g.graph.set(.outputorder, "edgesfirst")
        g.graph.setHTML(
            .label, Header.label(journey, measurements: measurements, options: options, departmentColors: departmentColors(journey, theme)))
        g.nodeDefaults.set(.shape, "plain")
        g.nodeDefaults.set(.fontname, theme.font)
        g.nodeDefaults.set(.fontcolor, .color(theme.text))
        g.edgeDefaults.set(.fontname, theme.font)
        g.edgeDefaults.set(.color, .color(theme.sequenceEdge))
        g.edgeDefaults.set(.arrowsize, 0.7)

        let labels = TouchpointLabel(journey: journey, options: options, departmentColors: departmentColors(journey, theme))
        var ids: [String: NodeID] = [:]
        var index: [String: Int] = [:]
        var counter = 0
        for (si, stage) in journey.stages.enumerated() {
            var cluster = GraphSpec.Cluster(id: NodeID("cluster_stage", si))
            cluster.attributes.set(.style, "rounded,filled")
            cluster.attributes.set(.fillcolor, .color(theme.stageFill))
            cluster.attributes.set(.color, .color(theme.stageBorder))
            cluster.attributes.set(.margin, 12)
            cluster.attributes.setHTML(
                .label,
                stageLabel(
                    stage, metrics: measurements?.byStage[stage.id], index: si, theme: theme, scale: options.fontScale,
                    language: options.language, indices: journey.indices))
            for tp in stage.touchpoints {
                let id = NodeID("tp", counter)
                ids[tp.id] = id
                index[tp.id] = counter
                counter += 1
                var node = GraphSpec.Node(id: id)
                node.attributes.setHTML(.label, labels.label(tp, metrics: measurements?.byTouchpoint[tp.id]))
                cluster.nodes.append(node)
            }
            g.clusters.append(cluster)
        }
        var clusterOf: [String: Int] = [:]
        for (si, stage) in journey.stages.enumerated() { for tp in stage.touchpoints { clusterOf[tp.id] = si } }
        // Flow labels are nodes of their own, in the stage whose column holds them.
        var labelIDs: [Int: NodeID] = [:]
        for (i, flow) in journey.flows.enumerated() {
            guard let anchor = layout.labelColumn[i], let label = flow.label, let si = clusterOf[anchor] else { continue }
            let backwards = index[flow.to]! <= index[flow.from]!
            let node = flowLabel(i, label, backwards: backwards, options: options)
            labelIDs[i] = node.id
            g.clusters[si].nodes.append(node)
        }
        func slotID(_ slot: MapLayout.Slot) -> NodeID? {
            switch slot {
            case .touchpoint(let tp): ids[tp]
            case .label(let i): labelIDs[i]
            }
        }
        // The row ranks the map: consecutive row touchpoints are joined by their document-order
        // flow, or by an invisible edge where there is none (after an `exit`), so every column
        // holds one row touchpoint and the stages stand side by side.
        let sequence = Set(journey.flows.filter { $0.kind == .sequence }.map { [$0.from, $0.to] })
        for (a, b) in zip(layout.row, layout.row.dropFirst()) where !sequence.contains([a, b]) {
            guard let from = ids[a], let to = ids[b] else { continue }
            var e = GraphSpec.Edge(from: from, to: to)
            e.attributes.set(.style, "invis")
            e.attributes.set(.weight, Self.rowWeight)
            g.edges.append(e)
        }
        // Below each column, in order: in a left-to-right map a flat edge b -> a puts b below a.
        for a in layout.row {
            guard let below = layout.below[a], let anchor = ids[a] else { continue }
            let column = [anchor] + below.compactMap(slotID)
            g.sameRank.append(column)
            for (upper, lower) in zip(column, column.dropFirst()) {
                var e = GraphSpec.Edge(from: lower, to: upper)
                e.attributes.set(.style, "invis")
                g.edges.append(e)
            }
        }
        let rowPairs = Set(zip(layout.row, layout.row.dropFirst()).map { [$0, $1] })
        for (i, flow) in journey.flows.enumerated() {
            guard let from = ids[flow.from], let to = ids[flow.to] else { continue }
            switch flow.kind {
            case .sequence:
                var e = GraphSpec.Edge(from: from, to: to)
                e.attributes.set(.weight, Self.rowWeight)
                e.attributes.set(.penwidth, 1.4)
                // Only the row ranks; a document-order flow that skips a column (around a
                // stage made only of branches) must not pull the row apart.
                if !rowPairs.contains([flow.from, flow.to]) {
                    e.attributes.set(.constraint, "false")
                    e.attributes.set(.weight, 0)
                }
                g.edges.append(e)
            case .explicit:
                if !acrossStages, clusterOf[flow.from] != clusterOf[flow.to] { continue }
                let sides = layout.sides(from: flow.from, to: flow.to)
                var style = flowStyle(theme)
                // Explicit flows never move a card: the row and the columns place everything.
                style.set(.constraint, "false")
                style.set(.weight, 0)
                guard let label = labelIDs[i] else {
                    var e = GraphSpec.Edge(from: from, to: to, attributes: style)
                    Self.setPorts(&e, sides.tail, sides.head, flat: layout.column[flow.from] == layout.column[flow.to])
                    g.edges.append(e)
                    continue
                }
                // Through its label: the line stops at the text and goes on after it.
                let forward = index[flow.to]! > index[flow.from]!
                let labelColumn = layout.labelColumn[i].flatMap { layout.column[$0] }
                var first = GraphSpec.Edge(from: from, to: label, attributes: style)
                Self.setPorts(&first, sides.tail, forward ? .west : .east, flat: layout.column[flow.from] == labelColumn)
                first.attributes.set(.arrowhead, "none")
                var second = GraphSpec.Edge(from: label, to: to, attributes: style)
                Self.setPorts(&second, forward ? .east : .west, sides.head, flat: layout.column[flow.to] == labelColumn)
                g.edges += [first, second]
            }
        }
        return g
    }

    /// The node that carries a flow's label (`flow<i>`): the flow is drawn as two edges
    /// through it, so the line stops at the text and goes on after it.
    static func flowLabel(_ index: Int, _ label: String, backwards: Bool, options: MapOptions) -> GraphSpec.Node {
        var node = GraphSpec.Node(id: NodeID("flow", index))
        // A little air between the text and the line that stops at it.
        node.attributes.set(.shape, "none")
        node.attributes.set(.margin, 0.04)
        node.attributes.setHTML(
            .label,
            HTMLLabel(
                .font(
                    [(.pointSize, .number(9 * options.fontScale)), (.color, .color(options.theme.flowEdge))],
                    [.text((backwards ? "↺ " : "↷ ") + TextWrap.wrapped(label, width: 28, maxLines: 2))])))
        return node
    }

    /// How an explicit flow's line looks: dashed, in the flow colour.
    static func flowStyle(_ theme: Theme) -> Attributes {
        var style = Attributes()
        style.set(.color, .color(theme.flowEdge))
        style.set(.style, "dashed")
        style.set(.penwidth, 1.2)
        return style
    }

    /// Ports of an explicit flow's edge. An edge within one column is flat (both ends on one
    /// rank): dot drew flat edges with compass ports differently from run to run (measured: 4
    /// renders of air-travel, 4 different SVGs) and draws them straight down without ports.
    static func setPorts(_ e: inout GraphSpec.Edge, _ tail: MapLayout.Side, _ head: MapLayout.Side, flat: Bool) {
        guard !flat else { return }
        e.attributes.set(.tailport, tail.trusted)
        e.attributes.set(.headport, head.trusted)
    }

    /// How hard dot pulls consecutive row touchpoints level: at 10 the row of the examples
    /// still wavered by up to 8 points (network simplex traded it against the cluster
    /// boundaries); at 1000 every row touchpoint of every example has the same centre.
    static let rowWeight: Trusted = 1000

    /// Departments keep their palette colour in declaration order.
    static func departmentColors(_ journey: Journey, _ theme: Theme) -> [String: Color] {
        Dictionary(uniqueKeysWithValues: journey.departments.enumerated().map { ($1.id, theme.departments[$0 % theme.departments.count]) })
    }

    static func stageLabel(
        _ stage: Stage, metrics: Metrics?, index: Int, theme: Theme, scale: Double, language lang: Language = .en,
        indices: [CompositeIndex] = []
    ) -> HTMLLabel {
        var rows: [HTML] = [
            .row([
                .cell(
                    [(.align, "left")],
                    [
                        .font(
                            [(.pointSize, .number(14 * scale)), (.color, .color(theme.text))],
                            [.bold([.text("\(lang.integer(index + 1)). " + stage.title)])])
                    ])
            ])
        ]
        if let m = metrics, m.responses > 0 {
            var parts = ["n=\(lang.integer(m.respondents))"]  // distinct respondents (docs/feedback.md#metrics)
            if let n = m.nps { parts.append("NPS \(lang.signed(n.value))") }
            if let c = m.csatTopBox { parts.append("CSAT " + lang.percent(c.value)) }
            parts += IndexText.lines(indices, m, lang, interval: false)
            if let e = m.measuredEmotion { parts.append(lang(.emotionValue, lang.signed(e, 1))) }
            rows.append(
                .row([
                    .cell(
                        [(.align, "left")],
                        [
                            .font(
                                [(.pointSize, .number(10 * scale)), (.color, .color(theme.mutedText))],
                                [.text(parts.joined(separator: " · "))])
                        ])
                ]))
        }
        return HTMLLabel(.table([(.border, 0), (.cellborder, 0), (.cellspacing, 0), (.cellpadding, 2)], rows))
    }
}
