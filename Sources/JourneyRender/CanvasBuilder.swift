import JourneyAnalysis
import JourneyCore
import JourneyFeedback
import JourneyGraphviz

/// The journey canvas, the layout of workshop walls and commercial journey tools: stage
/// columns (one sub-column per touchpoint) crossed by lanes — customer actions, touchpoints
/// with their channel, owners, the emotion curve (designed and measured), pains and
/// opportunities as text, KPIs with their targets, backstage and support. Lanes with nothing
/// in them are left out. A fixed grid (neato, pinned positions): every card's size is
/// estimated first, so that columns and lanes are large enough and nothing overlaps.
public enum CanvasBuilder {
    /// Space between a card and its column's or lane's edge, in points before font scaling.
    static let gap = 14.0
    /// The left gutter with the lane titles.
    static let gutter = 150.0

    /// The canvas of a journey, with its measured figures and target verdicts when there is data.
    /// On paper (`options.paper`) the text is wrapped at the width that prints it largest:
    /// narrower columns make the canvas taller, nearer the shape of the sheet.
    public static func build(
        _ journey: Journey, measurements: JourneyMeasurements?, targets: [TargetResult], options: MapOptions = MapOptions()
    ) -> GraphSpec {
        let n = journey.touchpoints.count
        let standard = (options.detail == .summary ? 22 : 26) - (n > 14 ? 4 : n > 8 ? 2 : 0)
        guard let paper = options.paper else {
            return draw(journey, measurements: measurements, targets: targets, options: options, wrap: standard).graph
        }
        // The printed scale of a drawing on the sheet (inside 10 mm margins), in whichever
        // orientation holds it larger.
        let w = (paper.widthMM - 20) * 72 / 25.4, h = (paper.heightMM - 20) * 72 / 25.4
        func printed(_ size: (Double, Double)) -> Double {
            max(min(w / size.0, h / size.1), min(h / size.0, w / size.1))
        }
        var best = draw(journey, measurements: measurements, targets: targets, options: options, wrap: standard)
        for wrap in stride(from: 12, through: 30, by: 2) where wrap != standard {
            let next = draw(journey, measurements: measurements, targets: targets, options: options, wrap: wrap)
            if printed(next.size) > printed(best.size) * 1.02 { best = next }
        }
        return best.graph
    }

