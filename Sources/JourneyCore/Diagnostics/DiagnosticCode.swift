/// The identity of a kind of diagnostic: a stable code (`JM202`), its usual severity and a
/// one-line summary. Every code the tool can report is a named static member below (as
/// swift-syntax names its messages), so call sites say `.unknownDepartment` instead of a
/// string, SARIF rule descriptions come from here, and a test checks that each one is
/// documented in docs/diagnostics.md. Codes are never reused for another meaning.
public struct DiagnosticCode: Hashable, Sendable, CustomStringConvertible {
    /// `JM` and three digits; the first digit is the stage (0 text, 1 syntax, 2 model,
    /// 3 feedback data, 4 files and feedback declarations, 5 targets and rendering, 6 Mermaid).
    public let id: String
    /// The severity it is reported with unless the frontend's policy says otherwise (row
    /// problems become errors with `--strict`).
    public let severity: Severity
    /// What it means, in one line (SARIF `shortDescription`, the catalogue in the docs).
    public let summary: String

    /// A catalogue entry; only the catalogue below creates them.
    public init(_ id: String, _ severity: Severity, _ summary: String) {
        self.id = id
        self.severity = severity
        self.summary = summary
    }

    /// The code, as printed after a message (`[JM202]`).
    public var description: String { id }

    /// The catalogued code with this id, or nil.
    public static func named(_ id: String) -> DiagnosticCode? { byID[id] }

    private static let byID: [String: DiagnosticCode] = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })
}

// MARK: - The catalogue (keep `all` below in step: a test compares it with this list)

extension DiagnosticCode {
    // Text of a file.
    /// `JM001` (error): the file is not valid UTF-8.
    public static let invalidUTF8 = DiagnosticCode("JM001", .error, "the file is not valid UTF-8")
    /// `JM002` (error): the file contains a NUL byte: probably a binary file.
    public static let nulByte = DiagnosticCode("JM002", .error, "the file contains a NUL byte: probably a binary file")
    /// `JM010` (error): a character that cannot start an identifier, string, number or symbol.
    public static let unexpectedCharacter = DiagnosticCode(
        "JM010", .error, "a character that cannot start an identifier, string, number or symbol")
    /// `JM011` (error): a string is not closed on its line.
    public static let unterminatedString = DiagnosticCode("JM011", .error, "a string is not closed on its line")
    /// `JM012` (error): an unknown or invalid escape in a string.
    public static let invalidEscape = DiagnosticCode("JM012", .error, "an unknown or invalid escape in a string")
    /// `JM013` (error): a string or identifier is longer than 64 KiB.
    public static let tokenTooLong = DiagnosticCode("JM013", .error, "a string or identifier is longer than 64 KiB")
    /// `JM020` (error): a statement does not start with a keyword.
    public static let expectedStatement = DiagnosticCode("JM020", .error, "a statement does not start with a keyword")
    /// `JM021` (error): a block is not closed.
    public static let unclosedBlock = DiagnosticCode("JM021", .error, "a block is not closed")
    /// `JM022` (error): a '}' with no block open.
    public static let unexpectedClosingBrace = DiagnosticCode("JM022", .error, "a '}' with no block open")
    /// `JM023` (error): text after a block's '}' on the same line.
    public static let textAfterBlock = DiagnosticCode("JM023", .error, "text after a block's '}' on the same line")
    /// `JM024` (error): blocks nested more than 16 deep.
    public static let nestingTooDeep = DiagnosticCode("JM024", .error, "blocks nested more than 16 deep")

