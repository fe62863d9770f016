import JourneyCore
import JourneyFeedback

/// A change's figures as text, in each figure's own units: NPS signed, shares in percent,
/// means with two decimals (a 1…5 mean needs them to show a change). Diagnostics and the
/// feedback diff print changes with these.
extension MetricChange {
    /// A figure of this change's metric: "+12", "48.5%", "3.42".
    public func text(_ v: Double) -> String {
        switch metric {
        case .nps: return Format.signed(v)
        case .csatTopBox, .negativeShare: return Format.number(v) + "%"
        case .csatMean, .cesMean: return Self.twoDecimals(v)
        case .index: return Format.oneDecimal(v)
        }
    }

    /// A figure with its interval and n: "+12 (95% interval +4.1 to +19.6), n = 400".
    public func sideText(_ s: ScoreInterval, n: Int) -> String {
        "\(text(s.value)) (95% interval \(text(s.low)) to \(text(s.high))), n = \(n)"
    }

    /// The difference with its interval, signed, in the metric's unit: "-30 (95% interval -42.1 to -17.8)".
    public var differenceText: String {
        let d = difference
        func signed(_ x: Double) -> String {
            switch metric {
            case .csatMean, .cesMean: return (x > 0 ? "+" : "") + Self.twoDecimals(x)
            case .index: return (x > 0 ? "+" : "") + Format.oneDecimal(x)
            default: return Format.signed(x)
            }
        }
        return "\(signed(d.value))\(metric.unit) (95% interval \(signed(d.low)) to \(signed(d.high)))"
    }

    /// The adjusted p-value: "< 0.001", else three decimals.
    public var adjustedPText: String { Self.pText(adjustedP) }

    /// A p-value as every change table writes it: "< 0.001", else three decimals ("1" at one).
    public static func pText(_ p: Double) -> String {
        if p < 0.001 { return "< 0.001" }
        let thousandths = Int((p * 1000).rounded())
        let s = String(thousandths)
        return thousandths >= 1000 ? "1" : "0." + String(repeating: "0", count: max(0, 3 - s.count)) + s
    }

    /// Two decimals, locale-free, "-" for negatives (CSAT and CES means in change tables).
    public static func twoDecimals(_ x: Double) -> String {
        let hundredths = Int((abs(x) * 100).rounded())
        let frac = hundredths % 100
        return (x < 0 && hundredths > 0 ? "-" : "") + String(hundredths / 100) + "." + (frac < 10 ? "0" : "") + String(frac)
    }
}

extension ChangeReport {
    /// "Holm-corrected at 5%" and what that promises, in a report's language (English numbers
    /// as `Format` writes them): the What changed section, the trend charts and `diff` share it.
    public func correctionPhrase(in l: Language = .en) -> String {
        let level = l.percent(l == .en ? Format.number(100 * self.level) : l.number(100 * self.level))
        switch correction {
        case .holm: return l(.changesHolm, level)
        case .benjaminiHochberg: return l(.changesBH, level)
        case .none: return l(.changesUncorrected, level)
        }
    }
}
