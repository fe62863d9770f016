import JourneyCore
import JourneyGraphviz

/// How a map is drawn.
public struct MapOptions: Sendable, Hashable {
    /// Colours and fonts.
    public var theme: Theme = .default
    /// Touchpoints to outline, with their pain-point rank (from the analysis).
    public var highlighted: [String: Int] = [:]
    /// Touchpoints to badge with a short mark ("NEW", "CHANGED": `journeymap diff`).
    public var marks: [String: String] = [:]
    /// Touchpoints with a significant change between periods, and its mark (`report`, from the
    /// trends: TrendMarks.latest).
    public var trends: [String: TrendMark] = [:]
    /// Responses below this are marked as a small sample.
    public var smallSample: Int = 30
    /// Characters per line of a touchpoint title.
    public var titleWidth: Int = 22
    /// Scales every font (posters read from two metres use larger text).
    public var fontScale: Double = 1
    /// Wall-map labels: title, owner and emotion only (channel, marks and figures stay in the
    /// report), so that larger text still fits the sheet.
    public var wallLabels = false
    /// The language of every fixed word and number on the drawing (`style { language … }`,
    /// `--lang`); `Language.resolve` picks it.
    public var language: Language = .en
    /// The poster's paper, when the drawing goes on one: views on grids fit their layout to it.
    public var paper: Paper?
    /// The defaults: the default theme, nothing highlighted or marked.
    public init() {}

    /// How much a map or canvas says (`--detail`).
    public enum Detail: String, Sendable, Codable, CaseIterable {
        /// Workshop labels: short, large, readable from a couple of metres.
        case summary
        /// Analyst figures: n, NPS with its interval, CSAT, CES, sentiment.
        case full
    }

    /// Summary detail is the wall labels of the map; full detail the analyst's figures.
    public var detail: Detail {
        get { wallLabels ? .summary : .full }
        set { wallLabels = newValue == .summary }
    }
}

/// Number formatting for labels: fixed, locale-free, with a real minus sign.
enum Num {
    static func fixed(_ x: Double, _ decimals: Int = 1) -> String {
        let p = decimals == 0 ? 1.0 : decimals == 1 ? 10.0 : 100.0
        let r = (x * p).rounded() / p
        let neg = r < 0
        let a = abs(r)
        var s = String(Int(a))
        if decimals > 0 {
            var frac = String(Int(((a - a.rounded(.down)) * p).rounded()))
            while frac.count < decimals { frac = "0" + frac }
            s += "." + frac
        }
        return (neg ? "−" : "") + s
    }

    static func signed(_ x: Double, _ decimals: Int = 0) -> String {
        let s = fixed(x, decimals)
        return s.hasPrefix("−") || s == fixed(0, decimals) ? s : "+" + s
    }
}
