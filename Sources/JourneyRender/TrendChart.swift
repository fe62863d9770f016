import JourneyAnalysis
import JourneyCore
import JourneyFeedback

/// report.html's trend charts: small multiples, one inline SVG of our own per touchpoint with
/// dated answers (and one for the whole journey), each showing the journey's headline figure
/// per period as a point with its 95% whisker and the period's n beneath it. A period with too
/// few answers is drawn hollow (shown, not compared), an empty one as n = 0; a significant
/// change (after the report's correction) is marked ▼ or ▲ at the period it changed into, as
/// on the map's trend marks, whose words each chart's caption repeats. No script, no external
/// resource: the page's Content-Security-Policy is unchanged. Every text is escaped.
public enum TrendChart {
    /// At most this many of the latest periods are drawn (pain-points.md and `metrics --by
    /// period` have them all).
    public static let periodsDrawn = 12

    /// The figure the charts show: NPS when some touchpoint's period has one, else CSAT
    /// top-box, CES mean, negative share; the journey's own figures only when no touchpoint has
    /// any; nil when no period has any. The touchpoints' charts are most of the grid: a wide
    /// survey asks NPS once for the whole visit and CSAT per touchpoint, and charting NPS there
    /// drew a grid of empty touchpoint charts. One figure for every chart, on one scale, so the
    /// small multiples compare at a glance.
    public static func measure(_ p: JourneyPeriods) -> ChangeMetric? {
        let candidates: [ChangeMetric] = [.nps, .csatTopBox, .cesMean, .negativeShare]
        func has(_ series: [PeriodSeries], _ m: ChangeMetric) -> Bool {
            series.contains { s in s.points.contains { value($0, m).0 != nil } }
        }
        let touchpoints = Array(p.byTouchpoint.values)
        return candidates.first { has(touchpoints, $0) } ?? candidates.first { has(p.allSeries, $0) }
    }

    /// The section for report.html: lead, then the grid of charts (journey first, then the
    /// touchpoints with dated answers in the journey's order); "" without dated data.
    public static func section(_ t: Trends, journey: Journey, language l: Language = .en, theme: Theme = .default) -> String {
        let p = t.periods
        guard let metric = measure(p), !p.periods.isEmpty else { return "" }
        let drawn = Array(max(0, p.periods.count - periodsDrawn)..<p.periods.count)
        var charts: [(scope: PeriodScope, title: String, series: PeriodSeries)] = [
            (p.journey.scope, l[.trendChartsJourney], p.journey)
        ]
        for tp in journey.touchpoints {
            guard let s = p.byTouchpoint[tp.id], drawn.contains(where: { s.points[$0].n > 0 }) else { continue }
            charts.append((s.scope, tp.title, s))
        }
        guard charts.count > 1 else { return "" }
        let scale = Scale(metric, charts.map(\.series), drawn)
        let unit = p.unit.name(in: l)
        let h = Escape.html
        let name = metricName(metric, l)
        var out = "<section><h2>\(h(l[.trendChartsHeading]))</h2><style>\(style)</style>\n"
        out +=
            "<p>\(h(l(.trendChartsLead, name, unit, p.periods[drawn[0]].label, p.periods[drawn[drawn.count - 1]].label, l.integer(p.smallSample), t.changes.correctionPhrase(in: l))))"
        if drawn.count < p.periods.count {
            out += " " + h(l(.trendChartsLatest, l.integer(drawn.count), l.integer(p.periods.count)))
        }
        out += "</p>\n<div class=\"trends\">\n"
        let marks = TrendMarks.latest(t, language: l)
        let journeyMark = TrendMarks.latest(t, language: l, kind: .journey)[p.journey.scope.id]
        for c in charts {
            let mark = c.scope.kind == .journey ? journeyMark : marks[c.scope.id]
            out += "<figure class=\"trend\"><figcaption>\(h(c.title))</figcaption>\n"
            out += svg(
                c.series, title: l(.trendChartTitle, c.title, name, unit), drawn: drawn, metric: metric, scale: scale, trends: t,
                language: l, theme: theme)
            // Below the chart, so the charts of a row stay level: the map's mark, word for word.
            if let mark { out += "<p class=\"\(mark.isWorse ? "worse" : "better")\">\(h(mark.text))</p>\n" }
            out += "</figure>\n"
        }
        return out + "</div></section>\n"
    }

