import CLinux
import Foundation

/// What `journeymap serve` hands to the `journeymap-serve` executable: the parsed and
/// validated command line as JSON in one argument. The preview server (and the HTTP library
/// under it, which links libcurl through FoundationNetworking and some 45 shared libraries)
/// lives in that second executable, so that every other command starts without loading them
/// (BENCHMARKS.md, "Start-up").
public struct ServeRequest: Codable, Sendable, Equatable {
    /// Journey files or folders.
    public var paths: [String]
    /// File size and touchpoint limits.
    public var load: LoadSettings
    /// Theme, language, highlight and feedback join of every render.
    public var options: RenderOptions
    /// The view shown.
    public var view: MapView
    /// Port on 127.0.0.1; 0 asks for any free port.
    public var port: UInt16
    /// Print each request the page makes.
    public var logRequests: Bool
    /// Print errors only.
    public var quiet: Bool

    /// The name of the executable that serves, installed beside `journeymap`.
    public static let executableName = "journeymap-serve"

    /// A request with every field given.
    public init(
        paths: [String], load: LoadSettings, options: RenderOptions, view: MapView, port: UInt16, logRequests: Bool, quiet: Bool
    ) {
        self.paths = paths
        self.load = load
        self.options = options
        self.view = view
        self.port = port
        self.logRequests = logRequests
        self.quiet = quiet
    }

    /// The request as one JSON argument (sorted keys: the same request gives the same bytes).
    public func encoded() throws -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        return String(decoding: try e.encode(self), as: UTF8.self)
    }

    /// The request from its JSON argument.
    public static func decode(_ json: String) throws -> ServeRequest {
        try JSONDecoder().decode(ServeRequest.self, from: Data(json.utf8))
    }

    /// Where `journeymap-serve` is: beside the running `journeymap` (both are installed in
    /// the same `bin/`, and `swift build` puts both in the same folder).
    public static func executable(besides journeymap: String = WorkerPool.executablePath) -> String {
        let dir = journeymap.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        return (dir.isEmpty ? "." : dir) + "/" + executableName
    }

    /// Replaces this process with `journeymap-serve` at `executable` running this request.
    /// Returns only when that failed, with the reason.
    public func exec(_ executable: String) -> String {
        guard access(executable, X_OK) == 0 else {
            return
                "'\(executable)' is missing; journeymap serve needs \(Self.executableName) installed beside journeymap (make install, or the release tarball's bin/)"
        }
        let json: String
        do { json = try encoded() } catch { return "cannot encode the request: \(error)" }
        _ = jm_exec1(executable, json)
        return "cannot start '\(executable)': \(String(cString: strerror(errno)))"
    }
}
