import Foundation
import FoyerCore
import FoyerEnergy
import FoyerModel
import FoyerThermal

/// One line of a batch: a dwelling, its weather and model, and what to compute.
///
/// ```json
/// {"id": "h-001", "dwelling": {"base": "fr/sfh-1949-1974", "thermostat": {"heating_setpoint_c": 20}},
///  "weather": "H1c", "model": "5r1c", "use": "conventional", "compute": ["simulation", "energy", "label"]}
/// ```
///
/// `dwelling` is a dwelling object (a whole file, or `"base"` and the overrides), or an archetype
/// id; `dwelling_file` a path instead. Everything but the dwelling is optional.
public struct BatchJob: Sendable, Equatable {
    /// What a job can ask for; later commands plug in here.
    public enum Output: String, Sendable, CaseIterable, Codable {
        /// Needs, peaks, unmet heat and comfort hours of the hourly simulation.
        case simulation
        /// Delivered energy per energy, primary energy, CO₂ and the bills.
        case energy
        /// The DPE class estimated under the DPE's conventions (French dwellings).
        case label
    }

    public var id: String
    /// 1-based line number in the input.
    public var line: Int
    public var dwelling: JSONValue
    public var dwellingFile: String?
    public var weather: String?
    public var model: ThermalModel
    public var use: UseChoice
    public var outputs: [Output]
    public var diagnosedOn: CivilDate
    /// Free labels copied into the result (a sweep's parameter values).
    public var tags: JSONValue?

    static let keys = ["id", "dwelling", "dwelling_file", "weather", "model", "use", "compute", "diagnosed_on", "tags"]

    /// Reads a job from one input line. Errors name the input, the line and the field.
    public static func parse(_ line: Data, number: Int, source: String) throws(InputError) -> BatchJob {
        let place = "\(source):\(number)"
        let value: JSONValue
        do {
            value = try JSONValue.parse(line, file: place)
        } catch {
            throw InputError(error.issues.map { var issue = $0; issue.file = place; return issue })
        }
        func issue(_ path: String, _ found: String?, _ message: String, expected: String? = nil, suggestion: String? = nil) -> InputError {
            InputError(InputIssue(.error, file: place, path: path, value: found, message: message, expected: expected, suggestion: suggestion))
        }
        guard case let .object(members) = value else {
            throw issue("", value.brief, "a job line is a JSON object", expected: "{\"id\": \"…\", \"dwelling\": …}")
        }
        var errors: [InputIssue] = []
        for key in members.keys.sorted() where !keys.contains(key) {
            errors.append(InputIssue(.error, file: place, path: key, message: "unknown field", expected: keys.joined(separator: ", "),
                                     suggestion: Suggestions.didYouMean(key, among: keys)))
        }
        let id: String
        switch members["id"] {
        case let .string(text)?: id = String(text.prefix(200))
        case let .number(number)? where number.isFinite && number == number.rounded() && abs(number) < 1e15: id = String(Int(number))
        case nil: id = "line-\(number)"
        case let other?:
            errors.append(InputIssue(.error, file: place, path: "id", value: other.brief, message: "an id is a string or a whole number"))
            id = "line-\(number)"
        }
        func string(_ key: String) -> String? {
            switch members[key] {
            case nil, .null?: return nil
            case let .string(text)?: return text
            case let other?:
                errors.append(InputIssue(.error, file: place, path: key, value: other.brief, message: "not a string"))
                return nil
            }
        }
        let file = string("dwelling_file")
        var dwelling = JSONValue.null
        switch members["dwelling"] {
        case let .object(object)?: dwelling = .object(object)
        case let .string(archetype)?: dwelling = .object(["base": .string(archetype)])
        case nil, .null?:
            if file == nil {
                errors.append(InputIssue(.error, file: place, path: "dwelling", message: "missing: the dwelling to compute",
                                         expected: "a dwelling object, an archetype id (\"fr/sfh-1949-1974\"), or \"dwelling_file\": a path"))
            }
        case let other?:
            errors.append(InputIssue(.error, file: place, path: "dwelling", value: other.brief, message: "a dwelling is an object or an archetype id"))
        }
        if file != nil, members["dwelling"] != nil, members["dwelling"] != .null {
            errors.append(InputIssue(.error, file: place, path: "dwelling_file", message: "give dwelling or dwelling_file, not both"))
        }
        let weather = string("weather")
        var model = ThermalModel.iso52016
        if let text = string("model") {
            let hourly = ThermalModel.allCases.filter { $0 != .monthly }
            if let found = hourly.first(where: { $0.rawValue == text }) { model = found } else {
                errors.append(InputIssue(.error, file: place, path: "model", value: "\"\(text.prefix(40))\"", message: "unknown model",
                                         expected: hourly.map(\.rawValue).joined(separator: ", ")))
            }
        }
        var use = UseChoice.automatic
        if let text = string("use") {
            if let found = UseChoice(rawValue: text) { use = found } else {
                errors.append(InputIssue(.error, file: place, path: "use", value: "\"\(text.prefix(40))\"", message: "unknown use",
                                         expected: UseChoice.allCases.map(\.rawValue).joined(separator: ", ")))
            }
        }
        var outputs: [Output] = [.simulation]
        switch members["compute"] {
        case nil, .null?: break
        case let .array(items)?:
            outputs = []
            for (index, item) in items.enumerated() {
                if case let .string(text) = item, let output = Output(rawValue: text) {
                    if !outputs.contains(output) { outputs.append(output) }
                } else {
                    errors.append(InputIssue(.error, file: place, path: "compute[\(index)]", value: item.brief, message: "unknown output",
                                             expected: Output.allCases.map(\.rawValue).joined(separator: ", ")))
                }
            }
            if items.isEmpty { errors.append(InputIssue(.error, file: place, path: "compute", value: "[]", message: "nothing to compute", expected: Output.allCases.map(\.rawValue).joined(separator: ", "))) }
        case let other?:
            errors.append(InputIssue(.error, file: place, path: "compute", value: other.brief, message: "a list of outputs", expected: "[\"simulation\", \"energy\", \"label\"]"))
        }
        var date = CivilDate(2026, 1, 1)
        if let text = string("diagnosed_on") {
            if let parsed = CivilDate(iso: text), parsed >= CivilDate(2021, 7, 1), parsed.year <= 2100 { date = parsed } else {
                errors.append(InputIssue(.error, file: place, path: "diagnosed_on", value: "\"\(text.prefix(40))\"", message: "not a date of the DPE 2021", expected: "YYYY-MM-DD from 2021-07-01"))
            }
        }
        var tags: JSONValue?
        switch members["tags"] {
        case nil, .null?: break
        case let .object(object)?: tags = .object(object)
        case let other?: errors.append(InputIssue(.error, file: place, path: "tags", value: other.brief, message: "tags are an object", expected: "{\"name\": value, …}"))
        }
        if !errors.isEmpty { throw InputError(errors) }
        return BatchJob(id: id, line: number, dwelling: dwelling, dwellingFile: file, weather: weather, model: model, use: use, outputs: outputs,
                        diagnosedOn: date, tags: tags)
    }

    /// The id of a line that could not be read as a job: its `"id"` when the line is an object
    /// that has one, else `line-N`.
    static func bestEffortID(_ line: Data, number: Int) -> String {
        if case let .object(members)? = try? JSONValue.parse(line, file: nil) {
            switch members["id"] {
            case let .string(text)?: return String(text.prefix(200))
            case let .number(value)? where value.isFinite && value == value.rounded() && abs(value) < 1e15: return String(Int(value))
            default: break
            }
        }
        return "line-\(number)"
    }
}