    /// The grid: as many columns as fit, each chart at least 250 pixels wide.
    static let style = """
        .trends{display:grid;grid-template-columns:repeat(auto-fill,minmax(250px,1fr));gap:10px}
        .trend{margin:0;background:#fff;border:1px solid #ddd;border-radius:6px;padding:6px 8px}
        .trend figcaption{font-size:.85em;font-weight:bold;overflow-wrap:anywhere;min-height:2.4em}
        .trend p{margin:2px 0 0;font-size:.8em}.trend .worse{color:#A33F00}.trend .better{color:#00694D}
        .trend svg{display:block;width:100%;height:auto}
        """

    /// The y scale all charts share: NPS −100…100, percentages 0…100, means the range of the
    /// drawn intervals (whole units).
    struct Scale {
        var low: Double
        var high: Double
        var ticks: [Double]

        init(_ metric: ChangeMetric, _ series: [PeriodSeries], _ drawn: [Int]) {
            switch metric {
            case .nps:
                (low, high, ticks) = (-100, 100, [-100, 0, 100])
            case .csatTopBox, .negativeShare, .index:
                (low, high, ticks) = (0, 100, [0, 50, 100])
            case .csatMean, .cesMean:
                let values = series.flatMap { s in drawn.compactMap { value(s.points[$0], metric).0 } }
                let lo = (values.map(\.low).min() ?? 1).rounded(.down)
                let hi = max(lo + 1, (values.map(\.high).max() ?? 5).rounded(.up))
                (low, high, ticks) = (lo, hi, [lo, hi])
            }
        }

        /// The y of a value in a plot from `top` to `bottom`, clamped to the scale.
        func y(_ v: Double, top: Double, bottom: Double) -> Double {
            let c = min(high, max(low, v))
            return bottom - (c - low) / (high - low) * (bottom - top)
        }
    }

