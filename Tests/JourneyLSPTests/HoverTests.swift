import Foundation
import JourneyLSP
import Testing

@Suite struct HoverTests {
    /// Wide survey data with a planted key driver: the overall rating is twice the wifi
    /// rating (less one when the food was poor), so wifi ranks first and food second.
    static let journey = """
        journey kd "Key drivers" {
          department ops "Operations <b>&</b>"
          stage s "Stay" {
            touchpoint wifi "Uses the *wifi* [here](http://x.example)" { owner ops }
            touchpoint food "Eats" { owner ops }
          }
          feedback "survey.csv" {
            format wide
            rating wifi = "Wifi"
            rating food = "Food"
            outcome overall = "Overall" { scale 1..10 }
          }
        }

        """

    static var survey: String {
        var rows = ["id,Wifi,Food,Overall"]
        for i in 0..<40 {
            let wifi = i % 5 + 1, food = (i / 5) % 5 + 1
            rows.append("r\(i),\(wifi),\(food),\(min(10, max(1, 2 * wifi - (food < 3 ? 1 : 0))))")
        }
        return rows.joined(separator: "\n") + "\n"
    }

    func hover(_ client: ScriptedClient, _ uri: String, _ line: Int, _ character: Int) throws -> String? {
        try client.call("textDocument/hover", ["textDocument": ["uri": .string(uri)], "position": .position(line, character)])["contents"]?[
            "value"]?.string
    }

    @Test func keyDriverRankEscapedTitlesAndFiguresKeptThroughAnError() throws {
        let ws = try Workspace(files: ["kd.journey": Self.journey, "survey.csv": Self.survey])
        defer { ws.remove() }
        let uri = ws.uri("kd.journey")
        let client = ScriptedClient()
        _ = try client.call("initialize", ["rootUri": .string(DocumentURI.uri(of: ws.root)), "capabilities": [:]])
        client.notify(
            "textDocument/didOpen",
            ["textDocument": ["uri": .string(uri), "languageId": "journey", "version": 1, "text": .string(Self.journey)]])

        let wifi = try #require(try hover(client, uri, 3, 16))
        let wifiLines = wifi.components(separatedBy: "\n\n")
        // The title is Markdown-escaped: no emphasis, no link, no HTML from journey text.
        #expect(wifiLines.first == #"**Uses the \*wifi\* \[here\]\(http\://x\.example\)** · touchpoint `wifi` in stage Stay"#)
        #expect(wifiLines.contains("owner: Operations &lt;b&gt;&amp;&lt;/b&gt; (`ops`)"))
        // The same figures as `journeymap report` prints for this data (importance 97.8%, 88.8–99).
        #expect(
            wifiLines.last == "key driver #1 of 2 for outcome `overall`: 97.8% of the explained outcome (95% interval 88.8 to 99), n = 40")
        let food = try #require(try hover(client, uri, 4, 16))
        #expect(
            food.components(separatedBy: "\n\n").last
                == "key driver #2 of 2 for outcome `overall`: 2.2% of the explained outcome (95% interval 1 to 11.2), n = 40")
        #expect(food.contains("feedback: n = 40 · CSAT 25% (95% interval 14 to 40.4, n = 40)"))

        // A department: what it owns.
        #expect(
            try hover(client, uri, 1, 14)?.hasPrefix(
                "**Operations &lt;b&gt;&amp;&lt;/b&gt;** · department `ops` · owns 2 touchpoints\n\n`wifi`, `food`") == true)

        // While the user types through an error, hover keeps the last joined figures, marked.
        let broken = Self.journey.replacingOccurrences(of: "{ owner ops }\n    touchpoint food", with: "{ owner opz }\n    touchpoint food")
        client.notify(
            "textDocument/didChange", ["textDocument": ["uri": .string(uri), "version": 2], "contentChanges": [["text": .string(broken)]]])
        let stale = try #require(try hover(client, uri, 4, 16))
        #expect(stale.contains("feedback: n = 40 · CSAT 25%"))
        #expect(stale.hasSuffix("_figures from the last version without errors_"))
        // Nothing to say off an id.
        #expect(try client.call("textDocument/hover", ["textDocument": ["uri": .string(uri)], "position": .position(0, 2)]) == .null)
        _ = try client.call("shutdown", .null)
        client.notify("exit")
        #expect(client.finish() == 0)
    }

    @Test func aSharedDefinitionSaysWhereItIsUsed() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        let org = ws.uri("shared/org.journey")
        let client = ScriptedClient()
        _ = try client.call("initialize", ["rootUri": .string(DocumentURI.uri(of: ws.root)), "capabilities": [:]])
        client.notify(
            "textDocument/didOpen",
            ["textDocument": ["uri": .string(org), "languageId": "journey", "version": 1, "text": .string(Workspace.org)]])
        #expect(
            try client.call("textDocument/hover", ["textDocument": ["uri": .string(org)], "position": .position(0, 13)]) == [
                "contents": ["kind": "markdown", "value": "department `finance` · shared definition, used 1 time in trip\\.journey"],
                "range": .range(0, 11, 0, 18),
            ])
        _ = try client.call("shutdown", .null)
        client.notify("exit")
        #expect(client.finish() == 0)
    }
}
