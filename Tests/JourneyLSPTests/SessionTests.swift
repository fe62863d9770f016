import Foundation
import JourneyLSP
import Testing

/// A whole editing session, message by message, the way an editor drives the server:
/// every reply and every notification is checked.
@Suite struct SessionTests {
    /// URIs as an editor writes them (Foundation's encoding, independent of `DocumentURI`).
    static func editorURI(_ path: String) -> String { URL(fileURLWithPath: path).absoluteString }

    static func doc(_ uri: String) -> JSONValue { ["textDocument": ["uri": .string(uri)]] }

    static func at(_ uri: String, _ line: Int, _ character: Int) -> JSONValue {
        ["textDocument": ["uri": .string(uri)], "position": .position(line, character)]
    }

    @Test func openChangeCompleteNavigateRenameFormatHover() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        let trip = Self.editorURI(ws.root + "/trip.journey")
        let org = Self.editorURI(ws.root + "/shared/org.journey")
        let csv = Self.editorURI(ws.root + "/trip.csv")
        #expect(trip.contains("%20") && trip.contains("%C3%A9"))
        let client = ScriptedClient()

        // initialize: the capabilities an editor needs to turn each feature on.
        let caps = try client.call("initialize", ["processId": .null, "rootUri": .string(Self.editorURI(ws.root)), "capabilities": [:]])[
            "capabilities"]
        #expect(caps?["positionEncoding"] == "utf-16")
        #expect(caps?["textDocumentSync"] == ["openClose": true, "change": 1, "save": true])
        for feature in [
            "hoverProvider", "definitionProvider", "referencesProvider", "documentSymbolProvider", "documentFormattingProvider",
        ] {
            #expect(caps?[feature] == true, "\(feature)")
        }
        #expect(caps?["renameProvider"] == ["prepareProvider": true])
        #expect(caps?["completionProvider"]?["triggerCharacters"] == [" ", ">", ","])
        client.notify("initialized", [:])

