import JourneyCore

/// What `check --baseline` and `diff --baseline` compare the current feedback with: an older
/// data file, the journey's feedback files at a git revision, or the previous period of the
/// current data (docs/feedback.md#regression-gates).
public enum Baseline: Hashable, Sendable {
    /// An older data file read with the journey's one feedback declaration (its columns,
    /// scales and format); it stands for that declaration's file.
    case file(String)
    /// Every feedback file of the journey as it was at this git revision.
    case revision(String)
    /// The latest period with responses against the one before it that has responses.
    case previous

    /// A `--baseline` that is not a file, a revision or `previous`.
    public struct Invalid: Error, CustomStringConvertible, Sendable {
        /// The value as given.
        public var spec: String
        /// What went wrong and what to do.
        public var description: String {
            if spec.hasPrefix("-") {
                return "--baseline '\(spec)' starts with '-'; give an older feedback file, a git revision or 'previous'"
            }
            return
                "--baseline '\(spec)' is not a file, a git revision of this repository, or 'previous'; give an older feedback file, a revision (in a shallow CI checkout, fetch it first: git fetch origin main), or 'previous'"
        }
    }

    /// Reads a `--baseline` value: `previous`, else an existing file, else a revision that git
    /// knows in the current folder or in one of `folders` (the journeys' own: they may lie in
    /// another repository than the current folder). Throws `Invalid` otherwise.
    public static func parse(_ spec: String, folders: [String] = []) throws -> Baseline {
        if spec == "previous" { return .previous }
        if FileReader.kind(of: spec) == "file" { return .file(spec) }
        guard !spec.isEmpty, !spec.hasPrefix("-") else { throw Invalid(spec: spec) }
        let candidates: [String?] = [nil] + folders.map { Optional($0) }
        guard candidates.contains(where: { GitRevision.isRevision(spec, in: $0) }) else { throw Invalid(spec: spec) }
        return .revision(spec)
    }

    /// How messages and reports name it: the file or revision as given, `previous period`.
    public var label: String {
        switch self {
        case .file(let path): return path
        case .revision(let rev): return rev
        case .previous: return "previous period"
        }
    }
}
