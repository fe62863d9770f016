import JourneyCore

extension DriverPriority.Quadrant {
    /// The quadrant's name in `language` ("fix first", "napraw najpierw"): the key-driver
    /// chart, the reports' tables and the pain-point explanations.
    public func title(in language: Language) -> String {
        switch self {
        case .fixFirst: language[.quadrantFixFirst]
        case .keepUp: language[.quadrantKeepUp]
        case .secondary: language[.quadrantSecondary]
        case .overServed: language[.quadrantOverServed]
        }
    }
}
