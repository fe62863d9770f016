import Foundation
import JourneyCore
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
}