    /// One chart: markers row, plot with whiskers, n row, period labels.
    static func svg(
        _ s: PeriodSeries, title: String, drawn: [Int], metric: ChangeMetric, scale: Scale, trends t: Trends,
        language l: Language, theme: Theme
    ) -> String {
        let smallSample = t.periods.smallSample
        let left = 30.0, right = 8.0, step = max(24, 222 / Double(drawn.count))
        let width = left + right + step * Double(drawn.count)
        let (top, bottom, nRow, labelRow, height) = (20.0, 110.0, 124.0, 137.0, 142.0)
        let blue = theme.flowEdge.hex, worse = theme.highlight.hex, better = "#009E73", grey = "#767676"
        func x(_ k: Int) -> Double { left + (Double(k) + 0.5) * step }
        func y(_ v: Double) -> Double { scale.y(v, top: top, bottom: bottom) }
        let h = Escape.html
        var body = ""
        for tick in scale.ticks {
            let dash = tick == 0 && metric == .nps ? " stroke-dasharray=\"3 2\"" : ""
            body +=
                "<line x1=\"\(c(left))\" y1=\"\(c(y(tick)))\" x2=\"\(c(width - right))\" y2=\"\(c(y(tick)))\" stroke=\"#d0d0d0\"\(dash)/>"
            body +=
                "<text x=\"\(c(left - 4))\" y=\"\(c(y(tick) + 3))\" text-anchor=\"end\" font-size=\"9\" fill=\"\(grey)\">\(h(tickLabel(tick, metric, l)))</text>\n"
        }
        body += "<text x=\"\(c(left - 4))\" y=\"\(c(nRow))\" text-anchor=\"end\" font-size=\"9\" fill=\"\(grey)\">n</text>\n"
        // A thin line joins neighbouring periods with a figure; a gap breaks it.
        var run: [String] = []
        func flush() {
            if run.count > 1 { body += "<polyline points=\"\(run.joined(separator: " "))\" fill=\"none\" stroke=\"#b8c4cf\"/>\n" }
            run = []
        }
        for (k, i) in drawn.enumerated() {
            if let v = value(s.points[i], metric).0 { run.append("\(c(x(k))),\(c(y(v.value)))") } else { flush() }
        }
        flush()
        let labelEvery = max(1, Int((40 / step).rounded(.up)))
        var desc: [String] = []
        for (k, i) in drawn.enumerated() {
            let f = s.points[i]
            let (v, n) = value(f, metric)
            let few = n < smallSample
            let label = f.period.label
            if let v {
                let (xs, hi, lo, mid) = (c(x(k)), c(y(v.high)), c(y(v.low)), c(y(v.value)))
                let dash = few ? " stroke-dasharray=\"2 2\"" : ""
                body += "<line x1=\"\(xs)\" y1=\"\(hi)\" x2=\"\(xs)\" y2=\"\(lo)\" stroke=\"\(blue)\"\(dash)/>"
                body += "<line x1=\"\(c(x(k) - 3))\" y1=\"\(hi)\" x2=\"\(c(x(k) + 3))\" y2=\"\(hi)\" stroke=\"\(blue)\"/>"
                body += "<line x1=\"\(c(x(k) - 3))\" y1=\"\(lo)\" x2=\"\(c(x(k) + 3))\" y2=\"\(lo)\" stroke=\"\(blue)\"/>"
                body +=
                    "<circle cx=\"\(xs)\" cy=\"\(mid)\" r=\"3.5\" fill=\"\(few ? "#fff" : blue)\" stroke=\"\(blue)\" stroke-width=\"1.5\"/>\n"
                let item = l(
                    .trendChartPoint, label, valueText(v.value, metric, l),
                    l.range(valueText(v.low, metric, l), valueText(v.high, metric, l)), l.integer(n))
                desc.append(few ? item + ", " + l[.tooFew] : item)
            } else {
                desc.append(l(.trendChartEmpty, label, l.integer(n)))
            }
            let nColour = few ? grey : "#333"
            body +=
                "<text x=\"\(c(x(k)))\" y=\"\(c(nRow))\" text-anchor=\"middle\" font-size=\"9\" fill=\"\(nColour)\"\(few ? " font-style=\"italic\"" : "")>\(h(l.integer(n)))</text>"
            if (drawn.count - 1 - k) % labelEvery == 0 {
                body +=
                    "<text x=\"\(c(x(k)))\" y=\"\(c(labelRow))\" text-anchor=\"middle\" font-size=\"9\" fill=\"\(grey)\">\(h(label))</text>"
            }
            body += "\n"
            // ▼ when the figure got significantly worse into this period, else ▲ when better.
            let hits = t.changes.significant.filter { $0.scope == s.scope && $0.metric == metric && $0.to == label }
            if let ch = hits.first(where: \.isWorse) ?? hits.first {
                body +=
                    "<text x=\"\(c(x(k)))\" y=\"\(c(top - 5))\" text-anchor=\"middle\" font-size=\"13\" fill=\"\(ch.isWorse ? worse : better)\">\(ch.isWorse ? "▼" : "▲")</text>\n"
                desc.append(TrendMarks.mark(ch, l).text)
            }
        }
        let description =
            l(.trendChartDescription, metricName(metric, l), l.integer(smallSample)) + " " + desc.joined(separator: "; ") + "."
        let head =
            "<svg viewBox=\"0 0 \(c(width)) \(c(height))\" role=\"img\" font-family=\"DejaVu Sans,sans-serif\"><title></title>\n"
        let svg = SVGAccessibility.titled(Array((head + body + "</svg>\n").utf8), title: title, description: description)
        return String(decoding: svg, as: UTF8.self)
    }

    /// A figure of a period and the answers behind it.
    static func value(_ f: PeriodFigures, _ m: ChangeMetric) -> (ScoreInterval?, Int) {
        switch m {
        case .nps: (f.nps, f.npsCount)
        case .csatTopBox: (f.csatTopBox, f.csatCount)
        case .csatMean: (f.csatMean, f.csatCount)
        case .cesMean: (f.cesMean, f.cesCount)
        case .negativeShare: (f.negativeShare, f.sentimentCount)
        // Periods carry no index figures; `measure` never picks one.
        case .index: (nil, 0)
        }
    }

    static func metricName(_ m: ChangeMetric, _ l: Language) -> String {
        switch m {
        case .nps: l[.figureNPS]
        case .csatTopBox: l[.figureCSAT]
        case .csatMean, .cesMean: l[.trendCESMean]
        case .negativeShare: l[.figureNegative]
        case .index(let id): id.uppercased()
        }
    }

    static func valueText(_ x: Double, _ m: ChangeMetric, _ l: Language) -> String {
        switch m {
        case .nps: l.signedNumber(x)
        case .csatTopBox, .negativeShare: l.percent(l.number(x))
        case .csatMean, .cesMean: l.fixed(x, 2)
        case .index: l.fixed(x, 1)
        }
    }

    static func tickLabel(_ x: Double, _ m: ChangeMetric, _ l: Language) -> String {
        switch m {
        case .nps: l.signedNumber(x)
        case .csatTopBox, .negativeShare, .index: l.number(x)
        case .csatMean, .cesMean: l.fixed(x, 0)
        }
    }

    /// A coordinate with one decimal, written the same on every machine.
    static func c(_ v: Double) -> String {
        let tenths = Int((v * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let a = abs(tenths)
        return a % 10 == 0 ? sign + String(a / 10) : sign + String(a / 10) + "." + String(a % 10)
    }
}
