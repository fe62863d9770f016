import JourneyCore
import JourneyFeedback

/// Ranks a journey's touchpoints by how much they hurt, with evidence and an owner.
/// The method, and why each part is there, is in docs/pain-points.md.
public enum PainPointAnalysis {
    /// How the ranking treats small samples and what it quotes.
    public struct Options: Sendable {
        /// Responses below this count are a small sample (damped, never hidden).
        public var smallSample: Int = 30
        /// How many comments each pain point quotes.
        public var quotes: Int = 3
        /// Key drivers to rank by (importance × performance gap). Nil: computed from the
        /// journey's first declared outcome when the data has one.
        public var keyDrivers: KeyDriverReport?
        /// The language of the explanations. Nil: the journey's `style { language … }`, else English.
        public var language: Language?
        /// The defaults (docs/pain-points.md).
        public init() {}
    }

    /// The smallest design-only base listed (a touchpoint without feedback data).
    public static let minimumScore = 1.0
    /// The most the emotion curve (dips, gap, low point, peak-end, hand-off) adds to evidence:
    /// × 1.25, so evidence 25% stronger always ranks higher.
    public static let maximumCurveWeight = 1.25

    /// Ranks the journey's touchpoints against the joined data `m` and builds every view of the report.
    public static func analyse(_ journey: Journey, _ m: JourneyMeasurements, options: Options = Options()) -> PainPointReport {
        let tps = journey.touchpoints
        let flows = FlowNeighbours(journey)
        let withData = tps.filter { (m.byTouchpoint[$0.id]?.responses ?? 0) > 0 }.count
        // The worst point of the curve (peak-end rule); a tie gives the weight to every
        // touchpoint sharing the minimum, so document order never decides it.
        let measured = tps.compactMap { tp in m.byTouchpoint[tp.id]?.measuredEmotion.map { (tp.id, $0) } }
        let worstValue = measured.map(\.1).min()
        let worstIDs = Set(measured.filter { abs($0.1 - (worstValue ?? 0)) < 1e-9 }.map(\.0))
        let language = Language.resolve(options.language, style: journey.style)
        let drivers = (options.keyDrivers ?? keyDrivers(journey, m)).map {
            PriorityAnalysis.summary($0, journey: journey, measurements: m, language: language)
        }
        var scored: [PainPoint] = []
        for tp in tps {
            let x = m.byTouchpoint[tp.id]
            var c = ScoreComponents()
            let hasMeasures = x.map { $0.npsCount > 0 || $0.csatCount > 0 || $0.sentimentTotal > 0 } ?? false
            if let x, hasMeasures { impacts(x, m.journey, touchpointsWithData: withData, into: &c) }
            c.evidence = (c.npsImpact + c.csatImpact + c.sentimentImpact) / 20
            c.designOnly = !hasMeasures
            curve(tp, journey, m, flows, into: &c)
            c.isLast = flows.isEnd(tp.id)
            c.isWorst = worstIDs.contains(tp.id)
            if tp.isMomentOfTruth { c.momentOfTruthWeight = 1.5 }
            let score: Double
            if hasMeasures {
                // Evidence first: a touchpoint at least as good as the rest of the journey on
                // every measure is never a pain point, whatever its curve looks like.
                // Worse by a hair within the noise is not a priority either: the evidence must
                // reach 1 (20 points of volume-weighted impact) or clear the journey's figure
                // with its 95% interval on some measure.
                // A key driver needs no such margin: its importance already weighs it, and the
                // priority ranks it.
                let isDriver = drivers?.rows.contains { $0.touchpointID == tp.id && $0.performance != nil } ?? false
                guard c.evidence > 0, let x, isDriver || c.evidence >= 1 || Margin.all(x, m.journey).contains(where: \.isClear) else {
                    continue
                }
                let shape = c.measuredDip + 0.5 * c.designedDip + c.gap + (c.isLocalMinimum ? 0.25 : 0)
                c.curveWeight = 1 + 0.075 * min(shape, 2) + ((c.isLast || c.isWorst) ? 0.05 : 0) + (c.isHandoff ? 0.05 : 0)
                c.confidence = confidence(x, m.journey, smallSample: options.smallSample)
                score = c.evidence * c.curveWeight * c.momentOfTruthWeight * c.confidence
            } else {
                // No feedback: the design is all there is, judged as written (a base under 1,
                // such as one step from "happy" to "neutral", is not a priority).
                let base = 0.5 * c.designedDip + (c.isLocalMinimum ? 0.25 : 0)
                guard base >= minimumScore else { continue }
                c.curveWeight = (c.isLast || c.isWorst ? 1.25 : 1) * (c.isHandoff ? 1.1 : 1)
                score = base * c.curveWeight * c.momentOfTruthWeight
            }
            guard score > 0.0001 else { continue }
            let dept = tp.owner.flatMap { journey.department($0) }
            scored.append(
                PainPoint(
                    rank: 0, touchpointID: tp.id, touchpointTitle: tp.title, stageID: tp.stageID,
                    ownerID: tp.owner, ownerTitle: dept?.title, score: (score * 1000).rounded() / 1000, components: c,
                    explanation: "", metrics: x, declaredPains: tp.pains, opportunities: tp.opportunities,
                    isMomentOfTruth: tp.isMomentOfTruth, isSmallSample: (x?.responses ?? 0) < options.smallSample,
                    priority: drivers?.rows.first { $0.touchpointID == tp.id && $0.performance != nil }))
        }
        // With an outcome, the touchpoints in the driver model come first by priority; the rest
        // follow by score. Ties keep document order (the sort is stable by index).
        let order = Dictionary(uniqueKeysWithValues: tps.enumerated().map { ($1.id, $0) })
        scored.sort { a, b in
            let pa = a.priority?.priority ?? -1, pb = b.priority?.priority ?? -1
            if pa != pb { return pa > pb }
            if a.score != b.score { return a.score > b.score }
            return order[a.touchpointID]! < order[b.touchpointID]!
        }
        for i in scored.indices {
            scored[i].rank = i + 1
            let prevTitle = flows.predecessors[scored[i].touchpointID]?.first.flatMap { journey.touchpoint($0)?.title }
            scored[i].explanation = Explanation.sentence(
                for: scored[i], journey: m.journey, previousTitle: prevTitle,
                outcome: drivers?.outcomeName, language: language)
        }
        let targets = TargetEvaluation.evaluate(journey, m)
        let declared = declaredPains(journey, m, ranked: scored)
        let departments = departmentViews(journey, m, scored, targets)
        return PainPointReport(
            journeyID: journey.id, journeyTitle: journey.title, painPoints: scored,
            declaredPains: declared, departments: departments, targets: targets, measurements: m,
            drivers: drivers)
    }

