import Foundation
import JourneyCore
import JourneyGraph
import JourneyGraphviz
import JourneyRender
import Testing

/// Issue 14 item 14: one filter (`Escape.visible`) decides what is invisible, for SVG and
/// Graphviz labels, HTML, Markdown and CSV alike. Joiners stay inside words and emoji.
@Suite struct InvisibleCharacterTests {
    /// Every character that must vanish from every output, each tested on its own.
    static let invisible: [Unicode.Scalar] = [
        "\u{00AD}", "\u{180E}", "\u{200B}", "\u{2060}", "\u{2061}", "\u{2062}", "\u{2063}", "\u{2064}",
        "\u{206A}", "\u{206B}", "\u{206C}", "\u{206D}", "\u{206E}", "\u{206F}", "\u{FEFF}",
        "\u{E0001}", "\u{E0020}", "\u{E0041}", "\u{E007A}", "\u{E007F}",
        "\u{202A}", "\u{202B}", "\u{202C}", "\u{202D}", "\u{202E}", "\u{2066}", "\u{2067}", "\u{2068}", "\u{2069}",
        "\u{200E}", "\u{200F}", "\u{061C}", "\u{1B}", "\u{7F}", "\u{85}", "\u{9B}",
    ]

    /// The outputs that take user text, each with what "ab" becomes in it.
    static let outputs: [(String, @Sendable (String) -> String)] = [
        ("visible", Escape.visible), ("html/svg", Escape.html), ("markdown", Escape.markdown),
        ("csv", Escape.csvField), ("graphviz html label", HTML.escape), ("graphviz plain label", PlainText.escape),
    ]

    @Test(arguments: invisible)
    func isDroppedFromEveryOutput(_ c: Unicode.Scalar) {
        let text = "a" + String(Character(c)) + "b"
        for (name, escape) in Self.outputs {
            #expect(
                escape(text) == "ab",
                "U+\(String(c.value, radix: 16, uppercase: true)) in \(name): \(escape(text).unicodeScalars.map { String($0.value, radix: 16) })"
            )
        }
    }

    /// U+2028 and U+2029 are line breaks: a break where the output has one, a space where not.
    @Test(arguments: ["\u{2028}", "\u{2029}"])
    func lineSeparatorsAreLineBreaks(_ sep: String) {
        #expect(Escape.visible("a" + sep + "b") == "a\nb")
        #expect(Escape.markdown("a" + sep + "b") == "a b")
        #expect(PlainText.escape("a" + sep + "b") == "a\\nb")
        #expect(HTML.text("a" + sep + "b").markup == "a<BR/>b")
    }

    /// ZWJ and ZWNJ inside emoji sequences and words are kept, in every output.
    @Test(arguments: ["👩\u{200D}👩\u{200D}👧\u{200D}👦", "می\u{200C}خواهم", "क्\u{200D}ष", "🏳\u{FE0F}\u{200D}🌈"])
    func joinersInsideWordsAndEmojiAreKept(_ word: String) {
        for (name, escape) in Self.outputs where name != "markdown" {
            #expect(escape(word) == word, "\(name): \(escape(word).unicodeScalars.map { String($0.value, radix: 16) })")
        }
        #expect(Escape.markdown(word) == word)
        #expect(Escape.visible(word).count == word.count, "one grapheme stays one grapheme")
    }

    /// A joiner with nothing to join (at an end, beside a space or another joiner) is dropped.
    @Test func strayJoinersAreDropped() {
        #expect(Escape.visible("\u{200D}a") == "a")
        #expect(Escape.visible("a\u{200C}") == "a")
        #expect(Escape.visible("a \u{200D} b") == "a  b")
        #expect(Escape.visible("a\u{200D}\u{200D}b") == "ab")
    }

    /// End to end: the family emoji survives into the SVG whole; TAG characters do not.
    @Test func svgKeepsTheFamilyAndDropsTags() throws {
        let r = SourceRange.file("e.journey")
        let title = "Family 👩\u{200D}👩\u{200D}👧\u{200D}👦 trip\u{E0041}\u{E0042}\u{00AD}\u{2062}"
        let tp = Touchpoint(id: "a", title: title, stageID: "s", owner: "d", range: r)
        let j = Journey(
            id: "e", title: title, departments: [Department(id: "d", title: "D", range: r)],
            stages: [Stage(id: "s", title: "S", touchpoints: [tp], range: r)], sourceFile: "e.journey", range: r)
        let svg = String(decoding: try #require(try GraphvizRenderer.render(MapBuilder.build(j), formats: [.svg])[.svg]), as: UTF8.self)
        #expect(svg.contains("👩\u{200D}👩\u{200D}👧\u{200D}👦"))
        #expect(!svg.unicodeScalars.contains { (0xE0000...0xE007F).contains($0.value) || $0.value == 0xAD || $0.value == 0x2062 })
    }
}