    // Statements and their arguments.
    /// `JM100` (error): a statement that is not known in this place.
    public static let unknownStatement = DiagnosticCode("JM100", .error, "a statement that is not known in this place")
    /// `JM101` (error): a statement lacks an argument, or has one of the wrong kind.
    public static let missingArgument = DiagnosticCode("JM101", .error, "a statement lacks an argument, or has one of the wrong kind")
    /// `JM102` (error): a statement has more arguments than it takes.
    public static let extraArgument = DiagnosticCode("JM102", .error, "a statement has more arguments than it takes")
    /// `JM103` (error): a block after a statement that takes none.
    public static let unexpectedBlock = DiagnosticCode("JM103", .error, "a block after a statement that takes none")
    /// `JM104` (error): a journey or stage without its body in braces.
    public static let missingBody = DiagnosticCode("JM104", .error, "a journey or stage without its body in braces")
    /// `JM105` (error): a touchpoint outside a stage.
    public static let touchpointOutsideStage = DiagnosticCode("JM105", .error, "a touchpoint outside a stage")

    // The model.
    /// `JM201` (error): an id is defined twice.
    public static let duplicateID = DiagnosticCode("JM201", .error, "an id is defined twice")
    /// `JM202` (error): an unknown department.
    public static let unknownDepartment = DiagnosticCode("JM202", .error, "an unknown department")
    /// `JM203` (error): an unknown channel.
    public static let unknownChannel = DiagnosticCode("JM203", .error, "an unknown channel")
    /// `JM204` (error): an unknown touchpoint (in a flow or a category rule).
    public static let unknownTouchpoint = DiagnosticCode("JM204", .error, "an unknown touchpoint (in a flow or a category rule)")
    /// `JM205` (error): an unknown persona.
    public static let unknownPersona = DiagnosticCode("JM205", .error, "an unknown persona")
    /// `JM206` (error): an emotion out of range or an unknown emotion name.
    public static let invalidEmotion = DiagnosticCode("JM206", .error, "an emotion out of range or an unknown emotion name")
    /// `JM207` (warning): a stage with no touchpoints.
    public static let emptyStage = DiagnosticCode("JM207", .warning, "a stage with no touchpoints")
    /// `JM208` (warning): a touchpoint with no owning department.
    public static let touchpointWithoutOwner = DiagnosticCode("JM208", .warning, "a touchpoint with no owning department")
    /// `JM209` (warning): no flow reaches a touchpoint.
    public static let unreachableTouchpoint = DiagnosticCode("JM209", .warning, "no flow reaches a touchpoint")
    /// `JM210` (error): a journey file holds no journey.
    public static let noJourney = DiagnosticCode("JM210", .error, "a journey file holds no journey")
    /// `JM211` (error): a second journey in one file, or a journey in an included file.
    public static let misplacedJourney = DiagnosticCode("JM211", .error, "a second journey in one file, or a journey in an included file")
    /// `JM212` (error): a touchpoint has two of something it can have once (emotion, owner, channel).
    public static let repeatedTouchpointItem = DiagnosticCode(
        "JM212", .error, "a touchpoint has two of something it can have once (emotion, owner, channel)")
    /// `JM213` (error): a persona's segment is empty or given twice.
    public static let personaSegment = DiagnosticCode("JM213", .error, "a persona's segment is empty or given twice")
    /// `JM214` (warning): two personas name the same segment.
    public static let sharedPersonaSegment = DiagnosticCode("JM214", .warning, "two personas name the same segment")
    /// `JM220` (error): an unknown theme in a style block.
    public static let unknownTheme = DiagnosticCode("JM220", .error, "an unknown theme in a style block")
    /// `JM221` (error): an unknown language in a style block.
    public static let unknownLanguage = DiagnosticCode("JM221", .error, "an unknown language in a style block")
    /// `JM222` (error): an unknown period (week, month, quarter, year).
    public static let unknownPeriod = DiagnosticCode("JM222", .error, "an unknown period (week, month, quarter, year)")
    /// `JM230` (error): an index term names no measure an index can combine (nps, csat, ces, negative).
    public static let unknownIndexComponent = DiagnosticCode(
        "JM230", .error, "an index term names no measure an index can combine (nps, csat, ces, negative)")
    /// `JM231` (warning): an index's weights do not sum to 1; the index divides by their sum.
    public static let indexWeightsSum = DiagnosticCode(
        "JM231", .warning, "an index's weights do not sum to 1; the index divides by their sum")
    /// `JM232` (error): an index weight is zero or negative.
    public static let invalidIndexWeight = DiagnosticCode("JM232", .error, "an index weight is zero or negative")
    /// `JM233` (error): two indices share an id, an index is named like a metric, or names a measure twice.
    public static let duplicateIndex = DiagnosticCode(
        "JM233", .error, "two indices share an id, an index is named like a metric, or names a measure twice")

