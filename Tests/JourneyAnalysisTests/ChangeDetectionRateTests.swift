import JourneyAnalysis
import JourneyCore
import JourneyFeedback
import Testing

/// The error rates of change detection, measured on planted data: many simulated journeys of
/// six monthly periods, each answer drawn from a known distribution with a fixed seed, so every
/// run draws the same answers and measures the same rates (docs/feedback.md#error-rates).
///
/// Each simulated series goes through the real path: `JourneyPeriods` from per-period
/// measurements, then `ChangeDetection.periods` (five consecutive comparisons of NPS and of
/// CSAT top-two box: a family of ten tests, corrected together by Holm). The CSAT mean is left
/// out: Welch's t quantile (a bisection on the incomplete beta) makes tens of thousands of
/// simulated comparisons too slow for a unit test.
@Suite struct ChangeDetectionRateTests {
    /// SplitMix64 (Steele, Lea & Flood 2014): a small, fast generator whose stream depends on
    /// the seed alone, the same on every platform and Swift version.
    struct SplitMix64 {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        /// Two independent uniforms in [0, 1) from one draw: the top and the bottom 32 bits.
        mutating func uniformPair() -> (Double, Double) {
            let x = next()
            return (Double(x >> 32) * 0x1.0p-32, Double(x & 0xFFFF_FFFF) * 0x1.0p-32)
        }
    }

    /// What one simulated period's answers are drawn from.
    struct Population {
        /// Shares of promoters and detractors (NPS = 100 · (promoters − detractors)).
        var promoters: Double
        var detractors: Double
        /// Cumulative shares of CSAT answers 1…5.
        var csatCumulative: [Double] = [0.05, 0.15, 0.35, 0.70, 1.0]
        /// The population's NPS.
        var nps: Double { 100 * (promoters - detractors) }
    }

    static let stable = Population(promoters: 0.45, detractors: 0.25)

    /// One period of `n` answers: each respondent answers NPS and CSAT (1…5).
    static func draw(_ pop: Population, n: Int, _ rng: inout SplitMix64) -> Metrics {
        var promoters = 0, detractors = 0, top = 0
        var sum = 0.0
        for _ in 0..<n {
            let (u, v) = rng.uniformPair()
            if u < pop.promoters { promoters += 1 } else if u < pop.promoters + pop.detractors { detractors += 1 }
            var k = 0
            while k < 4, v >= pop.csatCumulative[k] { k += 1 }
            let answer = Double(k + 1)
            sum += answer
            if answer >= 4 { top += 1 }
        }
        var m = Metrics()
        m.responses = n
        m.respondents = n
        m.npsCount = n
        m.promoters = promoters
        m.detractors = detractors
        m.passives = n - promoters - detractors
        m.nps = MetricsMath.nps(promoters: promoters, detractors: detractors, n: n)
        m.csatCount = n
        m.csatTopCount = top
        m.csatTopBox = MetricsMath.share(top, of: n)
        m.csatMean = sum / Double(n)
        m.isSmallSample = false
        return m
    }

    static let months = Period.all(from: "2025-01-01", to: "2025-06-30", unit: .month)

    /// One simulated journey: six monthly periods drawn from `populations` (one per month),
    /// through the real grouping and the real change detection.
    static func series(_ populations: [Population], n: Int, _ rng: inout SplitMix64) -> ChangeReport {
        let measured = populations.map { pop -> JourneyMeasurements in
            var j = JourneyMeasurements()
            j.journey = draw(pop, n: n, &rng)
            return j
        }
        let periods = JourneyPeriods(
            unit: .month, periods: months, measurements: measured, journeyID: "sim", undated: 0, undatedRespondents: 0, smallSample: 30)
        return ChangeDetection.periods(periods)
    }

    /// The binomial standard error of a rate measured over `trials` independent series.
    static func standardError(_ rate: Double, _ trials: Int) -> Double { (rate * (1 - rate) / Double(trials)).squareRoot() }

