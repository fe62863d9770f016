import JourneyCore
import JourneyFeedback

/// What changed between two versions of a journey: touchpoints added, removed, moved,
/// renamed; emotion and owner changes; metric changes; new and resolved pain points.
public struct JourneyDiff: Sendable {
    /// One change to a touchpoint (ids are the touchpoint's; stages by id).
    public enum Change: Hashable, Sendable {
        case added(id: String, title: String, stage: String)
        case removed(id: String, title: String, stage: String)
        case moved(id: String, from: String, to: String)
        case renamed(id: String, from: String, to: String)
        case emotion(id: String, from: Int?, to: Int?)
        case owner(id: String, from: String?, to: String?)
        case momentOfTruth(id: String, now: Bool)
    }
    /// A touchpoint's figures before and after (nil: no data on that side).
    public struct MetricChange: Hashable, Sendable {
        /// The touchpoint's id.
        public var id: String
        /// Its figures in the old version.
        public var before: Metrics?
        /// Its figures in the new version.
        public var after: Metrics?
    }

    /// Structural changes: added, removed, moved and renamed touchpoints, then changed emotions, owners and moments of truth.
    public var changes: [Change]
    /// Touchpoints whose figures changed.
    public var metrics: [MetricChange]
    /// Pain points in the new version's top that were not in the old one's.
    public var newPainPoints: [PainPoint]
    /// Pain points in the old version's top that left it.
    public var resolvedPainPoints: [PainPoint]

    /// Touchpoint id → a short mark for the map ("new", "changed").
    public var marks: [String: String] {
        var m: [String: String] = [:]
        for c in changes {
            switch c {
            case .added(let id, _, _): m[id] = "NEW"
            case .removed: break
            case .moved(let id, _, _), .renamed(let id, _, _), .emotion(let id, _, _), .owner(let id, _, _), .momentOfTruth(let id, _):
                if m[id] == nil { m[id] = "CHANGED" }
            }
        }
        return m
    }

    /// The differences from `a` to `b`; `top` pain points of each side are compared.
    public static func compare(
        old a: Journey, new b: Journey, oldMeasurements ma: JourneyMeasurements?, newMeasurements mb: JourneyMeasurements?, top: Int = 5
    ) -> JourneyDiff {
        var changes: [Change] = []
        let oldTPs = Dictionary(uniqueKeysWithValues: a.touchpoints.map { ($0.id, $0) })
        let newTPs = Dictionary(uniqueKeysWithValues: b.touchpoints.map { ($0.id, $0) })
        for t in b.touchpoints where oldTPs[t.id] == nil { changes.append(.added(id: t.id, title: t.title, stage: t.stageID)) }
        for t in a.touchpoints where newTPs[t.id] == nil { changes.append(.removed(id: t.id, title: t.title, stage: t.stageID)) }
        for t in b.touchpoints {
            guard let o = oldTPs[t.id] else { continue }
            if o.stageID != t.stageID { changes.append(.moved(id: t.id, from: o.stageID, to: t.stageID)) }
            if o.title != t.title { changes.append(.renamed(id: t.id, from: o.title, to: t.title)) }
            if o.emotion != t.emotion { changes.append(.emotion(id: t.id, from: o.emotion?.value, to: t.emotion?.value)) }
            if o.owner != t.owner { changes.append(.owner(id: t.id, from: o.owner, to: t.owner)) }
            if o.isMomentOfTruth != t.isMomentOfTruth { changes.append(.momentOfTruth(id: t.id, now: t.isMomentOfTruth)) }
        }
        var metrics: [MetricChange] = []
        if ma != nil || mb != nil {
            for t in b.touchpoints {
                let x = ma?.byTouchpoint[t.id], y = mb?.byTouchpoint[t.id]
                if x?.responses != y?.responses || x?.nps != y?.nps || x?.csatTopBox != y?.csatTopBox {
                    metrics.append(MetricChange(id: t.id, before: x, after: y))
                }
            }
        }
        let ra = PainPointAnalysis.analyse(a, ma ?? JourneyMeasurements()).painPoints.prefix(top)
        let rb = PainPointAnalysis.analyse(b, mb ?? JourneyMeasurements()).painPoints.prefix(top)
        let aIDs = Set(ra.map(\.touchpointID)), bIDs = Set(rb.map(\.touchpointID))
        return JourneyDiff(
            changes: changes, metrics: metrics,
            newPainPoints: rb.filter { !aIDs.contains($0.touchpointID) },
            resolvedPainPoints: ra.filter { !bIDs.contains($0.touchpointID) })
    }
}
