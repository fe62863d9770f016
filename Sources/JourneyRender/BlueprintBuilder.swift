import JourneyCore
import JourneyGraphviz

/// The service blueprint: customer actions, frontstage touchpoints, backstage actions and
/// support processes as horizontal lanes under the stages, separated by the line of
/// interaction, the line of visibility and the line of internal interaction. A fixed grid
/// (neato, pinned positions): one column per touchpoint.
public enum BlueprintBuilder {
    static let dx = 200.0
    static let lanes: [(title: String, y: Double)] = [
        ("Customer actions", 300), ("Frontstage (touchpoints)", 160), ("Backstage", 10), ("Support processes", -140),
    ]
    static let lines: [(title: String, y: Double)] = [
        ("line of interaction", 230), ("line of visibility", 85), ("line of internal interaction", -65),
    ]

    /// The blueprint's graph: lanes of customer actions, touchpoints, backstage and support under the stages.
    public static func build(_ journey: Journey, options: MapOptions = MapOptions()) -> GraphSpec {
        let theme = options.theme
        var g = GraphSpec.pinned(title: "Service blueprint: " + journey.title, options: options)
        var counter = 0
        func node(_ x: Double, _ y: Double, _ label: HTMLLabel?, point: Bool = false) -> NodeID {
            let id = NodeID("b", counter)
            counter += 1
            var a = Attributes()
            a.set(.pos, .point(x, y))
            a.set(.pin, "true")
            if point {
                a.set(.shape, "point"); a.set(.width, 0.01); a.set(.style, "invis")
            } else {
                a.set(.shape, "plain")
                if let label { a.setHTML(.label, label) }
            }
            g.nodes.append(GraphSpec.Node(id: id, attributes: a))
            return id
        }
        func font(_ s: String, _ size: Double, color: Color? = nil, bold: Bool = false) -> HTML {
            let t: HTML = .text(s)
            return .font([(.pointSize, .number(size * options.fontScale)), (.color, .color(color ?? theme.text))], [bold ? .bold([t]) : t])
        }
        func card(_ items: [(String, String?)], fill: Color) -> HTMLLabel? {
            guard !items.isEmpty else { return nil }
            var rows: [HTML] = items.prefix(3).map { text, owner in
                .row([
                    .cell(
                        [(.align, "left"), (.balign, "left")],
                        [
                            font(TextWrap.wrapped(text, width: 26, maxLines: 3), 9)
                        ] + (owner.map { [HTML.lineBreak, font(journey.department($0)?.title ?? $0, 8, color: theme.mutedText)] } ?? []))
                ])
            }
            if items.count > 3 { rows.append(.row([.cell([], [font("+\(items.count - 3) more", 8, color: theme.mutedText)])])) }
            return HTMLLabel(
                .table(
                    [
                        (.border, 1), (.cellborder, 0), (.cellspacing, 0), (.cellpadding, 3), (.bgcolor, .color(fill)),
                        (.color, .color(theme.stageBorder)), (.style, "rounded"),
                    ], rows))
        }
        let tps = journey.touchpoints
        let width = Double(max(1, tps.count - 1)) * dx
        for lane in lanes {
            _ = node(-170, lane.y, HTMLLabel(font(lane.title, 11, bold: true)))
        }
        for line in lines {
            var e = GraphSpec.Edge(from: node(-260, line.y, nil, point: true), to: node(width + 110, line.y, nil, point: true))
            e.attributes.set(.style, "dashed")
            e.attributes.set(.color, .color(theme.text))
            e.attributes.set(.penwidth, 1.2)
            g.edges.append(e)
            _ = node(width + 110, line.y + 12, HTMLLabel(font(line.title, 9, color: theme.mutedText)))
        }
        var index = 0
        for stage in journey.stages where !stage.touchpoints.isEmpty {
            let first = Double(index) * dx, last = Double(index + stage.touchpoints.count - 1) * dx
            _ = node((first + last) / 2, 390, HTMLLabel(font(TextWrap.wrapped(stage.title, width: 24, maxLines: 2), 13, bold: true)))
            if index > 0 {
                var e = GraphSpec.Edge(from: node(first - dx / 2, 410, nil, point: true), to: node(first - dx / 2, -200, nil, point: true))
                e.attributes.set(.style, "dotted")
                e.attributes.set(.color, .color(theme.stageBorder))
                g.edges.append(e)
            }
            index += stage.touchpoints.count
        }
        let colors = MapBuilder.departmentColors(journey, theme)
        for (i, tp) in tps.enumerated() {
            let x = Double(i) * dx
            if let c = card(tp.customerActions.map { ($0.text, nil) }, fill: theme.nodeFill) { _ = node(x, lanes[0].y, c) }
            let fill = tp.owner.flatMap { colors[$0] }.map { $0.mixed(with: theme.nodeFill, 0.75) } ?? theme.nodeFill
            let channel = tp.channel.flatMap { journey.channel($0)?.title }
            let front = HTMLLabel(
                .table(
                    [
                        (.border, tp.isMomentOfTruth ? 3 : 1), (.cellborder, 0), (.cellspacing, 0), (.cellpadding, 3),
                        (.bgcolor, .color(fill)), (.color, .color(theme.nodeBorder)), (.style, "rounded"),
                    ],
                    [
                        .row([
                            .cell(
                                [(.align, "left"), (.balign, "left")],
                                [
                                    font(
                                        (tp.isMomentOfTruth ? "★ " : "") + TextWrap.wrapped(tp.title, width: 24, maxLines: 3), 10,
                                        bold: true)
                                ])
                        ]),
                        .row([
                            .cell(
                                [(.align, "left")],
                                [
                                    font(
                                        [channel, tp.owner.flatMap { journey.department($0)?.title }].compactMap { $0 }.joined(
                                            separator: " · "), 8, color: theme.mutedText)
                                ])
                        ]),
                    ]))
            _ = node(x, lanes[1].y, front)
            if let c = card(tp.backstage.map { ($0.text, $0.owner) }, fill: theme.stageFill) { _ = node(x, lanes[2].y, c) }
            if let c = card(tp.support.map { ($0.text, $0.owner) }, fill: theme.stageFill) { _ = node(x, lanes[3].y, c) }
        }
        return g
    }
}
