import Foundation

/// A small journey and planted NPS data for the regression gate: three touchpoints, long data
/// (touchpoint, date, nps). Promoters answer 10, passives 8, detractors 0, so each side's NPS
/// is known exactly.
enum PlantedGate {
    /// The journey; touchpoint `pay` is written on line 7, its id at column 16.
    static let journey = """
        journey gate "Gate test" {
          department ops "Operations"
          channel web "Web"

          stage book "Book" {
            touchpoint search "Searches" { channel web; owner ops }
            touchpoint pay "Pays" { channel web; owner ops }
          }
          stage fly "Fly" {
            touchpoint board "Boards" { channel web; owner ops }
          }

          feedback "gate.feedback.csv"
        }

        """
    static let header = "touchpoint,date,nps"
    static let touchpoints = ["search", "pay", "board"]

    /// Exactly `promoters`, `passives` and `detractors` answers for `touchpoint` on `date`.
    static func rows(_ touchpoint: String, _ promoters: Int, _ passives: Int, _ detractors: Int, date: String) -> [String] {
        Array(repeating: "\(touchpoint),\(date),10", count: promoters) + Array(repeating: "\(touchpoint),\(date),8", count: passives)
            + Array(repeating: "\(touchpoint),\(date),0", count: detractors)
    }

    /// Every touchpoint at NPS +30 (200 promoters, 120 passives, 80 detractors of 400) except
    /// `pay`, whose split is given.
    static func side(pay: (Int, Int, Int), date: String) -> [String] {
        touchpoints.flatMap { tp in
            tp == "pay" ? rows(tp, pay.0, pay.1, pay.2, date: date) : rows(tp, 200, 120, 80, date: date)
        }
    }

    /// The baseline: NPS +30 everywhere.
    static func before(date: String = "2026-01-15") -> [String] { side(pay: (200, 120, 80), date: date) }
    /// The planted regression: `pay` drops 30 points, to 0 (120 / 160 / 120 of 400).
    static func after(date: String = "2026-02-15") -> [String] { side(pay: (120, 160, 120), date: date) }

    /// `n` answers per touchpoint drawn from one distribution (50% promoters, 30% passives,
    /// 20% detractors: NPS +30) with a seeded generator: noise, no change.
    static func noise(seed: UInt64, n: Int = 400, date: String) -> [String] {
        var g = SplitMix64(seed: seed)
        return touchpoints.flatMap { tp in
            (0..<n).map { _ in
                let u = g.unit()
                return "\(tp),\(date),\(u < 0.5 ? 10 : u < 0.8 ? 8 : 0)"
            }
        }
    }

    /// Writes `lines` under the header to `path`.
    static func writeCSV(_ lines: [String], to path: String) throws {
        try ([header] + lines).joined(separator: "\n").appending("\n").write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// A folder holding gate.journey with `current` as its feedback file (and `baseline`, when
    /// given, as old.csv beside it).
    static func folder(current: [String], baseline: [String]? = nil) throws -> String {
        let dir = try CLI.tempDir()
        try journey.write(toFile: dir + "/gate.journey", atomically: true, encoding: .utf8)
        try writeCSV(current, to: dir + "/gate.feedback.csv")
        if let baseline { try writeCSV(baseline, to: dir + "/old.csv") }
        return dir
    }

    /// Whether a git executable runs here (the REV tests need one).
    static let hasGit: Bool = git(["--version"], in: FileManager.default.temporaryDirectory.path) == 0

    /// Runs git with `arguments` in `folder`; its exit status.
    @discardableResult
    static func git(_ arguments: [String], in folder: String) -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["git", "-c", "user.name=gate", "-c", "user.email=gate@example.org", "-c", "commit.gpgsign=false"] + arguments
        p.currentDirectoryURL = URL(fileURLWithPath: folder)
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { return -1 }
        p.waitUntilExit()
        return p.terminationStatus
    }
}

/// SplitMix64 (Steele, Lea & Flood 2014): a tiny seeded generator, the same numbers on every run.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
