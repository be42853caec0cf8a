import Foundation

/// A clock window of the day, `22:00-06:00` (may run past midnight), on quarter-hours: a
/// meter's off-peak hours.
public struct ClockWindow: Sendable, Equatable, CustomStringConvertible {
    public var fromMinute: Int
    public var toMinute: Int

    public init(fromMinute: Int, toMinute: Int) {
        self.fromMinute = fromMinute
        self.toMinute = toMinute
    }

    /// Parses `HH:MM-HH:MM` on quarter-hours, the two ends different; `nil` if malformed.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        func minute(_ part: Substring) -> Int? {
            let hm = part.trimmingCharacters(in: .whitespaces).split(separator: ":", omittingEmptySubsequences: false)
            guard hm.count == 2, hm[0].count <= 2, hm[1].count == 2, let h = Int(hm[0]), let m = Int(hm[1]),
                  (0...24).contains(h), [0, 15, 30, 45].contains(m), h * 60 + m <= 1440 else { return nil }
            return h * 60 + m
        }
        guard parts.count == 2, let from = minute(parts[0]), let to = minute(parts[1]) else { return nil }
        // 24:00 as a start is 00:00; as an end it closes the day.
        let start = from % 1440, end = to % 1440
        guard start != end else { return nil }
        self.init(fromMinute: start, toMinute: end)
    }

    public func contains(minuteOfDay minute: Int) -> Bool {
        fromMinute < toMinute ? (minute >= fromMinute && minute < toMinute) : (minute >= fromMinute || minute < toMinute)
    }

    public var minutes: Int { fromMinute < toMinute ? toMinute - fromMinute : 1440 - fromMinute + toMinute }

    public var description: String {
        func text(_ m: Int) -> String { (m / 60 < 10 ? "0" : "") + "\(m / 60):" + (m % 60 < 10 ? "0" : "") + "\(m % 60)" }
        return "\(text(fromMinute))-\(text(toMinute))"
    }

    /// What is wrong with a meter's set of off-peak windows, if anything: windows that overlap,
    /// or that cover the whole day (no peak hours left: not an off-peak option).
    /// - Returns: the index of the offending window and the message, or `nil`.
    public static func problem(in windows: [ClockWindow]) -> (index: Int, message: String)? {
        var covered = [Int?](repeating: nil, count: 96)
        for (index, window) in windows.enumerated() {
            for quarter in 0..<96 where window.contains(minuteOfDay: quarter * 15) {
                if let first = covered[quarter] {
                    return (index, "overlaps off-peak window \(first + 1) (\(windows[first]))")
                }
                covered[quarter] = index
            }
        }
        if !covered.contains(nil) { return (windows.count - 1, "the windows cover the whole day: no peak hours are left") }
        return nil
    }

    /// Off-peak minutes a day.
    public static func totalMinutes(_ windows: [ClockWindow]) -> Int { windows.reduce(0) { $0 + $1.minutes } }
}

/// Subscribed powers of French household electricity contracts (tarif bleu, ≤ 36 kVA), kVA.
/// Source: Commission de régulation de l'énergie, tarifs réglementés de vente d'électricité
/// (grilles « Bleu résidentiel », puissances souscrites 3 à 36 kVA); EDF price sheets in `Tariffs/fr`.
public enum FrenchSubscribedPower {
    public static let levelsKVA: [Double] = [3, 6, 9, 12, 15, 18, 24, 30, 36]
    /// Off-peak hours a day on a French HP/HC meter: 8 h, in one or two windows (Enedis, « heures
    /// creuses » of the distribution tariff TURPE).
    public static let offPeakMinutesPerDay = 8 * 60
}

extension ClockWindow {
    /// The usual off-peak window of a country's meters when the household's own is not known:
    /// 22:00–06:00, the most common Enedis window in France; 22:00–07:00, the Walloon night
    /// window, in Belgium.
    public static func usualOffPeak(country: String?) -> [ClockWindow] {
        [ClockWindow(fromMinute: 22 * 60, toMinute: (country?.uppercased() == "BE" ? 7 : 6) * 60)]
    }
}
