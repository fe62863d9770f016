/// A `feedback "file" { … }` declaration: where survey data lives and how to read it.
public struct FeedbackSource: Hashable, Sendable {
    /// How the file's rows are laid out.
    public enum Format: String, Hashable, Sendable, CaseIterable {
        case csv, jsonl
        /// One row per touchpoint with counts and sums (see docs/feedback.md).
        case aggregate
        /// One row per respondent, one column per touchpoint's rating (`rating` statements).
        case wide
        /// Pairwise moments per random group, from `journeymap sql --query moments`
        /// (docs/feedback.md#moments-sql): key drivers from a warehouse.
        case moments
    }

    /// Path as written, and resolved against the journey file's folder.
    public var path: String
    /// The path the join reads (relative paths resolved against the journey's folder).
    public var resolvedPath: String
    /// nil: decided from the file extension (`.jsonl`/`.ndjson` -> jsonl, else csv).
    public var format: Format?
    /// nil: detected from the header line (`,` `;` or tab; an Excel `sep=` line wins).
    public var delimiter: Character?
    /// Logical column name (touchpoint, date, nps, csat, ces, sentiment, category, comment,
    /// segment, channel) -> the header in the data file.
    public var columns: [String: String]
    /// Declared scales by metric (`nps`, `csat`, `ces`); missing ones use the defaults.
    public var scales: [String: Scale]
    /// Extra words for sentiment values, e.g. "neg" -> negative.
    public var sentimentWords: [String: Sentiment]
    /// For data tagged by reason: category -> touchpoint id, in the order written.
    public var categoryRules: [CategoryRule]
    /// Respondent-level data (docs/feedback.md#respondents): the column naming the respondent
    /// (long data: links one person's rows; wide data: optional, rows are respondents).
    public var respondentColumn: String?
    /// Wide data: which column holds each touchpoint's rating, in the order written.
    public var ratings: [RatingColumn] = []
    /// Values that mean "not answered" (e.g. `0`, `"N/A"`): read as missing, never counted.
    public var missingValues: [String] = []
    /// The respondent's overall judgement(s), for key drivers.
    public var outcomes: [OutcomeDeclaration] = []
    /// Where the declaration is written (diagnostics about the file point here).
    public var range: SourceRange

    /// A feedback source from its parts; the later fields keep their defaults.
    public init(
        path: String, resolvedPath: String, format: Format? = nil, delimiter: Character? = nil,
        columns: [String: String] = [:], scales: [String: Scale] = [:],
        sentimentWords: [String: Sentiment] = [:], categoryRules: [CategoryRule] = [], range: SourceRange
    ) {
        self.path = path
        self.resolvedPath = resolvedPath
        self.format = format
        self.delimiter = delimiter
        self.columns = columns
        self.scales = scales
        self.sentimentWords = sentimentWords
        self.categoryRules = categoryRules
        self.range = range
    }
}

/// A declared score scale, e.g. `scale ces 1..7 lower is better`.
public struct Scale: Hashable, Sendable {
    /// The lowest valid answer.
    public var min: Double
    /// The highest valid answer.
    public var max: Double
    /// True when a low answer is the good one (CES: 1 is "very easy").
    public var lowerIsBetter: Bool
    /// A scale from min to max.
    public init(min: Double, max: Double, lowerIsBetter: Bool = false) {
        self.min = min
        self.max = max
        self.lowerIsBetter = lowerIsBetter
    }

    /// Net Promoter Score's 0…10.
    public static let nps = Scale(min: 0, max: 10)
    /// CSAT's 1…5 (the top two boxes count as satisfied).
    public static let csat = Scale(min: 1, max: 5)
    /// Customer Effort Score's 1…7, lower is better.
    public static let ces = Scale(min: 1, max: 7, lowerIsBetter: true)
}

/// The sentiment of a response or comment.
public enum Sentiment: String, Hashable, Sendable, CaseIterable, Codable {
    case negative, neutral, positive
}

/// `category "Late Flight" -> delay-info`: rows whose category matches (case-insensitively,
/// or as a parent of a hierarchical `a/b` category) join to `touchpoint` when they name none.
public struct CategoryRule: Hashable, Sendable {
    /// The category as written (a hierarchical `a/b` matches its children).
    public var category: String
    /// The id of the touchpoint the rows join to.
    public var touchpoint: String
    /// Where the rule is written.
    public var range: SourceRange
    /// A rule from its parts.
    public init(category: String, touchpoint: String, range: SourceRange) {
        self.category = category
        self.touchpoint = touchpoint
        self.range = range
    }
}

/// `rating wifi = "Inflight wifi service" { scale 1..5 }`: the column of a wide export that
/// holds one touchpoint's rating.
public struct RatingColumn: Hashable, Sendable {
    /// The id of the touchpoint this column rates.
    public var touchpoint: String
    /// The column's header in the data file.
    public var column: String
    /// nil: the file's csat scale.
    public var scale: Scale?
    /// Where the rating is declared.
    public var range: SourceRange
    /// A rating column from its parts.
    public init(touchpoint: String, column: String, scale: Scale? = nil, range: SourceRange) {
        self.touchpoint = touchpoint
        self.column = column
        self.scale = scale
        self.range = range
    }
}

/// `outcome satisfied = "satisfaction" { yes "satisfied" }`: a respondent's overall judgement.
public struct OutcomeDeclaration: Hashable, Sendable {
    /// How the outcome's values are read.
    public enum Kind: Hashable, Sendable {
        /// 1 when the value is one of these words (case-insensitive), else 0.
        case binary(yes: [String])
        /// Likelihood to recommend, 0…10.
        case nps
        /// A numeric judgement on a scale (e.g. overall rating 1…10).
        case scale(Scale)
    }
    /// The outcome's id (`outcome ID = "column"`).
    public var id: String
    /// The column's header in the data file.
    public var column: String
    /// How its values are read.
    public var kind: Kind
    /// Where the outcome is declared.
    public var range: SourceRange
    /// An outcome from its parts.
    public init(id: String, column: String, kind: Kind, range: SourceRange) {
        self.id = id
        self.column = column
        self.kind = kind
        self.range = range
    }
}
