import JourneyCore
import JourneyFeedback
import JourneyGraphviz

/// Journey (+ measurements, + ranked pain points) → the journey map as a `GraphSpec`.
///
/// Layout: a timeline read left to right. Stages are clusters in document order; each
/// touchpoint is a column of its own, so the document-order flow is a straight line and
/// explicit flows (branches, skips, loops) arc below it without moving anything.
public enum MapBuilder {
    /// The map's graph: stages as columns, touchpoints as cards with their owner, emotion and figures, flows as edges.
    public static func build(_ journey: Journey, measurements: JourneyMeasurements? = nil, options: MapOptions = MapOptions()) -> GraphSpec
    {
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
                .label, stageLabel(stage, metrics: measurements?.byStage[stage.id], index: si, theme: theme, scale: options.fontScale))
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
        let sequenceTargets = Set(journey.flows.filter { $0.kind == .sequence }.map(\.to))
        for flow in journey.flows {
            guard let from = ids[flow.from], let to = ids[flow.to] else { continue }
            var e = GraphSpec.Edge(from: from, to: to)
            switch flow.kind {
            case .sequence:
                e.attributes.set(.weight, 10)
                e.attributes.set(.penwidth, 1.4)
            case .explicit:
                let backwards = index[flow.to]! <= index[flow.from]!
                e.attributes.set(.color, .color(theme.flowEdge))
                e.attributes.set(.style, "dashed")
                e.attributes.set(.penwidth, 1.2)
                // A forward flow into a touchpoint the document-order line does not reach (a
                // branch, or one after an `exit`) places it one column after where the flow
                // starts; every other explicit flow leaves the timeline alone.
                let offLine = !sequenceTargets.contains(flow.to)
                if !(offLine && !backwards) {
                    e.attributes.set(.constraint, "false")
                    e.attributes.set(.weight, 0)
                }
                // Below the timeline, so a loop never crosses the straight document-order line.
                e.attributes.set(.tailport, "s")
                e.attributes.set(.headport, "s")
                if let label = flow.label {
                    e.attributes.setHTML(
                        .xlabel,
                        HTMLLabel(
                            .font(
                                [(.pointSize, .number(9 * options.fontScale)), (.color, .color(theme.flowEdge))],
                                [.text((backwards ? "↺ " : "↷ ") + TextWrap.wrapped(label, width: 28, maxLines: 2))])))
                }
            }
            g.edges.append(e)
        }
        return g
    }

    /// Departments keep their palette colour in declaration order.
    static func departmentColors(_ journey: Journey, _ theme: Theme) -> [String: Color] {
        Dictionary(uniqueKeysWithValues: journey.departments.enumerated().map { ($1.id, theme.departments[$0 % theme.departments.count]) })
    }

    static func stageLabel(_ stage: Stage, metrics: Metrics?, index: Int, theme: Theme, scale: Double) -> HTMLLabel {
        var rows: [HTML] = [
            .row([
                .cell(
                    [(.align, "left")],
                    [
                        .font(
                            [(.pointSize, .number(14 * scale)), (.color, .color(theme.text))],
                            [.bold([.text("\(index + 1). " + stage.title)])])
                    ])
            ])
        ]
        if let m = metrics, m.responses > 0 {
            var parts = ["n=\(m.respondents)"]  // distinct respondents (docs/feedback.md#metrics)
            if let n = m.nps { parts.append("NPS \(Num.signed(n.value))") }
            if let c = m.csatTopBox { parts.append("CSAT \(Num.fixed(c.value, 0))%") }
            if let e = m.measuredEmotion { parts.append("emotion \(Num.signed(e, 1))") }
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
