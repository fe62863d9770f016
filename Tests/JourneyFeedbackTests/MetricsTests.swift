import Foundation
import JourneyCore
import JourneyFeedback
import Testing

/// Every metric against figures computed by hand from its formula.
@Suite struct MetricsTests {
    @Test func npsAndAdjustedWaldInterval() throws {
        // 10 answers: 4 promoters (9, 10), 2 passives (7, 8), 4 detractors (0-6).
        let rows = ["10", "9", "9", "10", "7", "8", "0", "3", "6", "5"].map { "a,\($0)" }.joined(separator: "\n")
        let (m, diags) = try Fixture.join("touchpoint,nps\n" + rows + "\n")
        #expect(!diags.hasErrors)
        let a = try #require(m.byTouchpoint["a"])
        #expect(a.npsCount == 10 && a.promoters == 4 && a.passives == 2 && a.detractors == 4)
        let nps = try #require(a.nps)
        #expect(nps.value == 0)
        // n' = 13, p' = 4.75/13, d' = 4.75/13, Var = (p'+d' - 0)/13
        let n1 = 13.0, p1 = 4.75 / n1, d1 = 4.75 / n1
        let half = 1.959964 * ((p1 + d1 - (p1 - d1) * (p1 - d1)) / n1).squareRoot()
        #expect(abs(nps.low - 100 * (p1 - d1 - half)) < 1e-9)
        #expect(abs(nps.high - 100 * (p1 - d1 + half)) < 1e-9)
    }

    @Test func npsIntervalIsClampedAndAsymmetric() throws {
        let (m, _) = try Fixture.join("touchpoint,nps\n" + String(repeating: "a,10\n", count: 5))
        let nps = try #require(m.byTouchpoint["a"]?.nps)
        #expect(nps.value == 100)
        #expect(nps.high == 100, "clamped")
        // p' = 5.75/8, d' = 0.75/8
        let p1 = 5.75 / 8, d1 = 0.75 / 8
        let low = 100 * (p1 - d1 - 1.959964 * ((p1 + d1 - (p1 - d1) * (p1 - d1)) / 8).squareRoot())
        #expect(abs(nps.low - low) < 1e-9)
    }

    @Test func csatCesSentimentAndEmotion() throws {
        let text = """
            touchpoint,csat,ces,sentiment
            a,5,1,positive
            a,4,2,positive
            a,3,4,neutral
            a,2,6,negative
            a,1,7,negative

            """
        let (m, _) = try Fixture.join(text)
        let a = try #require(m.byTouchpoint["a"])
        #expect(a.csatCount == 5 && a.csatMean == 3)
        let top = try #require(a.csatTopBox)
        #expect(top.value == 40)
        // Agresti–Coull: n' = 5 + z², p' = (2 + z²/2)/n'
        let z = 1.959964, n1 = 5 + z * z, p1 = (2 + z * z / 2) / n1
        #expect(abs(top.low - 100 * (p1 - z * (p1 * (1 - p1) / n1).squareRoot())) < 1e-9)
        #expect(a.cesMean == 4)
        #expect(a.cesEasy == 40, "1 and 2 are easy on 1..7 lower-is-better")
        #expect(a.sentimentCounts == [.positive: 2, .neutral: 1, .negative: 2])
        // Measured emotion: CSAT mean 3 on 1..5 → 0; CES 4 on 1..7 → 0; sentiment 2·(2−2)/5 → 0.
        #expect(abs(a.measuredEmotion ?? 99) < 1e-12)
        #expect(a.isSmallSample)
    }

    @Test func measuredEmotionWeightsSignalsByCount() throws {
        // NPS +100 from 2 answers (→ +2) and sentiment all negative from 2 rows (→ −2): mean 0.
        let (m, _) = try Fixture.join("touchpoint,nps,sentiment\na,10,negative\na,9,negative\n")
        #expect(abs(m.byTouchpoint["a"]?.measuredEmotion ?? 99) < 1e-12)
        let (m2, _) = try Fixture.join("touchpoint,nps,sentiment\na,10,negative\na,9,\n")
        // NPS +2 weight 2, sentiment −2 weight 1 → (4 − 2)/3
        #expect(abs((m2.byTouchpoint["a"]?.measuredEmotion ?? 99) - 2.0 / 3.0) < 1e-12)
    }

    @Test func rollUpsAndCategories() throws {
        let text = """
            touchpoint,nps,category,segment
            a,10,billing/fees,new
            b,0,billing/payment,new
            c,9,billing,old
            d,5,delivery,old

            """
        let (m, _) = try Fixture.join(text)
        #expect(m.byStage["s1"]?.responses == 2 && m.byStage["s2"]?.responses == 2)
        #expect(m.byDepartment["ops"]?.responses == 2, "a and c are owned by ops")
        #expect(m.byChannel["web"]?.responses == 4)
        #expect(m.bySegment["new"]?.responses == 2)
        #expect(m.journey.responses == 4)
        #expect(m.journey.nps?.value == 0)
        let top = m.journey.topCategories
        #expect(top.first == CategoryCount(category: "billing", count: 3), "children roll up into their parent")
        #expect(top.contains(CategoryCount(category: "billing/fees", count: 1)))
        #expect(m.accounting.balances && m.accounting.used == 4)
    }
}
