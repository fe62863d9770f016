import Foundation
import JourneyCore
import JourneyFeedback
import JourneyGraphviz
import JourneyRender
import JourneyTestSupport
import Testing

/// Wall maps: themes that survive colour-vision deficiencies and grayscale (paper and tiles:
/// PaperTests).
@Suite struct PrintTests {
    @Test func departmentColoursAreDistinctAndReadable() {
        for theme in [Theme.default, Theme.dark] {
            let colours = theme.departments
            #expect(Set(colours).count == colours.count, "\(theme.name): distinct")
            for c in colours {
                #expect(c.contrast(with: c.readableText) >= 4.5, "\(theme.name): text on \(c.hex) is readable (WCAG AA)")
            }
            // Vermillion is kept for pain points: no department wears it.
            #expect(!colours.contains(theme.highlight))
        }
    }

    @Test func emotionScaleIsBlueOrangeNotRedGreen() {
        let t = Theme.default
        let neg = t.emotionColor(-2), pos = t.emotionColor(2)
        #expect(neg.r > neg.b && pos.b > pos.r, "orange for negative, blue for positive")
        // Both ends differ in lightness too, so they stay apart for red-green deficiencies.
        #expect(abs(neg.luminance - pos.luminance) > 0.05)
    }

    @Test func printThemeCarriesMeaningWithoutColour() {
        let p = Theme.print
        #expect(p.usesMarks)
        let marks = (-2...2).map { p.emotionGlyph(Double($0)) }
        #expect(Set(marks).count == 5, "each emotion has its own mark: \(marks)")
        let gray = p.departments.map { Int(($0.luminance * 100).rounded()) }
        #expect(Set(gray).count == gray.count, "department bands differ in gray level")
    }

    /// A white swatch ("+2" in the legend, a white department's band) on white paper vanishes
    /// unless it has a border: in the print theme every filled cell of the map has one.
    @Test func printThemeSwatchesKeepABorder() throws {
        let loaded = JourneyLoader.load(path: Repo.path("journeys/air-travel.journey"))
        let journey = try #require(loaded.journey)
        var options = MapOptions()
        options.theme = .print
        let spec = MapBuilder.build(journey, options: options)
        let dot = DOTWriter.write(spec)
        let white = Color(hex: 0xFFFFFF).hex
        var cells = 0
        var rest = Substring(dot)
        while let r = rest.range(of: "<TD") {
            let tag = rest[r.lowerBound...].prefix { $0 != ">" }
            if tag.contains("BGCOLOR=\"\(white)\"") {
                cells += 1
                #expect(tag.contains("BORDER=\"1\""), "a white cell without a border: \(tag)")
            }
            rest = rest[r.upperBound...]
        }
        #expect(cells >= 2, "the legend's +2 and the white department are white cells: \(cells)")
        // Graphviz takes the bordered cells (a border on a 1-point bar segment it refused).
        let (measurements, _) = FeedbackJoin.run(journey)
        let measured = MapBuilder.build(journey, measurements: measurements, options: options)
        #expect(try GraphvizRenderer.render(measured, formats: [.svg])[.svg]?.isEmpty == false)
        // On screen, swatches stand on their colour alone.
        #expect(Theme.default.swatch(Color(hex: 0x0072B2)).count == 1)
    }
}
