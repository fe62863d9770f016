import JourneyCore

extension SegmentFigure {
    /// The figure's name in `language` ("NPS", "% negatywnych opinii"): the heat map and the
    /// reports' segment sections.
    public func title(in language: Language) -> String {
        switch self {
        case .nps: language[.figureNPS]
        case .csat: language[.figureCSAT]
        case .negative: language[.figureNegative]
        case .share: language[.figureShare]
        }
    }
}
