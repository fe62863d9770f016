import Foundation
import JourneyAnalysis
import JourneyCore
import JourneyFeedback
import Testing

/// Key drivers on planted data with a known answer (docs/feedback.md#key-drivers).
@Suite struct KeyDriverAnalysisTests {
    static let binary = OutcomeDeclaration.Kind.binary(yes: ["yes"])
    static let tenPoint = OutcomeDeclaration.Kind.scale(Scale(min: 1, max: 10))

    @Test func jacobiFindsKnownEigenpairs() {
        // [[2,1],[1,2]] has eigenvalues 3 and 1, eigenvectors (1,1)/√2 and (1,−1)/√2.
        let e = SymmetricEigen(symmetric: [2, 1, 1, 2], k: 2)
        #expect(abs(e.values[0] - 3) < 1e-14 && abs(e.values[1] - 1) < 1e-14)
        #expect(abs(abs(e.vectors[0]) - 0.5.squareRoot()) < 1e-14)
        #expect(abs(e.vectors[0] - e.vectors[2]) < 1e-14)  // first column: equal components
    }

    @Test func jacobiReconstructsARandomSymmetricMatrix() {
        var rng = Xoshiro256(seed: 7)
        let k = 40
        var a = [Double](repeating: 0, count: k * k)
        for i in 0..<k { for j in i..<k { let v = Double(rng.below(2001)) / 1000 - 1; a[i * k + j] = v; a[j * k + i] = v } }
        let e = SymmetricEigen(symmetric: a, k: k)
        var worst = 0.0, worstOrtho = 0.0
        for i in 0..<k {
            for j in 0..<k {
                var s = 0.0, o = 0.0
                for c in 0..<k {
                    s += e.vectors[i * k + c] * e.values[c] * e.vectors[j * k + c]
                    o += e.vectors[c * k + i] * e.vectors[c * k + j]
                }
                worst = max(worst, abs(s - a[i * k + j]))
                worstOrtho = max(worstOrtho, abs(o - (i == j ? 1 : 0)))
            }
        }
        #expect(worst < 1e-12)
        #expect(worstOrtho < 1e-12)
        #expect(zip(e.values, e.values.dropFirst()).allSatisfy { $0 >= $1 })
    }

    @Test func uncorrelatedRatingsWeighTheirSquaredCorrelations() {
        // With Rxx = I the orthogonal counterparts are the ratings themselves: ε_j = r_j².
        let w = RelativeWeights(rxx: [1, 0, 0, 0, 1, 0, 0, 0, 1], rxy: [0.5, 0.3, -0.1])
        #expect(abs(w.raw[0] - 0.25) < 1e-15 && abs(w.raw[1] - 0.09) < 1e-15 && abs(w.raw[2] - 0.01) < 1e-15)
        #expect(abs(w.rSquared - 0.35) < 1e-15)
    }

    @Test func weightsSumToTheRSquaredOfTheFullRegression() {
        let data = PlantedDriverData(respondents: 2000, missing: 0)
        let r = TestAlgebra.correlations(data.rows)
        let k = 4
        let rxx = (0..<(k * k)).map { r[($0 / k) * 5 + $0 % k] }
        let rxy = (0..<k).map { r[$0 * 5 + 4] }
        let w = RelativeWeights(rxx: rxx, rxy: rxy)
        #expect(abs(w.rSquared - TestAlgebra.rSquared(rxx, rxy, [0, 1, 2, 3])) < 1e-12)
        #expect(w.clippedEigenvalues == 0)
    }

    @Test func plantedOrderIsRecoveredAndTheDecoyRanksLast() throws {
        let data = PlantedDriverData(respondents: 3000)
        let report = try #require(KeyDriverAnalysis.analyse(data.moments(), kind: Self.tenPoint, outcomeID: "satisfied"))
        #expect(report.drivers.map(\.touchpointID) == ["staff", "wifi", "food", "decoy"])
        #expect(report.drivers.map(\.rank) == [1, 2, 3, 4])
        // The decoy correlates with the outcome through staff (plain correlation ranks it above
        // food), but relative weights give it the least.
        let decoy = try #require(report.drivers.first { $0.touchpointID == "decoy" })
        let food = try #require(report.drivers.first { $0.touchpointID == "food" })
        #expect(decoy.correlation > 0.25)
        #expect(decoy.importance.value < food.importance.value)
        #expect(abs(report.drivers.reduce(0) { $0 + $1.importance.value } - 100) < 1e-9)
        // The strongest driver's interval excludes the decoy's share.
        #expect(report.drivers[0].importance.low > decoy.importance.high)
        for d in report.drivers {
            #expect(d.importance.low <= d.importance.value && d.importance.value <= d.importance.high)
            #expect(d.n > 2000 && d.n < 3000)  // 10% blanks in the rating (pairwise deletion)
        }
        let r2 = try #require(report.rSquared)
        #expect(r2.low < r2.value && r2.value < r2.high && r2.value > 0.2)
        #expect(report.respondents == 3000)
        #expect(report.groups == 200)
        #expect(report.resamplesUsed == 1000)
        #expect(report.excluded.isEmpty && report.notes.isEmpty)
        #expect(report.smallestPairN > 2000)
        #expect(report.model.contains("Johnson 2000") && report.model.hasSuffix("(outcome: rating 1-10)"))
        #expect(report.missingRule.contains("pairwise"))
    }

