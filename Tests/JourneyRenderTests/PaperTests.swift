import Foundation
import JourneyCore
import JourneyGraphviz
import JourneyRender
import JourneyTestSupport
import Testing

/// `--paper` and `--tile`: the page is the paper (ISO 216 A0–A4, ANSI letter and tabloid, custom
/// sizes, either orientation), the drawing fits inside the margins, centred; tiles keep the
/// poster's scale, use the fewest sheets, leave blank sheets out and are named R1C3.
@Suite struct PaperTests {
    static let pt = 72 / 25.4

    /// ISO 216 (and ANSI) portrait sizes in millimetres, written out here rather than read from
    /// `Paper.named`, so a wrong table fails.
    static let standard: [(String, Double, Double)] = [
        ("A0", 841, 1189), ("A1", 594, 841), ("A2", 420, 594), ("A3", 297, 420), ("A4", 210, 297),
        ("letter", 8.5 * 25.4, 11 * 25.4), ("tabloid", 11 * 25.4, 17 * 25.4),
    ]

    /// A small graph, wide (left to right) or tall (top to bottom).
    static func graph(wide: Bool) -> GraphSpec {
        var g = GraphSpec()
        g.graph.set(.rankdir, wide ? "LR" : "TB")
        g.graph.set(.bgcolor, "#ffffff")
        g.graph.set(.pad, 0.3)
        for i in 0..<5 {
            var a = Attributes()
            a.setText(.label, "step \(i)")
            a.set(.shape, "box")
            g.nodes.append(.init(id: NodeID("n", i), attributes: a))
            if i > 0 { g.edges.append(.init(from: NodeID("n", i - 1), to: NodeID("n", i))) }
        }
        return g
    }

    /// Every `/MediaBox [ 0 0 w h ]` of a PDF, in order.
    static func mediaBoxes(_ pdf: [UInt8]) -> [(Double, Double)] {
        let text = String(decoding: pdf, as: UTF8.self)
        return text.components(separatedBy: "/MediaBox [").dropFirst().compactMap { part in
            let n = part.prefix { $0 != "]" }.split(separator: " ").compactMap { Double($0) }
            return n.count == 4 ? (n[2] - n[0], n[3] - n[1]) : nil
        }
    }

    /// Width and height of a PNG from its IHDR chunk.
    static func pngSize(_ png: [UInt8]) -> (Int, Int) {
        func be(_ i: Int) -> Int { png[i..<(i + 4)].reduce(0) { $0 << 8 | Int($1) } }
        return (be(16), be(20))
    }

    @Test(arguments: [PageLayout.Orientation.portrait, .landscape])
    func pdfPageIsExactlyThePaper(orientation: PageLayout.Orientation) throws {
        let custom: [(String, Double, Double)] = [("500x300mm", 500, 300), ("150x150mm", 150, 150)]
        for (name, w, h) in Self.standard + custom {
            let paper = try #require(Paper(name, orientation: orientation))
            let out = try GraphvizRenderer.render(Self.graph(wide: true), formats: [.pdf, .png, .svg], dpi: 50, page: paper.page)
            let (short, long) = (min(w, h), max(w, h))
            let (ew, eh) = orientation == .portrait ? (short, long) : (long, short)
            let pdf = try #require(out[.pdf])
            let boxes = Self.mediaBoxes(pdf)
            #expect(boxes.count == 1, "\(name): one page")
            let (bw, bh) = try #require(boxes.first)
            #expect(abs(bw - ew * Self.pt) < 0.01 && abs(bh - eh * Self.pt) < 0.01, "\(name) \(orientation): \(bw)×\(bh) pt")
            let png = try #require(out[.png])
            let (px, py) = Self.pngSize(png)
            #expect(px == Int((ew / 25.4 * 50).rounded()) && py == Int((eh / 25.4 * 50).rounded()), "\(name) PNG \(px)×\(py) px")
            let svgBytes = try #require(out[.svg])
            let svg = String(decoding: svgBytes, as: UTF8.self)
            #expect(svg.contains("width=\"\(PaperTests.mm(ew))mm\" height=\"\(PaperTests.mm(eh))mm\""), "\(name) SVG size")
        }
    }

    static func mm(_ x: Double) -> String {
        let s = String(format: "%.2f", x)
        return s.hasSuffix(".00") ? String(s.dropLast(3)) : s.hasSuffix("0") ? String(s.dropLast()) : s
    }

