#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes files so that a reader (or a crash, or SIGKILL) only ever sees the old complete
/// file or the new complete one: write a temporary file beside the target, fsync it,
/// rename it over the target, fsync the folder.
///
/// Foundation's `.atomic` is not used: on Linux it resets the file mode, skips the directory
/// fsync, and follows a symlink at the output path (measured, see docs/security.md).
public enum AtomicFile {
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var path: String
        public var reason: String
        public var description: String { "cannot write '\(path)': \(reason)" }
    }

    /// Temporary files carry this marker so that a cleanup can find leftovers of killed runs.
    public static let temporaryMarker = ".journeymap-tmp-"

    public static func write(_ bytes: [UInt8], to path: String, mode: mode_t = 0o644) throws {
        let dir = directory(of: path)
        try makeDirectories(dir)
        let name = path.split(separator: "/").last.map(String.init) ?? path
        var template = Array("\(dir)/\(temporaryMarker)\(name).XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw Failure(path: path, reason: String(cString: strerror(errno))) }
        let tmp = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var ok = false
        defer {
            if !ok { unlink(tmp) }
        }
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { buf in
                Glibc.write(fd, buf.baseAddress! + written, bytes.count - written)
            }
            if n < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                close(fd)
                throw Failure(path: path, reason: reason)
            }
            written += n
        }
        fchmod(fd, mode)
        guard fsync(fd) == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw Failure(path: path, reason: reason)
        }
        close(fd)
        // rename(2) replaces a symlink at `path` itself, never the file it points to.
        guard rename(tmp, path) == 0 else { throw Failure(path: path, reason: String(cString: strerror(errno))) }
        ok = true
        let dfd = open(dir, O_RDONLY | O_DIRECTORY)
        if dfd >= 0 {
            fsync(dfd)
            close(dfd)
        }
    }

    /// Removes temporary files left in `dir` by runs that were killed mid-write.
    public static func removeLeftovers(in dir: String) {
        guard let d = opendir(dir) else { return }
        defer { closedir(d) }
        while let entry = readdir(d) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if name.hasPrefix(temporaryMarker) { unlink("\(dir)/\(name)") }
        }
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let d = String(path[..<slash])
        return d.isEmpty ? "/" : d
    }

    /// `mkdir -p`.
    public static func makeDirectories(_ dir: String) throws {
        var st = stat()
        if stat(dir, &st) == 0 {
            guard st.st_mode & S_IFMT == S_IFDIR else { throw Failure(path: dir, reason: "exists and is not a folder") }
            return
        }
        let parent = directory(of: dir)
        if parent != dir, parent != "." { try makeDirectories(parent) }
        if mkdir(dir, 0o755) != 0, errno != EEXIST {
            throw Failure(path: dir, reason: String(cString: strerror(errno)))
        }
    }
}
