import Foundation
import JourneyTestSupport
import Testing

/// Every view of every journey imported from Mermaid: imports carry no owner and no channel,
/// and one view that failed used to leave `--view all` writing nothing at all.
@Suite struct MermaidViewsTests {
    static let suite = Repo.fixture("mermaid-suite")
    static let valid = Repo.files(in: suite, suffix: ".mmd").filter { !$0.contains("INVALID") }
    /// What `--view all` writes for a journey without an outcome (drivers needs one).
    static let views = ["blueprint", "canvas", "curve", "map", "ownership"]

    @Test func everyValidFixtureIsTested() { #expect(Self.valid.count == 6) }

    @Test(arguments: valid)
    func renderViewAllWritesEveryView(_ name: String) throws {
        let tmp = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(atPath: tmp) }
        let journey = "\(tmp)/imported.journey"
        let imported = try CLI.run(["import", "mermaid", "\(Self.suite)/\(name)", "-o", journey])
        #expect(imported.status == 0, "\(imported.stderr)")
        let r = try CLI.run(["render", journey, "-o", "\(tmp)/out", "--view", "all", "--format", "svg,png"])
        #expect(r.status == 0, "\(name): \(r.stderr)")
        let folders = try FileManager.default.contentsOfDirectory(atPath: "\(tmp)/out").filter { !$0.hasPrefix(".") }
        let id = try #require(folders.first, "\(name): no output folder")
        let written = Set(try FileManager.default.contentsOfDirectory(atPath: "\(tmp)/out/\(id)"))
        for view in Self.views {
            for ext in ["svg", "png"] {
                #expect(written.contains("\(view).\(ext)"), "\(name): \(view).\(ext) missing, wrote \(written.sorted())")
            }
        }
    }
}

/// `--view canvas`, the canvas as the poster's default, `--detail`.
@Suite struct CanvasCommandTests {
    @Test func aPosterWithoutViewIsTheCanvas() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try CLI.run(["render", "journeys/online-return.journey", "-o", dir, "--paper", "A1", "--format", "svg"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: "\(dir)/online-return/canvas.svg"))
        #expect(!FileManager.default.fileExists(atPath: "\(dir)/online-return/map.svg"))
        let plain = try CLI.run(["render", "journeys/online-return.journey", "-o", dir + "/plain", "--format", "svg"])
        #expect(plain.status == 0)
        #expect(FileManager.default.fileExists(atPath: "\(dir)/plain/online-return/map.svg"), "without --paper the map stays the default")
    }

    @Test func detailChoosesFiguresAndIsValidated() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for detail in ["summary", "full"] {
            let r = try CLI.run([
                "render", "journeys/air-travel.journey", "-o", "\(dir)/\(detail)", "--view", "canvas", "--detail", detail, "--format",
                "svg",
            ])
            #expect(r.status == 0, "\(r.stderr)")
        }
        let full = String(decoding: try #require(CLI.read("\(dir)/full/air-travel/canvas.svg")), as: UTF8.self)
        let summary = String(decoding: try #require(CLI.read("\(dir)/summary/air-travel/canvas.svg")), as: UTF8.self)
        #expect(full.contains("NPS +83 (+68…+91)") && !summary.contains("NPS +83 (+68…+91)"))
        let bad = try CLI.run(["render", "journeys/air-travel.journey", "-o", dir, "--detail", "some"])
        #expect(bad.status == 64 && bad.stderr.contains("--detail takes summary or full"))
    }
}
