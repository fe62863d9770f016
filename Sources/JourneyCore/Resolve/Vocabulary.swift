/// The words the language accepts in each place, as the resolver checks them: for editors
/// (completion, the TextMate grammar's test) so that they never drift from the resolver.
public enum Vocabulary {
    /// Statements at the top of a file.
    public static let topLevel = ["journey", "include", "department", "channel", "persona", "tag", "sentiment"]
    /// Statements in a `journey { … }` block.
    public static var journey: [String] { Resolver.journeyStatements }
    /// Statements in a `stage { … }` block.
    public static let stage = ["touchpoint"]
    /// Statements in a `touchpoint { … }` block.
    public static var touchpoint: [String] { Resolver.touchpointStatements }
    /// Statements in a `persona { … }` block.
    public static let persona = ["goal", "segment", "description"]
    /// Statements in a `feedback "file" { … }` block.
    public static var feedback: [String] { Resolver.feedbackStatements }
    /// Statements in a `style { … }` block.
    public static let style = ["theme", "language"]
    /// Statements in a feedback block's `outcome ID = "column" { … }`.
    public static var outcome: [String] { Resolver.outcomeKinds }
    /// Statements in a feedback block's `rating ID = "column" { … }`.
    public static let rating = ["scale"]
    /// The logical columns of `column NAME = "header"`.
    public static var feedbackColumns: [String] { Resolver.feedbackColumns }
    /// `period NAME`: how trends group dated responses.
    public static let periods = ["week", "month", "quarter", "year"]
    /// `theme NAME`.
    public static let themes = ["default", "print", "dark"]
    /// `language CODE`.
    public static var languages: [String] { Language.codes }
    /// The measures an `index` combines (`index chi = 0.5 nps + 0.5 csat`).
    public static var indexComponents: [String] { CompositeIndex.Component.allCases.map(\.rawValue) }
    /// What may follow `target METRIC OP VALUE at`.
    public static let targetScopes = ["stage", "touchpoint", "department", "channel", "segment"]

    /// The statements allowed inside the block opened by `keyword`; nil for a keyword that
    /// takes no block.
    public static func statements(inBlockOf keyword: String) -> [String]? {
        switch keyword {
        case "journey": journey
        case "stage": stage
        case "touchpoint": touchpoint
        case "persona": persona
        case "feedback": feedback
        case "style": style
        case "outcome": outcome
        case "rating": rating
        case "tag": Resolver.tagStatements
        case "sentiment": Resolver.sentimentWordStatements
        default: nil
        }
    }
}
