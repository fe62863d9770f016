import Foundation
import JourneyTestSupport
import Testing

@Suite struct RenderCommandTests {
    @Test func rendersEveryFormatAndIsStable() throws {
        let out = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let first = try CLI.run(["render", "journeys", "-o", out, "--format", "svg,png,pdf,dot"])
        #expect(first.status == 0, "\(first.stderr)")
        for id in ["air-travel", "online-return", "konto-osobiste"] {
            for ext in ["svg", "png", "pdf", "dot"] {
                #expect(FileManager.default.fileExists(atPath: "\(out)/\(id)/map.\(ext)"), "\(id) \(ext)")
            }
        }
        let svg = CLI.read("\(out)/air-travel/map.svg")
        let pdf = CLI.read("\(out)/air-travel/map.pdf")
        let second = try CLI.run(["render", "journeys", "-o", out, "--format", "svg,png,pdf,dot"])
        #expect(second.status == 0)
        #expect(second.stdout.isEmpty, "nothing changed, nothing rewritten: \(second.stdout)")
        #expect(CLI.read("\(out)/air-travel/map.svg") == svg)
        #expect(CLI.read("\(out)/air-travel/map.pdf") == pdf)
        // No temporary files left behind.
        let names = try FileManager.default.contentsOfDirectory(atPath: "\(out)/air-travel")
        #expect(!names.contains { $0.contains("journeymap-tmp") })
    }

    @Test func aFailedRunLeavesEarlierOutputsUntouched() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let journey = "\(dir)/j.journey"
        try "journey j \"J\" {\n  department d \"D\"\n  stage s \"S\" { touchpoint a \"A\" { owner d } }\n}\n".write(
            toFile: journey, atomically: true, encoding: .utf8)
        #expect(try CLI.run(["render", journey, "-o", "\(dir)/out", "--format", "svg"]).status == 0)
        let before = try #require(CLI.read("\(dir)/out/j/map.svg"))
        try "journey j \"J\" {\n  department d \"D\"\n  stage s \"S\" { touchpoint a \"A changed\" { owner nobody } }\n}\n".write(
            toFile: journey, atomically: true, encoding: .utf8)
        let failed = try CLI.run(["render", journey, "-o", "\(dir)/out", "--format", "svg"])
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("unknown department 'nobody'"))
        #expect(CLI.read("\(dir)/out/j/map.svg") == before)
    }

    @Test func reportSetIsWrittenAndSelfContained() throws {
        let out = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let r = try CLI.run(["report", "journeys/online-return.journey", "-o", out])
        #expect(r.status == 0, "\(r.stderr)")
        for name in [
            "pain-points.md", "pain-points.json", "report.html", "report.svg", "report.png", "map-pain-points.svg", "map-pain-points.png",
        ] {
            #expect(FileManager.default.fileExists(atPath: "\(out)/online-return/\(name)"), "\(name)")
        }
        let html = String(decoding: try #require(CLI.read("\(out)/online-return/report.html")), as: UTF8.self)
        #expect(html.contains("Content-Security-Policy"))
        // One script, the map viewer, allowed by its hash in the policy.
        #expect(html.lowercased().components(separatedBy: "<script").count == 2)
        // No external assets: the only URLs are the inline SVG's namespace names.
        let namespaces = ["http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink"]
        let urls = namespaces.reduce(html) { $0.replacingOccurrences(of: $1, with: "") }
        #expect(!urls.contains("http://") && !urls.contains("https://"), "no external assets")
        let data = try #require(CLI.read("\(out)/online-return/pain-points.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(json["version"] as? Int == 2, "schema version 2: drivers, declared-pain evidence, new score components")
        #expect((json["painPoints"] as? [[String: Any]])?.first?["touchpoint"] != nil)
    }
}

