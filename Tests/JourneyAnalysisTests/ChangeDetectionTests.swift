import Foundation
import JourneyAnalysis
import JourneyCore
import JourneyFeedback
import Testing

/// Each test of change detection against its formula worked by hand.
@Suite struct ChangeDetectionTests {
    static func nps(_ p: Int, _ d: Int, _ n: Int) -> Metrics {
        var m = Metrics()
        m.responses = n
        m.respondents = n
        m.npsCount = n
        m.promoters = p
        m.detractors = d
        m.passives = n - p - d
        m.nps = MetricsMath.nps(promoters: p, detractors: d, n: n)
        return m
    }

    @Test func npsDifferenceIsAdjustedWald() throws {
        let a = Self.nps(50, 20, 100), b = Self.nps(30, 40, 100)
        let r = ChangeDetection.compare([.init(scope: PeriodScope(.touchpoint, "x"), from: "2015-08", to: "2015-09", before: a, after: b)])
        let c = try #require(r.tests.first)
        #expect(r.tests.count == 1 && c.metric == .nps)
        #expect(c.difference.value == -40)
        // n' = 103; side a: p' = 50.75/103, d' = 20.75/103; side b: p' = 30.75/103, d' = 40.75/103.
        let n1 = 103.0
        let pa = 50.75 / n1, da = 20.75 / n1, pb = 30.75 / n1, db = 40.75 / n1
        let va = (pa + da - (pa - da) * (pa - da)) / n1, vb = (pb + db - (pb - db) * (pb - db)) / n1
        let centre = (pb - db) - (pa - da), half = 1.959964 * (va + vb).squareRoot()
        #expect(abs(c.difference.low - 100 * (centre - half)) < 1e-9)
        #expect(abs(c.difference.high - 100 * (centre + half)) < 1e-9)
        #expect(abs(c.pValue - erfc(abs(centre) / (va + vb).squareRoot() / 2.0.squareRoot())) < 1e-12)
        #expect(c.significant && c.isWorse && c.isRegression && c.method == "adjusted Wald")
    }

    @Test func tooFewAnswersAreNotCompared() {
        let r = ChangeDetection.compare([
            .init(scope: PeriodScope(.journey, "j"), from: "a", to: "b", before: Self.nps(5, 2, 10), after: Self.nps(1, 8, 10))
        ])
        #expect(r.tests.isEmpty && r.skippedTooFew == 1)
    }

    /// Holm and Benjamini–Hochberg against values worked by hand (R's p.adjust gives the same).
    @Test func corrections() {
        let p = [0.01, 0.04, 0.03, 0.005]
        let holm = ChangeDetection.adjust(p, .holm)
        // sorted: 0.005·4 = 0.02, 0.01·3 = 0.03, 0.03·2 = 0.06, 0.04·1 → max(0.06, 0.04) = 0.06
        #expect(zip(holm, [0.03, 0.06, 0.06, 0.02]).allSatisfy { abs($0 - $1) < 1e-12 }, "\(holm)")
        let bh = ChangeDetection.adjust(p, .benjaminiHochberg)
        // 0.04·4/4 = 0.04, 0.03·4/3 = 0.04, 0.01·4/2 = 0.02, 0.005·4/1 = 0.02
        #expect(zip(bh, [0.02, 0.04, 0.04, 0.02]).allSatisfy { abs($0 - $1) < 1e-12 }, "\(bh)")
        #expect(ChangeDetection.adjust([], .holm).isEmpty)
    }
}