    @Test func withoutOrientationTheSheetTurnsToShowTheDrawingLarger() throws {
        let a3 = try #require(Paper("A3"))
        let wide = try GraphvizRenderer.render(Self.graph(wide: true), formats: [.pdf], page: a3.page)
        let tall = try GraphvizRenderer.render(Self.graph(wide: false), formats: [.pdf], page: a3.page)
        let widePDF = try #require(wide[.pdf]), tallPDF = try #require(tall[.pdf])
        let (ww, wh) = try #require(Self.mediaBoxes(widePDF).first)
        let (tw, th) = try #require(Self.mediaBoxes(tallPDF).first)
        #expect(ww > wh, "a wide drawing gets landscape A3")
        #expect(th > tw, "a tall drawing gets portrait A3")
        #expect(abs(ww - 420 * Self.pt) < 0.01 && abs(tw - 297 * Self.pt) < 0.01)
    }

    @Test func drawingFitsInsideTheMarginsCentred() {
        let page = PageLayout(width: 100, height: 200, orientation: .fitting, margin: 10)
        // 300 × 100: landscape (200 × 100) gives scale 0.6, portrait 0.267.
        let p = page.placement(drawingWidth: 300, drawingHeight: 100)
        #expect(p.pageWidth == 200 && p.pageHeight == 100)
        #expect(abs(p.scale - 0.6) < 1e-12)
        #expect(abs(p.x - 10) < 1e-12, "fills the width up to the margin")
        #expect(abs(p.y - (100 - 60) / 2) < 1e-12, "centred vertically")
        let upright = PageLayout(width: 100, height: 200, orientation: .portrait, margin: 10).placement(
            drawingWidth: 300, drawingHeight: 100)
        #expect(upright.pageWidth == 100 && abs(upright.x - 10) < 1e-12 && abs(upright.y * 2 + 100 * upright.scale - 200) < 1e-9)
    }

    @Test func sheetNamesCannotBeReadAsPaperSizes() {
        let layout = TileLayout(
            poster: Paper.defaultPoster.page, tileWidth: 210 * Self.pt, tileHeight: 297 * Self.pt, overlap: 10 * Self.pt,
            margin: 10 * Self.pt)
        let grid = layout.grid(drawingWidth: 3000, drawingHeight: 1000)
        let paperNames = Set(Paper.named.keys.map { $0.uppercased() } + ["B1", "B2", "C4", "C5"])
        for s in grid.sheets {
            #expect(s.code == "R\(s.row)C\(s.column)")
            #expect(s.name() == "row \(s.row) · column \(s.column)")
            #expect(!paperNames.contains(s.code.uppercased()))
        }
    }

    @Test func tileGridCoversTheDrawingAtPosterScale() {
        // An A0 poster in A4 portrait tiles with 10 mm overlap and 10 mm margins.
        let layout = TileLayout(
            poster: Paper.defaultPoster.page, tileWidth: 210 * Self.pt, tileHeight: 297 * Self.pt, overlap: 10 * Self.pt,
            margin: 10 * Self.pt)
        // A drawing of A0 landscape's printable proportions fills it: (1189-20) × (841-20) mm.
        let g = layout.grid(drawingWidth: 1169, drawingHeight: 821)
        #expect(abs(g.scale - Self.pt) < 1e-9)
        let stepX = (210 - 20 - 10) * Self.pt, pw = (210 - 20) * Self.pt
        #expect(g.columns == 7 && g.rows == 4)
        #expect(Double(g.columns - 1) * stepX + pw >= 1169 * Self.pt, "covers it all")
        #expect(Double(g.columns - 2) * stepX + pw < 1169 * Self.pt, "no spare column")
        // Centred: the overhang is the same on both sides.
        let first = g.sheets[0], last = g.sheets[g.sheets.count - 1]
        #expect(abs(-first.x - (last.x + pw - 1169 * Self.pt)) < 1e-9)
        // The own areas partition the grid: they add up to its whole area.
        let area = g.sheets.reduce(0) { $0 + $1.ownWidth * $1.ownHeight }
        let gw = Double(g.columns - 1) * stepX + pw, gh = Double(g.rows - 1) * (297 - 30) * Self.pt + (297 - 20) * Self.pt
        #expect(abs(area - gw * gh) < 1e-6 * area)
    }

    /// Two boxes in opposite corners of a wide drawing: most sheets of the grid would be blank.
    static func corners() -> GraphSpec {
        var g = GraphSpec()
        g.engine = .neato
        g.graph.set(.inputscale, 72)
        g.graph.set(.bgcolor, "#ffffff")
        for (i, (x, y)) in [(0.0, 1500.0), (3000.0, 0.0)].enumerated() {
            var a = Attributes()
            a.setText(.label, "corner \(i)")
            a.set(.shape, "box")
            a.set(.style, "filled")
            a.set(.fillcolor, "#333333")
            a.set(.pos, .point(x, y))
            g.nodes.append(.init(id: NodeID("c", i), attributes: a))
        }
        return g
    }