    // Feedback data.
    /// `JM300` (error): a feedback file cannot be read as a whole.
    public static let unreadableFeedback = DiagnosticCode("JM300", .error, "a feedback file cannot be read as a whole")
    /// `JM301` (error): a quoted CSV field never closes.
    public static let unclosedQuote = DiagnosticCode("JM301", .error, "a quoted CSV field never closes")
    /// `JM302` (error): a CSV row or JSON line is longer than 64 MiB; reading stops there.
    public static let rowTooLong = DiagnosticCode("JM302", .error, "a CSV row or JSON line is longer than 64 MiB; reading stops there")
    /// `JM304` (error): a feedback row is not valid UTF-8.
    public static let invalidUTF8Row = DiagnosticCode("JM304", .error, "a feedback row is not valid UTF-8")
    /// `JM305` (warning): a column appears twice in a feedback header.
    public static let duplicateColumn = DiagnosticCode("JM305", .warning, "a column appears twice in a feedback header")
    /// `JM306` (error): a column the join needs is not in the feedback header.
    public static let missingColumn = DiagnosticCode("JM306", .error, "a column the join needs is not in the feedback header")
    /// `JM307` (warning): a feedback file is empty.
    public static let emptyFeedback = DiagnosticCode("JM307", .warning, "a feedback file is empty")
    /// `JM308` (warning): a journey names the same feedback file twice; it is read once.
    public static let sameFeedbackFileTwice = DiagnosticCode(
        "JM308", .warning, "a journey names the same feedback file twice; it is read once")
    /// `JM309` (warning): two feedback sources declare one outcome with different ratings; the first is used.
    public static let conflictingOutcomes = DiagnosticCode(
        "JM309", .warning, "two feedback sources declare one outcome with different ratings; the first is used")
    /// `JM310` (warning): a feedback row is rejected: a value outside its scale, not a number, a bad date, a malformed row.
    public static let rejectedRow = DiagnosticCode(
        "JM310", .warning, "a feedback row is rejected: a value outside its scale, not a number, a bad date, a malformed row")
    /// `JM312` (warning): a feedback row names a touchpoint the journey does not have.
    public static let unmatchedTouchpoint = DiagnosticCode("JM312", .warning, "a feedback row names a touchpoint the journey does not have")
    /// `JM313` (note): feedback rows with no touchpoint and no category rule.
    public static let unmatchedCategory = DiagnosticCode("JM313", .note, "feedback rows with no touchpoint and no category rule")
    /// `JM314` (warning): a respondent's rows are not together in long data; the later rows count as another respondent.
    public static let respondentNotGrouped = DiagnosticCode(
        "JM314", .warning, "a respondent's rows are not together in long data; the later rows count as another respondent")
    /// `JM315` (warning): a respondent's outcome differs between its rows; the first value is used.
    public static let outcomeDiffersWithinRespondent = DiagnosticCode(
        "JM315", .warning, "a respondent's outcome differs between its rows; the first value is used")
    /// `JM320` (note): how many feedback rows were read, used, rejected and unmatched.
    public static let feedbackSummary = DiagnosticCode("JM320", .note, "how many feedback rows were read, used, rejected and unmatched")
    /// `JM321` (note): how many more rows had the same problem as the examples shown.
    public static let moreRowsLikeThese = DiagnosticCode("JM321", .note, "how many more rows had the same problem as the examples shown")

