#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import ArgumentParser

/// `-` as the path: the journey comes from standard input (format-on-save, pre-commit hooks).
enum StandardInput {
    /// The name used in messages when `--stdin-filename` is not given.
    static let defaultName = "<stdin>"

    /// True when the paths are exactly `-`; a usage error when `-` is mixed with other paths.
    static func isRequested(_ paths: [String]) throws -> Bool {
        guard paths.contains("-") else { return false }
        guard paths == ["-"] else { throw ValidationError("'-' (standard input) cannot be combined with other paths") }
        return true
    }

    /// All of standard input, refusing more than `limit` bytes (like a file over --max-file-size).
    static func readAll(limit: Int) throws -> [UInt8] {
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            if n <= 0 { break }
            data += buffer[..<n]
            if data.count > limit {
                throw ValidationError("standard input is over the \(limit / 1_048_576) MiB limit (raise it with --max-file-size)")
            }
        }
        return data
    }
}
