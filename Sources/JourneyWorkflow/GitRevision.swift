import Foundation

/// Reads a file as it was at a git revision (`REV:path`), through `git show` (git, never
/// Graphviz, is the only other program run). Works from any folder of the repository: the
/// path is taken relative to the current folder first (`REV:./path`), then to the
/// repository's top.
public enum GitRevision {
    /// A revision or path git could not show.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        /// The `REV:path` as given.
        public var spec: String
        /// What went wrong, in words.
        public var description: String { "git cannot show '\(spec)' (not a revision and a path in this repository)" }
    }

    /// Splits `REV:PATH`; nil when there is no colon.
    public static func split(_ spec: String) -> (revision: String, path: String)? {
        guard let colon = spec.firstIndex(of: ":"), colon != spec.startIndex else { return nil }
        return (String(spec[..<colon]), String(spec[spec.index(after: colon)...]))
    }

    /// The file's bytes at the revision, and where the file lies in the working tree (its
    /// includes and feedback files are read from there).
    public static func read(revision: String, path: String, in folder: String? = nil) throws -> (bytes: [UInt8], workingPath: String) {
        let relative = path.hasPrefix("./") || path.hasPrefix("../") ? path : "./\(path)"
        if let bytes = show(["show", "\(revision):\(relative)"], in: folder) { return (bytes, path) }
        if let bytes = show(["show", "\(revision):\(path)"], in: folder),
            let top = show(["rev-parse", "--show-toplevel"], in: folder)
        {
            let root = String(decoding: top, as: UTF8.self).trimmingCharacters(in: .newlines)
            return (bytes, "\(root)/\(path)")
        }
        throw Failure(spec: "\(revision):\(path)")
    }

    /// Whether git knows `revision` as a commit in `folder` (the current folder when nil).
    /// A revision starting with '-' is refused, so it can never be read as an option.
    public static func isRevision(_ revision: String, in folder: String? = nil) -> Bool {
        guard !revision.hasPrefix("-") else { return false }
        return show(["rev-parse", "--verify", "--quiet", "\(revision)^{commit}"], in: folder) != nil
    }

    private static func show(_ arguments: [String], in folder: String?) -> [UInt8]? {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["git"] + arguments
        if let folder { p.currentDirectoryURL = URL(fileURLWithPath: folder) }
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        p.standardInput = FileHandle.nullDevice
        do { try p.run() } catch { return nil }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return p.terminationStatus == 0 ? Array(data) : nil
    }
}
