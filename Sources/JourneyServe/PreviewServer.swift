import FlyingFox
import FlyingSocks
import Foundation
import JourneyWorkflow

/// `journeymap serve`: a preview page on 127.0.0.1 only (FlyingFox: a small HTTP server on
/// plain sockets, no SwiftNIO, so a clean build stays fast). Routes: `/` (the page, `?j=ID`
/// picks a journey), `/state.json?j=ID`, `/map.svg?j=ID`, `/events` (server-sent events).
/// Requests whose Host is not this loopback address are refused (DNS rebinding).
public final class PreviewServer: Sendable {
    /// What the page shows; the render loop writes it.
    public let state: PreviewState
    let renderer: PreviewRenderer
    let port: UInt16
    let server: HTTPServer
    /// Told `GET /path?query` for every request (`serve --log-requests`).
    let log: (@Sendable (String) -> Void)?

    /// Binds 127.0.0.1 only (FlyingFox's `.loopback` would be IPv6's ::1, which some
    /// browsers' "localhost" does not reach).
    public init(
        renderer: PreviewRenderer, port: UInt16, state: PreviewState = PreviewState(),
        log: (@Sendable (String) -> Void)? = nil
    ) throws {
        self.log = log
        self.renderer = renderer
        self.port = port
        self.state = state
        server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: port), logger: .disabled)
    }

    /// Starts the render loop and the server; calls `ready` with the port listened on (useful
    /// with port 0), and `rendered` with the journeys of each round that rendered something. Returns when the
    /// server stops (it does not, unless the socket fails).
    public func run(
        interval: Double = 0.2, ready: @escaping @Sendable (UInt16) -> Void,
        rendered: @escaping @Sendable ([PreviewEntry]) -> Void
    ) async throws {
        let state = self.state
        let renderer = self.renderer
        // Rendering is synchronous (Graphviz): it runs on its own thread, never on the server's.
        let clock = DateFormatter()
        clock.dateFormat = "HH:mm:ss"
        let format = { @Sendable in clock.string(from: Date()) }
        let thread = Thread {
            var watcher = ChangeWatcher()
            while true {
                let changed = renderer.refresh(&watcher, into: state, clock: format)
                if !changed.isEmpty { rendered(changed) }
                Thread.sleep(forTimeInterval: interval)
            }
        }
        thread.start()
        await addRoutes()
        let server = self.server
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            group.addTask {
                try await server.waitUntilListening(timeout: 10)
                if case .ip4(_, let port) = await server.listeningAddress { ready(port) }
            }
            try await group.waitForAll()
        }
    }

    func addRoutes() async {
        let state = self.state
        let view = renderer.view
        let allowed: @Sendable (HTTPRequest) async -> Bool = { [server, log] request in
            log?(
                "\(request.method.rawValue) \(request.path)\(request.query.isEmpty ? "" : "?" + request.query.map { "\($0.name)=\($0.value)" }.joined(separator: "&"))"
            )
            guard let host = request.headers[.host], case .ip4(_, let port)? = await server.listeningAddress else { return false }
            return host == "127.0.0.1:\(port)" || host == "localhost:\(port)"
        }
        await server.appendRoute("GET /events") { request in
            guard await allowed(request) else { return Self.refused }
            return HTTPResponse(
                statusCode: .ok, headers: Self.headers(["Content-Type": "text/event-stream", "Cache-Control": "no-store"]),
                body: HTTPBodySequence(from: EventStream(state: state)))
        }
        await server.appendRoute("GET /state.json") { request in
            guard await allowed(request) else { return Self.refused }
            guard let e = state.entry(request.query["j"]) else { return Self.notFound }
            return HTTPResponse(
                statusCode: .ok, headers: Self.headers(["Content-Type": "application/json; charset=utf-8"]),
                body: Data(PreviewPage.stateJSON(e).utf8))
        }
        await server.appendRoute("GET /map.svg") { request in
            guard await allowed(request) else { return Self.refused }
            guard let svg = state.entry(request.query["j"])?.svg else { return Self.notFound }
            // An SVG opened on its own is a document: no script may run in it.
            return HTTPResponse(
                statusCode: .ok,
                headers: Self.headers([
                    "Content-Type": "image/svg+xml",
                    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
                ]),
                body: Data(svg))
        }
        await server.appendRoute("GET /") { request in
            guard await allowed(request) else { return Self.refused }
            let all = state.all
            let current = state.entry(request.query["j"])
            return HTTPResponse(
                statusCode: .ok,
                headers: Self.headers([
                    "Content-Type": "text/html; charset=utf-8",
                    "Content-Security-Policy": PreviewPage.contentSecurityPolicy + "; frame-ancestors 'none'",
                ]),
                body: Data(PreviewPage.html(current: current, all: all, view: view).utf8))
        }
        await server.appendRoute("*") { _ in Self.notFound }
    }

    static func headers(_ extra: [String: String]) -> HTTPHeaders {
        var h = HTTPHeaders()
        for (k, v) in extra { h[HTTPHeader(k)] = v }
        h[HTTPHeader("X-Content-Type-Options")] = "nosniff"
        h[HTTPHeader("Referrer-Policy")] = "no-referrer"
        if h[HTTPHeader("Cache-Control")] == nil { h[HTTPHeader("Cache-Control")] = "no-store" }
        return h
    }

    static var notFound: HTTPResponse {
        HTTPResponse(statusCode: .notFound, headers: headers(["Content-Type": "text/plain; charset=utf-8"]), body: Data("not found\n".utf8))
    }

    static var refused: HTTPResponse {
        HTTPResponse(
            statusCode: .forbidden, headers: headers(["Content-Type": "text/plain; charset=utf-8"]),
            body: Data("this preview answers only on 127.0.0.1 and localhost\n".utf8))
    }
}
