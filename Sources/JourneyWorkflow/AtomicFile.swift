#if canImport(Glibc)
    import Glibc
#endif

/// Writes files so that a reader (or a crash, or SIGKILL) only ever sees the old complete
/// file or the new complete one: write a temporary file beside the target, fsync it,
/// rename it over the target, fsync the folder.
///
/// Foundation's `.atomic` is not used: on Linux it resets the file mode, skips the directory
/// fsync, and follows a symlink at the output path (measured, see docs/security.md).
public enum AtomicFile {
    /// A write that failed, with the path and the system's reason.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        /// The file that could not be written.
        public var path: String
        /// The reason, e.g. "No space left on device".
        public var reason: String
        /// A failure from its parts.
        public init(path: String, reason: String) {
            self.path = path
            self.reason = reason
        }
        /// "cannot write 'PATH': REASON".
        public var description: String { "cannot write '\(path)': \(reason)" }
    }

    /// A test seam: called with each output path before its bytes are written; an `errno`
    /// it returns fails that write as the system would (e.g. `ENOSPC` for a full disk).
    public typealias FaultInjector = @Sendable (String) -> Int32?

    /// Temporary files and staging folders carry this marker, then the id of the process
    /// that made them (`.journeymap-tmp-<pid>-…`), so that a later run can tell leftovers of
    /// a killed run from the work of a run still going on.
    public static let temporaryMarker = ".journeymap-tmp-"

    /// Writes `bytes` to `path` whole or not at all: a temporary file in the same folder, fsync,
    /// rename over the target, fsync of the folder. A symlink at `path` is replaced, never followed.
    public static func write(_ bytes: [UInt8], to path: String, mode: mode_t = 0o644, fault: FaultInjector? = nil) throws {
        let dir = directory(of: path)
        try makeDirectories(dir)
        let tmp = try writeTemporary(bytes, in: dir, for: path, mode: mode, fault: fault)
        // rename(2) replaces a symlink at `path` itself, never the file it points to.
        guard rename(tmp, path) == 0 else {
            let reason = lastError
            unlink(tmp)
            throw Failure(path: path, reason: reason)
        }
        syncDirectory(dir)
    }

    /// Writes `bytes` to a new temporary file in `dir` (named for `path`), fsynced and
    /// closed; returns its path. Nothing is left behind when it fails.
    static func writeTemporary(
        _ bytes: [UInt8], in dir: String, for path: String, mode: mode_t = 0o644,
        fault: FaultInjector? = nil
    ) throws -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        var template = Array("\(dir)/\(temporaryMarker)\(getpid())-\(name).XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw Failure(path: path, reason: lastError) }
        let tmp = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        do {
            try writeAll(bytes, fd: fd, path: path, fault: fault)
            fchmod(fd, mode)
            guard fsync(fd) == 0 else { throw Failure(path: path, reason: lastError) }
            close(fd)
        } catch {
            close(fd)
            unlink(tmp)
            throw error
        }
        return tmp
    }

    /// Creates `path` (which must not exist) with `bytes`, fsynced.
    static func create(
        _ bytes: [UInt8], at path: String, reportedAs shown: String, mode: mode_t = 0o644, fault: FaultInjector? = nil
    ) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw Failure(path: shown, reason: lastError) }
        defer { close(fd) }
        try writeAll(bytes, fd: fd, path: shown, fault: fault)
        guard fsync(fd) == 0 else { throw Failure(path: shown, reason: lastError) }
    }

    private static func writeAll(_ bytes: [UInt8], fd: Int32, path: String, fault: FaultInjector?) throws {
        if let code = fault?(path) {
            // Half the bytes first, as a full disk would leave them.
            _ = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, bytes.count / 2) }
            throw Failure(path: path, reason: String(cString: strerror(code)))
        }
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { buf in
                Glibc.write(fd, buf.baseAddress! + written, bytes.count - written)
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw Failure(path: path, reason: lastError)
            }
            written += n
        }
    }

    /// Removes temporary files and staging folders in `dir` left by runs that were killed
    /// mid-write: those whose process is gone (or that name none, from older versions).
    public static func removeLeftovers(in dir: String) {
        for name in entries(of: dir) where name.hasPrefix(temporaryMarker) {
            let digits = name.dropFirst(temporaryMarker.count).prefix { $0.isNumber }
            if let pid = pid_t(digits), name.dropFirst(temporaryMarker.count + digits.count).first == "-" {
                if pid == getpid() || kill(pid, 0) == 0 || errno == EPERM { continue }
            }
            removeTree("\(dir)/\(name)")
        }
    }

    /// The names in `dir` (not `.` and `..`); empty when it cannot be read.
    static func entries(of dir: String) -> [String] {
        guard let d = opendir(dir) else { return [] }
        defer { closedir(d) }
        var names: [String] = []
        while let entry = readdir(d) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if name != ".", name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// `rm -r` that never follows a symlink.
    static func removeTree(_ path: String) {
        var st = stat()
        guard lstat(path, &st) == 0 else { return }
        if st.st_mode & S_IFMT == S_IFDIR {
            for name in entries(of: path) { removeTree("\(path)/\(name)") }
            rmdir(path)
        } else {
            unlink(path)
        }
    }

    static func syncDirectory(_ dir: String) {
        let dfd = open(dir, O_RDONLY | O_DIRECTORY)
        if dfd >= 0 {
            fsync(dfd)
            close(dfd)
        }
    }

    static var lastError: String { String(cString: strerror(errno)) }

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
