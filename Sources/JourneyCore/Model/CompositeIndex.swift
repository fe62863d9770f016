/// `index chi "Customer Health Index" = 0.5 nps + 0.3 csat + 0.2 ces`: a weighted sum of
/// measures, each first put on 0–100 with higher always better (docs/feedback.md#composite-indices).
public struct CompositeIndex: Hashable, Sendable {
    /// A measure an index may combine, and how it is put on 0–100.
    public enum Component: String, Hashable, Sendable, CaseIterable {
        /// NPS −100…100 → (NPS + 100) / 2.
        case nps
        /// The CSAT mean on its declared scale → (mean − min) / (max − min) · 100.
        case csat
        /// The CES mean on its declared scale, turned round when lower is better (the
        /// default 1…7 scale): (max − mean) / (max − min) · 100, so 100 is "very easy".
        case ces
        /// Negative sentiment share in percent → 100 − share.
        case negative
    }

    /// One weighted term of the index.
    public struct Term: Hashable, Sendable {
        /// The measure.
        public var component: Component
        /// Its weight as written (positive).
        public var weight: Double
        /// Where the term's measure is written (a component the data lacks points here).
        public var range: SourceRange
        /// A term from its parts.
        public init(component: Component, weight: Double, range: SourceRange) {
            self.component = component
            self.weight = weight
            self.range = range
        }
    }

    /// The index's id (`target ID >= 70` names it), unique among indices and not a metric name.
    public var id: String
    /// The name shown in maps and reports (the id when none is written).
    public var title: String
    /// The terms in the order written, each component once.
    public var terms: [Term]
    /// Where the index is declared.
    public var range: SourceRange

    /// An index from its parts.
    public init(id: String, title: String, terms: [Term], range: SourceRange) {
        self.id = id
        self.title = title
        self.terms = terms
        self.range = range
    }

    /// The sum of the weights as written (1 in a well-formed index).
    public var weightSum: Double { terms.reduce(0) { $0 + $1.weight } }

    /// Each weight divided by the weights' sum, so the index stays on 0–100 even when the
    /// written weights do not sum to 1 (a warning, JM231).
    public var normalisedWeights: [Double] {
        let s = weightSum
        return terms.map { s > 0 ? $0.weight / s : 0 }
    }

    /// `0.5 nps + 0.3 csat + 0.2 ces`, as `fmt` writes it.
    public var formula: String {
        terms.map { "\(CompositeIndex.weightText($0.weight)) \($0.component.rawValue)" }.joined(separator: " + ")
    }

    /// An answer on 0–100 of its scale, higher better: (v − min) / (max − min) · 100, or
    /// (max − v) / (max − min) · 100 when lower is better (CES); 0 on a scale of one point.
    public static func score(_ v: Double, on scale: Scale) -> Double {
        let span = scale.max - scale.min
        guard span > 0 else { return 0 }
        return 100 * (scale.lowerIsBetter ? scale.max - v : v - scale.min) / span
    }

    /// A weight without a trailing `.0` (`0.5`, `1`).
    static func weightText(_ w: Double) -> String {
        w == w.rounded() && abs(w) < 1e15 ? String(Int(w)) : String(w)
    }
}