    /// The canvas with text wrapped at `wrap` characters, and its size in points.
    static func draw(
        _ journey: Journey, measurements: JourneyMeasurements?, targets: [TargetResult], options: MapOptions, wrap: Int
    ) -> (graph: GraphSpec, size: (Double, Double)) {
        let theme = options.theme
        let scale = options.fontScale
        var canvas = PinnedCanvas(title: journey.title, prefix: "v", options: options)
        let tps = journey.touchpoints
        let summary = options.detail == .summary
        let pad = gap * scale
        // Touchpoint titles wrap at `wrap` and set the column's width; the other lanes' text
        // is wrapped to fill that width.
        let titles = CanvasCards(
            journey: journey, measurements: measurements, targets: targets, options: options,
            colors: MapBuilder.departmentColors(journey, theme), wrap: wrap)
        let titleWidth = tps.map { titles.touchpoint($0).width(scale: scale) }.max() ?? 0
        var content = titles
        content.wrap = max(8, Int((titleWidth - 14 * scale) / (0.56 * titles.textSize * scale)))
        let hasEmotion = tps.contains { $0.emotion != nil || measurements?.byTouchpoint[$0.id]?.measuredEmotion != nil }
        var lanes: [(lane: CanvasLane, cards: [LaneCard?])] = []
        for lane in CanvasLane.allCases {
            if lane == .emotion {
                if hasEmotion { lanes.append((lane, tps.map { _ in nil })) }
                continue
            }
            let cards = tps.map { lane == .touchpoints ? titles.card(lane, $0) : content.card(lane, $0) }
            if cards.contains(where: { $0 != nil }) { lanes.append((lane, cards)) }
        }
        let colW = max(150 * scale, (lanes.flatMap(\.cards).compactMap { $0?.width(scale: scale) }.max() ?? 0) + 2 * pad)
        let curveHeight = (summary ? 150.0 : 130.0) * scale
        let heights = lanes.map { entry in
            entry.lane == .emotion ? curveHeight : (entry.cards.compactMap { $0?.height(scale: scale) }.max() ?? 0) + 2 * pad
        }
        let left = -colW / 2 - gutter * scale
        let right = Double(max(0, tps.count - 1)) * colW + colW / 2
        // Top to bottom: the heading (personas, data, journey targets), stage headers, lanes.
        let heading = self.heading(journey, measurements: measurements, targets: targets, content: content)
        let headingHeight = heading.map { $0.height(scale: scale) + pad } ?? 0
        let stageCards = journey.stages.filter { !$0.touchpoints.isEmpty }.map { stageCard($0, targets: targets, content: content) }
        let stageHeight = (stageCards.map { $0.height(scale: scale) }.max() ?? 0) + 2 * pad
        let stagesTop = -headingHeight
        var laneTops: [Double] = []
        var y = stagesTop - stageHeight
        for h in heights {
            laneTops.append(y)
            y -= h
        }
        let bottom = y
        // Backgrounds first (Graphviz paints in node order): stage bands, lane bands.
        var index = 0
        for (s, stage) in journey.stages.filter({ !$0.touchpoints.isEmpty }).enumerated() {
            let x0 = Double(index) * colW - colW / 2, x1 = Double(index + stage.touchpoints.count) * colW - colW / 2
            canvas.rectangle(
                (x0 + x1) / 2, stagesTop - stageHeight / 2, w: x1 - x0, h: stageHeight,
                fill: s % 2 == 0 ? theme.stageFill : theme.stageFill.mixed(with: theme.stageBorder, 0.25))
            canvas.label((x0 + x1) / 2, stagesTop - stageHeight / 2, transparent(stageCards[s], canvas))
            index += stage.touchpoints.count
        }
        for i in lanes.indices where i % 2 == 1 {
            canvas.rectangle((left + right) / 2, laneTops[i] - heights[i] / 2, w: right - left, h: heights[i], fill: theme.stageFill)
        }
        // Lane titles in the gutter; lines between lanes; separators between stages.
        for (i, entry) in lanes.enumerated() {
            var lines = TextWrap.lines(entry.lane.title(options.language), width: 14, maxLines: 2).map {
                LaneCard.Line(text: $0, size: 12, bold: true)
            }
            if entry.lane == .emotion {
                lines.append(LaneCard.Line(text: "● - - " + options.language[.canvasDesigned], size: 9, color: theme.mutedText))
                if measurements != nil {
                    lines.append(LaneCard.Line(text: "◆ —— " + options.language[.measured], size: 9, color: theme.mutedText))
                }
            }
            let title = LaneCard(rows: [lines], fill: theme.background, border: theme.background, borderWidth: 0, rounded: false)
            let titleY = entry.lane == .emotion ? laneTops[i] - heights[i] / 2 : laneTops[i] - pad - 10 * scale
            canvas.label(left + 8 * scale + title.width(scale: scale) / 2, titleY, transparent(title, canvas))
            canvas.line(left, laneTops[i], right, laneTops[i], color: theme.stageBorder)
        }
        canvas.line(left, bottom, right, bottom, color: theme.stageBorder)
        index = 0
        for stage in journey.stages where !stage.touchpoints.isEmpty {
            if index > 0 {
                let x = Double(index) * colW - colW / 2
                canvas.line(x, stagesTop, x, bottom, color: theme.stageBorder, width: 1.5)
            }
            index += stage.touchpoints.count
        }
        if let heading {
            canvas.label(left + heading.width(scale: scale) / 2, -heading.height(scale: scale) / 2, transparent(heading, canvas))
        }
        // Cards, top-aligned in their lane; the emotion curve.
        for (i, entry) in lanes.enumerated() {
            if entry.lane == .emotion {
                curve(&canvas, tps, measurements: measurements, top: laneTops[i], height: heights[i], colW: colW, left: left, right: right)
                continue
            }
            for (c, card) in entry.cards.enumerated() {
                guard let card else { continue }
                canvas.label(Double(c) * colW, laneTops[i] - pad - card.height(scale: scale) / 2, card.label(canvas))
            }
        }
        // The title above (about 40 points at scale 1) is part of the drawing too.
        return (canvas.graph, (right - left, -bottom + 40 * scale))
    }

