import JourneyCore
import JourneyFeedback

/// Key drivers turned into priorities a manager can act on: importance × performance gap,
/// placed on the importance–performance grid (docs/pain-points.md#priorities).
public enum PriorityAnalysis {
    /// The drivers of `report` with each touchpoint's performance, gap, priority and quadrant;
    /// the gap is worded in `language`.
    public static func summary(
        _ report: KeyDriverReport, journey: Journey, measurements m: JourneyMeasurements, language l: Language = .en
    ) -> DriverSummary {
        let outcome = journey.feedback.lazy.flatMap(\.outcomes).first { $0.id == report.outcomeID }
        var rows: [DriverPriority] = report.drivers.map { d in
            let tp = journey.touchpoint(d.touchpointID)
            let owner = tp?.owner.flatMap { journey.department($0) }
            var row = DriverPriority(
                touchpointID: d.touchpointID, touchpointTitle: tp?.title ?? d.touchpointID,
                ownerID: tp?.owner, ownerTitle: owner?.title, driver: d, performance: nil,
                measure: nil, performanceN: 0, gap: nil, priority: 0, quadrant: nil, gapPhrase: nil)
            if let x = m.byTouchpoint[d.touchpointID], let (p, measure, n) = performance(x) {
                row.performance = p
                row.measure = measure
                row.performanceN = n
                row.gap = 100 - p.value
                row.priority = d.importance.value * (100 - p.value) / 100
                let share = l == .en ? Format.number(100 - p.value) : l.number(100 - p.value)
                row.gapPhrase = l(
                    .explainGap, l.percent(share), gapWords(measure, scale: csatScale(d.touchpointID, journey), language: l),
                    l == .en ? grouped(n) : l.integer(n))
            }
            return row
        }
        let importanceSplit = rows.isEmpty ? 0 : 100 / Double(rows.count)
        let perf = rows.compactMap { $0.performance?.value }
        let performanceSplit = perf.isEmpty ? nil : perf.reduce(0, +) / Double(perf.count)
        for i in rows.indices {
            guard let p = rows[i].performance?.value, let split = performanceSplit else { continue }
            let important = rows[i].driver.importance.value >= importanceSplit
            let good = p >= split
            rows[i].quadrant = important ? (good ? .keepUp : .fixFirst) : (good ? .overServed : .secondary)
            let imp = rows[i].driver.importance, perf = rows[i].performance!
            rows[i].nearQuadrantLine =
                (imp.low <= importanceSplit && importanceSplit <= imp.high) || (perf.low <= split && split <= perf.high)
        }
        rows.sort { a, b in
            if a.priority != b.priority { return a.priority > b.priority }
            if a.driver.importance.value != b.driver.importance.value { return a.driver.importance.value > b.driver.importance.value }
            return a.touchpointID < b.touchpointID
        }
        return DriverSummary(
            keyDrivers: report, outcomeName: outcome?.column ?? report.outcomeID, rows: rows,
            importanceSplit: importanceSplit, performanceSplit: performanceSplit)
    }

    /// The touchpoint's favourable share: CSAT top-two box, else NPS promoters, else CES easy.
    static func performance(_ x: Metrics) -> (ScoreInterval, DriverPriority.Measure, Int)? {
        if x.csatCount > 0, let s = x.csatTopBox { return (s, .csatTopBox, x.csatCount) }
        if x.npsCount > 0, let s = MetricsMath.share(x.promoters, of: x.npsCount) { return (s, .promoters, x.npsCount) }
        if x.cesCount > 0, let easy = x.cesEasy,
            let s = MetricsMath.share(Int((easy * Double(x.cesCount) / 100).rounded()), of: x.cesCount)
        {
            return (s, .cesEasy, x.cesCount)
        }
        return nil
    }

    /// The scale a touchpoint's rating is read on: its `rating … { scale }`, else its file's csat
    /// scale, else 1…5.
    static func csatScale(_ touchpointID: String, _ journey: Journey) -> Scale {
        for f in journey.feedback {
            if let r = f.ratings.first(where: { $0.touchpoint == touchpointID }) { return r.scale ?? f.scales["csat"] ?? .csat }
        }
        return journey.feedback.lazy.compactMap { $0.scales["csat"] }.first ?? .csat
    }

    /// What "not in the top box" means for a customer, e.g. "rate it 3 or lower" on 1…5.
    static func gapWords(_ measure: DriverPriority.Measure, scale: Scale, language l: Language = .en) -> String {
        switch measure {
        case .csatTopBox:
            let below = scale.max - 2
            guard below >= scale.min, below == below.rounded() else { return l[.gapCsatNotTopTwo] }
            return l(.gapCsatBelow, l == .en ? Format.number(below) : l.number(below))
        case .promoters: return l[.gapPromoters]
        case .cesEasy: return l[.gapCesEasy]
        }
    }

    /// 1204 → "1,204": counts read by managers.
    public static func grouped(_ n: Int) -> String {
        let digits = Array(String(abs(n)))
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out += "," }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }
}
