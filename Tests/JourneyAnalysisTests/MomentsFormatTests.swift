import Foundation
import JourneyAnalysis
import JourneyCore
import JourneyFeedback
import Testing

/// `format moments`: the moments query's result read back (docs/feedback.md#moments-sql).
@Suite struct MomentsFormatTests {
    static let r = SourceRange.file("t.journey")
    static let header = "grp,var_i,var_j,n,sum_i,sum_j,sum_ii,sum_jj,sum_ij\n"

    static func journey(_ path: String, outcomes: [OutcomeDeclaration] = [], csat: Scale? = nil) -> Journey {
        let tps = PlantedDriverData.touchpoints.map { Touchpoint(id: $0, title: $0, stageID: "s", owner: "ops", range: r) }
        var source = FeedbackSource(path: path, resolvedPath: path, format: .moments, columns: [:], categoryRules: [], range: r)
        source.outcomes = outcomes
        if let csat { source.scales["csat"] = csat }
        return Journey(
            id: "t", title: "T", departments: [Department(id: "ops", title: "Ops", range: r)],
            stages: [Stage(id: "s", title: "S", touchpoints: tps, range: r)], feedback: [source], sourceFile: "t.journey", range: r)
    }

    /// DriverMoments as the moments query writes them (pairs with n > 0, i ≤ j), `copies` times.
    static func csv(_ m: DriverMoments, copies: Int = 1) -> String {
        var out = header
        for _ in 0..<copies {
            for (g, s) in m.groups.enumerated() {
                for i in 0..<m.k {
                    for j in i..<m.k where s.value(.n, i, j) > 0 {
                        let v = [DriverMoments.Sums.Block.n, .sumI, .sumJ, .sumII, .sumJJ, .sumIJ].map { "\(s.value($0, i, j))" }
                        out += "\(g),\(m.variables[i]),\(m.variables[j]),\(v.joined(separator: ","))\n"
                    }
                }
            }
        }
        return out
    }

    static func join(_ text: String, outcomes: [OutcomeDeclaration] = [], csat: Scale? = nil) throws -> (JourneyMeasurements, [Diagnostic])
    {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("moments-\(UUID().uuidString).csv").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var options = JoinOptions()
        options.examplesPerReason = 20  // every rejected row listed, not the first five of each kind
        return FeedbackJoin.run(journey(path, outcomes: outcomes, csat: csat), options: options)
    }

    static let tenPoint = OutcomeDeclaration.Kind.scale(Scale(min: 1, max: 10))

    @Test func momentsReadBackGiveTheSameDriversAndIntervals() throws {
        // Same groups as the streamed moments, so even the bootstrap intervals are equal.
        let planted = PlantedDriverData(respondents: 1500).moments(outcome: "satisfied")
        let (m, diags) = try Self.join(
            Self.csv(planted), outcomes: [OutcomeDeclaration(id: "satisfied", column: "satisfied", kind: Self.tenPoint, range: Self.r)])
        #expect(diags.allSatisfy { $0.severity == .note }, "\(diags.map(\.message))")
        let read = try #require(m.driverMoments["satisfied"])
        #expect(read.variables == planted.variables)
        #expect(read.groups.map(\.values) == planted.groups.map(\.values))
        let a = KeyDriverAnalysis.analyse(planted, kind: Self.tenPoint, outcomeID: "satisfied")
        let b = KeyDriverAnalysis.analyse(read, kind: m.outcomeKinds["satisfied"] ?? .nps, outcomeID: "satisfied")
        #expect(a == b)
        #expect(m.accounting.read == m.accounting.used && m.accounting.rejected == 0)
    }

    @Test func repeatedRowsAddUp() throws {
        let planted = PlantedDriverData(respondents: 300).moments(outcome: "y")
        let (m, _) = try Self.join(Self.csv(planted, copies: 2))
        let read = try #require(m.driverMoments["y"])
        #expect(read.total.values == planted.total.values.map { 2 * $0 })
        // Undeclared, with answers that are not all 0/1: a numeric outcome.
        if case .scale(let s)? = m.outcomeKinds["y"] {
            #expect(!s.min.isFinite)
        } else {
            Issue.record("kind \(String(describing: m.outcomeKinds["y"]))")
        }
    }

    @Test func undeclaredZeroOneOutcomeIsBinary() throws {
        let planted = PlantedDriverData(respondents: 300, binary: true).moments(outcome: "satisfied")
        let (m, _) = try Self.join(Self.csv(planted))
        #expect(m.outcomeKinds["satisfied"] == .binary(yes: []))
    }

    @Test func rowsThatNoAnswersCouldGiveAreRejectedWithTheirLine() throws {
        let rows = [
            "0,staff,staff,10,30,30,100,100,100",  // 2: fine
            "250,staff,staff,10,30,30,100,100,100",  // 3: group out of range
            "1,staff,wifi,-1,0,0,0,0,0",  // 4: negative count
            "1,staff,wifi,2.5,1,1,1,1,1",  // 5: not a count
            "1,staff,wifi,3,x,1,1,1,1",  // 6: not a number
            "1,staff,staff,3,6,7,14,14,14",  // 7: diagonal sums differ
            "1,staff,wifi,2,10,4,10,8,9",  // 8: (Σx)² > n·Σx²
            "1,staff,wifi,2,4,4,8,8,20",  // 9: cross-product too large
            "1,staff,y,4,12,9,36,21,27",  // 10: binary outcome: Σy = 9 > n = 4
            "1,staff,wifi,0,1,0,0,0,0",  // 11: n = 0 with sums
            "1,staff,wiffi,2,4,4,8,8,8",  // 12: unknown variable
        ]
        let y = OutcomeDeclaration(id: "y", column: "y", kind: .binary(yes: ["1"]), range: Self.r)
        let (m, diags) = try Self.join(Self.header + rows.joined(separator: "\n") + "\n", outcomes: [y])
        #expect(m.accounting.read == 11)
        #expect(m.accounting.used == 1)
        #expect(m.accounting.rejected == 9)
        #expect(m.accounting.unmatched == 1)
        let lines = diags.filter { $0.code == "JM310" }.map(\.range.start.line)
        #expect(lines.sorted() == Array(3...11))
        #expect(diags.contains { $0.message.contains("grp '250'") && $0.range.start.line == 3 })
        #expect(diags.contains { $0.message.contains("sum_j 9 is outside what 4 answers on 0..1 can give") && $0.range.start.line == 10 })
        #expect(diags.contains { $0.code == "JM312" && $0.message.contains("'wiffi'") && $0.message.contains("wifi") })
    }

    @Test func aDeclaredScaleBoundsTheRatings() throws {
        // Five answers on 1..5 cannot sum to 30.
        let (m, diags) = try Self.join(Self.header + "0,staff,staff,5,30,30,180,180,180\n", csat: .csat)
        #expect(m.accounting.rejected == 1)
        #expect(diags.contains { $0.message.contains("outside what 5 answers on 1..5 can give") })
    }

    @Test func aFileWithoutTheMomentsColumnsIsAnError() throws {
        let (_, diags) = try Self.join("touchpoint,responses\nstaff,3\n")
        #expect(diags.contains { $0.severity == .error && $0.code == "JM306" && $0.message.contains("missing: grp, var_i") })
    }
}
