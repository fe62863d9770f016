import JourneyAnalysis
import JourneyCore
import JourneyFeedback

/// Trends as the workflow computes them: the period unit from `--period`, else the journey's
/// `period`, else month; one join per period (FeedbackPeriods).
public enum TrendStep {
    /// The unit in force for a journey.
    public static func unit(_ journey: Journey, _ settings: JoinOptions) -> PeriodUnit {
        settings.period.flatMap(PeriodUnit.init(rawValue:)) ?? journey.period.flatMap(PeriodUnit.init(rawValue:)) ?? .month
    }

    /// The journey's feedback by period (`all`: the whole join, already made).
    public static func periods(_ journey: Journey, all: JourneyMeasurements, settings: JoinOptions) -> JourneyPeriods {
        FeedbackPeriods.group(journey, all: all, unit: unit(journey, settings), options: settings)
    }

    /// Periods and their significant changes; nil when no response has a date.
    public static func trends(_ journey: Journey, all: JourneyMeasurements, settings: JoinOptions) -> Trends? {
        guard all.firstDate != nil else { return nil }
        var change = ChangeSettings()
        change.minimumN = settings.smallSample
        change.cesLowerIsBetter = cesLowerIsBetter(journey)
        return Trends.analyse(periods(journey, all: all, settings: settings), settings: change)
    }

    /// CES direction: the first declared CES scale's, else the default (lower is better).
    static func cesLowerIsBetter(_ journey: Journey) -> Bool {
        journey.feedback.lazy.compactMap { $0.scales["ces"] }.first?.lowerIsBetter ?? Scale.ces.lowerIsBetter
    }
}
