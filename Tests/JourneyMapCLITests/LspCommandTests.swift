import Foundation
import JourneyTestSupport
import Testing

/// `journeymap lsp` as an editor starts it: the real binary, JSON-RPC on standard input
/// and output.
@Suite struct LspCommandTests {
    static func frame(_ json: String) -> Data {
        Data("Content-Length: \(json.utf8.count)\r\n\r\n\(json)".utf8)
    }

    /// The bodies of the framed messages in `output`.
    static func messages(_ output: String) throws -> [[String: Any]] {
        var rest = Substring(output)
        var out: [[String: Any]] = []
        while let headerEnd = rest.range(of: "\r\n\r\n") {
            let header = rest[..<headerEnd.lowerBound]
            let length = try #require(Int(header.replacingOccurrences(of: "Content-Length: ", with: "")))
            let body = Data(rest[headerEnd.upperBound...].utf8.prefix(length))
            out.append(try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any]))
            rest = Substring(String(decoding: rest[headerEnd.upperBound...].utf8.dropFirst(length), as: UTF8.self))
        }
        #expect(rest.isEmpty, "bytes after the last message: \(rest)")
        return out
    }

    @Test func initializeShutdownExit() throws {
        let session = [
            #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"rootUri":null,"capabilities":{}}}"#,
            #"{"jsonrpc":"2.0","method":"initialized","params":{}}"#,
            #"{"jsonrpc":"2.0","id":2,"method":"shutdown"}"#,
            #"{"jsonrpc":"2.0","method":"exit"}"#,
        ].map(Self.frame).reduce(Data(), +)
        let r = try CLI.run(["lsp"], stdin: session)
        #expect(r.status == 0, "stderr: \(r.stderr)")
        #expect(r.stderr.isEmpty)
        let replies = try Self.messages(r.stdout)
        #expect(replies.count == 2)
        #expect(replies.first?["id"] as? Int == 1)
        let info = (replies.first?["result"] as? [String: Any])?["serverInfo"] as? [String: Any]
        #expect(info?["name"] as? String == "journeymap")
        #expect(((replies.first?["result"] as? [String: Any])?["capabilities"] as? [String: Any])?["hoverProvider"] as? Bool == true)
        #expect(replies.last?["id"] as? Int == 2)
        #expect(replies.last?.keys.contains("result") == true && replies.last?["result"] is NSNull)
    }

    @Test func endOfInputWithoutShutdownExitsOne() throws {
        let r = try CLI.run(["lsp"], stdin: Self.frame(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}"#))
        #expect(r.status == 1)
        #expect(try Self.messages(r.stdout).count == 1)
    }
}
