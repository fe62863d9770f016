import JourneyCore
import JourneyFeedback

/// Ranks a journey's touchpoints by how much they hurt, with evidence and an owner.
/// The method, and why each part is there, is in docs/pain-points.md.
public enum PainPointAnalysis {
    public struct Options: Sendable {
        /// Responses below this count are a small sample (damped, never hidden).
        public var smallSample: Int = 30
        /// How many comments each pain point quotes.
        public var quotes: Int = 3
        public init() {}
    }

    /// The smallest base listed for a touchpoint customers do not rate worse than the rest.
    public static let minimumScore = 1.0

    public static func analyse(_ journey: Journey, _ m: JourneyMeasurements, options: Options = Options()) -> PainPointReport {
        let tps = journey.touchpoints
        let predecessor = sequencePredecessors(journey)
        let withData = tps.filter { (m.byTouchpoint[$0.id]?.responses ?? 0) > 0 }.count
        // The worst point of the curve (peak-end rule); a tie gives the weight to every
        // touchpoint sharing the minimum, so document order never decides it.
        let measured = tps.compactMap { tp in m.byTouchpoint[tp.id]?.measuredEmotion.map { (tp.id, $0) } }
        let worstValue = measured.map(\.1).min()
        let worstIDs = Set(measured.filter { abs($0.1 - (worstValue ?? 0)) < 1e-9 }.map(\.0))
        var scored: [PainPoint] = []
        for (index, tp) in tps.enumerated() {
            let x = m.byTouchpoint[tp.id]
            var c = ScoreComponents()
            if let x, x.responses > 0 {
                impacts(x, m.journey, touchpointsWithData: withData, into: &c)
            }
            let prev = predecessor[tp.id].flatMap { journey.touchpoint($0) }
            if let prev {
                if let a = prev.emotion?.value, let b = tp.emotion?.value { c.designedDip = Double(max(0, a - b)) }
                if let a = m.byTouchpoint[prev.id]?.measuredEmotion, let b = x?.measuredEmotion { c.measuredDip = max(0, a - b) }
                if let a = prev.owner, let b = tp.owner, a != b { c.isHandoff = true; c.handoffWeight = 1.1 }
            }
            c.isLocalMinimum = isLocalMinimum(index, tps, m)
            if let d = tp.emotion?.value, let e = x?.measuredEmotion { c.gap = max(0, Double(d) - e) }
            if tp.isMomentOfTruth { c.momentOfTruthWeight = 1.5 }
            c.isLast = index == tps.count - 1
            c.isWorst = worstIDs.contains(tp.id)
            if c.isLast || c.isWorst { c.peakEndWeight = 1.25 }
            c.confidence = confidence(x, m.journey, smallSample: options.smallSample)
            let base = c.npsImpact / 20 + c.csatImpact / 20 + c.sentimentImpact / 20
                + c.measuredDip + 0.5 * c.designedDip + c.gap + (c.isLocalMinimum ? 0.25 : 0)
            let score = base * c.momentOfTruthWeight * c.peakEndWeight * c.handoffWeight * c.confidence
            // A touchpoint customers rate below the rest of the journey is always listed. One
            // with only a small gap or dip (base under 1) is noise, not a priority
            // (docs/pain-points.md).
            let reportedWorse = c.npsImpact + c.csatImpact + c.sentimentImpact > 0
            guard score > 0.0001, reportedWorse || base >= PainPointAnalysis.minimumScore else { continue }
            let dept = tp.owner.flatMap { journey.department($0) }
            scored.append(PainPoint(
                rank: 0, touchpointID: tp.id, touchpointTitle: tp.title, stageID: tp.stageID,
                ownerID: tp.owner, ownerTitle: dept?.title, score: (score * 1000).rounded() / 1000, components: c,
                explanation: "", metrics: x, declaredPains: tp.pains, opportunities: tp.opportunities,
                isMomentOfTruth: tp.isMomentOfTruth, isSmallSample: (x?.responses ?? 0) < options.smallSample))
        }
        // Highest score first; ties keep document order (the sort is stable by index).
        let order = Dictionary(uniqueKeysWithValues: tps.enumerated().map { ($1.id, $0) })
        scored.sort { ($0.score, -order[$0.touchpointID]!) > ($1.score, -order[$1.touchpointID]!) }
        for i in scored.indices {
            scored[i].rank = i + 1
            let prevTitle = predecessor[scored[i].touchpointID].flatMap { journey.touchpoint($0)?.title }
            scored[i].explanation = Explanation.sentence(for: scored[i], journey: m.journey, previousTitle: prevTitle)
        }
        let targets = TargetEvaluation.evaluate(journey, m)
        let declared = declaredPains(journey, m, ranked: scored)
        let departments = departmentViews(journey, m, scored, targets)
        return PainPointReport(journeyID: journey.id, journeyTitle: journey.title, painPoints: scored,
                               declaredPains: declared, departments: departments, targets: targets, measurements: m)
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

    /// The touchpoint before each one in document order (the default flow).
    static func sequencePredecessors(_ journey: Journey) -> [String: String] {
        var result: [String: String] = [:]
        for f in journey.flows where f.kind == .sequence { result[f.to] = f.from }
        return result
    }

    static func emotion(_ tp: Touchpoint, _ m: JourneyMeasurements) -> Double? {
        m.byTouchpoint[tp.id]?.measuredEmotion ?? tp.emotion.map { Double($0.value) }
    }

    static func isLocalMinimum(_ i: Int, _ tps: [Touchpoint], _ m: JourneyMeasurements) -> Bool {
        guard let v = emotion(tps[i], m) else { return false }
        let left = i > 0 ? emotion(tps[i - 1], m) : nil
        let right = i + 1 < tps.count ? emotion(tps[i + 1], m) : nil
        guard left != nil || right != nil else { return false }
        return (left.map { v < $0 } ?? true) && (right.map { v < $0 } ?? true)
    }

    static func declaredPains(_ journey: Journey, _ m: JourneyMeasurements, ranked: [PainPoint]) -> [DeclaredPain] {
        let top = Set(ranked.prefix(max(3, ranked.count / 3)).map(\.touchpointID))
        return journey.touchpoints.flatMap { tp in
            tp.pains.map { text in
                let status: DeclaredPain.Status
                if (m.byTouchpoint[tp.id]?.responses ?? 0) == 0 {
                    status = .noData
                } else {
                    status = top.contains(tp.id) ? .confirmed : .notConfirmed
                }
                return DeclaredPain(touchpointID: tp.id, text: text, status: status)
            }
        }
    }

    static func departmentViews(_ journey: Journey, _ m: JourneyMeasurements, _ ranked: [PainPoint],
                                _ targets: [TargetResult]) -> [DepartmentView] {
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
