import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif
import JourneyCore
import JourneyGraphviz
import JourneyRender
import Testing

/// Hostile journey text must stay text in every Graphviz output.
@Suite struct InjectionTests {
    static let hostile = [
        "<script>alert(1)</script>", "</text><image href=\"x\"/>", "]]>", "A & B \"quoted\" 'single'",
        "javascript:alert(1)", "<TABLE><TR><TD>x</TD></TR></TABLE>", "<IMG SRC=\"/etc/passwd\"/>",
        "\\N \\G \\L \\E", "x\" onload=\"alert(1)", "<FONT FACE=\"x&quot; onload=&quot;alert(1)\">f</FONT>",
        "\u{202E}evil\u{202C} hidden\u{200B}zero",
    ]

    static func journey(_ text: String) -> Journey {
        let r = SourceRange.file("h.journey")
        let tp = Touchpoint(
            id: "a", title: text, stageID: "s", channel: "c", owner: "d", emotion: Emotion(value: -1),
            pains: [text], range: r)
        let tp2 = Touchpoint(id: "b", title: "Next", stageID: "s", owner: "d", range: r)
        return Journey(
            id: "h", title: text, description: text,
            personas: [Persona(id: "p", name: text, goals: [text], segment: text, range: r)],
            departments: [Department(id: "d", title: text, range: r)], channels: [Channel(id: "c", title: text, range: r)],
            stages: [Stage(id: "s", title: text, touchpoints: [tp, tp2], range: r)],
            flows: [Flow(from: "a", to: "b", kind: .sequence, range: r), Flow(from: "b", to: "a", label: text, kind: .explicit, range: r)],
            sourceFile: "h.journey", range: r)
    }

    @Test(arguments: hostile)
    func textNeverBecomesMarkupOrAttributes(_ text: String) throws {
        let spec = MapBuilder.build(Self.journey(text))
        let svg = try #require(try GraphvizRenderer.render(spec, formats: [.svg])[.svg])
        let doc = try XMLDocument(data: Data(svg))  // well-formed, whatever the text
        #expect(
            try doc.nodes(
                forXPath:
                    "//*[local-name()='script' or local-name()='image' or local-name()='a' or local-name()='foreignObject' or local-name()='use']"
            ).isEmpty)
        let attributes = try doc.nodes(forXPath: "//@*")
        for a in attributes {
            let name = a.name ?? ""
            #expect(!name.lowercased().hasPrefix("on"), "event handler attribute \(name)")
            #expect(!(a.stringValue ?? "").lowercased().contains("javascript:") || name == "title", "\(name)=\(a.stringValue ?? "")")
            #expect(!["href", "xlink:href", "src"].contains(name), "link attribute \(name)")
        }
        let s = String(decoding: svg, as: UTF8.self)
        #expect(!s.contains("\u{202E}") && !s.contains("\u{200B}"), "hidden controls are dropped")
        #expect(!s.contains("/etc/passwd\"/>") || s.contains("&lt;IMG"))
    }

    @Test func graphvizEscapesAreNotExpanded() throws {
        let spec = MapBuilder.build(Self.journey("\\N \\G"))
        let svg = String(decoding: try #require(try GraphvizRenderer.render(spec, formats: [.svg])[.svg]), as: UTF8.self)
        #expect(svg.contains("\\N \\G"), "the backslashes stay literal")
        #expect(!svg.contains(">tp0 journey<"), "\\N would have become the node name")
    }

    @Test func htmlLabelBuilderEscapesEverything() {
        let label = HTMLLabel(.table([], [.row([.cell([], [.text("<b>&\"'")])])]))
        #expect(label.markup == "<TABLE><TR><TD>&lt;b&gt;&amp;&quot;&#39;</TD></TR></TABLE>")
        #expect(PlainText.escape("a\\Nb\nc") == "a\\\\Nb\\nc")
        #expect(HTML.escape("\\N") == "\\\\N")
    }
}
