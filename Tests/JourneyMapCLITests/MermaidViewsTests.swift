import Foundation
import JourneyTestSupport
import Testing

/// Every view of every journey imported from Mermaid: imports carry no owner and no channel,
/// and one view that failed used to leave `--view all` writing nothing at all.
@Suite struct MermaidViewsTests {
    static let suite = Repo.fixture("mermaid-suite")
    static let valid = Repo.files(in: suite, suffix: ".mmd").filter { !$0.contains("INVALID") }
    /// What `--view all` writes for a journey without an outcome (drivers needs one).
    static let views = ["blueprint", "curve", "map", "ownership"]

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
