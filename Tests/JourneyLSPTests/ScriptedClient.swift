#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import Foundation
import JourneyLSP
import Testing

/// An LSP client for tests: the server runs on its own thread, connected by two pipes, and
/// the test sends one message and reads the replies it causes, as an editor would. The
/// framing is parsed here independently of the server's `MessageFramer`.
final class ScriptedClient: @unchecked Sendable {
    /// How long a read waits before the test fails (a guard against a hung server, not a
    /// measurement: replies normally take milliseconds).
    static let readGuardSeconds: Int32 = 120

    private let toServer = Pipe()
    private let fromServer = Pipe()
    private var buffer: [UInt8] = []
    private var nextID = 0
    private let thread: Thread
    private let done = DispatchSemaphore(value: 0)

    init() {
        let input = toServer.fileHandleForReading
        let output = fromServer.fileHandleForWriting
        let box = ExitBox()
        let done = self.done
        thread = Thread {
            let code = LanguageServer.run(
                version: "test",
                read: {
                    let d = input.availableData
                    return d.isEmpty ? nil : Array(d)
                }, write: { output.write(Data($0)) })
            box.code = code
            try? output.close()
            done.signal()
        }
        exitBox = box
        thread.start()
    }

    private final class ExitBox: @unchecked Sendable { var code: Int32 = -1 }
    private let exitBox: ExitBox

    /// Sends a request and returns its id.
    @discardableResult
    func request(_ method: String, _ params: JSONValue = .null) -> Int {
        nextID += 1
        write(["jsonrpc": "2.0", "id": .int(nextID), "method": .string(method), "params": params])
        return nextID
    }

    func notify(_ method: String, _ params: JSONValue = .null) {
        write(["jsonrpc": "2.0", "method": .string(method), "params": params])
    }

    /// Writes raw bytes (for framing tests).
    func writeRaw(_ bytes: [UInt8]) {
        toServer.fileHandleForWriting.write(Data(bytes))
    }

    private func write(_ message: JSONValue) {
        let body = message.encoded()
        writeRaw(Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body)
    }

    /// The next message from the server.
    func receive(sourceLocation: SourceLocation = #_sourceLocation) throws -> JSONValue {
        while true {
            if let headerEnd = find([13, 10, 13, 10]) {
                let header = String(decoding: buffer[..<headerEnd], as: UTF8.self)
                let lengthLine = header.split(separator: "\r\n").first { $0.lowercased().hasPrefix("content-length:") }
                let length = try #require(
                    lengthLine.flatMap { Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) },
                    "no Content-Length in \(header)", sourceLocation: sourceLocation)
                if buffer.count >= headerEnd + 4 + length {
                    let body = Array(buffer[(headerEnd + 4)..<(headerEnd + 4 + length)])
                    buffer.removeFirst(headerEnd + 4 + length)
                    return try JSONValue.parse(body)
                }
            }
            let chunk = try readChunk(sourceLocation: sourceLocation)
            try #require(!chunk.isEmpty, "the server closed its output", sourceLocation: sourceLocation)
            buffer += chunk
        }
    }

    /// Messages up to and including the reply to `id` (notifications the request caused come first).
    func replies(to id: Int, sourceLocation: SourceLocation = #_sourceLocation) throws -> (notifications: [JSONValue], reply: JSONValue) {
        var notes: [JSONValue] = []
        while true {
            let m = try receive(sourceLocation: sourceLocation)
            if m["id"]?.int == id, m["method"] == nil { return (notes, m) }
            notes.append(m)
        }
    }

    /// The result of request `method`, failing the test on an error reply.
    func call(_ method: String, _ params: JSONValue, sourceLocation: SourceLocation = #_sourceLocation) throws -> JSONValue {
        let id = request(method, params)
        let reply = try replies(to: id, sourceLocation: sourceLocation).reply
        #expect(reply["error"] == nil, "\(method) failed: \(reply)", sourceLocation: sourceLocation)
        return reply["result"] ?? .null
    }

    /// The `publishDiagnostics` notifications that arrive next, by URI, until `count` came.
    func diagnostics(count: Int, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: [JSONValue]] {
        var out: [String: [JSONValue]] = [:]
        for _ in 0..<count {
            let m = try receive(sourceLocation: sourceLocation)
            #expect(
                m["method"]?.string == "textDocument/publishDiagnostics", "expected diagnostics, got \(m)", sourceLocation: sourceLocation)
            if let uri = m["params"]?["uri"]?.string { out[uri] = m["params"]?["diagnostics"]?.array ?? [] }
        }
        return out
    }

    /// Closes the server's input and waits for it to stop; its exit code.
    func finish() -> Int32 {
        try? toServer.fileHandleForWriting.close()
        done.wait()
        return exitBox.code
    }

    private func find(_ needle: [UInt8]) -> Int? {
        guard buffer.count >= needle.count else { return nil }
        for i in 0...(buffer.count - needle.count) where Array(buffer[i..<(i + needle.count)]) == needle { return i }
        return nil
    }

    private func readChunk(sourceLocation: SourceLocation) throws -> [UInt8] {
        let fd = fromServer.fileHandleForReading.fileDescriptor
        var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let ready = poll(&p, 1, Self.readGuardSeconds * 1000)
        try #require(ready > 0, "no reply from the server within \(Self.readGuardSeconds) s", sourceLocation: sourceLocation)
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        return n > 0 ? Array(chunk[..<n]) : []
    }
}

extension JSONValue {
    /// `{"line": l, "character": c}`.
    static func position(_ line: Int, _ character: Int) -> JSONValue { ["line": .int(line), "character": .int(character)] }

    static func range(_ l1: Int, _ c1: Int, _ l2: Int, _ c2: Int) -> JSONValue {
        ["start": position(l1, c1), "end": position(l2, c2)]
    }
}
