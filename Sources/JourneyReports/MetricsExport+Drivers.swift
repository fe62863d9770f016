import Foundation
import JourneyAnalysis
import JourneyCore
import JourneyFeedback

/// `journeymap metrics --drivers`: key drivers of each outcome (docs/feedback.md#key-drivers).
extension MetricsExport {
    static let driverColumns = [
        "outcome", "touchpoint", "rank", "n", "importance_pct", "importance_low", "importance_high",
        "raw_weight", "correlation", "correlation_low", "correlation_high",
        "r_squared", "r_squared_low", "r_squared_high", "respondents", "resamples", "note",
    ]

    /// One row per touchpoint and outcome: ranked drivers first, then the touchpoints left out
    /// of the model (no rank or figures, the reason in `note`). Outcomes in id order.
    public static func driversCSV(_ reports: [KeyDriverReport]) -> String {
        driverColumns.joined(separator: ",") + "\n" + driverRows(reports).map { $0 + "\n" }.joined()
    }

    /// The rows of `driversCSV`, without the header (the per-period table prefixes each).
    static func driverRows(_ reports: [KeyDriverReport]) -> [String] {
        var out: [String] = []
        for rep in reports {
            let r2 = rep.rSquared
            let tail = [w(r2?.value), w(r2?.low), w(r2?.high), "\(rep.respondents)", "\(rep.resamplesUsed)"]
            for d in rep.drivers {
                let cells = [
                    Escape.csvField(rep.outcomeID), Escape.csvField(d.touchpointID), "\(d.rank)", "\(d.n)",
                    num(d.importance.value), num(d.importance.low), num(d.importance.high),
                    w(d.rawWeight), w(d.correlation), w(d.correlationInterval?.low), w(d.correlationInterval?.high),
                ]
                out.append((cells + tail + [""]).joined(separator: ","))
            }
            for e in rep.excluded {
                let cells =
                    [Escape.csvField(rep.outcomeID), Escape.csvField(e.touchpointID), "", "\(e.n)"] + Array(repeating: "", count: 7)
                out.append((cells + tail + [Escape.csvField(e.reason)]).joined(separator: ","))
            }
        }
        return out
    }

    /// `metrics --by period --drivers` (CSV): the drivers table with the period first, one
    /// block per period, oldest first.
    public static func driversByPeriodCSV(_ periods: [(period: Period, reports: [KeyDriverReport])]) -> String {
        var out = (["period", "first", "last"] + driverColumns).joined(separator: ",") + "\n"
        for (period, reports) in periods {
            let lead = [period.label, period.first, period.last].map(Escape.csvField).joined(separator: ",") + ","
            for row in driverRows(reports) { out += lead + row + "\n" }
        }
        return out
    }

    /// The `driversByPeriod` member of the metrics JSON: each period with its `drivers`.
    public static func driversByPeriodJSON(_ periods: [(period: Period, reports: [KeyDriverReport])]) -> JSONBox {
        .array(
            periods.map { p in
                .object([
                    "period": .string(p.period.label), "first": .string(p.period.first), "last": .string(p.period.last),
                    "drivers": driversJSON(p.reports),
                ])
            })
    }

    /// The `drivers` member of the metrics JSON (shape in docs/feedback.md#key-drivers).
    public static func driversJSON(_ reports: [KeyDriverReport]) -> JSONBox {
        func interval(_ i: ScoreInterval?, _ round: (Double) -> Double) -> JSONBox {
            guard let i else { return .null }
            return .object(["value": .double(round(i.value)), "low": .double(round(i.low)), "high": .double(round(i.high))])
        }
        return .array(
            reports.map { rep in
                .object([
                    "outcome": .string(rep.outcomeID), "model": .string(rep.model), "missingRule": .string(rep.missingRule),
                    "respondents": .int(rep.respondents), "smallestPairN": .int(rep.smallestPairN),
                    "rSquared": interval(rep.rSquared, r4),
                    "bootstrap": .object([
                        "resamples": .int(rep.resamples), "used": .int(rep.resamplesUsed),
                        "seed": .int(Int(truncatingIfNeeded: rep.seed)), "groups": .int(rep.groups),
                    ]),
                    "touchpoints": .array(
                        rep.drivers.map { d in
                            .object([
                                "touchpoint": .string(d.touchpointID), "rank": .int(d.rank), "n": .int(d.n),
                                "importance": interval(d.importance, r), "rawWeight": .double(r4(d.rawWeight)),
                                "correlation": interval(
                                    d.correlationInterval ?? ScoreInterval(value: d.correlation, low: d.correlation, high: d.correlation),
                                    r4),
                            ])
                        }),
                    "excluded": .array(
                        rep.excluded.map {
                            .object(["touchpoint": .string($0.touchpointID), "n": .int($0.n), "reason": .string($0.reason)])
                        }),
                    "notes": .array(rep.notes.map { .string($0) }),
                ])
            })
    }

    static func r4(_ x: Double) -> Double { (x * 10_000).rounded() / 10_000 }

    /// Weights, correlations and R² with four decimals ("" when absent).
    static func w(_ x: Double?) -> String {
        guard let x else { return "" }
        let v = r4(x)
        return v == v.rounded() ? String(Int(v)) : String(v)
    }
}
