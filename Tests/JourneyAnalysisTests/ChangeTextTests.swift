import JourneyAnalysis
import Testing

/// The one writer of p-values and two-decimal means in change tables (report, diff, gates).
@Suite struct ChangeTextTests {
    @Test func pValuesHaveThreeDecimalsAndOneIsOne() {
        #expect(MetricChange.pText(0.0004) == "< 0.001")
        #expect(MetricChange.pText(0.001) == "0.001")
        #expect(MetricChange.pText(0.0456) == "0.046")
        #expect(MetricChange.pText(0.5) == "0.500")
        // A Holm-adjusted p is often capped at 1; the report's own copy printed "0.1000".
        #expect(MetricChange.pText(1) == "1")
        #expect(MetricChange.pText(0.9996) == "1")
    }

    @Test func meansHaveTwoDecimalsWithoutMinusZero() {
        #expect(MetricChange.twoDecimals(3.14159) == "3.14")
        #expect(MetricChange.twoDecimals(-0.004) == "0.00")
        #expect(MetricChange.twoDecimals(-1.25) == "-1.25")
        #expect(MetricChange.twoDecimals(2.1) == "2.10")
    }
}
