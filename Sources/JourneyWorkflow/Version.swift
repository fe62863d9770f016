/// The tool's version; part of the render manifest, so a new version re-renders everything.
public enum JourneyMapVersion {
    /// The version, `MAJOR.MINOR.PATCH`.
    public static let string = "0.1.0"
}
