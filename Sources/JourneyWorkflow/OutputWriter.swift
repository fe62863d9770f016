import JourneyCore

/// Writes a journey's outputs: every file atomically, and only when the whole journey
/// rendered, so a failed run leaves earlier outputs untouched.
public enum OutputWriter {
    /// Writes files whose bytes differ from what is on disk; returns the paths written.
    @discardableResult
    public static func write(_ files: [OutputFile]) throws -> [String] {
        var written: [String] = []
        // Temporary files of a run that was killed mid-write are never outputs: clear them.
        for dir in Set(files.map { AtomicFile.directory(of: $0.path) }) { AtomicFile.removeLeftovers(in: dir) }
        for f in files {
            // An unchanged file is left alone: its time stamp and the folder stay quiet.
            if case .success(let existing) = FileReader.read(f.path, limit: f.bytes.count), existing == f.bytes { continue }
            try AtomicFile.write(f.bytes, to: f.path)
            written.append(f.path)
        }
        return written
    }
}
