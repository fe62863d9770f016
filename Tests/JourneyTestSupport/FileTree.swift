import Foundation

/// The regular files under a folder, by relative path. Throws when the folder cannot be read,
/// so a comparison of two trees can never pass by reading nothing (or the wrong folder).
public enum FileTree {
    /// The folder could not be listed.
    public struct Unreadable: Error, CustomStringConvertible {
        /// The folder.
        public var path: String
        /// "cannot list the folder PATH".
        public var description: String { "cannot list the folder \(path)" }
    }

    /// The regular files under `dir` whose relative path `keep` accepts, with their bytes.
    public static func read(_ dir: String, including keep: (String) -> Bool = { _ in true }) throws -> [String: Data] {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue,
            let walker = FileManager.default.enumerator(atPath: dir)
        else { throw Unreadable(path: dir) }
        var out: [String: Data] = [:]
        for case let rel as String in walker where keep(rel) {
            let path = dir + "/" + rel
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue {
                out[rel] = FileManager.default.contents(atPath: path)
            }
        }
        return out
    }
}
