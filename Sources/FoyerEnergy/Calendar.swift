/// Calendar arithmetic for billing: day numbers, weekdays, public holidays and the European
/// summer-time rule. Pure functions of the date; no clock, no time zone database.
extension CivilDate {
    /// The day of a 365-day (typical, weather-file) year this date stands for: 0 = 1 January,
    /// 29 February reads as the 28th.
    public var dayOfCommonYear: Int {
        let lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        let month = min(max(self.month, 1), 12)
        return lengths.prefix(month - 1).reduce(0, +) + min(max(day, 1), lengths[month - 1]) - 1
    }

    /// Days since 1970-01-01 (negative before), proleptic Gregorian calendar.
    ///
    /// Source: the "days from civil" algorithm of H. Hinnant, *chrono-Compatible Low-Level Date
    /// Algorithms* (2013), an exact integer formula for the Gregorian calendar.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `dayNumber` days after 1970-01-01 (inverse of ``dayNumber``).
    public init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        self.init(yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// The date `days` later (earlier when negative).
    public func adding(days: Int) -> CivilDate { CivilDate(dayNumber: dayNumber + days) }

    /// ISO weekday: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday).
    public var isoWeekday: Int {
        let offset = (dayNumber + 3) % 7
        return (offset < 0 ? offset + 7 : offset) + 1
    }

    public static func isLeapYear(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    /// Easter Sunday of `year` (Gregorian computus, the "anonymous" algorithm given by
    /// J. Meeus, *Astronomical Algorithms*, 2nd ed., ch. 8).
    public static func easterSunday(_ year: Int) -> CivilDate {
        let a = year % 19, b = year / 100, c = year % 100
        let d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return CivilDate(year, month, day)
    }

    /// The last Sunday of `month` in `year`.
    static func lastSunday(of month: Int, in year: Int) -> CivilDate {
        let last = CivilDate(year, month, daysInMonth(year: year, month: month))
        return last.adding(days: -(last.isoWeekday % 7))
    }
}

/// A country's public holidays (the days tariffs and the Tempo rule treat apart).
public enum PublicHolidays {
    /// Public holidays of `country` ("FR" or "BE"; none for others) in `year`.
    ///
    /// France: code du travail art. L3133-1 (1 Jan, Easter Monday, 1 May, 8 May, Ascension,
    /// Whit Monday, 14 Jul, 15 Aug, 1 Nov, 11 Nov, 25 Dec). Belgium: loi du 4 janvier 1974
    /// relative aux jours fériés (1 Jan, Easter Monday, 1 May, Ascension, Whit Monday, 21 Jul,
    /// 15 Aug, 1 Nov, 11 Nov, 25 Dec).
    public static func dates(country: String, year: Int) -> Set<CivilDate> {
        let easter = CivilDate.easterSunday(year)
        let movable = [easter.adding(days: 1), easter.adding(days: 39), easter.adding(days: 50)]
        switch country.uppercased() {
        case "FR":
            return Set(movable + [(1, 1), (5, 1), (5, 8), (7, 14), (8, 15), (11, 1), (11, 11), (12, 25)].map { CivilDate(year, $0.0, $0.1) })
        case "BE":
            return Set(movable + [(1, 1), (5, 1), (7, 21), (8, 15), (11, 1), (11, 11), (12, 25)].map { CivilDate(year, $0.0, $0.1) })
        default:
            return []
        }
    }

    /// Whether `date` is a public holiday in `country`.
    public static func contains(_ date: CivilDate, country: String) -> Bool {
        dates(country: country, year: date.year).contains(date)
    }
}

/// European summer time (Directive 2000/84/EC, art. 2–3): clocks go forward one hour at 01:00
/// UTC on the last Sunday of March and back at 01:00 UTC on the last Sunday of October. For
/// France and Belgium (UTC+1 in winter) that is 02:00 → 03:00 in March and 03:00 → 02:00 in
/// October, local clock time.
public enum SummerTime {
    /// Whether the hour that starts at `hour` (0–23) local **standard** time (UTC+1, as in
    /// weather files) on `date` is in summer time.
    public static func isInEffect(date: CivilDate, standardHour hour: Int) -> Bool {
        let start = CivilDate.lastSunday(of: 3, in: date.year), end = CivilDate.lastSunday(of: 10, in: date.year)
        if date > start && date < end { return true }
        if date == start { return hour >= 2 }  // 02:00 standard = 01:00 UTC
        if date == end { return hour < 2 }     // 02:00 standard = 03:00 summer clock = 01:00 UTC
        return false
    }

    /// The first and last days of summer time in `year`.
    public static func transitions(year: Int) -> (start: CivilDate, end: CivilDate) {
        (CivilDate.lastSunday(of: 3, in: year), CivilDate.lastSunday(of: 10, in: year))
    }
}

/// A local clock time to the minute: where an interval of a load curve or of a simulated year
/// starts, as the meter and the tariff's hours read it.
public struct LocalDateTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let date: CivilDate
    /// Minutes after midnight, 0 ..< 1440.
    public let minuteOfDay: Int
    /// Minutes since 1970-01-01 00:00 (a monotonic key for local times of one offset), kept
    /// with the date: bills read it for every interval of a year, for every offer compared.
    public let minuteNumber: Int

    public init(_ date: CivilDate, minuteOfDay: Int) {
        self.date = date
        self.minuteOfDay = minuteOfDay
        minuteNumber = date.dayNumber * 1440 + minuteOfDay
    }

    public init(minuteNumber: Int) {
        let day = minuteNumber >= 0 ? minuteNumber / 1440 : (minuteNumber - 1439) / 1440
        self.init(minuteNumber: minuteNumber, dayNumber: day, date: CivilDate(dayNumber: day))
    }

    /// The local time `minuteNumber` minutes after 1970-01-01 00:00, whose day (`dayNumber`,
    /// `date`: the same day) is already known: a year of hours converts each day once, not each
    /// hour.
    package init(minuteNumber: Int, dayNumber: Int, date: CivilDate) {
        assert(date.dayNumber == dayNumber && (0..<1440).contains(minuteNumber - dayNumber * 1440), "the day is not that of the minute")
        self.date = date
        minuteOfDay = minuteNumber - dayNumber * 1440
        self.minuteNumber = minuteNumber
    }

    public static func < (a: LocalDateTime, b: LocalDateTime) -> Bool { a.minuteNumber < b.minuteNumber }

    public var description: String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        return "\(date) \(two(minuteOfDay / 60)):\(two(minuteOfDay % 60))"
    }
}
