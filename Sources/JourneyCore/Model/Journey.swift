/// A resolved journey: every reference checked, includes merged, ids unique per kind.
/// This is what every later stage of the pipeline reads. Order is document order.
public struct Journey: Hashable, Sendable {
    public var id: String
    public var title: String
    public var description: String?
    public var personas: [Persona]
    public var departments: [Department]
    public var channels: [Channel]
    public var stages: [Stage]
    /// Every edge of the journey: the implicit document-order chain plus explicit `flow`s.
    public var flows: [Flow]
    public var feedback: [FeedbackSource]
    public var targets: [Target]
    public var style: Style
    /// The file this journey was read from (as given by the user), and every file it includes.
    public var sourceFile: String
    public var includedFiles: [String]
    public var range: SourceRange

    public init(id: String, title: String, description: String? = nil, personas: [Persona] = [],
                departments: [Department] = [], channels: [Channel] = [], stages: [Stage] = [],
                flows: [Flow] = [], feedback: [FeedbackSource] = [], targets: [Target] = [],
                style: Style = Style(), sourceFile: String, includedFiles: [String] = [], range: SourceRange) {
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

    public func touchpoint(_ id: String) -> Touchpoint? { touchpoints.first { $0.id == id } }
    public func stage(_ id: String) -> Stage? { stages.first { $0.id == id } }
    public func department(_ id: String) -> Department? { departments.first { $0.id == id } }
    public func channel(_ id: String) -> Channel? { channels.first { $0.id == id } }
}

public struct Persona: Hashable, Sendable {
    public var id: String
    public var name: String
    public var goals: [String]
    public var segment: String?
    public var description: String?
    public var range: SourceRange
    public init(id: String, name: String, goals: [String] = [], segment: String? = nil,
                description: String? = nil, range: SourceRange) {
        self.id = id
        self.name = name
        self.goals = goals
        self.segment = segment
        self.description = description
        self.range = range
    }
}

public struct Department: Hashable, Sendable {
    public var id: String
    public var title: String
    public var range: SourceRange
    public init(id: String, title: String, range: SourceRange) {
        self.id = id
        self.title = title
        self.range = range
    }
}

public struct Channel: Hashable, Sendable {
    public var id: String
    public var title: String
    public var range: SourceRange
    public init(id: String, title: String, range: SourceRange) {
        self.id = id
        self.title = title
        self.range = range
    }
}

public struct Stage: Hashable, Sendable {
    public var id: String
    public var title: String
    public var touchpoints: [Touchpoint]
    public var range: SourceRange
    public init(id: String, title: String, touchpoints: [Touchpoint] = [], range: SourceRange) {
        self.id = id
        self.title = title
        self.touchpoints = touchpoints
        self.range = range
    }
}

/// One contact between customer and organisation.
public struct Touchpoint: Hashable, Sendable {
    public var id: String
    public var title: String
    public var stageID: String
    /// Channel and department ids; nil when the file does not say (a warning for `owner`).
    public var channel: String?
    public var owner: String?
    /// The designed emotion, -2...+2.
    public var emotion: Emotion?
    public var pains: [String]
    public var opportunities: [String]
    public var notes: [String]
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
    public var range: SourceRange

    public init(id: String, title: String, stageID: String, channel: String? = nil, owner: String? = nil,
                emotion: Emotion? = nil, pains: [String] = [], opportunities: [String] = [], notes: [String] = [],
                isMomentOfTruth: Bool = false, customerActions: [Action] = [], backstage: [Action] = [],
                support: [Action] = [], range: SourceRange) {
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
    public var text: String
    public var owner: String?
    public var range: SourceRange
    public init(text: String, owner: String? = nil, range: SourceRange) {
        self.text = text
        self.owner = owner
        self.range = range
    }
}

/// A designed emotion on the -2...+2 scale.
public struct Emotion: Hashable, Sendable {
    public var value: Int

    public init?(value: Int) {
        guard (-2...2).contains(value) else { return nil }
        self.value = value
    }

    /// The names the language accepts, in scale order.
    public static let names: [(name: String, value: Int)] = [
        ("angry", -2), ("frustrated", -1), ("neutral", 0), ("happy", 1), ("delighted", 2),
    ]

    public init?(name: String) {
        guard let hit = Emotion.names.first(where: { $0.name == name }) else { return nil }
        self.value = hit.value
    }

    public var name: String { Emotion.names.first { $0.value == value }!.name }
}

public struct Flow: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        /// Document order between consecutive touchpoints.
        case sequence
        /// Written with `flow a -> b`.
        case explicit
    }
    public var from: String
    public var to: String
    public var label: String?
    public var kind: Kind
    public var range: SourceRange
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
    public var theme: String?
    public init(theme: String? = nil) { self.theme = theme }
}
