#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads input files with the checks a tool fed untrusted paths needs: regular files only
/// (a FIFO would block forever, a directory is a mistake), a size limit, and real paths.
public enum FileReader {
    /// Why a file was not read.
    public enum Failure: Error, Equatable, Sendable {
        case notFound
        case notRegularFile(kind: String)
        case tooLarge(size: Int, limit: Int)
        case unreadable(errno: Int32)

        /// A sentence for a diagnostic.
        public var message: String {
            switch self {
            case .notFound: "no such file"
            case .notRegularFile(let kind): "it is a \(kind), not a regular file"
            case .tooLarge(let size, let limit):
                "the file is \(size / 1_048_576) MiB, over the \(limit / 1_048_576) MiB limit (raise it with --max-file-size)"
            case .unreadable(let e): "cannot read it: \(String(cString: strerror(e)))"
            }
        }
    }

    /// What kind of thing is at `path` (following symlinks), or nil when nothing is.
    public static func kind(of path: String) -> String? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        switch st.st_mode & S_IFMT {
        case S_IFREG: return "file"
        case S_IFDIR: return "directory"
        case S_IFIFO: return "FIFO"
        case S_IFSOCK: return "socket"
        case S_IFCHR, S_IFBLK: return "device"
        default: return "special file"
        }
    }

    /// The size in bytes of what is at `path` (following symlinks), or nil when nothing is.
    public static func size(of path: String) -> Int? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return Int(st.st_size)
    }

    /// Reads a whole regular file of at most `limit` bytes.
    public static func read(_ path: String, limit: Int) -> Result<[UInt8], Failure> {
        guard let kind = kind(of: path) else { return .failure(.notFound) }
        guard kind == "file" else { return .failure(.notRegularFile(kind: kind)) }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .failure(.unreadable(errno: errno)) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return .failure(.unreadable(errno: errno)) }
        let size = Int(st.st_size)
        guard size <= limit else { return .failure(.tooLarge(size: size, limit: limit)) }
        var bytes = [UInt8](repeating: 0, count: size)
        var filled = 0
        while filled < size {
            let n = bytes.withUnsafeMutableBytes { buf in
                Glibc.read(fd, buf.baseAddress! + filled, size - filled)
            }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(.unreadable(errno: errno))
            }
            if n == 0 { break }
            filled += n
        }
        if filled < size { bytes.removeLast(size - filled) }
        return .success(bytes)
    }

    /// The canonical absolute path with symlinks resolved, or nil.
    public static func realPath(_ path: String) -> String? {
        guard let p = realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }
}

/// Path helpers on plain strings (Foundation's URL is slow and platform-dependent here).
public enum PathUtil {
    /// The folder part of a path (`.` for a bare name, `/` at the root).
    public static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let dir = String(path[..<slash])
        return dir.isEmpty ? "/" : dir
    }

    /// `dir/relative`, or `relative` alone when it is absolute or `dir` is `.`.
    public static func join(_ dir: String, _ relative: String) -> String {
        if relative.hasPrefix("/") { return relative }
        if dir == "." { return relative }
        return dir.hasSuffix("/") ? dir + relative : dir + "/" + relative
    }

    /// True when `path` equals `root` or lies below it (both canonical).
    public static func isInside(_ path: String, root: String) -> Bool {
        if path == root { return true }
        let r = root.hasSuffix("/") ? root : root + "/"
        return path.hasPrefix(r)
    }
}
