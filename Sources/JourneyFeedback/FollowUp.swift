import JourneyCore

/// A response someone should answer: a detractor (NPS 0–6), a negative comment, or a CSAT
/// in the bottom two boxes, at a touchpoint (docs/close-the-loop.md#follow-up-lists).
public struct FollowUpItem: Hashable, Sendable {
    /// The respondent id from the feedback block's `respondent` column; nil when the data names none.
    public var respondent: String?
    /// The response date (yyyy-mm-dd), if any.
    public var date: String?
    /// The touchpoint the response joined to.
    public var touchpoint: String
    /// The scores given.
    public var nps: Double?
    /// CSAT, on its file's scale.
    public var csat: Double?
    /// The data's sentiment, or the tagging rules'.
    public var sentiment: Sentiment?
    /// The data's category, or the tag the rules gave.
    public var category: String?
    /// The comment as written (escape it for the output).
    public var comment: String?
    /// Where the response is: data file and line.
    public var file: String
    /// The row's first line.
    public var line: Int
    /// Why it is on the list: "detractor", "negative", "low csat" (in that order).
    public var reasons: [String]

    /// An item from its parts (the join builds these; tests may too).
    public init(
        respondent: String?, date: String?, touchpoint: String, nps: Double?, csat: Double?, sentiment: Sentiment?, category: String?,
        comment: String?, file: String, line: Int, reasons: [String]
    ) {
        self.respondent = respondent
        self.date = date
        self.touchpoint = touchpoint
        self.nps = nps
        self.csat = csat
        self.sentiment = sentiment
        self.category = category
        self.comment = comment
        self.file = file
        self.line = line
        self.reasons = reasons
    }
}

/// One used response of a named respondent (any score): what the loop record is checked
/// against (known respondents, response dates) and where a later score comes from.
public struct RespondentResponse: Hashable, Sendable {
    /// The respondent id.
    public var respondent: String
    /// The response date (yyyy-mm-dd), if any.
    public var date: String?
    /// The touchpoints the response rated (one in long data; every rated column in wide data).
    public var touchpoints: [String]
    /// Its likelihood to recommend (0–10), if it has one.
    public var nps: Double?
    /// Its CSAT (the mean of its ratings in wide data), if it has one.
    public var csat: Double?

    /// A response from its parts.
    public init(respondent: String, date: String?, touchpoints: [String], nps: Double?, csat: Double?) {
        self.respondent = respondent
        self.date = date
        self.touchpoints = touchpoints
        self.nps = nps
        self.csat = csat
    }
}

/// The follow-ups of one join, in data order; at most `JoinState.maxFollowUps` are kept.
public struct FollowUps: Hashable, Sendable {
    /// The responses to answer.
    public var items: [FollowUpItem] = []
    /// More responses qualified than were kept (the list is cut, and says so).
    public var dropped = 0
    /// Every used response with a respondent id, in data order (at most `JoinState.maxRespondentResponses`).
    public var responses: [RespondentResponse] = []
    /// Responses with a respondent id not kept (the loop record's checks say so).
    public var responsesDropped = 0
    /// Nothing collected.
    public init() {}
}

extension JoinState {
    /// Most follow-ups kept in memory: a list longer than this is not one a team works through.
    static let maxFollowUps = 100_000
    /// Most responses of named respondents kept for the loop record's checks.
    static let maxRespondentResponses = 2_000_000

    /// Keeps a named respondent's response (for the loop record and the later score).
    static func keep(_ r: RespondentResponse, in f: inout FollowUps) {
        if f.responses.count < maxRespondentResponses { f.responses.append(r) } else { f.responsesDropped += 1 }
    }

    /// Records a used response that needs an answer (only when the caller asked for follow-ups).
    mutating func collectFollowUp<S: FieldSource>(
        _ row: S, line: Int, touchpoint t: Int, date: Int?, nps: Double?, csat: Double?, sentiment: Sentiment?,
        category: UnsafeBufferPointer<UInt8>?, tag: Int?
    ) {
        var reasons: [String] = []
        if let v = nps, v <= 6 { reasons.append("detractor") }
        if sentiment == .negative { reasons.append("negative") }
        if let v = csat, v <= scales.csat.min + 1 { reasons.append("low csat") }
        guard var f = followUps.take() else { return }
        defer { followUps = f }
        var respondentID: String?
        if !extraColumns.isEmpty, !extraColumns[0].isEmpty, let b = row.extra(0), !FieldParsing.isBlank(b) {
            respondentID = String(decoding: trimmed(b), as: UTF8.self)
        }
        if let id = respondentID {
            JoinState.keep(
                RespondentResponse(
                    respondent: id, date: date.map(FieldParsing.dateString), touchpoints: [touchpointIDs[t]], nps: nps, csat: csat),
                in: &f)
        }
        guard !reasons.isEmpty else { return }
        guard f.items.count < JoinState.maxFollowUps else {
            f.dropped += 1
            return
        }
        let categoryName = category.map { String(decoding: trimmed($0), as: UTF8.self) } ?? tag.map { journey.tagging.tags[$0].name }
        let comment = row.field(.comment).flatMap { FieldParsing.isBlank($0) ? nil : row.string(.comment) }
        f.items.append(
            FollowUpItem(
                respondent: respondentID, date: date.map(FieldParsing.dateString), touchpoint: touchpointIDs[t], nps: nps, csat: csat,
                sentiment: sentiment, category: categoryName, comment: comment, file: file, line: line, reasons: reasons))
    }

    /// A wide row's follow-ups: each rating in the bottom two boxes of its scale, at its
    /// touchpoint; a detractor's (NPS outcome 0–6) low ratings say so too.
    mutating func collectWideFollowUps(_ row: CSVReader.Row, _ c: WideColumns, date: Int?) {
        guard var f = followUps.take() else { return }
        defer { followUps = f }
        var detractor = false
        if let o = c.npsOutcome, !respondent.outcomes[o].isNaN, respondent.outcomes[o] <= 6 { detractor = true }
        let id = c.respondent >= 0 ? String(decoding: trimmed(row.bytes(c.respondent)), as: UTF8.self) : nil
        if let id, !id.isEmpty {
            let rated = c.ratings.indices.filter { respondent.counts[$0] > 0 }
            let mean = rated.isEmpty ? nil : rated.map { respondent.values[$0] }.reduce(0, +) / Double(rated.count)
            JoinState.keep(
                RespondentResponse(
                    respondent: id, date: date.map(FieldParsing.dateString), touchpoints: rated.map { touchpointIDs[c.touchpoints[$0]] },
                    nps: c.npsOutcome.map { respondent.outcomes[$0] }.flatMap { $0.isNaN ? nil : $0 }, csat: mean),
                in: &f)
        }
        for i in c.ratings.indices where respondent.counts[i] > 0 && respondent.values[i] <= c.scales[i].min + 1 {
            guard f.items.count < JoinState.maxFollowUps else {
                f.dropped += 1
                continue
            }
            f.items.append(
                FollowUpItem(
                    respondent: id, date: date.map(FieldParsing.dateString), touchpoint: touchpointIDs[c.touchpoints[i]],
                    nps: c.npsOutcome.map { respondent.outcomes[$0] }.flatMap { $0.isNaN ? nil : $0 }, csat: respondent.values[i],
                    sentiment: nil, category: nil, comment: nil, file: file, line: row.line,
                    reasons: detractor ? ["detractor", "low csat"] : ["low csat"]))
        }
    }
}
