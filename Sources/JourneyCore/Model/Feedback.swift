/// A `feedback "file" { … }` declaration: where survey data lives and how to read it.
public struct FeedbackSource: Hashable, Sendable {
    public enum Format: String, Hashable, Sendable, CaseIterable {
        case csv, jsonl
        /// One row per touchpoint with counts and sums (see docs/feedback.md).
        case aggregate
    }

    /// Path as written, and resolved against the journey file's folder.
    public var path: String
    public var resolvedPath: String
    /// nil: decided from the file extension (`.jsonl`/`.ndjson` -> jsonl, else csv).
    public var format: Format?
    /// nil: detected from the header line (`,` `;` or tab; an Excel `sep=` line wins).
    public var delimiter: Character?
    /// Logical column name (touchpoint, date, nps, csat, ces, sentiment, category, comment,
    /// segment, channel) -> the header in the data file.
    public var columns: [String: String]
    public var scales: [String: Scale]
    /// Extra words for sentiment values, e.g. "neg" -> negative.
    public var sentimentWords: [String: Sentiment]
    /// For data tagged by reason: category -> touchpoint id, in the order written.
    public var categoryRules: [CategoryRule]
    public var range: SourceRange

    public init(path: String, resolvedPath: String, format: Format? = nil, delimiter: Character? = nil,
                columns: [String: String] = [:], scales: [String: Scale] = [:],
                sentimentWords: [String: Sentiment] = [:], categoryRules: [CategoryRule] = [], range: SourceRange) {
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
    public var min: Double
    public var max: Double
    public var lowerIsBetter: Bool
    public init(min: Double, max: Double, lowerIsBetter: Bool = false) {
        self.min = min
        self.max = max
        self.lowerIsBetter = lowerIsBetter
    }

    public static let nps = Scale(min: 0, max: 10)
    public static let csat = Scale(min: 1, max: 5)
    public static let ces = Scale(min: 1, max: 7, lowerIsBetter: true)
}

public enum Sentiment: String, Hashable, Sendable, CaseIterable, Codable {
    case negative, neutral, positive
}

/// `category "Late Flight" -> delay-info`: rows whose category matches (case-insensitively,
/// or as a parent of a hierarchical `a/b` category) join to `touchpoint` when they name none.
public struct CategoryRule: Hashable, Sendable {
    public var category: String
    public var touchpoint: String
    public var range: SourceRange
    public init(category: String, touchpoint: String, range: SourceRange) {
        self.category = category
        self.touchpoint = touchpoint
        self.range = range
    }
}
