#if canImport(Glibc)
    import Glibc
#endif

/// An exclusive `flock(2)` on a folder, held while a closure runs: processes writing into one
/// output folder (two renders of different journeys, a render and a report) take turns to
/// switch an output set in and to update the manifest. The kernel drops the lock when the
/// holder dies, so a killed run never leaves the folder locked.
enum FolderLock {
    static func withLock<T>(_ dir: String, _ body: () throws -> T) throws -> T {
        let fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw AtomicFile.Failure(path: dir, reason: AtomicFile.lastError) }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else { throw AtomicFile.Failure(path: dir, reason: "cannot lock: \(AtomicFile.lastError)") }
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }
}
