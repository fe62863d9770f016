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

/// The emotion curve view: designed (dashed) and measured (solid) emotion per touchpoint on a
/// −2…+2 axis, aligned under the stages (neato with pinned positions). Personas that declare a
/// segment get a measured line of their own from that segment's answers, told apart in print
/// by marker shape and line pattern as well as colour. A measured line breaks at a step with
/// no answers; value labels are placed clear of markers, lines and each other.
public enum CurveBuilder {
    static let dx = 150.0, dy = 55.0

    /// One measured line (and, for a persona who skips touchpoints, its own designed line).
    struct Series {
        var name: String
        var color: Color
        /// Graphviz node shape of the measured markers, and the legend's glyph for it.
        var shape: Trusted
        var glyph: String
        /// `solid` or `dotted`: personas alternate, so neighbours differ without colour.
        var style: Trusted
        var width: Double
        /// Touchpoint indices the series goes through, in document order.
        var passes: [Int]
        /// Measured emotion per touchpoint index (absent: no answers there).
        var measured: [Int: Double]
        /// Draws a designed line through `passes` only (a persona who skips touchpoints).
        var ownDesigned: Bool
        /// Outlines the top pain points (the all-respondents line).
        var outlinesPainPoints: Bool
        /// Its values get labels.
        var labelled: Bool
    }

    /// Colours of persona lines: Okabe–Ito, skipping the blue of the all-respondents line.
    static let personaColors: [Color] = [
        Color(hex: 0xE69F00), Color(hex: 0x009E73), Color(hex: 0xCC79A7), Color(hex: 0xD55E00), Color(hex: 0x56B4E9),
    ]
    /// Greys for the print theme: shapes and patterns carry the difference.
    static let printColors: [Color] = [Color(hex: 0x000000), Color(hex: 0x555555), Color(hex: 0x333333), Color(hex: 0x777777)]
    static let personaShapes: [(Trusted, String)] = [
        ("square", "■"), ("triangle", "▲"), ("invtriangle", "▼"), ("star", "★"), ("circle", "●"),
    ]

    /// The lines to draw: all respondents, then each persona with a segment that has answers.
    /// Personas whose segment has no answers are returned by name for the legend.
    static func series(_ journey: Journey, _ m: JourneyMeasurements?, _ theme: Theme) -> ([Series], [String]) {
        let tps = journey.touchpoints
        let allColor = theme.usesMarks ? theme.text : theme.positive
        var all = Series(
            name: "", color: allColor, shape: "diamond", glyph: "◆", style: "solid", width: 2.5, passes: Array(tps.indices),
            measured: [:], ownDesigned: false, outlinesPainPoints: true, labelled: true)
        for (i, tp) in tps.enumerated() { all.measured[i] = m?.byTouchpoint[tp.id]?.measuredEmotion }
        let personas = journey.personas.filter { $0.segment != nil }
        guard let m, !m.bySegmentTouchpoint.isEmpty, !personas.isEmpty else { return (m == nil ? [] : [all], []) }
        var out: [Series] = []
        var missing: [String] = []
        for p in personas {
            let segment = p.segment!
            guard let cells = m.bySegmentTouchpoint[segment] else {
                missing.append(p.name + " (" + segment + ")")
                continue
            }
            let k = out.count
            let passes = tps.indices.filter { tps[$0].personas.isEmpty || tps[$0].personas.contains(p.id) }
            var measured: [Int: Double] = [:]
            for i in passes { measured[i] = cells[tps[i].id]?.measuredEmotion }
            let palette = theme.usesMarks ? printColors : personaColors
            let (shape, glyph) = personaShapes[k % personaShapes.count]
            out.append(
                Series(
                    name: p.name, color: palette[k % palette.count], shape: shape, glyph: glyph, style: k % 2 == 0 ? "solid" : "dotted",
                    width: 2.5, passes: passes, measured: measured, ownDesigned: passes.count < tps.count, outlinesPainPoints: false,
                    labelled: true))
        }
        guard !out.isEmpty else { return ([all], missing) }
        // With personas, all respondents is the thin grey reference line, unlabelled.
        all.color = theme.mutedText
        all.width = 1.5
        all.outlinesPainPoints = false
        all.labelled = false
        return ([all] + out, missing)
    }

