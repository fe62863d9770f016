import JourneyAnalysis
import JourneyCore
import JourneyFeedback
import JourneyGraphviz

/// Who owns what: a department-by-stage grid. Each cell counts the touchpoints a department
/// owns in a stage, is tinted by their measured emotion, and flags missed targets (⚑).
public enum OwnershipBuilder {
    /// The ownership grid: departments by stages, each cell counting touchpoints, tinted by measured emotion, missed targets flagged.
    public static func build(
        _ journey: Journey, measurements: JourneyMeasurements?, targets: [TargetResult], options: MapOptions = MapOptions()
    ) -> GraphSpec {
        let theme = options.theme
        let lang = options.language
        var g = GraphSpec()
        g.graph.set(.bgcolor, .color(theme.background))
        g.graph.set(.pad, 0.3)
        g.graph.set(.fontname, theme.font)
        g.nodeDefaults.set(.shape, "plain")
        g.nodeDefaults.set(.fontname, theme.font)
        func t(_ s: String, _ size: Double, color: Color? = nil, bold: Bool = false) -> HTML {
            let x: HTML = .text(s)
            return .font([(.pointSize, .number(size * options.fontScale)), (.color, .color(color ?? theme.text))], [bold ? .bold([x]) : x])
        }
        let missed = targets.filter { $0.status == .missed }
        var rows: [HTML] = [
            .row([
                .cell(
                    [(.colspan, .int(journey.stages.count + 2)), (.align, "left")],
                    [t(lang(.ownershipTitle, journey.title), 18, bold: true)])
            ]),
            .row([
                .cell(
                    [(.colspan, .int(journey.stages.count + 2)), (.align, "left")],
                    [t(lang[.ownershipCaption], 10, color: theme.mutedText)])
            ]),
            .row(
                [.cell([(.bgcolor, .color(theme.stageFill))], [t(lang[.department], 10, bold: true)])]
                    + journey.stages.map { s in
                        .cell([(.bgcolor, .color(theme.stageFill))], [t(TextWrap.wrapped(s.title, width: 14, maxLines: 2), 10, bold: true)])
                    }
                    + [.cell([(.bgcolor, .color(theme.stageFill))], [t(lang[.all], 10, bold: true)])]),
        ]
        let colors = MapBuilder.departmentColors(journey, theme)
        for d in journey.departments {
            let owned = journey.touchpoints.filter { $0.owner == d.id }
            guard !owned.isEmpty else { continue }
            let c = colors[d.id] ?? theme.neutral
            var cells: [HTML] = [.cell([(.bgcolor, .color(c)), (.align, "left")], [t(d.title, 10, color: c.readableText)])]
            for s in journey.stages {
                let here = owned.filter { $0.stageID == s.id }
                guard !here.isEmpty else { cells.append(.cell([], [t("·", 10, color: theme.mutedText)])); continue }
                let values = here.compactMap { measurements?.byTouchpoint[$0.id]?.measuredEmotion }
                let mean = values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
                let flag = missed.contains { r in
                    switch r.target.scope {
                    case .touchpoint(let id): return here.contains { $0.id == id }
                    case .stage(let id): return id == s.id
                    default: return false
                    }
                }
                var label = lang.integer(here.count)
                if let mean { label += " (\(lang.signed(mean, 1)))" }
                if flag { label += " ⚑" }
                cells.append(.cell([(.bgcolor, .color(mean.map { theme.emotionTint($0) } ?? theme.nodeFill))], [t(label, 11, bold: flag)]))
            }
            let deptMissed = missed.contains { if case .department(let id) = $0.target.scope { return id == d.id } else { return false } }
            let nps = measurements?.byDepartment[d.id]?.nps.map { " · NPS " + lang.signed($0.value) } ?? ""
            cells.append(.cell([], [t("\(lang.integer(owned.count))\(nps)\(deptMissed ? " ⚑" : "")", 10, bold: deptMissed)]))
            rows.append(.row(cells))
        }
        for r in missed.prefix(6) {
            rows.append(
                .row([
                    .cell([(.colspan, .int(journey.stages.count + 2)), (.align, "left")], [t("⚑ " + r.message, 9, color: theme.highlight)])
                ]))
        }
        var node = GraphSpec.Node(id: NodeID("grid", 0))
        node.attributes.setHTML(
            .label,
            HTMLLabel(
                .table(
                    [
                        (.border, 1), (.cellborder, 1), (.cellspacing, 0), (.cellpadding, 6),
                        (.color, .color(theme.stageBorder)), (.bgcolor, .color(theme.nodeFill)),
                    ], rows)))
        g.nodes.append(node)
        return g
    }
}
