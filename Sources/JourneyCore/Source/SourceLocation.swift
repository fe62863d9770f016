/// A position in a source file: 1-based line and column (columns count Unicode scalars),
/// plus the UTF-8 byte offset for slicing.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// 1-based line; 0 in a whole-file range.
    public var line: Int
    /// 1-based column in Unicode scalars (what editors and SARIF's `unicodeCodePoints` count).
    public var column: Int
    /// UTF-8 byte offset from the start of the file.
    public var offset: Int

    /// A location from its parts.
    public init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }

    /// Earlier in the file.
    public static func < (a: SourceLocation, b: SourceLocation) -> Bool { a.offset < b.offset }
    /// `line:column`.
    public var description: String { "\(line):\(column)" }
}

/// A half-open range in one file. `file` is the path as the user should see it.
public struct SourceRange: Hashable, Sendable, CustomStringConvertible {
    /// The path as the user should see it.
    public var file: String
    /// The first position.
    public var start: SourceLocation
    /// Just past the last position.
    public var end: SourceLocation

    /// A range from its parts.
    public init(file: String, start: SourceLocation, end: SourceLocation) {
        self.file = file
        self.start = start
        self.end = end
    }

    /// A range for a whole file (line 0): printed as `path: …` with no line or snippet.
    public static func file(_ path: String) -> SourceRange {
        let origin = SourceLocation(line: 0, column: 0, offset: 0)
        return SourceRange(file: path, start: origin, end: origin)
    }

    /// True for `file(_:)` ranges.
    public var isWholeFile: Bool { start.line == 0 }

    /// `file:line:column`, or the path alone for a whole file.
    public var description: String { isWholeFile ? file : "\(file):\(start)" }
}