    /// The curve's graph; measured lines only where there is data, broken at steps without.
    public static func build(_ journey: Journey, measurements: JourneyMeasurements?, options: MapOptions = MapOptions()) -> GraphSpec {
        let theme = options.theme
        var g = GraphSpec.pinned(title: options.language(.curveTitle, journey.title), options: options)
        g.graph.set(.outputorder, "edgesfirst")  // markers and labels over the lines
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
        func font(_ s: String, size: Double, color: Color?, bold: Bool = false) -> HTML {
            let t: HTML = .text(s)
            return .font(
                [(.pointSize, .number(size * options.fontScale)), (.color, .color(color ?? theme.text))], [bold ? .bold([t]) : t])
        }
        func text(_ x: Double, _ y: Double, _ s: String, size: Double = 10, color: Color? = nil, bold: Bool = false) -> NodeID {
            node(x, y) { a in
                a.set(.shape, "plain")
                a.setHTML(.label, HTMLLabel(font(s, size: size, color: color, bold: bold)))
            }
        }
        func line(_ from: NodeID, _ to: NodeID, color: Color, style: Trusted, width: Double) {
            var e = GraphSpec.Edge(from: from, to: to)
            e.attributes.set(.color, .color(color))
            e.attributes.set(.style, style)
            e.attributes.set(.penwidth, .number(width))
            g.edges.append(e)
        }
        let tps = journey.touchpoints
        let width = Double(max(1, tps.count - 1)) * dx
        // Axis and grid.
        for v in -2...2 {
            let y = Double(v) * dy
            let name = options.language.emotionName(v)
            _ = text(
                -95, y, "\(options.language.signed(Double(v))) \(name)", size: 10,
                color: theme.usesMarks ? theme.text : theme.emotionColor(Double(v)))  // print: white +2 would vanish
            line(anchor(-40, y), anchor(width + 40, y), color: theme.stageBorder, style: v == 0 ? "solid" : "dotted", width: 1)
        }
        // Stages: a title above their columns and a separator between them.
        var index = 0
        for stage in journey.stages where !stage.touchpoints.isEmpty {
            let first = Double(index) * dx, last = Double(index + stage.touchpoints.count - 1) * dx
            _ = text((first + last) / 2, 2 * dy + 45, TextWrap.wrapped(stage.title, width: 20, maxLines: 2), size: 12, bold: true)
            if index > 0 {
                line(
                    anchor(first - dx / 2, 2 * dy + 25), anchor(first - dx / 2, -2 * dy - 25), color: theme.stageBorder, style: "dashed",
                    width: 1)
            }
            index += stage.touchpoints.count
        }
        for (i, tp) in tps.enumerated() {
            _ = text(Double(i) * dx, -2 * dy - 55, TextWrap.wrapped(tp.title, width: 18, maxLines: 3), size: 9)
        }
        var placer = CurveLabelPlacer()
        // The designed emotion: one journey line (every persona shares the touchpoints' designed
        // emotion), filled grey circles, dashed.
        var previous: NodeID?
        var previousPoint: (Double, Double)?
        for (i, tp) in tps.enumerated() {
            guard let e = tp.emotion else { continue }
            let (x, y) = (Double(i) * dx, Double(e.value) * dy)
            let p = node(x, y) { a in
                a.set(.shape, "circle"); a.set(.width, 0.16); a.set(.fixedsize, "true"); a.set(.style, "filled")
                a.set(.fillcolor, .color(theme.mutedText)); a.set(.color, .color(theme.mutedText)); a.setText(.label, "")
            }
            placer.markers.append(.init(x: x, y: y, radius: 6))
            if let prev = previous, let pp = previousPoint {
                line(prev, p, color: theme.mutedText, style: "dashed", width: 1.5)
                placer.segments.append(.init(x0: pp.0, y0: pp.1, x1: x, y1: y))
            }
            (previous, previousPoint) = (p, (x, y))
        }
        let (lines, missing) = series(journey, measurements, theme)
        var labels: [(x: Double, y: Double, text: String, color: Color)] = []
        var hasGap = false
        for s in lines {
            // A persona who skips touchpoints: its own designed line through its touchpoints,
            // hollow markers in its colour, dashed.
            if s.ownDesigned {
                var prev: (NodeID, Double, Double)?
                for i in s.passes {
                    guard let e = tps[i].emotion else { continue }
                    let (x, y) = (Double(i) * dx, Double(e.value) * dy)
                    let p = node(x, y) { a in
                        a.set(.shape, s.shape); a.set(.width, 0.14); a.set(.height, 0.14); a.set(.fixedsize, "true")
                        a.set(.style, "filled"); a.set(.fillcolor, .color(theme.background)); a.set(.color, .color(s.color));
                        a.setText(.label, "")
                    }
                    if let (q, qx, qy) = prev {
                        line(q, p, color: s.color, style: "dashed", width: 1.2)
                        placer.segments.append(.init(x0: qx, y0: qy, x1: x, y1: y))
                    }
                    prev = (p, x, y)
                }
            }
            var prev: (NodeID, Double, Double)?
            for i in s.passes {
                let x = Double(i) * dx
                guard let v = s.measured[i] else {
                    // No answers here: the line breaks rather than bridging the step.
                    if prev != nil { hasGap = true }
                    prev = nil
                    continue
                }
                let y = v * dy
                let highlighted = s.outlinesPainPoints && options.highlighted[tps[i].id] != nil
                let size = highlighted ? 0.3 : s.width < 2 ? 0.16 : 0.22
                let p = node(x, y) { a in
                    a.set(.shape, s.shape); a.set(.width, .number(size)); a.set(.height, .number(size))
                    a.set(.fixedsize, "true"); a.set(.style, "filled")
                    a.set(.fillcolor, .color(s.outlinesPainPoints ? theme.emotionColor(v) : s.color))
                    a.set(.color, .color(highlighted ? theme.highlight : s.outlinesPainPoints ? theme.text : s.color))
                    a.set(.penwidth, highlighted ? 2.5 : 1)
                    a.setText(.label, "")
                }
                placer.markers.append(.init(x: x, y: y, radius: size * 36 + 1))
                if let (q, qx, qy) = prev {
                    line(q, p, color: s.color, style: s.style, width: s.width)
                    placer.segments.append(.init(x0: qx, y0: qy, x1: x, y1: y))
                }
                prev = (p, x, y)
                if s.labelled { labels.append((x, y, options.language.signed(v, 1), s.outlinesPainPoints ? theme.mutedText : s.color)) }
            }
        }
        // "no data" under a step where nobody answered, when other steps have answers.
        if let all = lines.first, !all.measured.isEmpty {
            for i in tps.indices where all.measured[i] == nil {
                _ = text(Double(i) * dx, -2 * dy - 20, options.language[.noData], size: 8, color: theme.mutedText)
            }
        }
        // Value labels last, once every marker and line is known.
        for l in labels {
            let w = TextWidth.of(l.text, size: 8 * options.fontScale), h = 10 * options.fontScale
            let at = placer.place(x: l.x, y: l.y, width: w, height: h)
            _ = text(at.x, at.y, l.text, size: 8, color: l.color)
        }
        // Legend, one entry a line, under the touchpoint titles.
        let l = options.language
        var entries: [(String, Color)] = [("● - - " + l[.designedEmotion], theme.mutedText)]
        if lines.isEmpty {
            entries[0].0 += "     " + l[.designedOnly]
        } else if lines.count == 1 {
            entries.append(("◆ —— " + l[.measuredEmotionOutlined], lines[0].color))
        } else {
            entries.append(("◆ —— " + l[.curveAllMeasured], lines[0].color))
            for s in lines.dropFirst() {
                let pattern = s.style == "dotted" ? "· · · ·" : "——"
                let segment = journey.personas.first { $0.name == s.name }?.segment ?? ""
                var entry = "\(s.glyph) \(pattern) " + l(.curvePersonaMeasured, s.name, segment)
                if s.ownDesigned { entry += "; " + l(.curvePersonaDesigned, s.glyph) }
                entries.append((entry, s.color))
            }
        }
        for name in missing { entries.append((l(.curveNoSegmentAnswers, name), theme.mutedText)) }
        if hasGap { entries.append((l[.curveGap], theme.mutedText)) }
        let rows: [HTML] = entries.map { e in .row([.cell([(.align, "left")], [font(e.0, size: 10, color: e.1)])]) }
        // Left-aligned with the axis labels: the node is placed by its centre.
        let legendWidth = entries.map { TextWidth.of($0.0, size: 10 * options.fontScale) }.max() ?? 0
        _ = node(-130 + legendWidth / 2, -2 * dy - 100 - 7 * Double(entries.count)) { a in
            a.set(.shape, "plain")
            a.setHTML(.label, HTMLLabel(.table([(.border, 0), (.cellspacing, 0), (.cellpadding, 1)], rows)))
        }
        return g
    }
}
