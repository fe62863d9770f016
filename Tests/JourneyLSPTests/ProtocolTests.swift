import JourneyCore
import JourneyLSP
import Testing

/// The base protocol: framing, the initialise/shutdown/exit life cycle, and errors for
/// what the server cannot do, each as a reply rather than silence or a crash.
@Suite struct ProtocolTests {
    @Test func framerSplitsMessagesAcrossAnyChunking() {
        let a = MessageFramer.frame(Array(#"{"a":1}"#.utf8)), b = MessageFramer.frame(Array(#"{"b":"é"}"#.utf8))
        let stream = a + b
        // Every way of cutting the stream in two gives the same two bodies.
        for cut in 0...stream.count {
            var framer = MessageFramer()
            let items = framer.append(Array(stream[..<cut])) + framer.append(Array(stream[cut...]))
            #expect(items == [.message(Array(#"{"a":1}"#.utf8)), .message(Array(#"{"b":"é"}"#.utf8))], "cut at \(cut)")
        }
    }

    @Test func framerReportsBadHeadersAndGoesOn() {
        var framer = MessageFramer()
        let items = framer.append(Array("X-Other: 1\r\n\r\n".utf8) + MessageFramer.frame(Array("{}".utf8)))
        #expect(items == [.malformed("a message header without a valid Content-Length"), .message(Array("{}".utf8))])
        // A declared length over the limit: refused, its bytes skipped, the next message read.
        var big = MessageFramer()
        let n = MessageFramer.maxMessageBytes + 1
        var got = big.append(Array("Content-Length: \(n)\r\n\r\n".utf8))
        got += big.append([UInt8](repeating: 32, count: n))
        got += big.append(MessageFramer.frame(Array("[]".utf8)))
        #expect(
            got == [
                .malformed("a message of \(n) bytes; the largest accepted is \(MessageFramer.maxMessageBytes)"), .message(Array("[]".utf8)),
            ])
    }

    @Test func lifeCycleAndErrors() throws {
        let client = ScriptedClient()
        // Before initialize: refused with the protocol's code.
        let early = try client.replies(to: client.request("textDocument/hover", [:])).reply
        #expect(early["error"]?["code"] == -32002)
        _ = try client.call("initialize", ["capabilities": [:]])
        // Not JSON: a parse error with a null id; the session goes on.
        client.writeRaw(MessageFramer.frame(Array("{not json".utf8)))
        let parse = try client.receive()
        #expect(parse["id"] == .null && parse["error"]?["code"] == -32700)
        // An unknown method, a document never opened, parameters of the wrong shape.
        #expect(try client.replies(to: client.request("workspace/symbol", ["query": ""])).reply["error"]?["code"] == -32601)
        let closed = try client.replies(
            to: client.request("textDocument/hover", ["textDocument": ["uri": "file:///nowhere.journey"], "position": .position(0, 0)])
        ).reply
        #expect(closed["error"]?["code"] == -32803)
        #expect(closed["error"]?["message"]?.string?.contains("is not open") == true)
        #expect(try client.replies(to: client.request("textDocument/hover", ["position": "here"])).reply["error"]?["code"] == -32602)
        // Notifications never get replies; string ids are echoed as strings.
        client.notify("$/cancelRequest", ["id": 1])
        client.writeRaw(MessageFramer.frame(Array(#"{"jsonrpc":"2.0","id":"s-1","method":"shutdown"}"#.utf8)))
        #expect(try client.receive() == ["jsonrpc": "2.0", "id": "s-1", "result": .null])
        // After shutdown only exit is accepted.
        #expect(try client.replies(to: client.request("textDocument/hover", [:])).reply["error"]?["code"] == -32600)
        client.notify("exit")
        #expect(client.finish() == 0)
    }

    @Test func exitWithoutShutdownIsCodeOne() {
        let client = ScriptedClient()
        client.notify("exit")
        #expect(client.finish() == 1)
    }

    @Test func endOfInputWithoutExitIsCodeOne() {
        #expect(ScriptedClient().finish() == 1)
    }

    @Test func nonFileDocumentsAreRefusedByName() throws {
        let client = ScriptedClient()
        _ = try client.call("initialize", ["capabilities": [:]])
        client.notify(
            "textDocument/didOpen",
            ["textDocument": ["uri": "untitled:Untitled-1", "languageId": "journey", "version": 1, "text": "journey"]])
        let log = try client.receive()
        #expect(log["method"] == "window/logMessage")
        #expect(log["params"]?["message"] == "journeymap lsp serves file: documents only; ignoring untitled:Untitled-1")
        _ = try client.call("shutdown", .null)
        client.notify("exit")
        #expect(client.finish() == 0)
    }
}

/// Positions: 1-based scalar columns to 0-based UTF-16 and back, and file URIs.
@Suite struct PositionTests {
    @Test func astralCharactersCountTwiceAndLineBreaksOfEveryKind() {
        let file = SourceFile(path: "p", text: "a😀b\r\né\rx\ny")
        // "b" is column 3 (scalars) but character 3 in UTF-16 (the emoji is two units).
        #expect(PositionMap.position(SourceLocation(line: 1, column: 3, offset: 5), in: file) == Position(line: 0, character: 3))
        #expect(PositionMap.position(SourceLocation(line: 1, column: 4, offset: 6), in: file) == Position(line: 0, character: 4))
        #expect(PositionMap.position(SourceLocation(line: 2, column: 2, offset: 10), in: file) == Position(line: 1, character: 1))
        #expect(PositionMap.position(SourceLocation(line: 4, column: 1, offset: 13), in: file) == Position(line: 3, character: 0))
        // Back: the byte offset of each protocol position.
        #expect(PositionMap.offset(of: Position(line: 0, character: 3), in: file) == 5)
        #expect(PositionMap.offset(of: Position(line: 0, character: 99), in: file) == 6)
        #expect(PositionMap.offset(of: Position(line: 2, character: 0), in: file) == 11)
        #expect(PositionMap.offset(of: Position(line: 1, character: 1), in: file) == 10)
        #expect(PositionMap.offset(of: Position(line: 9, character: 0), in: file) == file.bytes.count)
        #expect(PositionMap.end(of: file) == Position(line: 3, character: 1))
        // A whole-file finding sits at the start; without the text, columns pass through.
        #expect(PositionMap.position(SourceLocation(line: 0, column: 0, offset: 0), in: file) == Position(line: 0, character: 0))
        #expect(PositionMap.position(SourceLocation(line: 7, column: 5, offset: 0), in: nil) == Position(line: 6, character: 4))
    }

    @Test func fileURIsRoundTrip() {
        #expect(DocumentURI.uri(of: "/tmp/a b/é#1.journey") == "file:///tmp/a%20b/%C3%A9%231.journey")
        #expect(DocumentURI.path(of: "file:///tmp/a%20b/%C3%A9%231.journey") == "/tmp/a b/é#1.journey")
        #expect(DocumentURI.path(of: "file://localhost/tmp/x/../y.journey") == "/tmp/y.journey")
        #expect(DocumentURI.path(of: "untitled:1") == nil)
        #expect(DocumentURI.path(of: "file://server/share/x") == nil)
        #expect(DocumentURI.path(of: "file:///bad%zz") == nil)
        #expect(DocumentURI.normalise("/a/./b//c/../d") == "/a/b/d")
    }
}
