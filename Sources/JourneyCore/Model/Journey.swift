/// A resolved journey: every reference checked, includes merged, ids unique per kind.
/// This is what every later stage of the pipeline reads. Order is document order.
public struct Journey: Hashable, Sendable {
    /// The journey's id (`journey ID "Title"`): names its output folder.
    public var id: String
    /// The title shown on the map and in reports.
    public var title: String
    /// Free text from `description "…"`, if any.
    public var description: String?
    /// Who travels the journey, with those from included files.
    public var personas: [Persona]
    /// The owning teams, declared here or in included files.
    public var departments: [Department]
    /// Where contacts happen, declared here or in included files.
    public var channels: [Channel]
    /// The stages in document order, each with its touchpoints.
    public var stages: [Stage]
    /// Every edge of the journey: the implicit document-order chain plus explicit `flow`s.
    public var flows: [Flow]
    /// The data files joined to this journey (`feedback "…"`).
    public var feedback: [FeedbackSource]
    /// The goals `check` gates on (`target …`).
    public var targets: [Target]
    /// Rendering preferences from the `style` block.
    public var style: Style
    /// `period week|month|quarter|year`: how trends group dated responses when the command line
    /// gives no `--period` (nil: month).
    public var period: String? = nil
    /// The file this journey was read from (as given by the user), and every file it includes.
    public var sourceFile: String
    /// Every file included, directly or not, in include order.
    public var includedFiles: [String]
    /// Where the journey is declared.
    public var range: SourceRange
    /// Tagging rules for verbatims (`tag`, `sentiment words`, `tags override`).
    public var tagging = TagRules()
    /// The service level for answering detractors (`loop within 48 h`).
    public var followUp = FollowUpPolicy()
    /// Composite indices (`index chi "…" = 0.5 nps + …`), in document order.
    public var indices: [CompositeIndex] = []

    /// A journey from its parts; the resolver builds these, tests and importers may too.
    public init(
        id: String, title: String, description: String? = nil, personas: [Persona] = [],
        departments: [Department] = [], channels: [Channel] = [], stages: [Stage] = [],
        flows: [Flow] = [], feedback: [FeedbackSource] = [], targets: [Target] = [],
        style: Style = Style(), sourceFile: String, includedFiles: [String] = [], range: SourceRange
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.personas = personas
        self.departments = departments
        self.channels = channels
        self.stages = stages
        self.flows = flows
        self.feedback = feedback
        self.targets = targets
        self.style = style
        self.sourceFile = sourceFile
        self.includedFiles = includedFiles
        self.range = range
    }

    /// All touchpoints in document order.
    public var touchpoints: [Touchpoint] { stages.flatMap(\.touchpoints) }

    /// The touchpoint with this id, or nil.
    public func touchpoint(_ id: String) -> Touchpoint? { touchpoints.first { $0.id == id } }
    /// The stage with this id, or nil.
    public func stage(_ id: String) -> Stage? { stages.first { $0.id == id } }
    /// The department with this id, or nil.
    public func department(_ id: String) -> Department? { departments.first { $0.id == id } }
    /// The channel with this id, or nil.
    public func channel(_ id: String) -> Channel? { channels.first { $0.id == id } }
}

/// Someone who travels the journey (`persona ID "Name" { goal …; segment … }`).
public struct Persona: Hashable, Sendable {
    /// The persona's id, unique among personas.
    public var id: String
    /// The name shown in maps and reports.
    public var name: String
    /// What the persona wants from the journey, in document order.
    public var goals: [String]
    /// The feedback segment whose rows speak for this persona.
    public var segment: String?
    /// Free text about the persona.
    public var description: String?
    /// Where the persona is declared.
    public var range: SourceRange
    /// A persona from its parts.
    public init(
        id: String, name: String, goals: [String] = [], segment: String? = nil,
        description: String? = nil, range: SourceRange
    ) {
        self.id = id
        self.name = name
        self.goals = goals
        self.segment = segment
        self.description = description
        self.range = range
    }
}

/// A team that owns touchpoints and actions (`department ID "Title"`).
public struct Department: Hashable, Sendable {
    /// The department's id, unique among departments.
    public var id: String
    /// The name shown on the map and in reports.
    public var title: String
    /// Where the department is declared.
    public var range: SourceRange
    /// A department from its parts.
    public init(id: String, title: String, range: SourceRange) {
        self.id = id
        self.title = title
        self.range = range
    }
}

/// Where a contact happens: web, phone, a desk (`channel ID "Title"`).
public struct Channel: Hashable, Sendable {
    /// The channel's id, unique among channels.
    public var id: String
    /// The name shown on the map.
    public var title: String
    /// Where the channel is declared.
    public var range: SourceRange
    /// A channel from its parts.
    public init(id: String, title: String, range: SourceRange) {
        self.id = id
        self.title = title
        self.range = range
    }
}

/// A phase of the journey (`stage ID "Title" { touchpoint … }`), a column of the map.
public struct Stage: Hashable, Sendable {
    /// The stage's id, unique among stages.
    public var id: String
    /// The title shown above the stage's column.
    public var title: String
    /// Its touchpoints in document order.
    public var touchpoints: [Touchpoint]
    /// Where the stage is declared.
    public var range: SourceRange
    /// A stage from its parts.
    public init(id: String, title: String, touchpoints: [Touchpoint] = [], range: SourceRange) {
        self.id = id
        self.title = title
        self.touchpoints = touchpoints
        self.range = range
    }
}

