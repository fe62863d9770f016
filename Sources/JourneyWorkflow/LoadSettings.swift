import JourneyCore

/// The command line's limits for loading journeys, as a value that travels to workers (the
/// include root is each input's own).
public struct LoadSettings: Sendable, Codable, Equatable {
    /// Largest journey or include file, in bytes.
    public var maxFileSize = 32 * 1_048_576
    /// Most touchpoints in one journey.
    public var maxTouchpoints = 100_000
    /// The defaults: 32 MiB files, 100,000 touchpoints.
    public init() {}

    /// The loader's options for a journey whose includes stay inside `root`.
    public func options(root: String) -> LoadOptions {
        var o = LoadOptions(root: root)
        o.maxFileSize = maxFileSize
        o.maxTouchpoints = maxTouchpoints
        return o
    }
}
