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
            if let existing = try? readIfSmall(f.path), existing == f.bytes { continue }
            try AtomicFile.write(f.bytes, to: f.path)
            written.append(f.path)
        }
        return written
    }

    static func readIfSmall(_ path: String) throws -> [UInt8]? {
        switch JourneyCoreReader.read(path) {
        case .some(let b): return b
        case .none: return nil
        }
    }
}

import JourneyCore

enum JourneyCoreReader {
    static func read(_ path: String) -> [UInt8]? {
        if case .success(let b) = FileReader.read(path, limit: 1 << 30) { return b }
        return nil
    }
}