    @Test func binaryOutcomeUsesTheLinearProbabilityModelAndKeepsTheOrder() throws {
        let data = PlantedDriverData(respondents: 3000, binary: true)
        let report = try #require(KeyDriverAnalysis.analyse(data.moments(), kind: Self.binary, outcomeID: "satisfied"))
        #expect(report.model.hasPrefix("linear probability model"))
        #expect(report.model.contains("Tonidandel & LeBreton 2010"))
        #expect(report.drivers.first?.touchpointID == "staff")
        #expect(report.drivers.last?.touchpointID == "decoy")
    }

    @Test func relativeWeightsAgreeWithTheExactShapleyDecomposition() {
        // Eight correlated ratings (one common factor plus pairs sharing a second factor),
        // outcome from chosen weights; the oracle runs all 2^8 regressions.
        var rng = Xoshiro256(seed: 11)
        func normal() -> Double {
            let u = max(Double(rng.next() >> 11) / Double(1 << 53), 1e-300), v = Double(rng.next() >> 11) / Double(1 << 53)
            return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
        }
        let weights = [0.5, 0.35, 0.25, 0.15, 0.1, 0.05, 0, 0]
        var rows: [[Double]] = []
        for _ in 0..<4000 {
            let g = normal(), h = [normal(), normal(), normal(), normal()]
            let x = (0..<8).map { 0.5 * g + 0.4 * h[$0 / 2] + 0.77 * normal() }
            rows.append(x + [zip(weights, x).reduce(0) { $0 + $1.0 * $1.1 } + normal()])
        }
        let k = 8
        let r = TestAlgebra.correlations(rows)
        let rxx = (0..<(k * k)).map { r[($0 / k) * (k + 1) + $0 % k] }
        let rxy = (0..<k).map { r[$0 * (k + 1) + k] }
        let rw = RelativeWeights(rxx: rxx, rxy: rxy)
        let shapley = TestAlgebra.shapley(rxx, rxy)
        #expect(abs(shapley.reduce(0, +) - rw.rSquared) < 1e-9)  // both decompose the same R²
        for j in 0..<k {
            // Johnson (2000) reports agreement to about 0.01 of R² on such data.
            #expect(abs(rw.raw[j] - shapley[j]) < 0.01 * rw.rSquared, "rating \(j): \(rw.raw[j]) vs Shapley \(shapley[j])")
        }
        let order = { (w: [Double]) in (0..<k).sorted { w[$0] > w[$1] } }
        #expect(Array(order(rw.raw).prefix(4)) == Array(order(shapley).prefix(4)))
        #expect(Array(order(rw.raw).prefix(4)) == [0, 1, 2, 3])
    }

    @Test func sameDataSameIntervals() throws {
        let m = PlantedDriverData(respondents: 500).moments()
        let a = try #require(KeyDriverAnalysis.analyse(m, kind: Self.tenPoint, outcomeID: "s"))
        let b = try #require(KeyDriverAnalysis.analyse(m, kind: Self.tenPoint, outcomeID: "s"))
        #expect(a == b)
        let c = try #require(KeyDriverAnalysis.analyse(m, kind: Self.tenPoint, outcomeID: "s", seed: 1))
        #expect(c.drivers.map(\.importance.value) == a.drivers.map(\.importance.value))
        #expect(c.drivers.map(\.importance.low) != a.drivers.map(\.importance.low))
    }

