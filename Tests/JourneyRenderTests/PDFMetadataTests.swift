import Foundation
import JourneyCore
import JourneyGraphviz
import JourneyRender
import JourneyTestSupport
import Testing

/// PDF title and language added after cairo's output by an incremental update.
@Suite struct PDFMetadataTests {
    static func pdf() throws -> [UInt8] {
        let loaded = JourneyLoader.load(path: Repo.path("journeys/bank-account.journey"), options: LoadOptions(root: Repo.path("journeys")))
        let journey = try #require(loaded.journey)
        var o = MapOptions()
        o.language = .pl
        let spec = BlueprintBuilder.build(journey, options: o)
        return try #require(try GraphvizRenderer.render(spec, formats: [.pdf])[.pdf])
    }

    @Test func titleAndLanguageAreAppendedAndEveryEarlierByteStays() throws {
        let original = try Self.pdf()
        let out = PDFMetadata.apply(original, title: "Mapa: Żółć ąę", language: "pl")
        #expect(Array(out.prefix(original.count)) == original, "an incremental update leaves cairo's bytes where they were")
        let tail = String(decoding: out.suffix(out.count - original.count), as: UTF8.self)
        #expect(tail.contains("/Lang (pl)"))
        #expect(tail.contains("/Title <FEFF004D00610070006100"))  // "Map…" in UTF-16BE
        #expect(tail.contains("/Prev "))
        // Every offset in the new cross-reference section points at the object it names.
        let xref = try #require(tail.range(of: "xref\n"))
        let lines = tail[xref.upperBound...].split(separator: "\n")
        var i = 0
        while i + 1 < lines.count, let number = Int(lines[i].split(separator: " ").first ?? ""), lines[i].hasSuffix(" 1") {
            let offset = try #require(Int(lines[i + 1].prefix(10)))
            #expect(String(decoding: out[offset..<(offset + 12)], as: UTF8.self).hasPrefix("\(number) 0 obj"))
            i += 2
        }
        #expect(i == 4, "two objects rewritten: the catalog and the info dictionary")
    }

    @Test func aFileItDoesNotRecogniseIsLeftAlone() {
        let junk = Array("%PDF-1.5\nnot really a pdf\n".utf8)
        #expect(PDFMetadata.apply(junk, title: "t", language: "pl") == junk)
        #expect(PDFMetadata.apply(junk, title: "t", language: "p l)") == junk)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/pdfinfo"), "needs pdfinfo (poppler-utils)"))
    func popplerReadsTheTitle() throws {
        let out = PDFMetadata.apply(try Self.pdf(), title: "Blueprint usługi: Otwarcie konta", language: "pl")
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("jm-pdf-meta-\(getpid()).pdf").path
        try Data(out).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/pdfinfo")
        p.arguments = [path]
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = Pipe()
        try p.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        #expect(text.contains("Title:") && text.contains("Blueprint usługi: Otwarcie konta"))
    }
}