    // Files, includes and feedback declarations.
    /// `JM400` (error): a journey, include or file cannot be read.
    public static let unreadableFile = DiagnosticCode("JM400", .error, "a journey, include or file cannot be read")
    /// `JM401` (error): files include each other in a cycle.
    public static let includeCycle = DiagnosticCode("JM401", .error, "files include each other in a cycle")
    /// `JM402` (error): an include or feedback path leaves the journeys folder.
    public static let pathOutsideRoot = DiagnosticCode("JM402", .error, "an include or feedback path leaves the journeys folder")
    /// `JM403` (error): an output cannot be written.
    public static let unwritableOutput = DiagnosticCode("JM403", .error, "an output cannot be written")
    /// `JM404` (error): includes nested more than 16 deep.
    public static let includesTooDeep = DiagnosticCode("JM404", .error, "includes nested more than 16 deep")
    /// `JM405` (error): more touchpoints than --max-touchpoints allows.
    public static let tooManyTouchpoints = DiagnosticCode("JM405", .error, "more touchpoints than --max-touchpoints allows")
    /// `JM410` (error): a feedback file is missing or not a regular file.
    public static let missingFeedbackFile = DiagnosticCode("JM410", .error, "a feedback file is missing or not a regular file")
    /// `JM411` (error): an unknown feedback format.
    public static let unknownFeedbackFormat = DiagnosticCode("JM411", .error, "an unknown feedback format")
    /// `JM412` (error): a feedback delimiter that is not ',' ';' tab or '|'.
    public static let invalidDelimiter = DiagnosticCode("JM412", .error, "a feedback delimiter that is not ',' ';' tab or '|'")
    /// `JM413` (error): a column mapping for a column the join does not know.
    public static let unknownColumn = DiagnosticCode("JM413", .error, "a column mapping for a column the join does not know")
    /// `JM414` (error): a scale for a metric that has none, or one that does not run upwards.
    public static let invalidScale = DiagnosticCode("JM414", .error, "a scale for a metric that has none, or one that does not run upwards")
    /// `JM415` (error): a sentiment mapping to something other than negative, neutral or positive.
    public static let invalidSentiment = DiagnosticCode(
        "JM415", .error, "a sentiment mapping to something other than negative, neutral or positive")
    /// `JM416` (error): a rating column that is declared twice, or rating columns where the data is not wide.
    public static let invalidRatingColumn = DiagnosticCode(
        "JM416", .error, "a rating column that is declared twice, or rating columns where the data is not wide")
    /// `JM417` (error): a respondent, segment or missing-value setting repeated or empty in a feedback block.
    public static let repeatedRespondentSetting = DiagnosticCode(
        "JM417", .error, "a respondent, segment or missing-value setting repeated or empty in a feedback block")
    /// `JM418` (error): an outcome without its measure, declared twice, or that the data cannot support.
    public static let invalidOutcome = DiagnosticCode(
        "JM418", .error, "an outcome without its measure, declared twice, or that the data cannot support")
    /// `JM419` (warning): a category rule that never matches because an earlier rule wins.
    public static let shadowedCategoryRule = DiagnosticCode(
        "JM419", .warning, "a category rule that never matches because an earlier rule wins")
    /// `JM421` (error): a target on an unknown metric.
    public static let unknownMetric = DiagnosticCode("JM421", .error, "a target on an unknown metric")
    /// `JM422` (error): a target 'at' an id that nothing has.
    public static let unknownTargetScope = DiagnosticCode("JM422", .error, "a target 'at' an id that nothing has")
    /// `JM423` (error): a target 'at' an id that names two kinds of thing.
    public static let ambiguousTargetScope = DiagnosticCode("JM423", .error, "a target 'at' an id that names two kinds of thing")
    /// `JM430` (error): a tag rule or sentiment word that cannot match, a tag declared twice or without words.
    public static let invalidTagRule = DiagnosticCode(
        "JM430", .error, "a tag rule or sentiment word that cannot match, a tag declared twice or without words")
    /// `JM431` (error): a `loop within` service level with an unknown unit, out of range, or declared twice; a second `loop record`.
    public static let invalidFollowUp = DiagnosticCode(
        "JM431", .error, "a 'loop within' service level with an unknown unit, out of range, or declared twice; a second 'loop record'")