@Suite struct StaleOutputTests {
    @Test func checkFailsAfterAChangeAndPassesAfterARender() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let j = "\(dir)/j.journey"
        try "journey j \"J\" {\n  department d \"D\"\n  stage s \"S\" { touchpoint a \"A\" { owner d } }\n}\n".write(
            toFile: j, atomically: true, encoding: .utf8)
        let args = [dir, "-o", "\(dir)/out", "--format", "svg"]
        #expect(try CLI.run(["render", "--check"] + args).status == 1, "never rendered")
        #expect(try CLI.run(["render"] + args).status == 0)
        #expect(try CLI.run(["render", "--check"] + args).status == 0)
        let skipped = try CLI.run(["render"] + args)
        #expect(skipped.stdout.isEmpty, "up to date: nothing rendered")
        #expect(skipped.stderr == "up to date: 1 journey\n", "\(skipped.stderr)")
        try "journey j \"J\" {\n  department d \"D\"\n  stage s \"S\" { touchpoint a \"A, renamed\" { owner d } }\n}\n".write(
            toFile: j, atomically: true, encoding: .utf8)
        let stale = try CLI.run(["render", "--check"] + args)
        #expect(stale.status == 1)
        #expect(stale.stdout.contains("\(dir)/j.journey: \(dir)/j.journey changed since the last render"), "\(stale.stdout)")
        #expect(try CLI.run(["render"] + args).stdout.contains("map.svg"))
        #expect(try CLI.run(["render", "--check"] + args).status == 0)
        try FileManager.default.removeItem(atPath: "\(dir)/out/j/map.svg")
        #expect(try CLI.run(["render", "--check"] + args).stdout.contains("is missing"))
    }
}

@Suite struct ParallelRenderTests {
    @Test func workersProduceTheSameBytesAsOneProcess() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let args = ["render", "journeys", "--format", "svg,png,pdf,dot"]
        #expect(try CLI.run(args + ["-o", "\(dir)/serial", "--jobs", "1"]).status == 0)
        #expect(try CLI.run(args + ["-o", "\(dir)/parallel", "--jobs", "3"]).status == 0)
        let a = try FileTree.read("\(dir)/serial"), b = try FileTree.read("\(dir)/parallel")
        #expect(a.count == 21, "20 maps (five journeys × four formats) and the manifest")
        #expect(a == b)
        #expect(try CLI.run(args + ["-o", "\(dir)/parallel", "--check"]).status == 0)
    }

    @Test func aWorkerPastItsDeadlineIsStopped() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try CLI.run(["render", "journeys/online-return.journey", "-o", dir, "--isolate", "--timeout", "0.01"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("took longer than 0.01 s a journey and was stopped; raise --timeout"))
        #expect(!FileManager.default.fileExists(atPath: "\(dir)/online-return/map.svg"))
    }
}

