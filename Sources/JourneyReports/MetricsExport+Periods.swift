import JourneyAnalysis
import JourneyCore
import JourneyFeedback

/// `metrics --by period`: every period's figures with their intervals for the journey, its
/// stages and touchpoints (CSV), or the same `trends` object as pain-points.json (JSON).
extension MetricsExport {
    static let periodColumns = [
        "level", "id", "period", "first", "last", "n", "responses", "too_few",
        "nps", "nps_low", "nps_high", "nps_n",
        "csat_top2_pct", "csat_top2_low", "csat_top2_high", "csat_mean", "csat_mean_low", "csat_mean_high", "csat_n",
        "ces_mean", "ces_mean_low", "ces_mean_high", "ces_n",
        "negative_pct", "negative_low", "negative_high", "sentiment_n",
    ]

    /// The levels a period table can show (touchpoint, stage, journey), in the order given;
    /// all three when none is given.
    public static func periodLevels(_ levels: [Level]) -> [PeriodScope.Kind] {
        let kinds = levels.compactMap { l -> PeriodScope.Kind? in
            switch l {
            case .touchpoint: return .touchpoint
            case .stage: return .stage
            case .journey: return .journey
            default: return nil
            }
        }
        return kinds.isEmpty ? [.touchpoint, .stage, .journey] : kinds
    }

    /// The series of the chosen levels in journey order; each with every period, oldest first
    /// (empty periods included, so a gap shows as n = 0).
    static func periodSeries(_ j: Journey, _ p: JourneyPeriods, kinds: [PeriodScope.Kind]) -> [PeriodSeries] {
        kinds.flatMap { kind -> [PeriodSeries] in
            switch kind {
            case .touchpoint: return j.touchpoints.compactMap { p.byTouchpoint[$0.id] }
            case .stage: return j.stages.compactMap { p.byStage[$0.id] }
            case .journey: return [p.journey]
            }
        }
    }

    /// One row per scope and period: n, whether it is too few to compare, and each figure with
    /// its interval and its own count. A period with no answers has n = 0 and empty figures.
    public static func periodsCSV(_ j: Journey, _ p: JourneyPeriods, levels: [Level]) -> String {
        var out = periodColumns.joined(separator: ",") + "\n"
        for s in periodSeries(j, p, kinds: periodLevels(levels)) {
            for f in s.points {
                func three(_ i: ScoreInterval?) -> [String] { [num(i?.value), num(i?.low), num(i?.high)] }
                var cells = [s.scope.kind.rawValue, Escape.csvField(s.scope.id), f.period.label, f.period.first, f.period.last]
                cells += ["\(f.n)", "\(f.responses)", f.tooFew ? "true" : "false"]
                cells += three(f.nps) + ["\(f.npsCount)"]
                cells += three(f.csatTopBox) + three(f.csatMean) + ["\(f.csatCount)"]
                cells += three(f.cesMean) + ["\(f.cesCount)"]
                cells += three(f.negativeShare) + ["\(f.sentimentCount)"]
                out += cells.joined(separator: ",") + "\n"
            }
        }
        return out
    }

    /// The period figures and significant changes as pain-points.json's `trends`, keeping only
    /// the series of the chosen levels.
    static func trendsJSON(_ j: Journey, _ t: Trends, levels: [Level]) -> JSONBox {
        var item = JSONReport.trends(t)
        let kinds = Set(periodLevels(levels).map(\.rawValue))
        item.series = item.series.filter { kinds.contains($0.scope.kind) }
        return .raw(item)
    }
}
