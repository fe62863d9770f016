/// A position in a source file: 1-based line and column (columns count Unicode scalars),
/// plus the UTF-8 byte offset for slicing.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var offset: Int

    public init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool { a.offset < b.offset }
    public var description: String { "\(line):\(column)" }
}

/// A half-open range in one file. `file` is the path as the user should see it.
public struct SourceRange: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var start: SourceLocation
    public var end: SourceLocation

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

    public var description: String { isWholeFile ? file : "\(file):\(start)" }
}