    /// 2,000 stable series (nothing changes): the share with any flagged change is the
    /// family-wise error rate, which Holm bounds at 5%. Measured: 4.9% (98 of 2,000; the ten
    /// tests are nearly independent, so Holm spends almost all of its 5%). Allowed: 5% plus three
    /// binomial standard errors of a 5% rate over 2,000 series (+1.46 pp), so a correction that
    /// failed to hold the level would be caught while a correct one fails with about one seed in
    /// 700. Each comparison alone is flagged at its nominal 5% (measured 5.1% of 20,000), and
    /// without the correction 37.8% of the series would show a change that is not there.
    @Test func stableDataStaysAtTheDeclaredFamilyWiseLevel() throws {
        var rng = SplitMix64(state: 20_251_130)
        let trials = 2_000
        var anyFlagged = 0, anyUnadjusted = 0, tests = 0, unadjusted = 0, npsTests = 0, npsUnadjusted = 0
        for _ in 0..<trials {
            let r = Self.series(Array(repeating: Self.stable, count: 6), n: 300, &rng)
            #expect(r.tests.count == 10)
            if !r.significant.isEmpty { anyFlagged += 1 }
            let raw = r.tests.filter { $0.pValue < 0.05 }
            if !raw.isEmpty { anyUnadjusted += 1 }
            tests += r.tests.count
            unadjusted += raw.count
            npsTests += r.tests.filter { $0.metric == .nps }.count
            npsUnadjusted += raw.filter { $0.metric == .nps }.count
        }
        let fwer = Double(anyFlagged) / Double(trials)
        #expect(fwer <= 0.05 + 3 * Self.standardError(0.05, trials), "family-wise false alarms \(anyFlagged) of \(trials)")
        // Each interval alone holds its level: per comparison, 5% ± 3 standard errors.
        let perTest = Double(unadjusted) / Double(tests), perNPS = Double(npsUnadjusted) / Double(npsTests)
        #expect(abs(perTest - 0.05) <= 3 * Self.standardError(0.05, tests), "\(unadjusted) of \(tests) comparisons")
        #expect(abs(perNPS - 0.05) <= 3 * Self.standardError(0.05, npsTests), "NPS: \(npsUnadjusted) of \(npsTests)")
        // Why the correction: uncorrected, far more series than 5% would show a change.
        #expect(Double(anyUnadjusted) / Double(trials) > 0.25, "uncorrected: \(anyUnadjusted) of \(trials) series")
    }

    /// A planted drop of NPS from 20 to 0 (−20 points; promoters 45% → 35%, detractors
    /// 25% → 35%) between the third and fourth of six months, n = 300 per month: the drop is
    /// flagged (as worse) in 53.7% of 1,000 series; a −30 drop in 94.4%. Each floor is the
    /// measured rate less three binomial standard errors (a regression of the power is caught,
    /// a change of seed is not).
    @Test(arguments: [(-20.0, 0.49), (-30.0, 0.92)])
    func plantedShiftIsFound(shift: Double, floor: Double) throws {
        var rng = SplitMix64(state: 7_000 + UInt64(-shift))
        let trials = 1_000
        let half = -shift / 200
        let shifted = Population(promoters: Self.stable.promoters - half, detractors: Self.stable.detractors + half)
        #expect(abs(shifted.nps - Self.stable.nps - shift) < 1e-9)
        var found = 0, elsewhere = 0
        for _ in 0..<trials {
            let r = Self.series(Array(repeating: Self.stable, count: 3) + Array(repeating: shifted, count: 3), n: 300, &rng)
            if r.significant.contains(where: { $0.metric == .nps && $0.from == "2025-03" && $0.to == "2025-04" && $0.isRegression }) {
                found += 1
            }
            if r.significant.contains(where: { !($0.metric == .nps && $0.to == "2025-04") }) { elsewhere += 1 }
        }
        let rate = Double(found) / Double(trials)
        #expect(rate >= floor, "planted \(shift) found in \(found) of \(trials)")
        // The rest of the family still holds the level while one change is real.
        #expect(Double(elsewhere) / Double(trials) <= 0.05 + 3 * Self.standardError(0.05, trials), "\(elsewhere) other flags")
    }
}
