import Foundation
import JourneyCore
import JourneyFeedback
import Testing

/// Wide exports (one row per respondent) and long data linked by a respondent column:
/// figures, accounting in rows, respondents and ratings, and the drivers' moments, all
/// against answers worked out by hand.
@Suite struct WideJoinTests {
    static func wide(
        _ path: String, ratings: [(String, String)], missing: [String] = [], respondent: String? = nil,
        outcomes: [OutcomeDeclaration] = [], segment: String? = nil, scales: [String: Scale] = [:]
    ) -> FeedbackSource {
        var s = Fixture.source(path, format: .wide)
        s.ratings = ratings.map { RatingColumn(touchpoint: $0.0, column: $0.1, range: Fixture.r) }
        s.missingValues = missing
        s.respondentColumn = respondent
        s.outcomes = outcomes
        s.scales = scales
        if let segment { s.columns["segment"] = segment }
        return s
    }

    static let ok = OutcomeDeclaration(id: "ok", column: "ok", kind: .binary(yes: ["yes"]), range: Fixture.r)

    static let text = """
        id,qa,qb,qc,ok,seg,date
        r1,5,4,,yes,X,2024-01-01
        r2,3,N/A,2,no,X,2024-01-02
        r3,0,5,5,Yes,Y,2024-01-03
        r4,4,2,9,no,Y,2024-01-04
        r5,,,,,X,2024-01-05

        """

