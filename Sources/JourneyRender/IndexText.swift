import JourneyCore
import JourneyFeedback

/// A composite index as the map and the canvas write it: "CHI 58.0 (56.6–59.4), n=2,000".
/// The id stands for the index (titles are long); the legend of the report gives the title.
enum IndexText {
    /// One text per declared index measured in `m`, in the journey's order; the interval
    /// only when `interval` (full detail) and when there is one. Never without its n.
    static func lines(_ journey: Journey, _ m: Metrics, _ lang: Language, interval: Bool = true) -> [String] {
        lines(journey.indices, m, lang, interval: interval)
    }

    /// The same for a list of indices.
    static func lines(_ indices: [CompositeIndex], _ m: Metrics, _ lang: Language, interval: Bool = true) -> [String] {
        indices.compactMap { index in
            guard let e = m.indices[index.id] else { return nil }
            var s = index.id.uppercased() + " " + lang.fixed(e.value, 1)
            if interval, let i = e.interval { s += " (" + lang.range(lang.fixed(i.low, 1), lang.fixed(i.high, 1)) + ")" }
            return s + ", n=" + lang.integer(e.respondents)
        }
    }
}
