import JourneyCore

/// Converts between the language's positions (1-based lines, 1-based columns counted in
/// Unicode scalars, UTF-8 byte offsets) and the protocol's (0-based lines, 0-based columns
/// counted in UTF-16 code units). "é" is one scalar and one UTF-16 unit; "😀" is one scalar
/// and two units: a diagnostic after an emoji would be off by one without this.
public enum PositionMap {
    /// The protocol position of `location`; the line's text comes from `file`. Whole-file
    /// locations (line 0) map to the start. Without the text (a data file too large to read
    /// again), columns are taken as UTF-16 units, exact for text without astral characters.
    public static func position(_ location: SourceLocation, in file: SourceFile?) -> Position {
        guard location.line >= 1 else { return Position(line: 0, character: 0) }
        let scalars = max(0, location.column - 1)
        guard let file else { return Position(line: location.line - 1, character: scalars) }
        var units = 0
        var seen = 0
        for s in file.line(location.line).unicodeScalars {
            if seen == scalars { break }
            units += s.utf16.count
            seen += 1
        }
        return Position(line: location.line - 1, character: units)
    }

    /// A source range as a protocol range: both ends through `position(_:in:)`.
    public static func range(_ range: SourceRange, in file: SourceFile?) -> LSPRange {
        LSPRange(start: position(range.start, in: file), end: position(range.end, in: file))
    }

    /// The UTF-8 offset of a protocol position; past the end of a line means its end, past
    /// the last line means the end of the file (editors send both while text is changing).
    public static func offset(of position: Position, in file: SourceFile) -> Int {
        guard position.line >= 0 else { return 0 }
        guard position.line < file.lineStarts.count else { return file.bytes.count }
        let lineStart = file.lineStarts[position.line]
        let lineText = file.line(position.line + 1)
        var units = 0
        var offset = lineStart
        for s in lineText.unicodeScalars {
            if units >= position.character { break }
            units += s.utf16.count
            offset += s.utf8.count
        }
        return offset
    }

    /// The protocol position just past the last character of `file`.
    public static func end(of file: SourceFile) -> Position {
        position(file.endLocation, in: file)
    }
}
