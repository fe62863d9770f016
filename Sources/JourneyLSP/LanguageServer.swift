/// Placeholder: the language server lands in the next commits.
public enum JourneyLSPPlaceholder {}