    func joinWide(_ text: String = WideJoinTests.text, options: JoinOptions = JoinOptions()) throws -> (JourneyMeasurements, [Diagnostic]) {
        let path = try Fixture.file(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let src = Self.wide(
            path, ratings: [("a", "qa"), ("b", "qb"), ("c", "qc")], missing: ["0", "N/A"], respondent: "id",
            outcomes: [Self.ok], segment: "seg")
        return FeedbackJoin.run(Fixture.journey([src]), options: options)
    }

    @Test func oneRowPerRespondentJoinsWithNoReshape() throws {
        let (m, diags) = try joinWide()
        // r4's qc = 9 is outside 1..5: the row is rejected with its line and column.
        let rejected = diags.filter { $0.code == "JM310" }
        #expect(rejected.count == 1)
        #expect(rejected.first?.range.start.line == 5 && rejected.first?.range.start.column == 8)
        #expect(rejected.first?.message.contains("rating of 'c' 9 is outside its scale 1..5") == true)
        let a = m.accounting
        #expect((a.read, a.used, a.rejected) == (5, 4, 1) && a.balances)
        #expect((a.respondents.read, a.respondents.used, a.respondents.rejected) == (5, 4, 1) && a.respondents.balances)
        // Cells with a value: r1 2, r2 2, r3 2, r4 3 (rejected); blanks and codes: 6.
        #expect((a.ratings.read, a.ratings.used, a.ratings.rejected) == (9, 6, 3) && a.ratings.balances)
        #expect(a.ratingsMissing == 6)
        #expect(a.isRespondentLevel)
        // Each rating counts at its touchpoint as a CSAT-like answer.
        #expect(m.byTouchpoint["a"]?.csatCount == 2 && m.byTouchpoint["a"]?.csatMean == 4)
        #expect(m.byTouchpoint["b"]?.csatMean == 4.5 && m.byTouchpoint["c"]?.csatMean == 3.5)
        // n counts respondents: r1, r2, r3 answered something (r5 answered nothing).
        #expect(m.journey.responses == 6 && m.journey.respondents == 3)
        #expect(m.byStage["s1"]?.respondents == 3 && m.byStage["s1"]?.responses == 4)
        #expect(m.bySegment["X"]?.respondents == 2 && m.bySegment["Y"]?.respondents == 1)
        #expect(m.firstDate == "2024-01-01" && m.lastDate == "2024-01-05")
    }

    @Test func journeyIntervalsAreClusteredByRespondent() throws {
        let (m, _) = try joinWide()
        // Per respondent (s_r, m_r): r1 (9, 2), r2 (5, 2), r3 (10, 2); μ = 24/6 = 4;
        // V = 3/2 · ((9−8)² + (5−8)² + (10−8)²)/6² = 1.5 · 14/36; t(0.975, 2) = 4.302653.
        let ci = try #require(m.journey.csatMeanInterval)
        let half = 4.302653 * (1.5 * 14 / 36).squareRoot()
        #expect(ci.value == 4)
        #expect(abs(ci.low - (4 - half)) < 1e-5 && abs(ci.high - (4 + half)) < 1e-5)
        #expect(m.journey.clusteredByRespondent)
        // One answer per respondent at a touchpoint: the plain t interval, not clustered.
        let a = try #require(m.byTouchpoint["a"])
        #expect(!a.clusteredByRespondent)
        let ta = try #require(a.csatMeanInterval)  // 5, 3: mean 4, s² = 2, t(0.975, 1) = 12.7062
        #expect(abs(ta.high - (4 + 12.7062 * (2.0 / 2).squareRoot())) < 1e-3)
    }

    @Test func momentsHoldEachRespondentsRatingsAndOutcome() throws {
        let (m, _) = try joinWide()
        let dm = try #require(m.driverMoments["ok"])
        #expect(dm.variables == ["a", "b", "c", "ok"])
        #expect(m.outcomeKinds["ok"] == .binary(yes: ["yes"]))
        let t = dm.total
        // Used respondents with a value: r1 (a 5, b 4, ok 1), r2 (a 3, c 2, ok 0), r3 (b 5, c 5, ok 1).
        #expect(t.respondents == 3)
        #expect(t.value(.n, 0, 3) == 2 && t.value(.sumIJ, 0, 3) == 5 && t.value(.sumJ, 0, 3) == 1)
        #expect(t.value(.n, 1, 3) == 2 && t.value(.sumIJ, 1, 3) == 9)
        #expect(t.value(.n, 0, 1) == 1 && t.value(.sumIJ, 0, 1) == 20)
        #expect(t.value(.n, 3, 3) == 3 && t.value(.sumII, 3, 3) == 2)
        #expect(t.value(.n, 2, 2) == 2 && t.value(.sumII, 2, 2) == 29)
    }

    /// `missing 0` is meant for the ratings ("0 = not applicable"): a 0/1 outcome's 0 and a
    /// 0–10 recommendation's 0 are real answers, while a text code still means not answered.
    @Test func numericMissingCodesLeaveOutcomesAlone() throws {
        let text = """
            id,qa,qb,rec,nps
            r1,5,0,1,10
            r2,2,3,0,0
            r3,0,4,0,N/A
            r4,4,5,N/A,7

            """
        let path = try Fixture.file(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let rec = OutcomeDeclaration(id: "rec", column: "rec", kind: .binary(yes: ["1"]), range: Fixture.r)
        let nps = OutcomeDeclaration(id: "nps", column: "nps", kind: .nps, range: Fixture.r)
        let src = Self.wide(path, ratings: [("a", "qa"), ("b", "qb")], missing: ["0", "N/A"], respondent: "id", outcomes: [rec, nps])
        let (m, _) = FeedbackJoin.run(Fixture.journey([src]))
        // rec: r1 1, r2 0, r3 0 answered (r4 "N/A" is not); the ratings' 0s are missing.
        let r = try #require(m.driverMoments["rec"]).total
        #expect(r.value(.n, 2, 2) == 3 && r.value(.sumII, 2, 2) == 1)
        #expect(r.value(.n, 0, 0) == 3 && r.value(.n, 1, 1) == 3)
        // nps: r1 10, r2 0, r4 7 answered; r3 "N/A" is not.
        let n = try #require(m.driverMoments["nps"]).total
        #expect(n.value(.n, 2, 2) == 3 && n.value(.sumI, 2, 2) == 17)
    }

    @Test func datesFilterRespondentsAndTheirRatings() throws {
        var o = JoinOptions()
        o.since = "2024-01-02"
        o.until = "2024-01-03"
        let (m, _) = try joinWide(options: o)
        let a = m.accounting
        #expect((a.read, a.used, a.rejected, a.filtered) == (5, 2, 0, 3) && a.balances)
        #expect((a.ratings.read, a.ratings.used, a.ratings.filtered) == (9, 4, 5) && a.ratings.balances)
        #expect(a.respondents.balances && a.respondents.filtered == 3)
    }

    @Test func aMissingColumnStopsTheFileWithDidYouMean() throws {
        let (m, diags) = try joinWide("id,qa,qb,qcc,ok,seg\nr1,1,2,3,yes,X\n")
        #expect(
            diags.contains {
                $0.code == "JM306" && $0.message.contains("column 'qc' (the rating of 'c') is not in the header; did you mean")
            })
        #expect(m.accounting.read == 0)
    }

    @Test func badOutcomesAreRejected() throws {
        let path = try Fixture.file("qa,qb,rec\n5,4,10\n5,4,11\n5,4,7.5\n5,4,x\n1,2,\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let rec = OutcomeDeclaration(id: "rec", column: "rec", kind: .nps, range: Fixture.r)
        let (m, diags) = FeedbackJoin.run(Fixture.journey([Self.wide(path, ratings: [("a", "qa"), ("b", "qb")], outcomes: [rec])]))
        #expect(m.accounting.used == 2 && m.accounting.rejected == 3 && m.accounting.balances)
        #expect(diags.filter { $0.code == "JM310" }.map(\.range.start.line) == [3, 4, 5])
        // The NPS outcome is the journey's NPS: one promoter.
        #expect(m.journey.npsCount == 1 && m.journey.promoters == 1)
        #expect(m.driverMoments["rec"]?.total.respondents == 2)
        // Keys are line numbers when no respondent column is declared: distinct groups or not,
        // the total is the same.
        #expect(m.driverMoments["rec"]?.total.value(.n, 2, 2) == 1)
    }

    @Test func longDataLinksOnePersonsRows() throws {
        let text = """
            respondent,touchpoint,csat,ok
            p1,a,5,yes
            p1,b,4,
            p2,a,2,no
            p2,zz,3,no
            p1,c,3,yes
            p3,a,9,no

            """
        let path = try Fixture.file(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var src = Fixture.source(path)
        src.respondentColumn = "respondent"
        src.outcomes = [Self.ok]
        let (m, diags) = FeedbackJoin.run(Fixture.journey([src]))
        // p1 comes back after p2: reported, and counted as another respondent.
        #expect(diags.contains { $0.code == "JM314" && $0.range.start.line == 6 && $0.message.contains("respondent 'p1' appears again") })
        let a = m.accounting
        #expect((a.read, a.used, a.unmatched, a.rejected) == (6, 4, 1, 1) && a.balances)
        #expect((a.ratings.read, a.ratings.used, a.ratings.unmatched, a.ratings.rejected) == (6, 4, 1, 1) && a.ratings.balances)
        #expect((a.respondents.read, a.respondents.used, a.respondents.rejected) == (4, 3, 1) && a.respondents.balances)
        #expect(m.journey.respondents == 3 && m.journey.responses == 5)
        // Stage s1 (a, b): p1 gave two answers, p2 one.
        #expect(m.byStage["s1"]?.respondents == 2 && m.byStage["s1"]?.responses == 3)
        let dm = try #require(m.driverMoments["ok"])
        #expect(dm.variables == ["a", "b", "c", "d", "ok"])
        #expect(dm.total.respondents == 3)
        #expect(dm.total.value(.n, 0, 4) == 2 && dm.total.value(.sumIJ, 0, 4) == 5)
        #expect(dm.total.value(.n, 0, 1) == 1 && dm.total.value(.sumIJ, 0, 1) == 20)
    }

    @Test func plainLongDataKeepsItsFormulas() throws {
        // No respondent column: every row is its own respondent; n and intervals unchanged.
        let (m, _) = try Fixture.join("touchpoint,csat\na,5\na,4\nb,3\n")
        #expect(m.journey.respondents == 3 && m.journey.responses == 3)
        #expect(!m.journey.clusteredByRespondent && !m.accounting.isRespondentLevel)
        #expect(m.accounting.respondents.read == 3 && m.accounting.ratings.used == 3)
    }
}

/// JSON Lines with a respondent key and an outcome, and `missing` codes in long data.
@Suite struct LongRespondentJSONTests {
    @Test func jsonLinesLinkRespondentsAndReadMissingCodes() throws {
        let text = """
            {"who": "p1", "touchpoint": "a", "csat": 5, "ok": "yes"}
            {"who": "p1", "touchpoint": "b", "csat": "N/A", "ok": "yes"}
            {"who": "p2", "touchpoint": "a", "csat": 2, "ok": "no"}
            {"who": "", "touchpoint": "a", "csat": 3}

            """
        let path = try Fixture.file(text, ext: "jsonl")
        defer { try? FileManager.default.removeItem(atPath: path) }
        var src = Fixture.source(path)
        src.respondentColumn = "who"
        src.missingValues = ["N/A"]
        src.outcomes = [WideJoinTests.ok]
        let (m, diags) = FeedbackJoin.run(Fixture.journey([src]))
        // "N/A" is not answered: p1's second row is used with no score, not rejected.
        let a = m.accounting
        #expect((a.read, a.used, a.rejected) == (4, 3, 1) && a.balances)
        #expect((a.respondents.read, a.respondents.used, a.respondents.rejected) == (3, 2, 1) && a.respondents.balances)
        #expect(diags.contains { $0.code == "JM310" && $0.range.start.line == 4 && $0.message.contains("respondent id ('who') is blank") })
        #expect(m.byTouchpoint["a"]?.csatCount == 2 && m.byTouchpoint["b"]?.csatCount == 0)
        let dm = try #require(m.driverMoments["ok"])
        #expect(dm.total.respondents == 2 && dm.total.value(.n, 0, 4) == 2 && dm.total.value(.sumIJ, 0, 4) == 5)
    }
}
