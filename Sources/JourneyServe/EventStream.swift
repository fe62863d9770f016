import FlyingFox
import FlyingSocks
import Foundation

/// The server-sent event stream behind `/events`: an `update` event whenever the preview's
/// generation changes (checked every 100 ms, so a save shows within a second), and a comment
/// every 15 s so proxies and browsers keep the connection. It ends when the client goes away
/// (the write fails and the server cancels the task).
struct EventStream: AsyncBufferedSequence, Sendable {
    typealias Element = UInt8
    let state: PreviewState

    func makeAsyncIterator() -> Iterator { Iterator(state: state) }

    struct Iterator: AsyncBufferedIteratorProtocol {
        let state: PreviewState
        var seen: Int?
        var quietSince = Date()

        init(state: PreviewState) { self.state = state }

        mutating func next() async throws -> UInt8? {
            try await nextBuffer(suggested: 1)?.first
        }

        mutating func nextBuffer(suggested count: Int) async throws -> [UInt8]? {
            if seen == nil {
                // First bytes at once: the browser reports the stream open, and the page fetches
                // the state it may have missed while loading.
                seen = state.currentGeneration
                return Array("retry: 1000\n\n".utf8)
            }
            while true {
                try Task.checkCancellation()
                let now = state.currentGeneration
                if now != seen {
                    seen = now
                    quietSince = Date()
                    return Array("event: update\ndata: \(now)\n\n".utf8)
                }
                if Date().timeIntervalSince(quietSince) > 15 {
                    quietSince = Date()
                    return Array(": keep-alive\n\n".utf8)
                }
                try await Task.sleep(nanoseconds: 100_000_000)
            }
        }
    }
}