    /// The key drivers of the journey's first declared outcome that has data, or nil.
    static func keyDrivers(_ journey: Journey, _ m: JourneyMeasurements) -> KeyDriverReport? {
        for outcome in journey.feedback.flatMap(\.outcomes) {
            guard let moments = m.driverMoments[outcome.id] else { continue }
            let kind = m.outcomeKinds[outcome.id] ?? outcome.kind
            if let r = KeyDriverAnalysis.analyse(moments, kind: kind, outcomeID: outcome.id), !r.drivers.isEmpty { return r }
        }
        return nil
    }

    /// The shape of the emotion curve around `tp`, along the declared flows only: the drop from
    /// every touchpoint customers reach it from (the smallest, so that a drop one way in is not
    /// blamed on a touchpoint reached another way), the blind-spot gap, a low point lower than
    /// every neighbour, and a hand-off from another department on some way in.
    static func curve(
        _ tp: Touchpoint, _ journey: Journey, _ m: JourneyMeasurements, _ flows: FlowNeighbours,
        into c: inout ScoreComponents
    ) {
        let preds = (flows.predecessors[tp.id] ?? []).compactMap { journey.touchpoint($0) }
        let x = m.byTouchpoint[tp.id]
        if !preds.isEmpty {
            if let b = tp.emotion?.value {
                let drops = preds.map { p in p.emotion.map { Double(max(0, $0.value - b)) } ?? 0 }
                c.designedDip = drops.min() ?? 0
            }
            if let b = x?.measuredEmotion {
                let drops = preds.map { p in m.byTouchpoint[p.id]?.measuredEmotion.map { max(0, $0 - b) } ?? 0 }
                c.measuredDip = drops.min() ?? 0
            }
            c.isHandoff = preds.contains { p in p.owner != nil && tp.owner != nil && p.owner != tp.owner }
        }
        if let d = tp.emotion?.value, let e = x?.measuredEmotion { c.gap = max(0, Double(d) - e) }
        if let v = emotion(tp, m) {
            let around = ((flows.predecessors[tp.id] ?? []) + (flows.successors[tp.id] ?? []))
                .compactMap { journey.touchpoint($0) }.compactMap { emotion($0, m) }
            c.isLocalMinimum = !around.isEmpty && around.allSatisfy { v < $0 }
        }
    }