    // The loop record (docs/close-the-loop.md#the-loop-record).
    /// `JM330` (error): the loop record cannot be read: missing, not a CSV with the expected header, a malformed row, too large.
    public static let unreadableLoopRecord = DiagnosticCode(
        "JM330", .error, "the loop record cannot be read: missing, a wrong header, a malformed row, or too large")
    /// `JM331` (error): a loop record row names a respondent the feedback does not have.
    public static let unknownLoopRespondent = DiagnosticCode(
        "JM331", .error, "a loop record row names a respondent the feedback does not have")
    /// `JM332` (error): a loop record row names a touchpoint the journey does not have, or one the respondent never rated.
    public static let unknownLoopTouchpoint = DiagnosticCode(
        "JM332", .error, "a loop record row names a touchpoint the journey does not have, or one the respondent never rated")
    /// `JM333` (error): a loop record date that is not a date, is before the response, or is after the as-of date.
    public static let invalidLoopDate = DiagnosticCode(
        "JM333", .error, "a loop record date that is not a date, is before the response, or is after the as-of date")
    /// `JM334` (error): a loop record status that is not open, contacted, resolved or not reachable.
    public static let unknownLoopStatus = DiagnosticCode(
        "JM334", .error, "a loop record status that is not open, contacted, resolved or not reachable")
    /// `JM335` (error): a status going backwards for the same respondent and touchpoint (resolved, then open).
    public static let loopStatusBackwards = DiagnosticCode(
        "JM335", .error, "a loop record status going backwards for one respondent and touchpoint (resolved, then open)")
    /// `JM336` (warning): the same loop record row twice.
    public static let duplicateLoopRow = DiagnosticCode("JM336", .warning, "the same loop record row twice")

    // Rendering and targets.
    /// `JM501` (error): render was asked for an unknown theme.
    public static let unknownRenderTheme = DiagnosticCode("JM501", .error, "render was asked for an unknown theme")
    /// `JM502` (error): a map, view or report could not be rendered.
    public static let renderFailed = DiagnosticCode("JM502", .error, "a map, view or report could not be rendered")
    /// `JM503` (error): a journey has more touchpoints than are laid out.
    public static let tooLargeToLayOut = DiagnosticCode("JM503", .error, "a journey has more touchpoints than are laid out")
    /// `JM510` (error): a target is missed.
    public static let missedTarget = DiagnosticCode("JM510", .error, "a target is missed")
    /// `JM511` (warning): a target has no data to be judged on.
    public static let targetWithoutData = DiagnosticCode("JM511", .warning, "a target has no data to be judged on")
    /// `JM512` (error): a figure is significantly worse than the baseline (`check --baseline`).
    public static let regression = DiagnosticCode("JM512", .error, "a figure is significantly worse than the baseline")
    /// `JM513` (error): the baseline cannot be read or has nothing to compare.
    public static let unusableBaseline = DiagnosticCode("JM513", .error, "the baseline cannot be read or has nothing to compare")
    /// `JM514` (note): what the comparison with the baseline found.
    public static let baselineSummary = DiagnosticCode("JM514", .note, "what the comparison with the baseline found")
    /// `JM515` (warning): the joined data has no answers for a measure an index combines.
    public static let indexWithoutData = DiagnosticCode("JM515", .warning, "the joined data has no answers for a measure an index combines")
    /// `JM520` (warning): a follow-up past its due date with no contact in the loop record (`--fail-on overdue` fails on it).
    public static let overdueFollowUp = DiagnosticCode(
        "JM520", .warning, "a follow-up past its due date with no contact in the loop record")

