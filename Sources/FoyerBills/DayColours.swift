import FoyerCore
import FoyerEnergy
import FoyerTariffs

/// The colour of each day under a day-colour offer (EDF Tempo).
///
/// Either an actual calendar (RTE publishes each day's colour) or the offer's deterministic
/// rule: in each Tempo year (1 September – 31 August) the `red_days` coldest eligible days
/// (Monday–Friday, not public holidays, in the red months) are red, then the `white_days`
/// coldest remaining days (not Sundays) are white, the rest blue. "Coldest" ranks days by a
/// temperature: the simulated year's daily mean outdoor temperature when there is one (the
/// weather drives RTE's choice: the colours follow the national consumption forecast), else a
/// climatological one — the French winter's coldest normal day is mid-January, so days rank by
/// their distance from 15 January. Counts: 22 red days, 43 white (EDF Tempo rules,
/// ../shared/reference/domain-facts.md §2.1).
public struct DayColourCalendar: Sendable {
    /// How days rank from cold to warm: lower first.
    public enum Ranking: Sendable {
        /// Mean outdoor temperature by day of year (index 0 = 1 January, 365 values).
        case dailyMeanOutdoorC([Double])
        /// Distance from 15 January (no weather known).
        case climatological
    }

    /// An actual calendar of colours (days missing from it fall back to the rule).
    public var known: [CivilDate: DayColour]
    public var ranking: Ranking

    public init(known: [CivilDate: DayColour] = [:], ranking: Ranking = .climatological) {
        self.known = known
        self.ranking = ranking
    }

    /// The colour of every day in `dates` under `rule`, holidays of `country`.
    public func colours(for dates: ClosedRange<CivilDate>, rule: Tariff.ColourRule, country: String) -> [CivilDate: DayColour] {
        var result: [CivilDate: DayColour] = [:]
        // Tempo years touched: the one containing the first day to the one containing the last.
        func tempoYear(_ date: CivilDate) -> Int { date.month >= 9 ? date.year : date.year - 1 }
        for startYear in tempoYear(dates.lowerBound)...tempoYear(dates.upperBound) {
            let first = CivilDate(startYear, 9, 1).dayNumber, last = CivilDate(startYear + 1, 8, 31).dayNumber
            let days = (first...last).map(CivilDate.init(dayNumber:))
            let holidays = PublicHolidays.dates(country: country, year: startYear).union(PublicHolidays.dates(country: country, year: startYear + 1))
            let ordered = days.sorted { (key($0), $0) < (key($1), $1) }
            var colour: [CivilDate: DayColour] = [:]
            var red = 0
            for day in ordered where red < rule.redDays {
                guard rule.redMonths.contains(day.month), rule.redOnWeekends || day.isoWeekday <= 5, !holidays.contains(day) else { continue }
                colour[day] = .red
                red += 1
            }
            var white = 0
            for day in ordered where white < rule.whiteDays && colour[day] == nil {
                guard rule.whiteOnSundays || day.isoWeekday != 7 else { continue }
                colour[day] = .white
                white += 1
            }
            for day in days where dates.contains(day) {
                result[day] = known[day] ?? colour[day] ?? .blue
            }
        }
        return result
    }

    private func key(_ date: CivilDate) -> Double {
        let dayOfYear = date.dayNumber - CivilDate(date.year, 1, 1).dayNumber
        switch ranking {
        case let .dailyMeanOutdoorC(means):
            guard !means.isEmpty else { return 0 }
            // A typical year has 365 days: 29 February takes 28 February's value.
            let leapShift = CivilDate.isLeapYear(date.year) && dayOfYear >= 59 ? 1 : 0
            return means[min(max(dayOfYear - leapShift, 0), means.count - 1)]
        case .climatological:
            let distance = abs(dayOfYear - 14)
            return Double(min(distance, 365 - distance))
        }
    }
}
