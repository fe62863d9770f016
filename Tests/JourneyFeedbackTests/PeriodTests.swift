import Foundation
import JourneyCore
import JourneyFeedback
import Testing

/// Period labels (the convention shared with `sql` and the trend views) and the per-period join.
@Suite struct PeriodTests {
    @Test func monthAndQuarterLabelsAndBounds() throws {
        let m = try #require(Period.containing("2015-02-14", unit: .month))
        #expect(m.label == "2015-02" && m.first == "2015-02-01" && m.last == "2015-02-28")
        #expect(Period.containing("2016-02-03", unit: .month)?.last == "2016-02-29", "leap year")
        let q = try #require(Period.containing("2015-02-14", unit: .quarter))
        #expect(q.label == "2015-Q1" && q.first == "2015-01-01" && q.last == "2015-03-31")
        #expect(Period.containing("2015-12-31", unit: .quarter)?.label == "2015-Q4")
        #expect(Period.containing("2015-12-31", unit: .quarter)?.next.label == "2016-Q1")
        #expect(Period.containing("2015-13-01", unit: .month) == nil, "not a date")
        #expect(Period.containing("2015-02-14T23:30:00", unit: .month)?.label == "2015-02", "the date as written; time ignored")
    }

    @Test func calendarYears() throws {
        let y = try #require(Period.containing("2016-07-14", unit: .year))
        #expect(y.label == "2016" && y.first == "2016-01-01" && y.last == "2016-12-31")
        #expect(y.next.label == "2017" && y.previous.label == "2015" && y.previous.last == "2015-12-31")
        // A year is the calendar's, not the ISO week-year: 2016-01-01 is in 2015-W53 but in 2016.
        #expect(Period.containing("2016-01-01", unit: .year)?.label == "2016")
        #expect(Period.all(from: "2006-03-01", to: "2015-11-30", unit: .year).map(\.label) == (2006...2015).map(String.init))
    }

    /// ISO 8601 weeks: Monday start, week 1 holds the year's first Thursday, labelled by week-year.
    @Test(arguments: [
        ("2015-02-14", "2015-W07", "2015-02-09"),
        ("2015-01-01", "2015-W01", "2014-12-29"),
        ("2014-12-29", "2015-W01", "2014-12-29"),
        ("2016-01-01", "2015-W53", "2015-12-28"),
        ("2016-01-03", "2015-W53", "2015-12-28"),
        ("2016-01-04", "2016-W01", "2016-01-04"),
        ("2020-12-31", "2020-W53", "2020-12-28"),
        ("2021-01-03", "2020-W53", "2020-12-28"),
        ("2021-01-04", "2021-W01", "2021-01-04"),
        ("2008-12-29", "2009-W01", "2008-12-29"),
        ("1999-12-31", "1999-W52", "1999-12-27"),
    ])
    func isoWeeks(date: String, label: String, monday: String) throws {
        let w = try #require(Period.containing(date, unit: .week))
        #expect(w.label == label)
        #expect(w.first == monday)
        #expect(Period.containing(w.last, unit: .week)?.label == label)
        #expect(w.next.previous == w)
    }

    @Test func everyPeriodInRangeGapsIncluded() {
        let all = Period.all(from: "2015-01-20", to: "2015-05-02", unit: .month).map(\.label)
        #expect(all == ["2015-01", "2015-02", "2015-03", "2015-04", "2015-05"])
        #expect(Period.all(from: "2015-03-01", to: "2015-01-01", unit: .month).isEmpty)
        let weeks = Period.all(from: "2015-12-20", to: "2016-01-10", unit: .week).map(\.label)
        #expect(weeks == ["2015-W51", "2015-W52", "2015-W53", "2016-W01"])
    }

    /// Each period is its own join; undated rows are counted, in no period; an empty month
    /// in between is a period with n = 0; a small one is marked too few.
    @Test func perPeriodJoinCountsUndatedAndGaps() throws {
        var text = "touchpoint,date,nps\n"
        for i in 0..<40 { text += "a,2015-01-\(String(format: "%02d", i % 28 + 1)),\(i % 2 == 0 ? 10 : 0)\n" }
        for i in 0..<5 { text += "a,2015-03-0\(i + 1),9\n" }
        text += "a,,10\nb,,3\n"
        let path = try Fixture.file(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let j = Fixture.journey([Fixture.source(path)])
        let (all, p, diags) = FeedbackPeriods.run(j, unit: .month)
        #expect(!diags.hasErrors)
        #expect(all.accounting.used == 47)
        #expect(p.periods.map(\.label) == ["2015-01", "2015-02", "2015-03"])
        #expect(p.undated == 2 && p.undatedRespondents == 2)
        let a = try #require(p.byTouchpoint["a"])
        #expect(a.points.map(\.n) == [40, 0, 5])
        #expect(a.points.map(\.tooFew) == [false, true, true])
        #expect(a.points[0].nps?.value == 0)
        #expect(a.points[1].nps == nil)
        #expect(a.points[2].nps?.value == 100)
        #expect(p.journey.points.map(\.n) == [40, 0, 5])
        #expect(p.byTouchpoint["b"] == nil, "b has only an undated answer")
    }

    /// Wide data: a respondent's row is in the period of its date; undated respondents are counted.
    @Test func wideDataPeriods() throws {
        var text = "id,date,a,b\n"
        for i in 0..<6 { text += "r\(i),2015-0\(i % 2 + 1)-10,\(i % 5 + 1),4\n" }
        text += "r9,,5,5\n"
        let path = try Fixture.file(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var s = Fixture.source(path, format: .wide)
        s.respondentColumn = "id"
        s.ratings = [
            RatingColumn(touchpoint: "a", column: "a", range: Fixture.r), RatingColumn(touchpoint: "b", column: "b", range: Fixture.r),
        ]
        let j = Fixture.journey([s])
        let (_, p, diags) = FeedbackPeriods.run(j, unit: .month)
        #expect(!diags.hasErrors, "\(diags)")
        #expect(p.periods.map(\.label) == ["2015-01", "2015-02"])
        #expect(p.journey.points.map(\.n) == [3, 3])
        #expect(p.undatedRespondents == 1 && p.undated == 2)
    }
}