    // Mermaid import.
    /// `JM601` (error): Mermaid front matter opened with '---' is never closed.
    public static let unclosedFrontMatter = DiagnosticCode("JM601", .error, "Mermaid front matter opened with '---' is never closed")
    /// `JM602` (error): the file is not a Mermaid journey diagram.
    public static let notAMermaidJourney = DiagnosticCode("JM602", .error, "the file is not a Mermaid journey diagram")
    /// `JM603` (error): a Mermaid task line is not 'Title: score: actors'.
    public static let invalidMermaidTask = DiagnosticCode("JM603", .error, "a Mermaid task line is not 'Title: score: actors'")
    /// `JM604` (error): a Mermaid task score is not a whole number from 1 to 5.
    public static let invalidMermaidScore = DiagnosticCode("JM604", .error, "a Mermaid task score is not a whole number from 1 to 5")
    /// `JM605` (error): a Mermaid task before any section.
    public static let taskBeforeSection = DiagnosticCode("JM605", .error, "a Mermaid task before any section")
    /// `JM606` (warning): control characters removed from a Mermaid line.
    public static let mermaidControlCharacters = DiagnosticCode("JM606", .warning, "control characters removed from a Mermaid line")
    /// `JM607` (error): a Mermaid text is longer than a journey can hold.
    public static let mermaidTextTooLong = DiagnosticCode("JM607", .error, "a Mermaid text is longer than a journey can hold (64 KiB)")

    /// Every code, in the order of the catalogue above.
    public static let all: [DiagnosticCode] = [
        .invalidUTF8, .nulByte, .unexpectedCharacter, .unterminatedString, .invalidEscape, .tokenTooLong, .expectedStatement,
        .unclosedBlock, .unexpectedClosingBrace, .textAfterBlock, .nestingTooDeep,
        .unknownStatement, .missingArgument, .extraArgument, .unexpectedBlock, .missingBody, .touchpointOutsideStage,
        .duplicateID, .unknownDepartment, .unknownChannel, .unknownTouchpoint, .unknownPersona, .invalidEmotion, .emptyStage,
        .touchpointWithoutOwner, .unreachableTouchpoint, .noJourney, .misplacedJourney, .repeatedTouchpointItem, .personaSegment,
        .sharedPersonaSegment, .unknownTheme,
        .unknownLanguage,
        .unknownPeriod,
        .unknownIndexComponent, .indexWeightsSum, .invalidIndexWeight, .duplicateIndex,
        .unreadableFeedback, .unclosedQuote, .rowTooLong, .invalidUTF8Row, .duplicateColumn, .missingColumn, .emptyFeedback,
        .sameFeedbackFileTwice, .conflictingOutcomes, .rejectedRow,
        .unmatchedTouchpoint, .unmatchedCategory, .respondentNotGrouped, .outcomeDiffersWithinRespondent, .feedbackSummary,
        .moreRowsLikeThese,
        .unreadableLoopRecord, .unknownLoopRespondent, .unknownLoopTouchpoint, .invalidLoopDate, .unknownLoopStatus, .loopStatusBackwards,
        .duplicateLoopRow,
        .unreadableFile, .includeCycle, .pathOutsideRoot, .unwritableOutput, .includesTooDeep, .tooManyTouchpoints,
        .missingFeedbackFile, .unknownFeedbackFormat, .invalidDelimiter, .unknownColumn, .invalidScale, .invalidSentiment,
        .invalidRatingColumn, .repeatedRespondentSetting, .invalidOutcome, .shadowedCategoryRule,
        .unknownMetric, .unknownTargetScope, .ambiguousTargetScope, .invalidTagRule, .invalidFollowUp,
        .unknownRenderTheme, .renderFailed, .tooLargeToLayOut, .missedTarget, .targetWithoutData,
        .regression, .unusableBaseline, .baselineSummary, .indexWithoutData, .overdueFollowUp,
        .unclosedFrontMatter, .notAMermaidJourney, .invalidMermaidTask, .invalidMermaidScore, .taskBeforeSection, .mermaidControlCharacters,
        .mermaidTextTooLong,
    ]
}
