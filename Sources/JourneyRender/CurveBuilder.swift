import JourneyCore
import JourneyFeedback
import JourneyGraphviz

/// The emotion curve: designed and measured emotion across the touchpoints in document order,
/// on a labelled −2…+2 axis, with the stages above. Drawn by neato with every position pinned,
/// so the curve stays aligned with its axis and columns.
extension GraphSpec {
    /// A graph drawn by neato with every position pinned (in points), titled, themed: the
    /// frame of the views laid out on fixed grids.
    static func pinned(title: String, options: MapOptions) -> GraphSpec {
        let theme = options.theme
        var g = GraphSpec()
        g.engine = .neato
        g.graph.set(.inputscale, 72)  // positions are given in points
        g.graph.set(.splines, "line")
        g.graph.set(.bgcolor, .color(theme.background))
        g.graph.set(.pad, 0.4)
        g.graph.set(.fontname, theme.font)
        g.graph.set(.labelloc, "t")
        g.graph.set(.labeljust, "l")
        g.graph.setHTML(
            .label,
            HTMLLabel(
                .font(
                    [(.pointSize, .number(20 * options.fontScale)), (.color, .color(theme.text))],
                    [.bold([.text(title)])])))
        g.nodeDefaults.set(.fontname, theme.font)
        g.edgeDefaults.set(.arrowhead, "none")
        return g
    }
}

/// The emotion curve view: designed (dashed) and measured (solid) emotion per touchpoint on a −2…+2 axis, aligned under the stages (neato with pinned positions).
public enum CurveBuilder {
    static let dx = 150.0, dy = 55.0

    /// The curve's graph; the measured line only where there is data.
    public static func build(_ journey: Journey, measurements: JourneyMeasurements?, options: MapOptions = MapOptions()) -> GraphSpec {
        let theme = options.theme
        var g = GraphSpec.pinned(title: "Emotion curve: " + journey.title, options: options)
        var counter = 0
        func node(_ x: Double, _ y: Double, _ attrs: (inout Attributes) -> Void) -> NodeID {
            let id = NodeID("c", counter)
            counter += 1
            var a = Attributes()
            a.set(.pos, .point(x, y))
            a.set(.pin, "true")
            attrs(&a)
            g.nodes.append(GraphSpec.Node(id: id, attributes: a))
            return id
        }
        func anchor(_ x: Double, _ y: Double) -> NodeID {
            node(x, y) {
                $0.set(.shape, "point"); $0.set(.width, 0.01); $0.set(.style, "invis")
            }
        }
        func text(_ x: Double, _ y: Double, _ s: String, size: Double = 10, color: Color? = nil, bold: Bool = false) -> NodeID {
            let t: HTML = .text(s)
            return node(x, y) { a in
                a.set(.shape, "plain")
                a.setHTML(
                    .label,
                    HTMLLabel(
                        .font(
                            [(.pointSize, .number(size * options.fontScale)), (.color, .color(color ?? theme.text))],
                            [bold ? .bold([t]) : t])))
            }
        }
        let tps = journey.touchpoints
        let width = Double(max(1, tps.count - 1)) * dx
        // Axis and grid.
        for v in -2...2 {
            let y = Double(v) * dy
            let name = Emotion(value: v)!.name
            _ = text(-95, y, "\(Num.signed(Double(v))) \(name)", size: 10, color: theme.emotionColor(Double(v)))
            var e = GraphSpec.Edge(from: anchor(-40, y), to: anchor(width + 40, y))
            e.attributes.set(.style, v == 0 ? "solid" : "dotted")
            e.attributes.set(.color, .color(theme.stageBorder))
            g.edges.append(e)
        }
        // Stages: a title above their columns and a separator between them.
        var index = 0
        for stage in journey.stages where !stage.touchpoints.isEmpty {
            let first = Double(index) * dx, last = Double(index + stage.touchpoints.count - 1) * dx
            _ = text((first + last) / 2, 2 * dy + 45, TextWrap.wrapped(stage.title, width: 20, maxLines: 2), size: 12, bold: true)
            if index > 0 {
                var e = GraphSpec.Edge(from: anchor(first - dx / 2, 2 * dy + 25), to: anchor(first - dx / 2, -2 * dy - 25))
                e.attributes.set(.style, "dashed")
                e.attributes.set(.color, .color(theme.stageBorder))
                g.edges.append(e)
            }
            index += stage.touchpoints.count
        }
        // Points and lines.
        var previousDesigned: NodeID?, previousMeasured: NodeID?
        for (i, tp) in tps.enumerated() {
            let x = Double(i) * dx
            _ = text(x, -2 * dy - 55, TextWrap.wrapped(tp.title, width: 18, maxLines: 3), size: 9)
            if let e = tp.emotion {
                let p = node(x, Double(e.value) * dy) { a in
                    a.set(.shape, "circle"); a.set(.width, 0.16); a.set(.fixedsize, "true"); a.set(.style, "filled")
                    a.set(.fillcolor, .color(theme.mutedText)); a.set(.color, .color(theme.mutedText)); a.setText(.label, "")
                }
                if let prev = previousDesigned {
                    var edge = GraphSpec.Edge(from: prev, to: p)
                    edge.attributes.set(.color, .color(theme.mutedText))
                    edge.attributes.set(.style, "dashed")
                    edge.attributes.set(.penwidth, 1.5)
                    g.edges.append(edge)
                }
                previousDesigned = p
            }
            if let m = measurements?.byTouchpoint[tp.id]?.measuredEmotion {
                let highlighted = options.highlighted[tp.id] != nil
                let p = node(x, m * dy) { a in
                    a.set(.shape, "diamond"); a.set(.width, highlighted ? 0.3 : 0.22); a.set(.height, highlighted ? 0.3 : 0.22)
                    a.set(.fixedsize, "true"); a.set(.style, "filled"); a.set(.fillcolor, .color(theme.emotionColor(m)))
                    a.set(.color, .color(highlighted ? theme.highlight : theme.text)); a.set(.penwidth, highlighted ? 2.5 : 1)
                    a.setText(.label, "")
                }
                _ = text(x + 22, m * dy + 14, Num.signed(m, 1), size: 8, color: theme.mutedText)
                if let prev = previousMeasured {
                    var edge = GraphSpec.Edge(from: prev, to: p)
                    edge.attributes.set(.color, .color(theme.positive))
                    edge.attributes.set(.penwidth, 2.5)
                    g.edges.append(edge)
                }
                previousMeasured = p
            }
        }
        // Legend.
        let hasData = previousMeasured != nil
        _ = text(
            width / 2, -2 * dy - 115,
            "● - - designed emotion"
                + (hasData
                    ? "     ◆ —— measured emotion (from feedback; outlined: top pain points)"
                    : "     (no feedback data: designed emotion only)"),
            size: 10, color: theme.mutedText)
        return g
    }
}