    @Test func fewRespondentsBootstrapThemOneByOne() throws {
        let m = PlantedDriverData(respondents: 60, missing: 0).moments()
        let report = try #require(KeyDriverAnalysis.analyse(m, kind: Self.tenPoint, outcomeID: "s"))
        // 60 respondents hashed into 200 groups: a few share a group, the rest are alone.
        #expect(report.groups > 45 && report.groups <= 60)
        #expect(report.drivers.count == 4)
        #expect(report.resamplesUsed > 900)
    }

    @Test func degenerateTouchpointsAreExcludedWithReasons() throws {
        // Columns: nobody, constant, rare, two good ratings, then the outcome.
        var m = DriverMoments(variables: ["nobody", "constant", "rare", "a", "b", "y"])
        var rng = Xoshiro256(seed: 3)
        for i in 0..<300 {
            let a = Double(1 + rng.below(5)), b = Double(1 + rng.below(5))
            let rare: Double = i < 5 ? Double(1 + rng.below(5)) : .nan
            m.add([.nan, 4, rare, a, b, a + b + Double(rng.below(3))], key: UInt64(i))
        }
        let report = try #require(KeyDriverAnalysis.analyse(m, kind: Self.tenPoint, outcomeID: "y"))
        #expect(report.drivers.map(\.touchpointID).sorted() == ["a", "b"])
        #expect(report.excluded.map(\.touchpointID) == ["nobody", "constant", "rare"])
        #expect(report.excluded[0].reason.contains("nobody"))
        #expect(report.excluded[1].reason.contains("same rating"))
        #expect(report.excluded[2].reason.contains("only 5"))
        try expectFinite(report)
    }

    @Test func touchpointsThatShareNoRespondentCannotBothEnter() throws {
        var m = DriverMoments(variables: ["early", "late", "y"])
        var rng = Xoshiro256(seed: 5)
        for i in 0..<400 {
            let x = Double(1 + rng.below(5))
            // The first 250 rated only "early", the rest only "late": no pair overlaps.
            m.add(i < 250 ? [x, .nan, x + Double(rng.below(2))] : [.nan, x, x], key: UInt64(i))
        }
        let report = try #require(KeyDriverAnalysis.analyse(m, kind: Self.tenPoint, outcomeID: "y"))
        #expect(report.drivers.map(\.touchpointID) == ["early"])
        #expect(report.excluded.map(\.touchpointID) == ["late"])
        #expect(report.excluded[0].reason.contains("rated both"))
        try expectFinite(report)
    }

    @Test func tooFewRespondentsOrAConstantOutcomeGiveNotesNotNumbers() throws {
        var few = DriverMoments(variables: ["a", "y"])
        for i in 0..<7 { few.add([Double(i % 5 + 1), Double(i % 3)], key: UInt64(i)) }
        let r1 = try #require(KeyDriverAnalysis.analyse(few, kind: Self.tenPoint, outcomeID: "y"))
        #expect(r1.drivers.isEmpty && r1.rSquared == nil)
        #expect(r1.notes.first?.contains("Only 7 respondents") == true)

        var flat = DriverMoments(variables: ["a", "y"])
        for i in 0..<50 { flat.add([Double(i % 5 + 1), 1], key: UInt64(i)) }
        let r2 = try #require(KeyDriverAnalysis.analyse(flat, kind: Self.binary, outcomeID: "y"))
        #expect(r2.drivers.isEmpty)
        #expect(r2.notes.first?.contains("same answer") == true)
        try expectFinite(r2)

        #expect(KeyDriverAnalysis.analyse(DriverMoments(variables: ["y"]), kind: Self.binary, outcomeID: "y") == nil)
        #expect(KeyDriverAnalysis.analyse(DriverMoments(variables: ["a", "y"]), kind: Self.binary, outcomeID: "y") == nil)
    }

    @Test func unrelatedRatingsGiveZeroSharesNotNaN() throws {
        // The outcome alternates independently of a rating that is balanced against it.
        var m = DriverMoments(variables: ["a", "y"])
        for i in 0..<100 { m.add([Double(i % 2 + 1), Double((i / 2) % 2)], key: UInt64(i)) }
        let report = try #require(KeyDriverAnalysis.analyse(m, kind: Self.binary, outcomeID: "y"))
        #expect(report.drivers.count == 1)
        #expect(report.drivers[0].importance.value == 0)
        #expect(report.notes.contains { $0.contains("R² = 0") })
        try expectFinite(report)
    }

    /// JSONEncoder refuses NaN and infinity: encoding proves every figure is finite.
    func expectFinite(_ report: KeyDriverReport) throws {
        _ = try JSONEncoder().encode(report)
    }
}
