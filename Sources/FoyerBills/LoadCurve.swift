import FoyerCore
import FoyerEnergy

/// Energy drawn on one meter over time: either a simulated year or a metered export.
///
/// Each interval starts at a local **clock** time (the time the meter and the tariff's hours
/// read, summer time included) and holds the energy in kWh *as billed*: kWh of electricity, kWh
/// PCS for natural gas (bills count the gross calorific value), kWh PCI for the other fuels.
public struct LoadCurve: Sendable {
    /// One interval of consumption.
    public struct Interval: Sendable, Equatable {
        public var start: LocalDateTime
        public var minutes: Int
        public var kWh: Double

        public init(start: LocalDateTime, minutes: Int, kWh: Double) {
            self.start = start
            self.minutes = minutes
            self.kWh = kWh
        }
    }

    public var intervals: [Interval]
    /// What happened to the data on the way in (gaps filled, duplicates dropped): shown with the bill.
    public var corrections: [InputIssue]
    /// Where it came from (a file name, or "simulated …").
    public var origin: String

    public init(intervals: [Interval], corrections: [InputIssue] = [], origin: String) {
        self.intervals = intervals
        self.corrections = corrections
        self.origin = origin
    }

    public var totalKWh: Double { intervals.reduce(0) { $0 + $1.kWh } }

    /// First and last days touched.
    public var dateRange: ClosedRange<CivilDate>? {
        guard let first = intervals.first, let last = intervals.last else { return nil }
        let end = LocalDateTime(minuteNumber: last.start.minuteNumber + max(last.minutes, 1) - 1)
        return first.start.date...end.date
    }

    /// Highest mean power over one interval, kW (an hourly curve underestimates the
    /// instantaneous peak the meter's breaker sees).
    public var peakKW: Double {
        intervals.map { $0.minutes > 0 ? $0.kWh * 60 / Double($0.minutes) : 0 }.max() ?? 0
    }

    /// A year of hourly values in local **standard** time (as weather files and the thermal
    /// simulation count hours), laid on the calendar year `year` from 1 January 00:00, and
    /// shifted to clock time for the hours in summer time.
    ///
    /// The 8 760 hours of a typical year fill a common year; in a leap year the simulated
    /// hours skip 29 February (the typical year has no such day). When clocks go back in
    /// October the repeated clock hour receives two intervals; in March the skipped clock
    /// hour receives none — as on a real meter.
    public static func simulatedYear(hourlyKWh: [Double], year: Int, origin: String) -> LoadCurve {
        var intervals: [Interval] = []
        intervals.reserveCapacity(hourlyKWh.count)
        let january1 = CivilDate(year, 1, 1).dayNumber
        let nextJanuary1 = CivilDate(year + 1, 1, 1).dayNumber
        let leap = CivilDate.isLeapYear(year)
        let (start, end) = SummerTime.transitions(year: year)
        let startDay = start.dayNumber, endDay = end.dayNumber
        // The civil date of each day, converted once per day (a clock hour may fall on the next
        // day: 23:00 standard time is midnight in summer).
        var knownDay = Int.min, knownDate = CivilDate(1970, 1, 1)
        func date(ofDay dayNumber: Int) -> CivilDate {
            if dayNumber != knownDay {
                knownDay = dayNumber
                knownDate = CivilDate(dayNumber: dayNumber)
            }
            return knownDate
        }
        for (hour, kWh) in hourlyKWh.enumerated() {
            var day = hour / 24
            if leap && day >= 59 { day += 1 }  // skip 29 February
            let dayNumber = january1 + day
            let standardHour = hour % 24
            let summer: Bool
            if dayNumber < nextJanuary1 {
                // SummerTime.isInEffect with this year's transitions taken out of the loop.
                summer = (dayNumber > startDay && dayNumber < endDay) || (dayNumber == startDay && standardHour >= 2) || (dayNumber == endDay && standardHour < 2)
            } else {
                summer = SummerTime.isInEffect(date: CivilDate(dayNumber: dayNumber), standardHour: standardHour)
            }
            let minute = dayNumber * 1440 + standardHour * 60 + (summer ? 60 : 0)
            let clockDay = minute >= (dayNumber + 1) * 1440 ? dayNumber + 1 : dayNumber
            let clock = LocalDateTime(minuteNumber: minute, dayNumber: clockDay, date: date(ofDay: clockDay))
            intervals.append(Interval(start: clock, minutes: 60, kWh: kWh))
        }
        return LoadCurve(intervals: intervals, origin: origin)
    }
}
