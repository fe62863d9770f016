#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import ArgumentParser

/// Where the CLI writes. Standard error carries diagnostics and progress; standard output
/// carries what the user asked for (paths written, metrics, SQL).
enum Terminal {
    static func out(_ s: String) { write(fd: STDOUT_FILENO, s) }

    static func err(_ s: String) { write(fd: STDERR_FILENO, s) }

    /// Unbuffered, so nothing is lost if the process exits right after.
    private static func write(fd: Int32, _ s: String) {
        var bytes = Array(s.utf8)
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeMutableBytes { Glibc.write(fd, $0.baseAddress! + done, $0.count - done) }
            if n < 0 { if errno == EINTR { continue } else { return } }
            done += n
        }
    }

    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
}

enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never

    /// Colour when asked, or on a terminal that is not `TERM=dumb` and has no NO_COLOR.
    var enabled: Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto:
            if getenv("NO_COLOR") != nil { return false }
            if let term = getenv("TERM"), String(cString: term) == "dumb" { return false }
            return Terminal.stderrIsTerminal
        }
    }
}
