import JourneyAnalysis
import JourneyCore
import JourneyFeedback
import JourneyGraphviz
import Foundation

/// The importance × performance grid (Martilla & James 1977) of an outcome's key drivers:
/// each touchpoint a point coloured by its owner at (performance, importance), with its
/// importance interval as a whisker, the four quadrants named, and labels placed so they do
/// not overlap. Drawn by neato with every position pinned (docs/pain-points.md#drivers-view).
public enum DriversBuilder {
    /// The plot area in points.
    static let plotWidth = 640.0, plotHeight = 420.0
    /// The marker's diameter in inches: room for a two-digit rank at 8 points.
    /// What stands for performance, in the chart's language.
    static func measureName(_ m: DriverPriority.Measure?, _ l: Language) -> String {
        switch m {
        case .csatTopBox: l[.measureCsatTopBox]
        case .promoters: l[.measurePromoters]
        case .cesEasy: l[.measureCesEasy]
        case nil: l[.measureTopBox]
        }
    }

    static let markerSize = 0.25

    /// The drivers view: touchpoints placed by importance and performance; a placeholder note when there are no drivers.
    public static func build(_ journey: Journey, drivers: DriverSummary?, options: MapOptions = MapOptions()) -> GraphSpec {
        let theme = options.theme
        let l = options.language
        var g = GraphSpec.pinned(title: l(.keyDriversOf, journey.title), options: options)
        g.graph.set(.outputorder, "edgesfirst")
        var counter = 0
        func node(_ x: Double, _ y: Double, _ attrs: (inout Attributes) -> Void) -> NodeID {
            let id = NodeID("d", counter)
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
        func line(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double, color: Color, style: Trusted = "solid", width: Double = 1) {
            var e = GraphSpec.Edge(from: anchor(x0, y0), to: anchor(x1, y1))
            e.attributes.set(.color, .color(color))
            e.attributes.set(.style, style)
            e.attributes.set(.penwidth, .number(width))
            g.edges.append(e)
        }
        func text(
            _ x: Double, _ y: Double, _ lines: [(String, Double, Color, Bool)], halo: Bool = false, rank: Int? = nil, align: Trusted? = nil
        ) {
            // An aligned break ends each line (the last one too) so that every line starts at
            // the edge facing the point.
            let br: HTML = align.map { .text("\n", align: $0) } ?? .lineBreak
            var parts: [HTML] = lines.enumerated().flatMap { i, l -> [HTML] in
                let t: HTML = .text(l.0)
                let f: HTML = .font([(.pointSize, .number(l.1 * options.fontScale)), (.color, .color(l.2))], [l.3 ? .bold([t]) : t])
                return i == 0 ? [f] : [br, f]
            }
            if align != nil { parts.append(br) }
            // The rank printed in the marker, repeated before the title, pairs a label with its
            // point in a crowd (a coloured dot here read as a second data point).
            if let rank, let first = lines.first {
                parts.insert(
                    .font([(.pointSize, .number(first.1 * options.fontScale)), (.color, .color(first.2))], [.bold([.text("\(rank) · ")])]),
                    at: 0)
            }
            _ = node(x, y) { a in
                if halo {
                    // A background-coloured box under the text: lines drawn first pass behind it.
                    a.set(.shape, "box"); a.set(.style, "filled"); a.set(.margin, "0.02,0.01")
                    a.set(.width, 0.1); a.set(.height, 0.1)
                    a.set(.fillcolor, .color(theme.background)); a.set(.color, .color(theme.background))
                } else {
                    a.set(.shape, "plain")
                }
                a.setHTML(.label, HTMLLabel(parts.count == 1 ? parts[0] : .concat(parts)))
            }
        }
        guard let d = drivers, !d.rows.isEmpty else {
            text(
                0, 0,
                [
                    (l[.driversNone], 12, theme.mutedText, false),
                    (l[.driversNoneRows], 12, theme.mutedText, false),
                ])
            return g
        }
        let rows = d.rows.filter { $0.performance != nil }
        let k = d.keyDrivers
        let measure = measureName(rows.first?.measure, l)
        // Importance axis: 0 to the next 5 points above the highest interval end.
        // The axes cover the data (intervals and quadrant lines included), on round numbers,
        // so that a cluster of touchpoints spreads over the whole plot; the ticks say where.
        let perfs = rows.flatMap { [$0.performance!.low, $0.performance!.high] } + [d.performanceSplit ?? 50]
        let imps = rows.flatMap { [$0.driver.importance.low, $0.driver.importance.high] } + [d.importanceSplit]
        let left = max(0, ((perfs.min()! - 3) / 10).rounded(.down) * 10), right = min(100, ((perfs.max()! + 3) / 10).rounded(.up) * 10)
        let bottom = max(0, ((imps.min()! - 1) / 5).rounded(.down) * 5), top = max(bottom + 5, ((imps.max()! + 0.5) / 5).rounded(.up) * 5)
        func px(_ perf: Double) -> Double { (perf - left) / max(1, right - left) * plotWidth }
        func py(_ imp: Double) -> Double { (min(max(imp, bottom), top) - bottom) / (top - bottom) * plotHeight }
        // Subtitle: what is plotted, from how many people.
        var sub = l(.driversImportanceNote, d.outcomeName)
        sub += l(.driversPerformanceNote, measure, l.count(k.respondents, .respondent))
        if let r2 = k.rSquared { sub += ", R² \(l.fixed(r2.value, 2)) (\(l.fixed(r2.low, 2))–\(l.fixed(r2.high, 2)))" }
        text(plotWidth / 2, plotHeight + 62, [(TextWrap.wrapped(sub + ".", width: 110, maxLines: 3), 10, theme.mutedText, false)])
        // Frame, grid and ticks.
        line(0, 0, plotWidth, 0, color: theme.text)
        line(0, 0, 0, plotHeight, color: theme.text)
        let xStep = right - left > 60 ? 20.0 : 10.0
        for p in stride(from: (left / xStep).rounded(.up) * xStep, through: right, by: xStep) {
            if p > left, p < right { line(px(p), 0, px(p), plotHeight, color: theme.stageBorder, style: "dotted") }
            text(px(p), -14, [("\(Int(p))%", 9, theme.mutedText, false)])
        }
        let step = top - bottom <= 10 ? 1.0 : top - bottom <= 25 ? 5.0 : 10.0
        for v in stride(from: bottom, through: top, by: step) {
            if v > bottom { line(0, py(v), plotWidth, py(v), color: theme.stageBorder, style: "dotted") }
            text(-22, py(v), [("\(Int(v))%", 9, theme.mutedText, false)])
        }
        text(plotWidth / 2, -34, [(l(.driversPerformanceAxis, measure), 11, theme.text, true)])
        text(
            70, plotHeight + 22,
            [(l(.driversImportanceAxis, TextWrap.wrapped(d.outcomeName, width: 30, maxLines: 1)), 11, theme.text, true)])
        // Quadrants: split at the average importance (100/k) and the drivers' mean performance.
        let sx = px(d.performanceSplit ?? 50), sy = py(d.importanceSplit)
        line(sx, 0, sx, plotHeight, color: theme.mutedText, style: "dashed", width: 1.5)
        line(0, sy, plotWidth, sy, color: theme.mutedText, style: "dashed", width: 1.5)
        let q: [(DriverPriority.Quadrant, Double, Double, Color)] = [
            (.fixFirst, sx / 2, plotHeight - 12, theme.highlight), (.keepUp, (sx + plotWidth) / 2, plotHeight - 12, theme.positive),
            (.secondary, sx / 2, 12, theme.mutedText), (.overServed, (sx + plotWidth) / 2, 12, theme.mutedText),
        ]
        // Labels avoid the quadrant names, every point, other labels and their own whisker
        // (crossing a neighbour's thin whisker reads better than a label far from its point).
        var placed: [Box] = []
        for (quadrant, x, y, c) in q {
            let name = quadrant.title(in: l).uppercased()
            text(x, y, [(name, 12, c, true)])
            placed.append(Box(cx: x, cy: y, w: Double(name.count) * 9, h: 16))
        }
        // Whiskers and points first (labels must avoid them), then labels, most important first.
        let colors = MapBuilder.departmentColors(journey, theme)
        var points: [(DriverPriority, Double, Double, Box, Int)] = []
        for (i, r) in rows.enumerated() {
            // Rows come highest priority first: the rank is the position among the plotted ones.
            let rank = i + 1
            let x = px(r.performance!.value), y = py(r.driver.importance.value)
            let lo = py(r.driver.importance.low), hi = py(r.driver.importance.high)
            let colour = r.ownerID.flatMap { colors[$0] } ?? theme.neutral
            line(x, lo, x, hi, color: theme.sequenceEdge, width: 1.2)
            line(x - 4, lo, x + 4, lo, color: theme.sequenceEdge, width: 1.2)
            line(x - 4, hi, x + 4, hi, color: theme.sequenceEdge, width: 1.2)
            // The rank inside the marker, black or white for contrast with the owner's colour.
            _ = node(x, y) { a in
                a.set(.shape, "circle"); a.set(.width, .number(markerSize)); a.set(.fixedsize, "true"); a.set(.style, "filled")
                a.set(.fillcolor, .color(colour)); a.set(.color, .color(theme.text)); a.set(.penwidth, 1)
                // A plain label centres on the marker (an HTML one sat a point or two high).
                a.setText(.label, "\(rank)"); a.set(.fontsize, 8); a.set(.fontcolor, .color(colour.readableText))
                a.setText(.tooltip, "\(rank) · " + r.touchpointTitle)
            }
            placed.append(Box(cx: x, cy: y, w: markerSize * 72 + 2, h: markerSize * 72 + 2))
            points.append((r, x, y, Box(cx: x, cy: (lo + hi) / 2, w: 10, h: hi - lo), rank))
        }
        for (r, x, y, whisker, rank) in points {
            let title = TextWrap.lines(r.touchpointTitle, width: 26, maxLines: 2)
            let detail = l(.driversPointDetail, l.fixed(r.priority, 1), l.integer(r.performanceN))
            let lines = title.map { ($0, 9.0, theme.text, false) } + [(detail, 8.0, theme.mutedText, false)]
            // A tight estimate keeps the label beside its point and the leader test honest
            // (a flat 0.6 em a character made boxes wider than their text: labels looked
            // adjacent to the placer while the text sat far from the point, with no leader).
            let prefix = TextWidth.of("\(rank) · ", size: 9, bold: true)
            let widths =
                title.enumerated().map { i, t in TextWidth.of(t, size: 9) + (i == 0 ? prefix : 0) } + [TextWidth.of(detail, size: 8)]
            let w = ((widths.max() ?? 0) + 4) * options.fontScale
            let h = Double(lines.count) * 12 * options.fontScale + 4
            let others = points.filter { $0.0.touchpointID != r.touchpointID }.map { ($0.1, $0.2) }
            let (spot, _, ambiguous) = LabelPlacer.place(
                x: x, y: y, w: w, h: h, avoiding: placed + [whisker],
                bounds: Box(cx: plotWidth / 2 + 2, cy: plotHeight / 2 + 2, w: plotWidth - 4, h: plotHeight - 4),
                otherPoints: others)
            placed.append(spot)
            if ambiguous || spot.distance(to: x, y) > LabelPlacer.gap + 4 {
                // Far from its point: a thin leader line to the label's nearest edge says which
                // point it names.
                let ex = min(max(x, spot.cx - w / 2), spot.cx + w / 2), ey = min(max(y, spot.cy - h / 2), spot.cy + h / 2)
                line(x, y, ex, ey, color: theme.mutedText, width: 0.9)
            }
            // Lines flush with the side facing the point: a short title centred over a long
            // detail line otherwise floats away from the marker.
            let align: Trusted? = spot.cx - w / 2 >= x ? "LEFT" : spot.cx + w / 2 <= x ? "RIGHT" : nil
            text(spot.cx, spot.cy, lines, halo: true, rank: rank, align: align)
        }
        // Owners' colours.
        let owners = journey.departments.filter { dep in rows.contains { $0.ownerID == dep.id } }
        if !owners.isEmpty {
            var cells: [HTML] = []
            cells.append(
                .font([(.pointSize, .number(10 * options.fontScale)), (.color, .color(theme.text))], [.bold([.text("Owner (colour):")])]))
            for o in owners {
                let t: HTML = .text("    ●")
                cells.append(.font([(.pointSize, .number(12 * options.fontScale)), (.color, .color(colors[o.id] ?? theme.neutral))], [t]))
                cells.append(.font([(.pointSize, .number(10 * options.fontScale)), (.color, .color(theme.text))], [.text(" " + o.title)]))
            }
            _ = node(plotWidth / 2, -58) { a in
                a.set(.shape, "plain"); a.setHTML(.label, HTMLLabel(.concat(cells)))
            }
        }
        return g
    }
}

/// An axis-aligned box by its centre (points).
struct Box: Hashable, Sendable {
    var cx, cy, w, h: Double
    func overlaps(_ o: Box) -> Bool { abs(cx - o.cx) * 2 < w + o.w && abs(cy - o.cy) * 2 < h + o.h }
    func inside(_ o: Box) -> Bool { abs(cx - o.cx) * 2 + w <= o.w && abs(cy - o.cy) * 2 + h <= o.h }
    /// From the nearest point of the box to (x, y).
    func distance(to x: Double, _ y: Double) -> Double {
        let dx = max(0, abs(x - cx) - w / 2), dy = max(0, abs(y - cy) - h / 2)
        return (dx * dx + dy * dy).squareRoot()
    }
}

/// Greedy label placement: the nearest spot around the point, on 16 directions at growing
/// distances, that overlaps nothing placed so far (points, whiskers, quadrant lines and names,
/// other labels) and stays inside the bounds. `distance` says how far it had to move.
enum LabelPlacer {
    /// From a point's centre to the nearest edge of a label beside it: clears the marker
    /// (radius 9 points) with a few points to spare.
    static let gap = 13.0

