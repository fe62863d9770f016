#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Size and modification time of files: what `watch` polls to notice a change.
public struct FileStamp: Hashable, Sendable {
    /// Path → size and modification time (seconds, nanoseconds); `[-1]` for a file that is absent.
    public var entries: [String: [Int]]

    /// The stamps of `files` now.
    public init(_ files: [String]) {
        var e: [String: [Int]] = [:]
        for f in files {
            var st = stat()
            if stat(f, &st) == 0 {
                e[f] = [Int(st.st_size), Int(st.st_mtim.tv_sec), Int(st.st_mtim.tv_nsec)]
            } else {
                e[f] = [-1]
            }
        }
        entries = e
    }
}
