import Foundation
import JourneyCore
import JourneyTestSupport
import Testing

/// Valid fixtures resolve to a model whose dump (with source positions) matches a golden.
@Suite struct ModelGoldenTests {
    static let folder = Repo.path("Tests/JourneyCoreTests/Fixtures/valid")

    static var fixtures: [String] { Repo.files(in: folder, suffix: ".journey") }

    /// `modelMatchesGolden` runs no case at all when the folder is empty or moved: that must fail.
    @Test func folderYieldsCases() { #expect(Self.fixtures.count >= 1, "\(Self.folder): \(Self.fixtures)") }

    @Test(arguments: fixtures)
    func modelMatchesGolden(_ name: String) throws {
        let result = JourneyLoader.load(path: Self.folder + "/" + name)
        #expect(!result.hasErrors, "\(DiagnosticPrinter(sources: result.sources).format(result.diagnostics))")
        let journey = try #require(result.journey)
        let dump = ModelDump.dump(journey).replacingOccurrences(of: Repo.root + "/", with: "")
        try Golden.check(dump, at: Self.folder + "/" + name.replacingOccurrences(of: ".journey", with: ".model.txt"))
    }

    @Test func unicodeTextSurvivesEndToEnd() throws {
        let journey = try #require(JourneyLoader.load(path: Self.folder + "/unicode.journey").journey)
        #expect(journey.title == "Otwarcie konta – Łódź")
        #expect(journey.description == "Klientka zakłada konto przez aplikację; \"szybko\"\tі зручно")
        let claim = try #require(journey.touchpoint("заявка"))
        #expect(claim.title == "Заявка онлайн")
        #expect(claim.owner == "sprzedaż")
        #expect(claim.emotion?.value == -1)
        #expect(claim.isMomentOfTruth)
        #expect(journey.flows.contains { $0.label == "wraca, bo 🤔" && $0.kind == .explicit })
        #expect(journey.departments.map(\.id) == ["marketing", "sprzedaż"])
        #expect(journey.targets.map(\.scope) == [.journey, .touchpoint("заявка"), .stage("start")])
        // `;` separates statements on one line.
        #expect(journey.stage("start")?.touchpoints.map(\.id) == ["karta", "login"])
    }
}

/// A readable, deterministic text form of the model for goldens.
enum ModelDump {
    static func dump(_ j: Journey) -> String {
        var out = "journey \(j.id) \(q(j.title)) @\(j.range)\n"
        if let d = j.description { out += "  description \(q(d))\n" }
        for f in j.includedFiles { out += "  included \(f)\n" }
        for p in j.personas {
            out += "  persona \(p.id) \(q(p.name)) segment=\(p.segment ?? "-") goals=\(p.goals.map(q)) @\(p.range.start)\n"
        }
        for d in j.departments { out += "  department \(d.id) \(q(d.title)) @\(d.range)\n" }
        for c in j.channels { out += "  channel \(c.id) \(q(c.title)) @\(c.range)\n" }
        for s in j.stages {
            out += "  stage \(s.id) \(q(s.title)) @\(s.range.start)\n"
            for t in s.touchpoints {
                out +=
                    "    touchpoint \(t.id) \(q(t.title)) channel=\(t.channel ?? "-") owner=\(t.owner ?? "-") emotion=\(t.emotion.map { String($0.value) } ?? "-")\(t.isMomentOfTruth ? " moment-of-truth" : "") @\(t.range.start)\n"
                for p in t.pains { out += "      pain \(q(p))\n" }
                for o in t.opportunities { out += "      opportunity \(q(o))\n" }
                for n in t.notes { out += "      note \(q(n))\n" }
                for a in t.customerActions { out += "      action \(q(a.text))\n" }
                for a in t.backstage { out += "      backstage \(q(a.text)) owner=\(a.owner ?? "-")\n" }
                for a in t.support { out += "      support \(q(a.text)) owner=\(a.owner ?? "-")\n" }
            }
        }
        for f in j.flows { out += "  flow \(f.kind.rawValue) \(f.from) -> \(f.to)\(f.label.map { " " + q($0) } ?? "")\n" }
        for t in j.targets {
            out +=
                "  target \(t.metric.rawValue) \(t.comparison.rawValue) \(t.value)\(t.isPercent ? "%" : "") \(t.scope) @\(t.range.start)\n"
        }
        return out
    }

    static func q(_ s: String) -> String { s.debugDescription }
}
