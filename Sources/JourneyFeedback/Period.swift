import JourneyCore

/// How long a reporting period is: `--period week|month|quarter|year`, or `period` in a journey.
public enum PeriodUnit: String, Hashable, Sendable, Codable, CaseIterable {
    /// ISO 8601 weeks (Monday to Sunday), labelled by ISO week-year: `2015-W07`.
    case week
    /// Calendar months: `2015-02`.
    case month
    /// Calendar quarters: `2015-Q1`.
    case quarter
    /// Calendar years: `2015`.
    case year
}

/// One reporting period. A response belongs to the period of its date column as written
/// (YYYY-MM-DD, no time-zone conversion), so every tool that groups the same file by the same
/// unit puts each response in the same period.
public struct Period: Hashable, Comparable, Sendable, Codable {
    /// Its length.
    public var unit: PeriodUnit
    /// `2015-02`, `2015-Q1`, `2015-W07` (ISO week-year) or `2015`.
    public var label: String
    /// Its first day, YYYY-MM-DD (inclusive).
    public var first: String
    /// Its last day, YYYY-MM-DD (inclusive).
    public var last: String

    /// The period of a date written YYYY-MM-DD (anything after the tenth character, such as a
    /// time, is ignored, as the join does); nil when it is not a date.
    public static func containing(_ date: String, unit: PeriodUnit) -> Period? {
        guard let day = CivilDate.parse(date) else { return nil }
        return containing(day: day, unit: unit)
    }

    /// Every period from the one holding `from` to the one holding `to`, empty ones included
    /// (a gap in the data is shown as a period with n = 0, not hidden).
    public static func all(from: String, to: String, unit: PeriodUnit) -> [Period] {
        guard let a = containing(from, unit: unit), let b = containing(to, unit: unit), a <= b else { return [] }
        var out = [a]
        while let last = out.last, last < b { out.append(last.next) }
        return out
    }

    /// The period after this one.
    public var next: Period {
        let d = CivilDate.parse(last)!
        return Period.containing(day: d + 1, unit: unit)
    }

    /// The period before this one.
    public var previous: Period {
        let d = CivilDate.parse(first)!
        return Period.containing(day: d - 1, unit: unit)
    }

    /// Periods order by their first day.
    public static func < (a: Period, b: Period) -> Bool { a.first < b.first }

    static func containing(day: Int, unit: PeriodUnit) -> Period {
        let (y, m, _) = CivilDate.civil(day)
        switch unit {
        case .month:
            let first = CivilDate.days(y, m, 1)
            let last = CivilDate.days(m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1) - 1
            return Period(unit: unit, label: "\(CivilDate.pad(y, 4))-\(CivilDate.pad(m, 2))", first: first, last: last)
        case .year:
            return Period(unit: unit, label: CivilDate.pad(y, 4), first: CivilDate.days(y, 1, 1), last: CivilDate.days(y + 1, 1, 1) - 1)
        case .quarter:
            let q = (m - 1) / 3 + 1
            let first = CivilDate.days(y, 3 * q - 2, 1)
            let last = CivilDate.days(q == 4 ? y + 1 : y, q == 4 ? 1 : 3 * q + 1, 1) - 1
            return Period(unit: unit, label: "\(CivilDate.pad(y, 4))-Q\(q)", first: first, last: last)
        case .week:
            // ISO 8601: weeks start on Monday; week 1 holds the year's first Thursday, so the
            // week-year is the year of the week's Thursday.
            let weekday = CivilDate.isoWeekday(day)  // 1 = Monday … 7 = Sunday
            let monday = day - (weekday - 1)
            let thursday = monday + 3
            let (ty, _, _) = CivilDate.civil(thursday)
            let week = (thursday - CivilDate.days(ty, 1, 1)) / 7 + 1
            return Period(unit: unit, label: "\(CivilDate.pad(ty, 4))-W\(CivilDate.pad(week, 2))", first: monday, last: monday + 6)
        }
    }

    private init(unit: PeriodUnit, label: String, first: Int, last: Int) {
        self.unit = unit
        self.label = label
        self.first = CivilDate.string(first)
        self.last = CivilDate.string(last)
    }
}

/// Days since 1970-01-01 in the proleptic Gregorian calendar (Hinnant's civil-from-days
/// algorithms): exact, no calendar object, no time zone. The one calendar arithmetic of the
/// package (periods, and due dates of follow-up lists).
public enum CivilDate {
    /// `date` (YYYY-MM-DD) plus `days`, as YYYY-MM-DD; nil when `date` is not a date.
    public static func adding(days: Int, to date: String) -> String? {
        parse(date).map { string($0 + days) }
    }

    /// A strict `YYYY-MM-DD` date (nothing after it) as days since 1970-01-01; nil when it is
    /// not a date of the calendar (`2026-02-30`).
    public static func day(_ date: String) -> Int? {
        date.utf8.count == 10 ? parse(date) : nil
    }

    /// Days since 1970-01-01 as `YYYY-MM-DD`.
    public static func date(_ day: Int) -> String { string(day) }

    static func days(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(_ z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday).
    static func isoWeekday(_ day: Int) -> Int {
        let r = ((day + 3) % 7 + 7) % 7
        return r + 1
    }

    static func pad(_ v: Int, _ w: Int) -> String {
        var s = String(v)
        while s.count < w { s = "0" + s }
        return s
    }

    static func string(_ day: Int) -> String {
        let (y, m, d) = civil(day)
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
    }

    /// A YYYY-MM-DD date (the join's own parser: trailing time ignored), as days.
    static func parse(_ s: String) -> Int? {
        let bytes = Array(s.utf8)
        guard let v = bytes.withUnsafeBufferPointer({ FieldParsing.date($0) }) else { return nil }
        return days(v / 10000, v / 100 % 100, v % 100)
    }
}

extension PeriodUnit {
    /// The unit in a report's language ("month", "miesiąc"): the What changed section and the
    /// trend charts say it the same way.
    public func name(in l: Language) -> String {
        switch self {
        case .week: l[.unitWeek]
        case .month: l[.unitMonth]
        case .quarter: l[.unitQuarter]
        case .year: l[.unitYear]
        }
    }
}