    /// A card drawn with no box of its own (lane titles, the heading).
    static func transparent(_ card: LaneCard, _ canvas: PinnedCanvas) -> HTMLLabel {
        var c = card
        c.borderWidth = 0
        return HTMLLabel(
            .table(
                [(.border, 0), (.cellborder, 0), (.cellspacing, .number(c.spacing)), (.cellpadding, .number(c.padding))],
                c.rows.map { lines in
                    var parts: [HTML] = []
                    for (i, l) in lines.enumerated() {
                        if i > 0 { parts.append(.lineBreak) }
                        parts.append(canvas.font(l.text, l.size, color: l.color, bold: l.bold, italic: l.italic))
                    }
                    return .row([.cell([(.align, "left"), (.balign, "left")], parts)])
                }))
    }

    /// Designed (dashed, grey dots) and measured (solid, diamonds in the emotion's colour)
    /// emotion on a −2…+2 scale; a line joins only neighbouring touchpoints that both have a
    /// value, so the measured curve breaks where a step has no data.
    static func curve(
        _ canvas: inout PinnedCanvas, _ tps: [Touchpoint], measurements: JourneyMeasurements?, top: Double, height: Double,
        colW: Double, left: Double, right: Double
    ) {
        let theme = canvas.theme, scale = canvas.options.fontScale
        let mid = top - height / 2, step = (height - 36 * scale) / 4
        for v in -2...2 {
            let y = mid + Double(v) * step
            canvas.line(left + 110 * scale, y, right, y, color: theme.stageBorder, style: v == 0 ? "solid" : "dotted")
            canvas.label(
                left + 100 * scale, y,
                HTMLLabel(canvas.font(canvas.options.language.signed(Double(v)), 9, color: theme.emotionColor(Double(v)))))
        }
        var designed: [NodeID?] = [], measured: [NodeID?] = []
        for (i, tp) in tps.enumerated() {
            let x = Double(i) * colW
            designed.append(
                tp.emotion.map { e in
                    canvas.node(x, mid + Double(e.value) * step) { a in
                        a.set(.shape, "circle"); a.set(.width, .number(0.13 * scale)); a.set(.fixedsize, "true"); a.set(.style, "filled")
                        a.set(.fillcolor, .color(theme.mutedText)); a.set(.color, .color(theme.mutedText)); a.setText(.label, "")
                    }
                })
            measured.append(
                measurements?.byTouchpoint[tp.id]?.measuredEmotion.map { m in
                    canvas.node(x, mid + m * step) { a in
                        a.set(.shape, "diamond"); a.set(.width, .number(0.24 * scale)); a.set(.height, .number(0.24 * scale))
                        a.set(.fixedsize, "true"); a.set(.style, "filled"); a.set(.fillcolor, .color(theme.emotionColor(m)))
                        a.set(.color, .color(theme.text)); a.setText(.label, "")
                    }
                })
            if !canvas.options.wallLabels, let m = measurements?.byTouchpoint[tp.id]?.measuredEmotion {
                // The value right of its marker, above or below: whichever side is farther
                // from both lines leaving to the right (measured and designed) where it sits.
                let dx = 24 * scale, off = 13 * scale
                func lineY(_ a: Double?, _ b: Double?) -> Double? {
                    guard let a else { return nil }
                    return mid + (a + ((b ?? a) - a) * dx / colW) * step
                }
                let nextTp = i + 1 < tps.count ? tps[i + 1] : nil
                let lines = [
                    lineY(m, nextTp.flatMap { measurements?.byTouchpoint[$0.id]?.measuredEmotion }),
                    lineY(tp.emotion.map { Double($0.value) }, nextTp?.emotion.map { Double($0.value) }),
                ].compactMap { $0 }
                func clearance(_ y: Double) -> Double { lines.map { abs($0 - y) }.min() ?? .infinity }
                let y0 = mid + m * step
                let below = clearance(y0 - off) > clearance(y0 + off)
                canvas.label(
                    x + 24 * scale, mid + m * step + (below ? -13 : 13) * scale,
                    HTMLLabel(canvas.font(canvas.options.language.signed(m, 1), 8, color: theme.mutedText)))
            }
        }
        for i in tps.indices.dropFirst() {
            if let a = designed[i - 1], let b = designed[i] { canvas.connect(a, b, color: theme.mutedText, style: "dashed", width: 1.5) }
            if let a = measured[i - 1], let b = measured[i] { canvas.connect(a, b, color: theme.positive, width: 2.5) }
        }
    }

