/// Every fixed phrase a map or report prints, one case each; the tables (`Strings+en.swift`,
/// `Strings+pl.swift` …) give it in each language. Placeholders `{1}`, `{2}` … are filled by
/// `Language.callAsFunction`; a test checks that every language keeps English's placeholders.
/// New phrases go in the section of the view that prints them.
public enum Phrase: String, CaseIterable, Sendable {
    // MARK: Words shared by every view
    /// "Stage"
    case stage
    /// "Touchpoint"
    case touchpoint
    /// "Touchpoints"
    case touchpoints
    /// "Owner"
    case owner
    /// "Owners:"
    case owners
    /// "Department"
    case department
    /// "Channel"
    case channel
    /// "Persona: {1}"
    case persona
    /// "segment {1}"
    case segment
    /// "goal: {1}"
    case goal
    /// "Customer data: {1}"
    case customerData
    /// "{1} to {2}"
    case dateRange
    /// "All"
    case all
    /// "none"
    case noneGiven
    /// "no owner"
    case noOwner
    /// "no channel"
    case noChannel
    /// "no data"
    case noData
    /// "“{1}”"
    case quoted
    /// "+{1} more"
    case more
    /// "map"
    case viewMap
    /// "emotion curve"
    case viewCurve
    /// "service blueprint"
    case viewBlueprint
    /// "ownership"
    case viewOwnership
    /// "key drivers"
    case viewDrivers
    /// "{1}: {2}, tiled"
    case tiled
    /// "journey canvas"
    case viewCanvas
    /// "{1}: {2}"
    case documentTitle
    /// "segments"
    case viewSegments
    // MARK: Emotions
    /// "Emotion:"
    case emotion
    /// "emotion {1}"
    case emotionValue
    /// "angry"
    case emotionAngry
    /// "frustrated"
    case emotionFrustrated
    /// "neutral"
    case emotionNeutral
    /// "happy"
    case emotionHappy
    /// "delighted"
    case emotionDelighted
    /// "measured"
    case measured
    /// "designed emotion"
    case designedEmotion
    /// "measured emotion"
    case measuredEmotion
    /// "no emotion"
    case noEmotion
    /// "emotion not set"
    case emotionNotSet
    // MARK: The map: header, legend, touchpoint labels
    /// "moment of truth"
    case momentOfTruth
    /// "known pain"
    case knownPain
    /// "opportunity"
    case opportunity
    /// "backstage"
    case backstage
    /// "next step"
    case nextStep
    /// "branch / loop"
    case branchOrLoop
    /// "emotion: designed → measured (bold)"
    case designedToMeasured
    /// "PAIN POINT #{1}"
    case painPointNumber
    /// "small sample: read with care"
    case smallSample
    /// "{1} neg"
    case negativeShare
    // MARK: Emotion curve
    /// "Emotion curve: {1}"
    case curveTitle
    /// "measured emotion (from feedback; outlined: top pain points)"
    case measuredEmotionOutlined
    /// "(no feedback data: designed emotion only)"
    case designedOnly
    // MARK: Service blueprint
    /// "Service blueprint: {1}"
    case blueprintTitle
    /// "Customer actions"
    case laneCustomerActions
    /// "Frontstage (touchpoints)"
    case laneFrontstage
    /// "Backstage"
    case laneBackstage
    /// "Support processes"
    case laneSupport
    /// "line of interaction"
    case lineOfInteraction
    /// "line of visibility"
    case lineOfVisibility
    /// "line of internal interaction"
    case lineOfInternalInteraction
    // MARK: Ownership
    /// "Touchpoints owned per stage, tinted by measured emotion; ⚑ a missed target"
    case ownershipCaption
    /// "Who owns what: {1}"
    case ownershipTitle
    // MARK: Accessible names in the SVG map (screen readers)
    /// "Journey map: {1}"
    case a11yJourneyMap
    /// "Personas: {1}."
    case a11yPersonas
    /// "Stage {1}: {2}"
    case a11yStageNumbered
    /// "Stage {1}."
    case a11yStage
    /// "Channel: {1}."
    case a11yChannel
    /// "Owner: {1}."
    case a11yOwner
    /// "Designed emotion: {1} ({2})."
    case a11yDesignedEmotion
    /// "Measured emotion {1}."
    case a11yMeasuredEmotion
    /// "Moment of truth."
    case a11yMomentOfTruth
    /// "Pain: {1}."
    case a11yPain
    /// "Opportunity: {1}."
    case a11yOpportunity
    /// "From {1} to {2}"
    case a11yFlow
    // MARK: Journey canvas
    /// "Touchpoints and channels"
    case canvasLaneTouchpoints
    /// "Owners" (a lane title, no colon)
    case canvasLaneOwners
    /// "Emotion" (a lane title)
    case canvasLaneEmotion
    /// "Pains"
    case canvasLanePains
    /// "Opportunities"
    case canvasLaneOpportunities
    /// "KPIs and targets"
    case canvasLaneKPIs
    /// "Backstage and support"
    case canvasLaneBackstage
    /// "designed" (the dashed curve)
    case canvasDesigned
    /// "support · {1}" (a support process and its owner)
    case canvasSupport
    /// "target {1}" ("target CSAT ≥ 70%")
    case canvasTarget
    /// "small sample"
    case canvasSmallSample
    /// "{1} negative comments" ("38% negative comments")
    case canvasNegativeComments
    // MARK: Report chart
    /// "Pain points: {1}"
    case reportTitle
    /// "Score"
    case rankScore
    /// "Priority"
    case rankPriority
    /// "NPS · CSAT · negative"
    case chartFigures
    /// "design only"
    case designOnly
    /// "No pain points: no touchpoint scores below the rest of the journey."
    case noPainPointsChart
    /// "journey NPS {1}"
    case journeyNPS
    /// "targets met {1} of {2}"
    case targetsMet
    /// "bars: pain score (docs/pain-points.md)"
    case barsPainScore
    /// "bars: priority = importance × share not in the top box (docs/pain-points.md)"
    case barsPriority
    // MARK: Reports (pain-points.md, report.html)
    /// "The journey map with the top pain points outlined"
    case mapAlt
    /// "Targets"
    case targets
    /// "Status"
    case colStatus
    /// "Target"
    case colTarget
    /// "Where"
    case colWhere
    /// "Figure"
    case colFigure
    /// "met"
    case statusMet
    /// "missed"
    case statusMissed
    /// "interval straddles"
    case intervalStraddles
    /// "{1} to {2}"
    case intervalWords
    /// "Ranked pain points"
    case rankedPainPoints
    /// "Nothing stands out: no touchpoint scores below the rest of the journey."
    case nothingStandsOut
    /// "Score: what customers report against the rest of the journey (volume-weighted NPS, CSAT and negative share), × the emotion curve (at most 1.25), × 1.5 for a moment of truth, damped for small samples (docs/pain-points.md)."
    case scoreMethod
    /// "Priority: importance × the share not in the top box (key drivers above); touchpoints outside the driver model follow."
    case priorityMethod
    /// "Negative"
    case colNegative
    /// "…and {1} more in pain-points.json."
    case moreInJSON
    /// "(owner: {1})"
    case ownerParen
    /// "Top categories: {1}"
    case topCategories
    /// "Customer: {1}"
    case customerSays
    /// "Known pain: {1}"
    case knownPainItem
    /// "Opportunity: {1}"
    case opportunityItem
    /// "By department"
    case byDepartment
    /// "Pain points"
    case colPainPoints
    /// "Worst"
    case colWorst
    /// "Missed targets"
    case colMissedTargets
    /// "Opportunities"
    case colOpportunities
    /// "Known pains written in the journey"
    case knownPainsWritten
    /// "Pain"
    case colPain
    /// "Data says"
    case colDataSays
    /// "confirmed"
    case painConfirmed
    /// "not confirmed"
    case painNotConfirmed
    /// "No feedback data is joined to this journey: the ranking comes from the designed emotions alone."
    case noFeedback
    /// "Data: {1} joined to touchpoints, of {2} read"
    case dataJoined
    /// "Data: {1} gave {2}{3}, of {4} read"
    case dataRespondents
    /// " ({1} left blank or not applicable)"
    case leftBlank
    /// "{1} rejected"
    case rejected
    /// "{1} unmatched"
    case unmatched
    /// "{1} outside the dates"
    case outsideDates
    /// "Journey NPS {1} (95% {2})."
    case journeyNPSSentence
    /// "Targets: {1} of {2} met."
    case targetsSentence
    /// "Pain-point report · {1}"
    case htmlSubtitle
    /// "Journey map"
    case journeyMap
    /// "Journey map of {1} with the top pain points outlined"
    case mapAltOf
    /// "small sample"
    case smallSampleShort
    /// "measured emotion {1}"
    case measuredEmotionValue
    /// "Made by journeymap"
    case madeBy
    /// "Made by journeymap from {1}"
    case madeByFrom
    /// "Key drivers of {1}"
    case keyDriversOf
    /// "Key drivers: importance against performance, one point per touchpoint"
    case driversAlt
    /// "Key drivers of {1}: importance against performance, one point per touchpoint"
    case driversAltOf
    /// "Importance (95%)"
    case colImportance
    /// "Performance"
    case colPerformance
    /// "Priority"
    case colPriority
    /// "Quadrant"
    case colQuadrant
    /// "fix first"
    case quadrantFixFirst
    /// "keep up"
    case quadrantKeepUp
    /// "secondary"
    case quadrantSecondary
    /// "over-served"
    case quadrantOverServed
    /// "near the line"
    case nearTheLine
    /// "Not in the model: {1}: {2}."
    case notInModel
    /// "Importance is each touchpoint's share of what the ratings explain of {1} (relative weights, Johnson 2000, with 95% bootstrap intervals), over {2}"
    case driversLead
    /// "; the ratings explain {1} (95% {2}) of it (R²)"
    case driversR2
    /// ". Performance is the share of answers in the top two boxes; priority = importance × the share not in the top box."
    case driversLeadEnd
    /// "Method: {1}; {2}; {3} bootstrap resamples, seed {4}. Quadrant lines: equal importance (100/{5} = {6}) and the drivers' mean performance{7}; “near the line”: an interval crosses it. See docs/pain-points.md."
    case driversMethod
}

/// Nouns printed with a count ("3 pains"), each with the plural forms of every language.
public enum Counted: String, CaseIterable, Sendable {
    /// "pain" / "pains"
    case pain
    /// "pain point" / "pain points"
    case painPoint
    /// "idea" / "ideas"
    case idea
    /// "backstage" / "backstage"
    case backstageStep
    /// "response" / "responses"
    case response
    /// "answer" / "answers"
    case answer
    /// "respondent" / "respondents"
    case respondent
    /// "rating" / "ratings"
    case rating
    /// "touchpoint" / "touchpoints"
    case touchpoint
    /// "row" / "rows"
    case row
}
