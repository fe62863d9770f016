/// `loop within 48 h [at DEPARTMENT]`: how soon a detractor or a negative response must be
/// answered (docs/close-the-loop.md#follow-up-lists), and `loop record "FILE"`: where the team
/// records what it did (docs/close-the-loop.md#the-loop-record).
public struct FollowUpPolicy: Hashable, Sendable {
    /// The journey's service level in hours; nil: none declared.
    public var hours: Int?
    /// Per department id, overriding the journey's.
    public var byDepartment: [String: Int] = [:]
    /// The loop record file declared with `loop record "FILE"`, if any.
    public var record: LoopRecordSource?
    /// No service level.
    public init() {}

    /// The service level of a department's follow-ups, in hours (the department's, else the journey's).
    public func hours(for department: String?) -> Int? {
        department.flatMap { byDepartment[$0] } ?? hours
    }
}

/// A loop record file named in a journey (`loop record "airport-lounge.loop.csv"`), or on
/// the command line (`--loop FILE`).
public struct LoopRecordSource: Hashable, Sendable {
    /// The path as written.
    public var path: String
    /// The path relative to the working directory (resolved against the journey's folder).
    public var resolvedPath: String
    /// Where it was declared (the string), for messages; the file itself for `--loop`.
    public var range: SourceRange

    /// A record source from its parts.
    public init(path: String, resolvedPath: String, range: SourceRange) {
        self.path = path
        self.resolvedPath = resolvedPath
        self.range = range
    }
}