    /// A stage's header: its title, then the targets set on the stage with their verdict.
    static func stageCard(_ stage: Stage, targets: [TargetResult], content: CanvasCards) -> LaneCard {
        let theme = content.theme
        var rows = [
            TextWrap.lines(stage.title, width: max(12, content.wrap * stage.touchpoints.count), maxLines: 2)
                .map { LaneCard.Line(text: $0, size: content.textSize + 5, bold: true) }
        ]
        for r in targets {
            guard case .stage(let id) = r.target.scope, id == stage.id else { continue }
            rows.append(
                content.target(r, size: content.textSize + 1, width: max(content.wrap, content.wrap * stage.touchpoints.count * 3 / 4)))
        }
        return LaneCard(rows: rows, fill: theme.background, border: theme.background, borderWidth: 0, rounded: false)
    }

    /// Who travels the journey, the data behind it, and the targets not tied to one
    /// touchpoint or stage (journey, department, channel, segment).
    static func heading(
        _ journey: Journey, measurements: JourneyMeasurements?, targets: [TargetResult], content: CanvasCards
    ) -> LaneCard? {
        let theme = content.theme
        let lang = content.lang
        let size = content.textSize + 1
        var rows: [[LaneCard.Line]] = []
        if !content.summary, let d = journey.description {
            rows.append(TextWrap.lines(d, width: 120, maxLines: 2).map { LaneCard.Line(text: $0, size: size, color: theme.mutedText) })
        }
        for p in journey.personas {
            var text = lang(.persona, p.name)
            if !p.goals.isEmpty { text += " · " + lang(.goal, p.goals.joined(separator: "; ")) }
            rows.append(TextWrap.lines(text, width: 120, maxLines: 2).map { LaneCard.Line(text: $0, size: size) })
        }
        if let m = measurements, m.journey.responses > 0 {
            var data = lang.count(m.journey.respondents, .respondent)
            if let f = m.firstDate, let l = m.lastDate { data += ", " + lang(.dateRange, lang.date(f), lang.date(l)) }
            var text = lang(.customerData, data)
            if let n = m.journey.nps {
                text +=
                    " · NPS \(lang.signed(n.value))" + (content.summary ? "" : " (\(lang.range(lang.signed(n.low), lang.signed(n.high))))")
            }
            for index in IndexText.lines(journey, m.journey, lang, interval: !content.summary) { text += " · " + index }
            rows.append([LaneCard.Line(text: text, size: size, color: theme.mutedText)])
        }
        let general = targets.filter {
            switch $0.target.scope {
            case .touchpoint, .stage: false
            default: true
            }
        }
        if !general.isEmpty {
            rows.append(
                general.flatMap { r in
                    var lines = content.target(r, size: size, width: 200)
                    if case .journey = r.target.scope {} else { lines[lines.count - 1].text += " · " + r.scopeTitle }
                    return lines
                })
        }
        return rows.isEmpty ? nil : LaneCard(rows: rows, fill: theme.background, border: theme.background, borderWidth: 0, rounded: false)
    }
}