        // didOpen: check's findings, the data file's bad row included, each at its own URI.
        client.notify(
            "textDocument/didOpen",
            ["textDocument": ["uri": .string(trip), "languageId": "journey", "version": 1, "text": .string(Workspace.journey)]])
        var published = try client.diagnostics(count: 2)
        #expect(
            published[csv] == [
                [
                    "range": .range(14, 15, 14, 15), "severity": 2, "code": "JM310", "source": "journeymap",
                    "message": "nps 11 is outside its scale 0..10; the row is not used",
                ]
            ])
        #expect(
            published[trip] == [
                [
                    "range": .range(0, 0, 0, 0), "severity": 3, "code": "JM320", "source": "journeymap",
                    "message": "feedback for 'trip': 14 rows read: 13 used, 1 rejected",
                ]
            ])

        // didChange with an error after an emoji: the range counts UTF-16 units (💳 is two).
        let broken = Workspace.journey
            .replacingOccurrences(of: "\"Pays\"", with: "\"Pays 💳\"")
            .replacingOccurrences(of: "owner finance", with: "owner finanse")
        let line6 = broken.split(separator: "\n", omittingEmptySubsequences: false)[6]
        let col = line6.utf16.count - " finanse }".utf16.count + 1
        // 52 UTF-16 units before `finanse`, but 51 columns (the emoji is one scalar, two units).
        #expect(col == 52 && line6.unicodeScalars.count - " finanse }".unicodeScalars.count + 1 == 51)
        client.notify(
            "textDocument/didChange",
            ["textDocument": ["uri": .string(trip), "version": 2], "contentChanges": [["text": .string(broken)]]])
        published = try client.diagnostics(count: 2)
        #expect(published[csv] == [], "the join does not run on a journey with errors (as in check), so its row findings are cleared")
        #expect(
            published[trip] == [
                [
                    "range": .range(6, col, 6, col + 7), "severity": 1, "code": "JM202", "source": "journeymap",
                    "message": "unknown department 'finanse'; did you mean 'finance'?",
                ]
            ])

        // Completion after `owner `: the departments, from the include, with their titles.
        let owners = try client.call("textDocument/completion", Self.at(trip, 6, col))
        #expect(
            owners == [
                "isIncomplete": false,
                "items": [
                    ["label": "finance", "kind": 22, "detail": "department: Finance"],
                    ["label": "sales", "kind": 22, "detail": "department: Sales"],
                ],
            ])
        // … and after `->` in a flow: the touchpoints.
        let targets = try client.call("textDocument/completion", Self.at(trip, 8, 14))
        #expect(targets["items"]?.array?.map { $0["label"] } == ["search", "pay"])

        // Fix it again (the unformatted spacing stays): findings as on open.
        let fixed = broken.replacingOccurrences(of: "finanse", with: "finance")
        client.notify(
            "textDocument/didChange", ["textDocument": ["uri": .string(trip), "version": 3], "contentChanges": [["text": .string(fixed)]]])
        published = try client.diagnostics(count: 2)
        #expect(published[csv]?.map { $0["code"] } == ["JM310"])
        #expect(published[trip]?.map { $0["code"] } == ["JM320"])

        // Definition of `finance`: its declaration in the include.
        #expect(
            try client.call("textDocument/definition", Self.at(trip, 6, col + 2)) == ["uri": .string(org), "range": .range(0, 11, 0, 18)])
        // … of the include's path: the file.
        #expect(try client.call("textDocument/definition", Self.at(trip, 1, 14)) == ["uri": .string(org), "range": .range(0, 0, 0, 0)])

        // References of `search` from its use in the flow: the declaration and the use.
        #expect(
            try client.call(
                "textDocument/references",
                ["textDocument": ["uri": .string(trip)], "position": .position(8, 16), "context": ["includeDeclaration": true]]) == [
                    ["uri": .string(trip), "range": .range(5, 15, 5, 21)],
                    ["uri": .string(trip), "range": .range(8, 14, 8, 20)],
                ])

        // Hover on `pay`: owner, channel, and the joined figures with n and intervals (the
        // same figures as `journeymap metrics trip.journey --format json`).
        let hover = try client.call("textDocument/hover", Self.at(trip, 6, 16))
        #expect(hover["range"] == .range(6, 15, 6, 18))
        #expect(
            hover["contents"] == [
                "kind": "markdown",
                "value": .string(
                    """
                    **Pays 💳** · touchpoint `pay` in stage Book

                    owner: Finance (`finance`) · channel: Website (`web`)

                    feedback: n = 10 · NPS +20 (95% interval -30.3 to +61.1, n = 10) · CSAT 40% (95% interval 16.7 to 68.8, n = 10) · small sample
                    """),
            ])

        // Rename `finance` to `money`: the declaration in the include and the use here.
        #expect(
            try client.call("textDocument/prepareRename", Self.at(trip, 6, col)) == [
                "range": .range(6, col, 6, col + 7), "placeholder": "finance",
            ])
        let edit = try client.call(
            "textDocument/rename", ["textDocument": ["uri": .string(trip)], "position": .position(6, col), "newName": "money"])
        #expect(
            edit == [
                "changes": [
                    .init(stringLiteral: org): [["range": .range(0, 11, 0, 18), "newText": "money"]],
                    .init(stringLiteral: trip): [["range": .range(6, col, 6, col + 7), "newText": "money"]],
                ]
            ])
        // A name that is not an id, and a name already taken, are refused with a reason.
        let bad = try client.replies(
            to: client.request(
                "textDocument/rename", ["textDocument": ["uri": .string(trip)], "position": .position(6, col), "newName": "two words"])
        ).reply
        #expect(bad["error"]?["message"]?.string?.contains("is not an id") == true)
        let taken = try client.replies(
            to: client.request(
                "textDocument/rename", ["textDocument": ["uri": .string(trip)], "position": .position(6, col), "newName": "sales"])
        ).reply
        #expect(taken["error"]?["message"]?.string?.hasPrefix("a department 'sales' already exists") == true)

        // Formatting: one edit over the whole document with `fmt`'s layout.
        #expect(
            try client.call(
                "textDocument/formatting", ["textDocument": ["uri": .string(trip)], "options": ["tabSize": 4, "insertSpaces": true]]) == [
                    ["range": .range(0, 0, 11, 0), "newText": .string(fixed.replacingOccurrences(of: "{   channel", with: "{ channel"))]
                ])

        // The outline: the journey, its persona, the stage and its touchpoints.
        let outline = try client.call("textDocument/documentSymbol", Self.doc(trip))
        #expect(outline.array?.map { $0["name"] } == ["trip"])
        #expect(outline[0]?["kind"] == 2)
        #expect(outline[0]?["children"]?.array?.map { $0["name"] } == ["anna", "book"])
        #expect(outline[0]?["children"]?[1]?["children"]?.array?.map { $0["name"] } == ["search", "pay"])
        #expect(outline[0]?["children"]?[1]?["children"]?[1]?["selectionRange"] == .range(6, 15, 6, 18))

        // Close: the findings go away.
        client.notify("textDocument/didClose", Self.doc(trip))
        published = try client.diagnostics(count: 2)
        #expect(published[csv] == [] && published[trip] == [])

        #expect(try client.call("shutdown", .null) == .null)
        client.notify("exit")
        #expect(client.finish() == 0)
    }
}