    /// (k/N)(T − R) for NPS, CSAT top box and negative sentiment, kept only when it hurts, and
    /// scaled by the number of touchpoints with data so an average-volume touchpoint counts fully.
    static func impacts(_ t: Metrics, _ j: Metrics, touchpointsWithData: Int, into c: inout ScoreComponents) {
        let scale = Double(max(1, touchpointsWithData))
        if j.npsCount > t.npsCount, t.npsCount > 0 {
            let rest = j.npsCount - t.npsCount
            let restNPS = 100 * Double((j.promoters - t.promoters) - (j.detractors - t.detractors)) / Double(rest)
            let tNPS = 100 * Double(t.promoters - t.detractors) / Double(t.npsCount)
            c.npsImpact = max(0, Double(t.npsCount) / Double(j.npsCount) * (restNPS - tNPS)) * scale
        }
        if j.csatCount > t.csatCount, t.csatCount > 0, let tp = t.csatTopBox?.value, let jp = j.csatTopBox?.value {
            let tTop = tp / 100 * Double(t.csatCount)
            let jTop = jp / 100 * Double(j.csatCount)
            let restPct = 100 * (jTop - tTop) / Double(j.csatCount - t.csatCount)
            c.csatImpact = max(0, Double(t.csatCount) / Double(j.csatCount) * (restPct - tp)) * scale
        }
        let tTotal = t.sentimentTotal, jTotal = j.sentimentTotal
        if jTotal > tTotal, tTotal > 0 {
            let tNeg = Double(t.sentimentCounts[.negative] ?? 0)
            let jNeg = Double(j.sentimentCounts[.negative] ?? 0)
            let tShare = 100 * tNeg / Double(tTotal)
            let restShare = 100 * (jNeg - tNeg) / Double(jTotal - tTotal)
            c.sentimentImpact = max(0, Double(tTotal) / Double(jTotal) * (tShare - restShare)) * scale
        }
    }

    /// 1 for a full sample whose interval clears the journey's figure; less for small samples
    /// (√(n/threshold)) and when the NPS interval overlaps the journey's NPS (× 0.6).
    static func confidence(_ t: Metrics?, _ j: Metrics, smallSample: Int) -> Double {
        guard let t, t.responses > 0 else { return 1 }  // designed-only evidence: judged as written
        var c = min(1, (Double(t.responses) / Double(max(1, smallSample))).squareRoot())
        if let i = t.nps, let jn = j.nps?.value, i.low <= jn, jn <= i.high { c *= 0.6 }
        return c
    }

    static func emotion(_ tp: Touchpoint, _ m: JourneyMeasurements) -> Double? {
        m.byTouchpoint[tp.id]?.measuredEmotion ?? tp.emotion.map { Double($0.value) }
    }

    /// A declared pain is confirmed when the data lists the touchpoint as a pain point with a
    /// clear margin: on at least one measure its 95% interval lies wholly on the bad side of the
    /// journey's figure. The evidence names the numbers either way.
    static func declaredPains(_ journey: Journey, _ m: JourneyMeasurements, ranked: [PainPoint]) -> [DeclaredPain] {
        journey.touchpoints.flatMap { tp in
            tp.pains.map { text in
                guard let x = m.byTouchpoint[tp.id], x.responses > 0 else {
                    return DeclaredPain(
                        touchpointID: tp.id, text: text, status: .noData, evidence: "no responses joined to this touchpoint")
                }
                let margins = Margin.all(x, m.journey)
                let clear = margins.filter(\.isClear)
                let listed = ranked.first { $0.touchpointID == tp.id }
                var words: [String] = []
                if let listed {
                    words.append("ranks #\(listed.rank) of \(ranked.count)")
                } else {
                    words.append("not among the pain points")
                }
                let shown = clear.isEmpty ? margins.prefix(1) : clear.prefix(2)
                words += shown.map(\.words)
                if clear.isEmpty, margins.contains(where: \.isWorse) { words.append("worse than the journey only within the noise") }
                if x.isSmallSample { words.append("n = \(x.responses), a small sample") } else { words.append("n = \(x.responses)") }
                let status: DeclaredPain.Status = listed != nil && !clear.isEmpty ? .confirmed : .notConfirmed
                return DeclaredPain(touchpointID: tp.id, text: text, status: status, evidence: words.joined(separator: "; "))
            }
        }
    }

    static func departmentViews(
        _ journey: Journey, _ m: JourneyMeasurements, _ ranked: [PainPoint],
        _ targets: [TargetResult]
    ) -> [DepartmentView] {
        journey.departments.compactMap { d in
            let owned = journey.touchpoints.filter { $0.owner == d.id }
            let ownedIDs = Set(owned.map(\.id))
            let stageIDs = Set(journey.stages.filter { s in s.touchpoints.contains { $0.owner == d.id } }.map(\.id))
            guard !owned.isEmpty else { return nil }
            let missed = targets.filter { r in
                guard r.status == .missed else { return false }
                switch r.target.scope {
                case .department(let id): return id == d.id
                case .touchpoint(let id): return ownedIDs.contains(id)
                case .stage(let id): return stageIDs.contains(id)
                default: return false
                }
            }
            return DepartmentView(
                id: d.id, title: d.title, touchpoints: owned.map(\.id), metrics: m.byDepartment[d.id],
                painPoints: ranked.filter { $0.ownerID == d.id }, missedTargets: missed,
                opportunities: owned.flatMap { tp in tp.opportunities.map { OpportunityItem(touchpointID: tp.id, text: $0) } })
        }
    }
}