    @Test func blankSheetsAreLeftOut() throws {
        let layout = TileLayout(
            poster: Paper.defaultPoster.page, tileWidth: 210 * Self.pt, tileHeight: 297 * Self.pt, overlap: 10 * Self.pt,
            margin: 10 * Self.pt)
        let (pdf, grid, printed) = try GraphvizRenderer.renderTiles(Self.corners(), layout: layout, title: "corners")
        #expect(grid.sheets.count >= 12, "the grid has \(grid.sheets.count) sheets")
        #expect(printed.count >= 2 && printed.count <= 4, "only the corners print: \(printed.map(\.code))")
        // Graphviz's y axis points up: (0, 1500) is the top-left corner.
        #expect(printed.contains { $0.row == 1 && $0.column == 1 }, "top left: \(printed.map(\.code))")
        #expect(printed.contains { $0.row == grid.rows && $0.column == grid.columns }, "bottom right")
        let boxes = Self.mediaBoxes(pdf)
        #expect(boxes.count == printed.count + 1, "index + printed sheets")
        for (w, h) in boxes { #expect(abs(w - grid.tileWidth) < 0.01 && abs(h - grid.tileHeight) < 0.01) }
        let again = try GraphvizRenderer.renderTiles(Self.corners(), layout: layout, title: "corners").pdf
        #expect(again == pdf, "deterministic")
    }

    @Test(.enabled(if: OptionalTools.pdftoppm != nil, "pdftoppm is not installed (apt-get install poppler-utils)"))
    func everyPrintedSheetHasInkInsideItsMargins() throws {
        let loaded = JourneyLoader.load(path: Repo.path("journeys/air-travel.journey"))
        let journey = try #require(loaded.journey)
        var options = MapOptions()
        options.adapt(to: Paper("A0"))
        let a0 = try #require(Paper("A0")), a4 = try #require(Paper("A4"))
        let layout = a0.tiles(of: a4, overlapMM: 10)
        for (name, spec) in [("air-travel", MapBuilder.build(journey, options: options)), ("corners", Self.corners())] {
            let (pdf, grid, printed) = try GraphvizRenderer.renderTiles(spec, layout: layout, title: name)
            let pages = try Self.rasterise(pdf, dpi: 20)
            #expect(pages.count == printed.count + 1, "\(name): \(pages.count) pages")
            let inset = Int((10 * 20 / 25.4).rounded(.up)) + 2
            for (i, page) in pages.enumerated().dropFirst() {
                var ink = 0
                for y in inset..<(page.height - inset) {
                    for x in inset..<(page.width - inset) where page.pixels[y * page.width + x] < 245 { ink += 1 }
                }
                #expect(ink > 0, "\(name): sheet \(printed[i - 1].code) of \(grid.sheets.count) is blank")
            }
        }
    }

    struct Gray { var width: Int, height: Int, pixels: [UInt8] }

    /// The pages of a PDF as 8-bit gray images, through pdftoppm (poppler, not cairo).
    static func rasterise(_ pdf: [UInt8], dpi: Int) throws -> [Gray] {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("paper-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data(pdf).write(to: URL(fileURLWithPath: "\(dir)/in.pdf"))
        let p = Process()
        let tool = try #require(OptionalTools.pdftoppm)
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = ["-r", "\(dpi)", "-gray", "\(dir)/in.pdf", "\(dir)/page"]
        try p.run()
        p.waitUntilExit()
        let files = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".pgm") }.sorted()
        return try files.map { f in
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: "\(dir)/\(f)")))
            // P5 header: magic, width, height, maxval, separated by whitespace.
            var fields: [String] = [], i = 0, current = ""
            while fields.count < 4 {
                let c = bytes[i]
                i += 1
                if c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 {
                    if !current.isEmpty { fields.append(current); current = "" }
                } else {
                    current.append(Character(UnicodeScalar(c)))
                }
            }
            let w = Int(fields[1]) ?? 0, h = Int(fields[2]) ?? 0
            return Gray(width: w, height: h, pixels: Array(bytes[i..<(i + w * h)]))
        }
    }
}

@Suite struct InkMaskTests {
    @Test func answersForAnyRectangleFromItsSums() {
        // 4 × 3 pixels, one pixel a point; ink at (1, 0) and (3, 2).
        var pixels = [UInt8](repeating: 0, count: 12)
        pixels[1] = 1
        pixels[2 * 4 + 3] = 1
        let m = InkMask(width: 4, height: 3, pixelsPerPoint: 1, pixels: pixels)
        #expect(m.hasInk(x: 1, y: 0, width: 1, height: 1))
        #expect(!m.hasInk(x: 0, y: 1, width: 3, height: 2), "the bare lower-left block")
        #expect(m.hasInk(x: 2, y: 1, width: 2, height: 2))
        #expect(!m.hasInk(x: 10, y: 10, width: 5, height: 5), "outside the drawing is bare")
        #expect(m.hasInk(x: -5, y: -5, width: 100, height: 100))
    }
}