/// One contact between customer and organisation.
public struct Touchpoint: Hashable, Sendable {
    /// The touchpoint's id, unique in the journey; feedback rows join on it.
    public var id: String
    /// The title shown on the map.
    public var title: String
    /// The id of the stage that holds it.
    public var stageID: String
    /// Channel and department ids; nil when the file does not say (a warning for `owner`).
    public var channel: String?
    /// The id of the owning department: who must act on its pain points.
    public var owner: String?
    /// The designed emotion, -2...+2.
    public var emotion: Emotion?
    /// Known pains written in the journey (`pain "…"`), checked against the data in reports.
    public var pains: [String]
    /// Improvement ideas (`opportunity "…"`).
    public var opportunities: [String]
    /// Free notes (`note "…"`).
    public var notes: [String]
    /// Marked `moment of truth`: weighs more in the pain-point score.
    public var isMomentOfTruth: Bool
    /// What the customer does here (blueprint "customer actions" lane).
    public var customerActions: [Action]
    /// Staff and systems behind the touchpoint, below the line of visibility.
    public var backstage: [Action]
    /// Support processes, below the line of internal interaction.
    public var support: [Action]
    /// Personas (ids) who go through this touchpoint; empty means everyone (Mermaid's actors).
    public var personas: [String] = []
    /// Off the main path: the document-order flow skips it; explicit flows lead in and out.
    public var isBranch = false
    /// Where the touchpoint is declared.
    public var range: SourceRange

    /// A touchpoint from its parts.
    public init(
        id: String, title: String, stageID: String, channel: String? = nil, owner: String? = nil,
        emotion: Emotion? = nil, pains: [String] = [], opportunities: [String] = [], notes: [String] = [],
        isMomentOfTruth: Bool = false, customerActions: [Action] = [], backstage: [Action] = [],
        support: [Action] = [], range: SourceRange
    ) {
        self.id = id
        self.title = title
        self.stageID = stageID
        self.channel = channel
        self.owner = owner
        self.emotion = emotion
        self.pains = pains
        self.opportunities = opportunities
        self.notes = notes
        self.isMomentOfTruth = isMomentOfTruth
        self.customerActions = customerActions
        self.backstage = backstage
        self.support = support
        self.range = range
    }
}

/// A blueprint action: free text and, optionally, the department that performs it.
public struct Action: Hashable, Sendable {
    /// What is done, as written.
    public var text: String
    /// The id of the department that does it, if written.
    public var owner: String?
    /// Where the action is written.
    public var range: SourceRange
    /// An action from its parts.
    public init(text: String, owner: String? = nil, range: SourceRange) {
        self.text = text
        self.owner = owner
        self.range = range
    }
}

/// A designed emotion on the -2...+2 scale.
public struct Emotion: Hashable, Sendable {
    /// -2 (angry) … +2 (delighted).
    public var value: Int

    /// An emotion from its value; nil outside -2...+2.
    public init?(value: Int) {
        guard (-2...2).contains(value) else { return nil }
        self.value = value
    }

    /// The names the language accepts, in scale order.
    public static let names: [(name: String, value: Int)] = [
        ("angry", -2), ("frustrated", -1), ("neutral", 0), ("happy", 1), ("delighted", 2),
    ]

    /// An emotion from its name (`frustrated`); nil for an unknown name.
    public init?(name: String) {
        guard let hit = Emotion.names.first(where: { $0.name == name }) else { return nil }
        self.value = hit.value
    }

    /// The emotion's name (`happy` for +1).
    public var name: String { Emotion.names.first { $0.value == value }!.name }
}

/// An edge between two touchpoints: document order or an explicit `flow a -> b "label"`.
public struct Flow: Hashable, Sendable {
    /// How the edge came to be.
    public enum Kind: String, Hashable, Sendable {
        /// Document order between consecutive touchpoints.
        case sequence
        /// Written with `flow a -> b`.
        case explicit
    }
    /// The id of the touchpoint it leaves.
    public var from: String
    /// The id of the touchpoint it reaches.
    public var to: String
    /// The text written on the flow, if any.
    public var label: String?
    /// Document order or written.
    public var kind: Kind
    /// Where the flow is written (the next touchpoint for document order).
    public var range: SourceRange
    /// A flow from its parts.
    public init(from: String, to: String, label: String? = nil, kind: Kind, range: SourceRange) {
        self.from = from
        self.to = to
        self.label = label
        self.kind = kind
        self.range = range
    }
}

/// Rendering preferences written in the journey's `style` block.
public struct Style: Hashable, Sendable {
    /// `default`, `print` or `dark`; nil for the default.
    public var theme: String?
    /// The language of the map's and reports' fixed words (`language pl`); nil for English
    /// unless the command line says otherwise (`--lang`).
    public var language: Language?
    /// A style from its parts.
    public init(theme: String? = nil, language: Language? = nil) {
        self.theme = theme
        self.language = language
    }
}
