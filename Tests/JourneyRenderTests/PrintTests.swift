import Foundation
import JourneyCore
import JourneyGraphviz
import JourneyRender
import JourneyTestSupport
import Testing

/// Wall maps: tiles, themes that survive colour-vision deficiencies and grayscale.
@Suite struct PrintTests {
    static let mm = 72 / 25.4

    @Test func tileGridCoversThePoster() {
        // An A0 landscape poster in A4 portrait tiles with 10 mm overlap and 10 mm margins.
        let layout = TileLayout(
            posterWidth: 1189 * Self.mm, posterHeight: 841 * Self.mm, tileWidth: 210 * Self.mm,
            tileHeight: 297 * Self.mm, overlap: 10 * Self.mm, margin: 10 * Self.mm)
        // A drawing of the poster's own proportions fills it: 7 × 4 tiles.
        let (scale, cols, rows) = layout.grid(drawingWidth: 1189, drawingHeight: 841)
        #expect(abs(scale - Self.mm) < 1e-9)
        #expect(cols == 7 && rows == 4)
        // Every tile step is a tile's printable width minus the overlap; the grid covers it all.
        let stepX = (210 - 20 - 10) * Self.mm
        #expect(Double(cols - 1) * stepX + (210 - 20) * Self.mm >= 1189 * Self.mm)
        #expect(Double(cols - 2) * stepX + (210 - 20) * Self.mm < 1189 * Self.mm, "no spare column")
        // A very wide drawing needs one row; turning the A4 sheets takes fewer of them.
        #expect(layout.grid(drawingWidth: 8000, drawingHeight: 400).rows == 1)
        let wide = (w: 4000.0, h: 1000.0)
        let turned = layout.fewestSheets(drawingWidth: wide.w, drawingHeight: wide.h)
        let a = layout.grid(drawingWidth: wide.w, drawingHeight: wide.h), b = turned.grid(drawingWidth: wide.w, drawingHeight: wide.h)
        #expect(b.columns * b.rows <= a.columns * a.rows)
        #expect(turned.tileWidth > turned.tileHeight, "landscape sheets for a wide, short poster")
    }

    @Test func tiledPDFHasAnIndexAndOnePagePerTile() throws {
        let loaded = JourneyLoader.load(path: Repo.path("journeys/online-return.journey"))
        let journey = try #require(loaded.journey)
        let spec = MapBuilder.build(journey)
        let layout = TileLayout(
            posterWidth: 841 * Self.mm, posterHeight: 594 * Self.mm, tileWidth: 210 * Self.mm,
            tileHeight: 297 * Self.mm, overlap: 10 * Self.mm)
        let (pdf, cols, rows) = try GraphvizRenderer.renderTiles(spec, layout: layout, title: "test")
        let text = String(decoding: pdf, as: UTF8.self)
        let pages = text.components(separatedBy: "/Type /Page\n").count - 1 + text.components(separatedBy: "/Type /Page ").count - 1
        #expect(pages == cols * rows + 1, "index + tiles: \(pages) pages for \(cols)×\(rows)")
        #expect(
            text.contains("/MediaBox [ 0 0 595.275591 841.889764 ]") || text.contains("/MediaBox [ 0 0 841.889764 595.275591 ]"), "A4 pages"
        )
        #expect(String(decoding: pdf.prefix(5), as: UTF8.self) == "%PDF-")
        let again = try GraphvizRenderer.renderTiles(spec, layout: layout, title: "test").pdf
        #expect(again == pdf, "deterministic")
    }

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