@Suite struct ViewTests {
    @Test func everyViewRendersForEveryExample() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try CLI.run(["render", "journeys", "-o", dir, "--view", "all", "--format", "svg"])
        #expect(r.status == 0, "\(r.stderr)")
        for id in ["air-travel", "online-return", "konto-osobiste"] {
            for v in ["map", "curve", "blueprint", "ownership"] {
                #expect(FileManager.default.fileExists(atPath: "\(dir)/\(id)/\(v).svg"), "\(id) \(v)")
            }
        }
        let curve = String(decoding: try #require(CLI.read("\(dir)/air-travel/curve.svg")), as: UTF8.self)
        for axis in ["+2 delighted", "0 neutral", "−2 angry", "Hears about a"] { #expect(curve.contains(axis), "\(axis)") }
        let blueprint = String(decoding: try #require(CLI.read("\(dir)/air-travel/blueprint.svg")), as: UTF8.self)
        for lane in ["Customer actions", "Backstage", "line of visibility", "line of internal interaction", "Fare engine prices"] {
            #expect(blueprint.contains(lane), "\(lane)")
        }
        let ownership = String(decoding: try #require(CLI.read("\(dir)/air-travel/ownership.svg")), as: UTF8.self)
        #expect(ownership.contains("⚑ target csat &gt;= 70% at touchpoint checkout missed"))
    }

    @Test func mapSVGHasTitlesAndDescriptionsForScreenReaders() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try CLI.run(["render", "journeys/online-return.journey", "-o", dir, "--format", "svg"]).status == 0)
        let svg = String(decoding: try #require(CLI.read("\(dir)/online-return/map.svg")), as: UTF8.self)
        #expect(svg.contains("<title>Journey map: Returning an online order</title>"))
        #expect(svg.contains("<title>Asks where the refund is</title>"))
        #expect(svg.contains("Owner: Customer Care. Designed emotion: angry (−2)."))
        #expect(!svg.contains("<title>tp"), "no node names left for screen readers")
        #expect(!svg.contains("<title>flow"), "no flow-label node names left for screen readers")
        #expect(svg.contains("<text"), "text stays text")
    }
}

@Suite struct WorkerLimitTests {
    @Test func aWorkerPastItsMemoryLimitFailsAloneAndCleanly() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // A 500 dpi bitmap of the air-travel map needs about 500 MB.
        let r = try CLI.run([
            "render", "journeys/air-travel.journey", "-o", dir, "--isolate", "--max-memory", "512", "--format", "png", "--dpi", "500",
        ])
        #expect(r.status == 1)
        #expect(r.stderr.contains("stopped (signal"), "\(r.stderr.suffix(400))")
        #expect(r.stderr.contains("out of memory: an allocation failed under the --max-memory limit of 512 MiB"), "\(r.stderr.suffix(400))")
        #expect(r.stderr.count < 2_000, "one message, not a backtrace")
        #expect(!FileManager.default.fileExists(atPath: "\(dir)/air-travel/map.png"))
    }
}

@Suite struct BitmapLimitTests {
    @Test func aBitmapPastCairosLimitFailsWithAdviceAndWritesNothing() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try CLI.run(["render", "journeys/air-travel.journey", "-o", dir, "--format", "png", "--dpi", "1200", "--jobs", "1"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("past cairo's 32767 px limit (it would be shrunk); render PDF or SVG, or lower --dpi"))
        let left = (FileManager.default.enumerator(atPath: dir)?.allObjects as? [String] ?? []).filter {
            $0.hasSuffix(".png") || $0.contains("tmp")
        }
        #expect(left.isEmpty, "no partial file: \(left)")
    }
}

@Suite struct WallMapTests {
    @Test func largePaperGetsWallLabelsWithLargerPrintedText() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(
            try CLI.run([
                "render", "journeys/air-travel.journey", "-o", "\(dir)/a0", "--paper", "A0", "--landscape", "--view", "map", "--format",
                "svg",
            ])
            .status == 0)
        #expect(
            try CLI.run([
                "render", "journeys/air-travel.journey", "-o", "\(dir)/a4", "--paper", "A4", "--landscape", "--view", "map", "--format",
                "svg",
            ])
            .status == 0)
        let wall = String(decoding: try #require(CLI.read("\(dir)/a0/air-travel/map.svg")), as: UTF8.self)
        let desk = String(decoding: try #require(CLI.read("\(dir)/a4/air-travel/map.svg")), as: UTF8.self)
        #expect(wall.contains("designed → measured (bold)") && !wall.contains(">  measured <"))
        #expect(desk.contains("measured"))
        // Printed size of a touchpoint title: font size × the scale Graphviz applied to fit the sheet.
        func printed(_ svg: String) -> Double {
            let scale = svg.components(separatedBy: "transform=\"scale(").dropFirst().first.flatMap { Double($0.prefix { $0 != " " }) } ?? 0
            // The <text> element of a touchpoint title.
            guard let line = svg.components(separatedBy: "\n").first(where: { $0.hasPrefix("<text") && $0.contains(">Sees a fare<") }),
                let size = line.components(separatedBy: "font-size=\"").dropFirst().first.flatMap({ Double($0.prefix { $0 != "\"" }) })
            else { return 0 }
            return scale * size
        }
        #expect(printed(wall) >= 18, "titles on the A0 wall map print at \(printed(wall)) pt")
    }
}
