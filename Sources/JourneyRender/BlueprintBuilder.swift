import JourneyCore
import JourneyGraphviz

/// The service blueprint: customer actions, frontstage touchpoints, backstage actions and
/// support processes as horizontal lanes under the stages, separated by the line of
/// interaction, the line of visibility and the line of internal interaction. A fixed grid
/// (neato, pinned positions): one column per touchpoint, lanes as tall as their tallest card,
/// columns as wide as their widest. Within a column, arrows join what the journey declares:
/// support → backstage → frontstage → customer action.
public enum BlueprintBuilder {
    /// Lanes top to bottom, and the line drawn under each (none under the last).
    static let lanes: [Phrase] = [.laneCustomerActions, .laneFrontstage, .laneBackstage, .laneSupport]
    static let lines: [Phrase] = [.lineOfInteraction, .lineOfVisibility, .lineOfInternalInteraction]
    /// Room around cards: between columns, and above and below the cards of a lane.
    static let columnGap = 40.0, laneGap = 22.0
    /// The narrowest column and the shortest lane, in points (before font scaling).
    static let minColumn = 180.0, minLane = 44.0

    /// The blueprint's graph: lanes of customer actions, touchpoints, backstage and support under the stages.
    public static func build(_ journey: Journey, options: MapOptions = MapOptions()) -> GraphSpec {
        let theme = options.theme
        let scale = options.fontScale
        var canvas = PinnedCanvas(title: options.language(.blueprintTitle, journey.title), prefix: "b", options: options)
        let colors = MapBuilder.departmentColors(journey, theme)
        let tps = journey.touchpoints
        // Cards first (lane by lane, column by column): their sizes set the grid.
        let cards: [[LaneCard?]] = tps.map { tp in
            [
                card(tp.customerActions, journey, options, fill: theme.nodeFill),
                front(tp, journey, theme, colors),
                card(tp.backstage, journey, options, fill: theme.stageFill),
                card(tp.support, journey, options, fill: theme.stageFill),
            ]
        }
        let dx = max(minColumn * scale, (cards.joined().compactMap { $0?.width(scale: scale) }.max() ?? 0) + columnGap)
        let laneHeights = (0..<lanes.count).map { lane in
            max(minLane * scale, cards.compactMap { $0[lane]?.height(scale: scale) }.max() ?? 0) + 2 * laneGap
        }
        // Lane centres, from the top (y = 0) downwards.
        var laneY: [Double] = []
        var y = 0.0
        for h in laneHeights {
            laneY.append(y - h / 2)
            y -= h
        }
        let bottom = y
        let width = Double(max(1, tps.count - 1)) * dx
        let left = -dx / 2 - 150 * scale
        for (i, title) in lanes.enumerated() {
            canvas.label(
                left + 75 * scale, laneY[i],
                HTMLLabel(canvas.font(TextWrap.wrapped(options.language[title], width: 18, maxLines: 2), 11, bold: true)))
        }
        // The three lines between lanes, each named at its right end.
        var lineY = 0.0
        for (i, title) in lines.enumerated() {
            lineY -= laneHeights[i]
            canvas.line(left, lineY, width + dx / 2 + 40, lineY, color: theme.text, style: "dashed", width: 1.2)
            canvas.label(
                width + dx / 2 - 30 * scale, lineY + 9 * scale, HTMLLabel(canvas.font(options.language[title], 9, color: theme.mutedText)))
        }
        // Stage titles over their columns, dotted separators between stages.
        var index = 0
        for stage in journey.stages where !stage.touchpoints.isEmpty {
            let first = Double(index) * dx, last = Double(index + stage.touchpoints.count - 1) * dx
            canvas.label(
                (first + last) / 2, 26 * scale,
                HTMLLabel(canvas.font(TextWrap.wrapped(stage.title, width: 24, maxLines: 2), 13, bold: true)))
            if index > 0 { canvas.line(first - dx / 2, 40 * scale, first - dx / 2, bottom, color: theme.stageBorder, style: "dotted") }
            index += stage.touchpoints.count
        }
        // Cards, then the arrows between the lanes of each column (towards the customer).
        for (i, column) in cards.enumerated() {
            var below: NodeID?
            for lane in (0..<lanes.count).reversed() {
                guard let c = column[lane] else { continue }
                let id = canvas.label(Double(i) * dx, laneY[lane], c.label(canvas))
                if let below { canvas.connect(below, id, color: theme.sequenceEdge, width: 1, arrow: true) }
                below = id
            }
        }
        return canvas.graph
    }

    /// A lane's card: each action's text, and its owner when written; the first three, then a count.
    static func card(_ actions: [Action], _ journey: Journey, _ options: MapOptions, fill: Color) -> LaneCard? {
        let theme = options.theme
        guard !actions.isEmpty else { return nil }
        var rows: [[LaneCard.Line]] = actions.prefix(3).map { a in
            var lines = TextWrap.lines(a.text, width: 26, maxLines: 3).map { LaneCard.Line(text: $0, size: 9) }
            if let owner = a.owner {
                lines.append(LaneCard.Line(text: journey.department(owner)?.title ?? owner, size: 8, color: theme.mutedText))
            }
            return lines
        }
        if actions.count > 3 {
            rows.append([
                LaneCard.Line(text: options.language(.more, options.language.integer(actions.count - 3)), size: 8, color: theme.mutedText)
            ])
        }
        return LaneCard(rows: rows, fill: fill, border: theme.stageBorder)
    }

    /// The touchpoint's card: its title (★ for a moment of truth), then channel and owner when
    /// the journey gives them (a Mermaid import gives neither: no empty line then).
    static func front(_ tp: Touchpoint, _ journey: Journey, _ theme: Theme, _ colors: [String: Color]) -> LaneCard {
        let fill = tp.owner.flatMap { colors[$0] }.map { $0.mixed(with: theme.nodeFill, 0.75) } ?? theme.nodeFill
        var lines = TextWrap.lines(tp.title, width: 24, maxLines: 3).map { LaneCard.Line(text: $0, size: 10, bold: true) }
        if tp.isMomentOfTruth { lines[0].text = "★ " + lines[0].text }
        let place = [tp.channel.flatMap { journey.channel($0)?.title }, tp.owner.flatMap { journey.department($0)?.title }]
            .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " · ")
        var rows = [lines]
        if !place.isEmpty { rows.append([LaneCard.Line(text: place, size: 8, color: theme.mutedText)]) }
        return LaneCard(rows: rows, fill: fill, border: theme.nodeBorder, borderWidth: tp.isMomentOfTruth ? 3 : 1)
    }
}
