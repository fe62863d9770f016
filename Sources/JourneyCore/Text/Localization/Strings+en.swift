// The English table: every phrase and counted noun (docs/languages.md).
extension Strings {
    static func en(_ phrase: Phrase) -> String {
        switch phrase {
        // MARK: Words shared by every view
        case .stage: "Stage"
        case .touchpoint: "Touchpoint"
        case .touchpoints: "Touchpoints"
        case .owner: "Owner"
        case .owners: "Owners:"
        case .department: "Department"
        case .channel: "Channel"
        case .persona: "Persona: {1}"
        case .segment: "segment {1}"
        case .goal: "goal: {1}"
        case .customerData: "Customer data: {1}"
        case .dateRange: "{1} to {2}"
        case .all: "All"
        case .noneGiven: "none"
        case .noOwner: "no owner"
        case .noChannel: "no channel"
        case .noData: "no data"
        case .quoted: "“{1}”"
        case .more: "+{1} more"
        case .viewMap: "map"
        case .viewCurve: "emotion curve"
        case .viewBlueprint: "service blueprint"
        case .viewOwnership: "ownership"
        case .viewDrivers: "key drivers"
        case .tiled: "{1}: {2}, tiled"
        // MARK: Emotions
        case .emotion: "Emotion:"
        case .emotionValue: "emotion {1}"
        case .emotionAngry: "angry"
        case .emotionFrustrated: "frustrated"
        case .emotionNeutral: "neutral"
        case .emotionHappy: "happy"
        case .emotionDelighted: "delighted"
        case .measured: "measured"
        case .designedEmotion: "designed emotion"
        case .measuredEmotion: "measured emotion"
        case .noEmotion: "no emotion"
        case .emotionNotSet: "emotion not set"
        // MARK: The map: header, legend, touchpoint labels
        case .momentOfTruth: "moment of truth"
        case .knownPain: "known pain"
        case .opportunity: "opportunity"
        case .backstage: "backstage"
        case .nextStep: "next step"
        case .branchOrLoop: "branch / loop"
        case .designedToMeasured: "emotion: designed → measured (bold)"
        case .painPointNumber: "PAIN POINT #{1}"
        case .smallSample: "small sample: read with care"
        case .negativeShare: "{1} neg"
        // MARK: Emotion curve
        case .curveTitle: "Emotion curve: {1}"
        case .measuredEmotionOutlined: "measured emotion (from feedback; outlined: top pain points)"
        case .designedOnly: "(no feedback data: designed emotion only)"
        // MARK: Service blueprint
        case .blueprintTitle: "Service blueprint: {1}"
        case .laneCustomerActions: "Customer actions"
        case .laneFrontstage: "Frontstage (touchpoints)"
        case .laneBackstage: "Backstage"
        case .laneSupport: "Support processes"
        case .lineOfInteraction: "line of interaction"
        case .lineOfVisibility: "line of visibility"
        case .lineOfInternalInteraction: "line of internal interaction"
        // MARK: Ownership
        case .ownershipCaption: "Touchpoints owned per stage, tinted by measured emotion; ⚑ a missed target"
        case .ownershipTitle: "Who owns what: {1}"
        // MARK: Accessible names in the SVG map (screen readers)
        case .a11yJourneyMap: "Journey map: {1}"
        case .a11yPersonas: "Personas: {1}."
        case .a11yStageNumbered: "Stage {1}: {2}"
        case .a11yStage: "Stage {1}."
        case .a11yChannel: "Channel: {1}."
        case .a11yOwner: "Owner: {1}."
        case .a11yDesignedEmotion: "Designed emotion: {1} ({2})."
        case .a11yMeasuredEmotion: "Measured emotion {1}."
        case .a11yMomentOfTruth: "Moment of truth."
        case .a11yPain: "Pain: {1}."
        case .a11yOpportunity: "Opportunity: {1}."
        case .a11yFlow: "From {1} to {2}"
        // MARK: Journey canvas
        case .canvasLaneTouchpoints: "Touchpoints and channels"
        case .canvasLaneOwners: "Owners"
        case .canvasLaneEmotion: "Emotion"
        case .canvasLanePains: "Pains"
        case .canvasLaneOpportunities: "Opportunities"
        case .canvasLaneKPIs: "KPIs and targets"
        case .canvasLaneBackstage: "Backstage and support"
        case .canvasDesigned: "designed"
        case .canvasSupport: "support · {1}"
        case .canvasTarget: "target {1}"
        case .canvasSmallSample: "small sample"
        case .canvasNegativeComments: "{1} negative comments"
        // MARK: Report chart
        case .reportTitle: "Pain points: {1}"
        case .rankScore: "Score"
        case .rankPriority: "Priority"
        case .chartFigures: "NPS · CSAT · negative"
        case .designOnly: "design only"
        case .noPainPointsChart: "No pain points: no touchpoint scores below the rest of the journey."
        case .journeyNPS: "journey NPS {1}"
        case .targetsMet: "targets met {1} of {2}"
        case .barsPainScore: "bars: pain score (docs/pain-points.md)"
        case .barsPriority: "bars: priority = importance × share not in the top box (docs/pain-points.md)"
        }
    }

    static func en(_ noun: Counted) -> PluralForms {
        switch noun {
        case .pain: PluralForms(one: "pain", other: "pains")
        case .painPoint: PluralForms(one: "pain point", other: "pain points")
        case .idea: PluralForms(one: "idea", other: "ideas")
        case .backstageStep: PluralForms(one: "backstage", other: "backstage")
        case .response: PluralForms(one: "response", other: "responses")
        case .answer: PluralForms(one: "answer", other: "answers")
        case .respondent: PluralForms(one: "respondent", other: "respondents")
        case .rating: PluralForms(one: "rating", other: "ratings")
        case .touchpoint: PluralForms(one: "touchpoint", other: "touchpoints")
        case .row: PluralForms(one: "row", other: "rows")
        }
    }
}
