import JourneyCore

/// `fmt` for one file: format, compare, and (unless checking) write atomically.
public enum FormatJob {
    /// What formatting a file did.
    public enum Outcome: Sendable {
        case unchanged
        case changed
        case failed([Diagnostic], [String: SourceFile])
    }

    /// Formats the file at `path`; writes it (atomically) only when `write` and it changed.
    public static func run(path: String, write: Bool, maxFileSize: Int) -> Outcome {
        let bytes: [UInt8]
        switch FileReader.read(path, limit: maxFileSize) {
        case .success(let b): bytes = b
        case .failure(let f):
            return .failed([Diagnostic(.unreadableFile, "cannot read '\(path)': \(f.message)", at: .file(path))], [:])
        }
        let (file, decodeDiagnostics) = SourceFile.decode(path: path, data: bytes)
        if decodeDiagnostics.hasErrors { return .failed(decodeDiagnostics, [path: file]) }
        let (text, diagnostics) = Formatter().format(file)
        guard let text else { return .failed(diagnostics.sortedForOutput(), [path: file]) }
        let formatted = Array(text.utf8)
        if formatted == bytes { return .unchanged }
        if write {
            do {
                try AtomicFile.write(formatted, to: path)
            } catch {
                return .failed([Diagnostic(.unwritableOutput, "\(error)", at: .file(path))], [:])
            }
        }
        return .changed
    }

    /// `fmt -`: the canonical layout of text read from standard input (nothing is written;
    /// the CLI prints it). `path` (`--stdin-filename`) names it in messages.
    public static func format(bytes: [UInt8], path: String) -> Result<[UInt8], FormatFailure> {
        let (file, decodeDiagnostics) = SourceFile.decode(path: path, data: bytes)
        if decodeDiagnostics.hasErrors { return .failure(FormatFailure(diagnostics: decodeDiagnostics, sources: [path: file])) }
        let (text, diagnostics) = Formatter().format(file)
        guard let text else { return .failure(FormatFailure(diagnostics: diagnostics.sortedForOutput(), sources: [path: file])) }
        return .success(Array(text.utf8))
    }

    /// Why text could not be formatted: its diagnostics, and its source for printing them.
    public struct FormatFailure: Error, Sendable {
        /// Why it could not be formatted (syntax errors, undecodable bytes).
        public var diagnostics: [Diagnostic]
        /// The source, by path, for printing the diagnostics.
        public var sources: [String: SourceFile]
    }
}
