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
    /// "each measure put on 0–100 (higher is better) and weighted; 95% interval with each respondent counted once (docs/feedback.md)"
    case indexMethod
    /// "Measures on 0–100 (answers)"
    case colMeasures
    /// "Not computed per {1}: one of its measures has no answers there (an index needs all of them)."
    case indexNotComputed
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
    // MARK: Pain-point explanations (JourneyAnalysis/Explanation.swift)
    /// "Ranks #{1}: drives {2} of the explained “{3}” (95% {4} to {5}); {6}; priority {7}"
    case explainDriver
    /// "outcome"
    case explainOutcome
    /// "owner: {1}"
    case explainOwner
    /// "{1} {2} (n = {3})"
    case explainGap
    /// "rate it {1} or lower"
    case gapCsatBelow
    /// "do not rate it in the top two boxes"
    case gapCsatNotTopTwo
    /// "would not recommend it (0–8)"
    case gapPromoters
    /// "do not find it easy"
    case gapCesEasy
    /// "NPS {1} (95% {2} to {3})"
    case explainNPS
    /// "NPS {1} (95% {2} to {3}) against {4} for the journey"
    case explainNPSAgainst
    /// "CSAT {1}"
    case explainCSAT
    /// "CSAT {1} against {2}"
    case explainCSATAgainst
    /// "{1} of responses negative"
    case explainNegative
    /// "measured emotion drops by {1}"
    case explainMeasuredDrop
    /// "measured emotion drops by {1} after “{2}”"
    case explainMeasuredDropAfter
    /// "the designed emotion drops by {1}"
    case explainDesignedDrop
    /// "the designed emotion drops by {1} after “{2}”"
    case explainDesignedDropAfter
    /// "customers feel {1} worse than the journey assumes"
    case explainFeelWorse
    /// "a low point of the emotion curve"
    case explainLowPoint
    /// "a moment of truth"
    case explainMomentOfTruth
    /// "the worst point of the journey"
    case explainWorst
    /// "the last impression"
    case explainLast
    /// "a hand-off between departments"
    case explainHandoff
    /// "Ranks #{1}: {2}"
    case explainRanks
    /// "flagged by the journey's design"
    case explainByDesign
    /// " (small sample, n={1}: damped)"
    case explainSmallSample
    /// " (no feedback data: from the design alone)"
    case explainNoData
    // MARK: Curve legend, segment heat map and key-driver chart
    /// "all respondents, measured"
    case curveAllMeasured
    /// "{1}: measured (segment {2})"
    case curvePersonaMeasured
    /// "hollow {1} - - designed, on the touchpoints this persona passes"
    case curvePersonaDesigned
    /// "{1}: no answers from this segment"
    case curveNoSegmentAnswers
    /// "A gap in a measured line: no answers at that step."
    case curveGap
    /// "Segments: {1}"
    case heatmapTitle
    /// "{1} per segment and touchpoint"
    case heatmapSubtitle
    /// "no segments"
    case heatmapNoSegments
    /// "No segments in the data: give the feedback a segment column (column segment = "…", or segment "…" in a wide block); docs/feedback.md#segments."
    case heatmapNoSegmentsHelp
    /// "segment"
    case heatmapSegmentColumn
    /// "darker: a larger share"
    case heatmapDarkerShare
    /// "darker: better"
    case heatmapDarkerBetter
    /// "▲ ▼ thick border: the segment is higher / lower than the rest of the respondents at that touchpoint (95% interval of the difference; Holm correction over the {1} cells tested, family-wise error ≤ {2})."
    case heatmapMarks
    /// "n = answers of the segment; “·”: fewer than {1} answers on one side, shown but not tested; “–”: no answers."
    case heatmapLegendN
    /// "Not shown (smaller segments): {1}"
    case heatmapOmitted
    /// "NPS"
    case figureNPS
    /// "CSAT top-2 box %"
    case figureCSAT
    /// "negative sentiment %"
    case figureNegative
    /// "share of the segment's answers %"
    case figureShare
    /// "No key drivers: declare an outcome (outcome satisfied = "…" { yes "…" }) in a feedback block"
    case driversNone
    /// "whose rows are respondents (format wide, or a respondent column); docs/feedback.md explains how."
    case driversNoneRows
    /// "Importance: share of the explained “{1}” (relative weights, Johnson 2000; whiskers: 95% bootstrap interval). "
    case driversImportanceNote
    /// "Performance: {1}. n = {2}"
    case driversPerformanceNote
    /// "Performance → {1}, % of answers"
    case driversPerformanceAxis
    /// "↑ Importance, % of explained “{1}”"
    case driversImportanceAxis
    /// "priority {1} · n = {2}"
    case driversPointDetail
    /// "CSAT top-two box"
    case measureCsatTopBox
    /// "NPS promoters"
    case measurePromoters
    /// "CES easy"
    case measureCesEasy
    /// "top box"
    case measureTopBox
    // MARK: Poster tiles and report sections
    /// "row"
    case tileRow
    /// "column"
    case tileColumn
    /// "{1} sheets"
    case tileSheets
    /// "{1} blank sheets left out"
    case tileBlankLeftOut
    /// "overlap"
    case tileOverlap
    /// "Trim at the crop marks and glue row by row; each sheet names its row and column."
    case tileAssemble
    /// "Segments"
    case segmentsHeading
    /// "{1}; arrow keys pan, plus and minus zoom, 0 fits"
    case mapKeysHelp
    /// "Zoom in"
    case zoomIn
    /// "Zoom out"
    case zoomOut
    /// "Fit the whole map"
    case zoomFitLabel
    /// "Fit"
    case zoomFit
    /// "Zoom with the buttons, the mouse wheel or + and −; drag or use the arrow keys to move; 0 shows the whole map."
    case mapHelp
    // MARK: Segment sections of the reports
    /// "{1} of each segment against the rest of the respondents at each touchpoint ({2} segments × {3} touchpoints; {4} cells with at least {5} answers a side tested, Holm correction, family-wise error ≤ {6}). The heat map: {7}."
    case segmentsLead
    /// "{1} of each segment against the rest of the respondents at each touchpoint: ▲ ▼ and a thick border mark a significant difference ({2} cells tested with at least {3} answers a side, Holm correction, family-wise error ≤ {4})."
    case segmentsLeadHTML
    /// "No segment differs significantly from the rest at any touchpoint."
    case segmentsNone
    /// "Segment"
    case colSegment
    /// "Segment's figure (n)"
    case colSegmentFigure
    /// "Segment (n)"
    case colSegmentN
    /// "Rest (n)"
    case colRest
    /// "Difference (95%)"
    case colDifference
    /// "Holm p"
    case colHolmP
    /// "Heat map of {1} by segment and touchpoint, significant differences marked"
    case heatmapAlt
    // MARK: What changed (pain-points.md)
    /// "What changed"
    case changesHeading
    /// "By {1}, {2} to {3}: each {1} against the one before, {4} comparisons of NPS, CSAT, CES and negative share for the journey, its stages and touchpoints, {5}. "
    case changesLead
    /// "Holm-corrected at {1} (the chance of any false alarm in this section is at most {1})"
    case changesHolm
    /// "Benjamini–Hochberg-corrected at {1} (false-discovery rate)"
    case changesBH
    /// "each at {1}, uncorrected"
    case changesUncorrected
    /// "{1} were not made: a side had fewer than {2} answers. "
    case changesSkipped
    /// "{1} answers had no date: they count in the totals, in no {2}. "
    case changesUndated
    /// "No significant change: every difference's interval includes 0 after the correction."
    case changesNone
    /// "Before (95%), n"
    case colBefore
    /// "After (95%), n"
    case colAfter
    /// "Change (95%)"
    case colChange
    /// "Adjusted p"
    case colAdjustedP
    /// "▼ worse"
    case changeWorse
    /// "▲ better"
    case changeBetter
    /// "…and {1} more significant changes in pain-points.json."
    case changesMore
    /// "week"
    case unitWeek
    /// "month"
    case unitMonth
    /// "quarter"
    case unitQuarter
    /// "year"
    case unitYear
    /// "NPS (95%)"
    case colNPS95
    /// "CSAT top-box (95%)"
    case colCSATTop95
    /// "CES mean (95%)"
    case colCESMean95
    /// "Negative (95%)"
    case colNegative95
    /// "no responses"
    case noResponses
    /// "too few"
    case tooFew
    /// "Per touchpoint (NPS, else CSAT top-box; n; ▼▲ a significant change from the {1} before):"
    case changesPerTouchpoint
    /// "the journey"
    case scopeJourney
    /// "stage {1}"
    case scopeStage
    // MARK: Trend marks on the map
    /// "{1} {2} since {3} ({4})"
    case trendMark
    /// "pp"
    case trendPoints
    /// "negative"
    case trendNegative
    // MARK: Trend charts (report.html)
    /// "Trends"
    case trendChartsHeading
    /// "{1} per {2} with its 95% interval, {3} to {4}; the number under each {2} is its n. A hollow point had fewer than {5} answers: shown, not compared. ▼ ▲ mark a significant change from the {2} before, {6}."
    case trendChartsLead
    /// "The latest {1} of {2} periods are drawn; pain-points.md has them all."
    case trendChartsLatest
    /// "The whole journey"
    case trendChartsJourney
    /// "{1}: {2} per {3}"
    case trendChartTitle
    /// "{1} per period with its 95% interval and n (hollow: fewer than {2} answers):"
    case trendChartDescription
    /// "{1}: {2} ({3}), n = {4}"
    case trendChartPoint
    /// "{1}: no figure (n = {2})"
    case trendChartEmpty
    /// "CES mean"
    case trendCESMean
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
