import JourneyCore
import JourneyFeedback

/// Checks `target` statements against the joined data.
public enum TargetEvaluation {
    /// Every target of the journey, in document order, judged on the joined data with its interval.
    public static func evaluate(_ journey: Journey, _ m: JourneyMeasurements) -> [TargetResult] {
        journey.targets.map { evaluate($0, in: journey, m) }
    }

    static func scope(_ target: Target, _ journey: Journey, _ m: JourneyMeasurements) -> (String, Metrics?) {
        switch target.scope {
        case .journey: return ("journey", m.journey)
        case .stage(let id): return ("stage \(id)", m.byStage[id])
        case .touchpoint(let id): return ("touchpoint \(id)", m.byTouchpoint[id])
        case .department(let id): return ("department \(id)", m.byDepartment[id])
        case .channel(let id): return ("channel \(id)", m.byChannel[id])
        case .segment(let id): return ("segment \(id)", m.bySegment[id])
        }
    }

    /// The figure a target metric reads, and its interval when it has one.
    public static func figure(_ metric: Target.Metric, _ x: Metrics) -> (Double?, ScoreInterval?) {
        switch metric {
        case .nps: return (x.nps?.value, x.nps)
        case .csat: return (x.csatTopBox?.value, x.csatTopBox)
        case .csatMean: return (x.csatMean, x.csatMeanInterval)
        case .ces: return (x.cesMean, x.cesMeanInterval)
        case .cesEasy: return (x.cesEasy, nil)
        case .negative, .positive:
            let total = x.sentimentTotal
            guard total > 0 else { return (nil, nil) }
            let k = x.sentimentCounts[metric == .negative ? .negative : .positive] ?? 0
            return (100 * Double(k) / Double(total), metric == .negative ? x.negativeShare : nil)
        case .emotion: return (x.measuredEmotion, nil)
        case .responses: return (Double(x.responses), nil)
        }
    }

    static func evaluate(_ t: Target, in journey: Journey, _ m: JourneyMeasurements) -> TargetResult {
        var r = evaluateFigure(t, in: journey, m)
        r.scopeTitle = title(t.scope, journey)
        return r
    }

    /// The scope named by titles, as people read it.
    static func title(_ scope: Target.Scope, _ j: Journey) -> String {
        switch scope {
        case .journey: "the whole journey"
        case .stage(let id): "stage “\(j.stage(id)?.title ?? id)”"
        case .touchpoint(let id): "touchpoint “\(j.touchpoint(id)?.title ?? id)”"
        case .department(let id): "department “\(j.department(id)?.title ?? id)”"
        case .channel(let id): "channel “\(j.channel(id)?.title ?? id)”"
        case .segment(let id): "segment “\(id)”"
        }
    }

    static func evaluateFigure(_ t: Target, in journey: Journey, _ m: JourneyMeasurements) -> TargetResult {
        let (scopeText, metrics) = scope(t, journey, m)
        // An index target reads the index (0–100) and its own n: respondents who answered one of its measures.
        let estimate = t.index.flatMap { metrics?.indices[$0] }
        let (value, interval) = t.index != nil ? (estimate?.value, estimate?.interval) : metrics.map { figure(t.metric, $0) } ?? (nil, nil)
        let goal = "\(t.metricName) \(t.comparison.rawValue) \(Format.number(t.value))\(t.isPercent ? "%" : "")"
        let place = scopeText == "journey" ? "for the journey" : "at \(scopeText)"
        guard let value, let metrics, metrics.responses > 0 else {
            let why =
                t.index != nil && (metrics?.responses ?? 0) > 0
                ? "one of the index's measures has no answers here" : "no responses to judge it"
            return TargetResult(
                target: t, scopeDescription: scopeText, status: .noData, value: nil, interval: nil,
                straddles: false, responses: 0,
                message: "target \(goal) \(place): \(why)")
        }
        let met: Bool
        switch t.comparison {
        case .atLeast: met = value >= t.value
        case .atMost: met = value <= t.value
        case .greater: met = value > t.value
        case .less: met = value < t.value
        }
        let straddles = interval.map { $0.low <= t.value && t.value <= $0.high } ?? false
        var message =
            "target \(goal) \(place) \(met ? "met" : "missed"): \(t.metricName) is \(Format.number(value))\(t.isPercent || (t.index == nil && t.metric == .csat) ? "%" : "")"
        if let interval { message += " (95% interval \(Format.number(interval.low)) to \(Format.number(interval.high)))" }
        // n is respondents (distinct people), not answers (docs/feedback.md#metrics).
        let n = estimate?.respondents ?? metrics.respondents
        message += ", n=\(n)"
        if straddles { message += "; the interval straddles the target, so more data could change the verdict" }
        return TargetResult(
            target: t, scopeDescription: scopeText, status: met ? .met : .missed, value: value,
            interval: interval, straddles: straddles, responses: n, message: message)
    }
}

/// Number formatting shared by every report: fixed, locale-free, deterministic.
public enum Format {
    /// At most one decimal; "-0" never appears.
    public static func number(_ x: Double) -> String {
        let r = (x * 10).rounded() / 10
        if r == r.rounded() { return String(Int(r)) }
        return oneDecimal(r)
    }

    /// Signed, for NPS: "+12", "-4", "0".
    public static func signed(_ x: Double) -> String {
        let s = number(x)
        return x.rounded() > 0 || (s != "0" && !s.hasPrefix("-")) ? "+" + s : s
    }

    /// Always one decimal ("60.0", "-1.3"), without Foundation's locale-dependent formatting
    /// and without "-0.0": indices, changes of an index, loop means.
    public static func oneDecimal(_ x: Double) -> String {
        let tenths = Int((abs(x) * 10).rounded())
        return (x < 0 && tenths > 0 ? "-" : "") + String(tenths / 10) + "." + String(tenths % 10)
    }
}
