import Foundation
import FoyerCore
import FoyerModel

/// The dwelling file a calibration writes: the user's file with its `household_use` set to the
/// fitted values (every other field as written), so that `--use household` simulates the
/// household the bills describe.
public enum CalibratedFile {
    /// The calibrated document.
    /// - Parameters:
    ///   - original: the user's dwelling document (not merged over its archetype), or `nil` for
    ///     an archetype id (the file then starts from `"base": archetype`).
    ///   - archetype: the archetype id when `original` is `nil`.
    ///   - source: what to record in `household_use.source`.
    public static func document(_ calibration: Calibration, original: JSONValue?, archetype: String?, source: String) -> JSONValue {
        var root: [String: JSONValue]
        if case let .object(members)? = original {
            root = members
        } else {
            root = ["schema": .string("foyer.dwelling/1"), "base": .string(archetype ?? "")]
        }
        var use: [String: JSONValue] = [:]
        if case let .object(members)? = root["household_use"] { use = members }
        func object(_ key: String) -> [String: JSONValue] {
            if case let .object(members)? = use[key] { return members }
            return [:]
        }
        let dwelling = calibration.dwelling
        for parameter in calibration.parameters {
            switch parameter.name {
            case .setpoint:
                var thermostat = object("thermostat")
                thermostat["heating_setpoint_c"] = .number(rounded(dwelling.thermostat.heatingSetpointC, 0.1))
                thermostat["heating_setback_c"] = .number(rounded(dwelling.thermostat.heatingSetbackC, 0.1))
                use["thermostat"] = .object(thermostat)
            case .seasonDays:
                var thermostat = object("thermostat")
                if let season = dwelling.thermostat.heatingSeason {
                    thermostat["heating_season"] = .object(["start": .string(monthDay(season.start)), "end": .string(monthDay(season.end))])
                } else {
                    thermostat.removeValue(forKey: "heating_season")
                }
                use["thermostat"] = .object(thermostat)
            case .heatedShare:
                var share = object("heated_share")
                share["fraction"] = .number(rounded(parameter.value, 0.01))
                use["heated_share"] = .object(share)
            case .hotWaterLitresPerDay:
                var water = object("hot_water")
                water["litres_per_person_per_day"] = .number(rounded(dwelling.hotWater.litresPerPersonPerDay ?? 0, 0.1))
                use["hot_water"] = .object(water)
            case .appliancesKWhPerYear:
                var other = object("other_uses")
                other["appliances_kwh_per_year"] = .number(rounded(parameter.value, 1))
                use["other_uses"] = .object(other)
            }
        }
        use["source"] = .string(source)
        root["household_use"] = .object(use)
        return .object(root)
    }

    /// The document as pretty-printed JSON with sorted keys (the same bytes for the same input).
    public static func data(_ document: JSONValue) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(document)
        data.append(0x0A)
        return data
    }

    static func rounded(_ value: Double, _ step: Double) -> Double { (value / step).rounded() / (1 / step) }

    static func monthDay(_ date: (month: Int, day: Int)) -> String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        return "\(two(date.month))-\(two(date.day))"
    }
}
