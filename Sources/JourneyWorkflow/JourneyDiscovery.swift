#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import JourneyCore

/// Finds the `.journey` files named on the command line: files as given, folders searched
/// recursively, in sorted order so that batches are deterministic.
public enum JourneyDiscovery {
    /// A journey file to load and the folder its includes must stay inside.
    public struct Input: Hashable, Sendable, Codable {
        /// The file to load.
        public var path: String
        /// The folder includes must stay inside: the folder named on the command line, or
        /// the file's own folder.
        public var root: String
        /// An input from its file and root.
        public init(path: String, root: String) {
            self.path = path
            self.root = root
        }
    }

    /// An argument that names no journey: a missing path, or a file that is not `.journey`.
    public enum Failure: Error, Equatable, Sendable {
        case notFound(String)
        case notJourney(String)
    }

    /// The journeys named by `arguments`: files as given, folders searched recursively, sorted.
    public static func inputs(for arguments: [String]) throws(Failure) -> [Input] {
        var result: [Input] = []
        for arg in arguments {
            let path = arg.count > 1 && arg.hasSuffix("/") ? String(arg.dropLast()) : arg
            switch FileReader.kind(of: path) {
            case "directory":
                result += walk(path).sorted().map { Input(path: $0, root: path) }
            case "file":
                result.append(Input(path: path, root: PathUtil.directory(of: path)))
            case nil:
                throw .notFound(arg)
            default:
                throw .notJourney(arg)
            }
        }
        var seen = Set<String>()
        return result.filter { seen.insert($0.path).inserted }
    }

    private static func walk(_ dir: String) -> [String] {
        guard let d = opendir(dir) else { return [] }
        defer { closedir(d) }
        var out: [String] = []
        while let entry = readdir(d) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if name.hasPrefix(".") { continue }
            let full = dir == "." ? name : "\(dir)/\(name)"
            var st = stat()
            guard lstat(full, &st) == 0 else { continue }
            // Symlinked folders are not followed: a batch never leaves the tree it was given.
            if st.st_mode & S_IFMT == S_IFDIR {
                out += walk(full)
            } else if name.hasSuffix(".journey") {
                out.append(full)
            }
        }
        return out
    }
}
