import Foundation
import JourneyTestSupport
import Testing

/// The JSON Schemas in schemas/ (2020-12) against real outputs, with a real validator: Python
/// `jsonschema` in .venv-test (scripts/test-setup.sh installs it). Each schema is itself
/// checked against the 2020-12 meta-schema first.
@Suite struct SchemaTests {
    static let python: String? = {
        let p = Repo.path(".venv-test/bin/python")
        guard FileManager.default.isExecutableFile(atPath: p) else { return nil }
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: p)
        probe.arguments = ["-c", "import jsonschema"]
        probe.standardError = FileHandle.nullDevice
        guard (try? probe.run()) != nil else { return nil }
        probe.waitUntilExit()
        return probe.terminationStatus == 0 ? p : nil
    }()

    static let validator = """
        import json, sys
        from jsonschema import Draft202012Validator
        schema = json.load(open(sys.argv[1]))
        Draft202012Validator.check_schema(schema)
        v = Draft202012Validator(schema)
        bad = 0
        for path in sys.argv[2:]:
            for e in sorted(v.iter_errors(json.load(open(path))), key=lambda e: list(e.path)):
                bad += 1
                print(path, "/".join(map(str, e.path)), e.message[:200])
        sys.exit(1 if bad else 0)
        """

    /// Validates files against a schema; returns the validator's complaints ("" when valid).
    func validate(_ schema: String, _ files: [String]) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Self.python!)
        p.arguments = ["-c", Self.validator, Repo.path("schemas/" + schema)] + files
        let out = try CLI.tempDir() + "/validator.txt"
        _ = FileManager.default.createFile(atPath: out, contents: nil)
        p.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
        p.standardError = p.standardOutput
        try p.run()
        p.waitUntilExit()
        let text = String(decoding: CLI.read(out) ?? Data(), as: UTF8.self)
        return p.terminationStatus == 0 ? "" : (text.isEmpty ? "validator failed" : text)
    }

    /// Runs the CLI and keeps its standard output as a file to validate.
    func output(_ args: [String], in dir: String, name: String) throws -> String {
        let r = try CLI.run(args)
        let path = "\(dir)/\(name).json"
        try Data(r.stdout.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    static let journeys = ["air-travel", "bank-account", "online-return", "airport-lounge"]

    @Test(.enabled(if: python != nil, "python jsonschema is not installed (scripts/test-setup.sh)"))
    func exportMatchesItsSchema() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let files = try Self.journeys.map { try output(["export", "journeys/\($0).journey", "--to", "json"], in: dir, name: $0) }
        let problems = try validate("journey.schema.json", files)
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test(.enabled(if: python != nil, "python jsonschema is not installed (scripts/test-setup.sh)"))
    func metricsMatchItsSchema() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var files = try Self.journeys.map {
            try output(
                [
                    "metrics", "journeys/\($0).journey", "--format", "json", "--by", "touchpoint", "stage", "department", "channel",
                    "segment", "journey",
                ], in: dir, name: $0)
        }
        files.append(
            try output(
                ["metrics", "journeys/air-travel.journey", "--format", "json", "--drivers", "--resamples", "20"], in: dir, name: "drivers"))
        files.append(
            try output(["metrics", "journeys/air-travel.journey", "--format", "json", "--by", "period"], in: dir, name: "periods"))
        files.append(
            try output(
                ["metrics", "journeys/airport-lounge.journey", "--format", "json", "--by", "period", "--drivers", "--resamples", "20"],
                in: dir, name: "drivers-by-period"))
        let problems = try validate("metrics.schema.json", files)
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test(.enabled(if: python != nil, "python jsonschema is not installed (scripts/test-setup.sh)"))
    func checkMatchesItsSchema() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let files = [
            try output(["check", "Tests/JourneyCoreTests/Fixtures/diagnostics", "journeys", "--format", "json"], in: dir, name: "many"),
            try output(["check", "journeys", "--format", "json", "--fail-on", "errors"], in: dir, name: "examples"),
        ]
        let problems = try validate("check.schema.json", files)
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test(.enabled(if: python != nil, "python jsonschema is not installed (scripts/test-setup.sh)"))
    func painPointsMatchItsSchema() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = try CLI.run(["report", "journeys", "-o", dir, "-q"])
        let files = Self.journeys.map { "\(dir)/\($0)/pain-points.json" }.filter { FileManager.default.fileExists(atPath: $0) }
        #expect(files.count >= 2, "reports written: \(files)")
        let problems = try validate("pain-points.schema.json", files)
        #expect(problems.isEmpty, "\(problems)")
    }

    /// loop.json of the example journey (a loop record, no later responses) and of a small
    /// journey whose detractors answer again later (so `laterScore` is there).
    @Test(.enabled(if: python != nil, "python jsonschema is not installed (scripts/test-setup.sh)"))
    func loopMatchesItsSchema() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = try CLI.run(["report", "journeys/airport-lounge.journey", "-o", dir + "/out", "-q"])
        try Data(
            """
            id,touchpoint,date,nps
            r1,pay,2026-03-01,3
            r2,pay,2026-03-02,2
            r3,pay,2026-03-02,1
            r4,pay,2026-03-02,0
            r1,pay,2026-03-20,9
            r2,pay,2026-03-21,4
            r3,pay,2026-03-22,6
            r4,pay,2026-03-23,5

            """.utf8
        ).write(to: URL(fileURLWithPath: dir + "/data.csv"))
        try Data("respondent,touchpoint,status,date,owner,note\nr1,pay,contacted,2026-03-02,Ann,\nr3,pay,resolved,2026-03-03,Bo,\n".utf8)
            .write(to: URL(fileURLWithPath: dir + "/loop.csv"))
        try Data(
            """
            journey later "Later" {
              department billing "Billing"
              stage s "S" { touchpoint pay "Pays" { owner billing } }
              feedback "data.csv" { respondent "id" }
              loop within 48 h
              loop record "loop.csv"
            }

            """.utf8
        ).write(to: URL(fileURLWithPath: dir + "/later.journey"))
        _ = try CLI.run(["report", dir + "/later.journey", "-o", dir + "/out", "-q"])
        let files = ["\(dir)/out/airport-lounge/loop.json", "\(dir)/out/later/loop.json"]
        for f in files { #expect(FileManager.default.fileExists(atPath: f), "\(f) written") }
        let later = String(decoding: CLI.read(files[1]) ?? Data(), as: UTF8.self)
        #expect(later.contains("\"laterScore\"") && later.contains("\"difference\""), "the optional parts are validated too")
        let lounge = String(decoding: CLI.read(files[0]) ?? Data(), as: UTF8.self)
        #expect(lounge.range(of: #"\.[0-9]{4,}"#, options: .regularExpression) == nil, "numbers rounded to three decimals")
        let problems = try validate("loop.schema.json", files)
        #expect(problems.isEmpty, "\(problems)")
    }

    /// The validator is not a rubber stamp: a document with a wrong type fails.
    @Test(.enabled(if: python != nil, "python jsonschema is not installed (scripts/test-setup.sh)"))
    func aWrongDocumentFails() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = "\(dir)/bad.json"
        try Data(#"{"version": 1, "diagnostics": [{"file": "a", "line": "one"}]}"#.utf8).write(to: URL(fileURLWithPath: path))
        #expect(try validate("check.schema.json", [path]) != "")
    }
}