    static func place(
        x: Double, y: Double, w: Double, h: Double, avoiding placed: [Box], bounds: Box,
        otherPoints: [(Double, Double)] = []
    ) -> (box: Box, distance: Double, needsLeader: Bool) {
        // First near and unambiguous (clearly nearer its own point than any other), then
        // anywhere free (a leader line will point at it), then beside the point regardless.
        if let hit = search(x, y, w, h, placed, bounds, otherPoints, margin: 12, reach: 48) { return (hit.box, hit.distance, false) }
        if let hit = search(x, y, w, h, placed, bounds, otherPoints, margin: 4, reach: 240) { return (hit.box, hit.distance, true) }
        // Crowded: anywhere free in the plot, however far (the leader line finds it).
        if let hit = search(x, y, w, h, placed, bounds, [], margin: 0, reach: 900) { return (hit.box, hit.distance, true) }
        return (Box(cx: x + gap + w / 2, cy: y, w: w, h: h), 0, true)
    }

    private static func search(
        _ x: Double, _ y: Double, _ w: Double, _ h: Double, _ placed: [Box], _ bounds: Box,
        _ others: [(Double, Double)], margin: Double, reach: Double
    ) -> (box: Box, distance: Double)? {
        // Right, left, then the diagonals and the rest: a label beside its point reads best.
        let order = [0, 8, 1, 15, 7, 9, 2, 14, 6, 10, 3, 13, 5, 11, 4, 12]
        for dist in stride(from: 0.0, through: reach, by: 6) {
            for k in order {
                let a = Double(k) * Double.pi / 8
                let b = Box(cx: x + cos(a) * (w / 2 + gap + dist), cy: y + sin(a) * (h / 2 + gap + dist), w: w, h: h)
                // A label nearer to another point than to its own would name the wrong one.
                let own = b.distance(to: x, y)
                if b.inside(bounds), !placed.contains(where: { $0.overlaps(b) }),
                    !others.contains(where: { b.distance(to: $0.0, $0.1) <= own + margin })
                {
                    return (b, dist)
                }
            }
        }
        return nil
    }
}
