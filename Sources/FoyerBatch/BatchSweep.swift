import Foundation
import FoyerCore
import FoyerModel

/// A parameter sweep: a base job and the values of a few of its fields, expanded into one job
/// line per combination (the first parameter varies slowest).
///
/// ```json
/// {"id_prefix": "attic",
///  "job": {"dwelling": {"base": "fr/sfh-1949-1974"}, "model": "5r1c", "compute": ["simulation", "energy"]},
///  "parameters": [
///    {"path": "dwelling.thermostat.heating_setpoint_c", "values": [18, 19, 20]},
///    {"path": "weather", "values": ["H1a", "H2b", "H3"]}]}
/// ```
///
/// Each job gets the id `attic-0000` … and `"tags"` holding its parameter values, copied into its
/// result so that the results can be grouped by them.
public enum BatchSweep {
    /// At most this many jobs from one sweep.
    public static let maximumJobs = 1_000_000

    struct Parameter {
        var path: [String]
        var label: String
        var values: [JSONValue]
    }

    /// Reads a sweep and writes its job lines through `emit`, in order.
    /// - Returns: the number of jobs.
    public static func expand(_ data: Data, file: String, emit: (Data) throws -> Void) throws(InputError) -> Int {
        let document = try JSONValue.parse(data, file: file)
        func fail(_ path: String, _ value: String?, _ message: String, expected: String? = nil) -> InputError {
            InputError(InputIssue(.error, file: file, path: path, value: value, message: message, expected: expected))
        }
        guard case let .object(members) = document else { throw fail("", document.brief, "a sweep is a JSON object", expected: "{\"job\": {…}, \"parameters\": […]}") }
        let keys = ["id_prefix", "job", "parameters"]
        for key in members.keys.sorted() where !keys.contains(key) {
            throw InputError(InputIssue(.error, file: file, path: key, message: "unknown field", expected: keys.joined(separator: ", "),
                                        suggestion: Suggestions.didYouMean(key, among: keys)))
        }
        var prefix = "sweep"
        if let value = members["id_prefix"] {
            guard case let .string(text) = value, !text.isEmpty, text.count <= 100 else { throw fail("id_prefix", value.brief, "a non-empty string of at most 100 characters") }
            prefix = text
        }
        guard case var .object(base)? = members["job"] else {
            throw fail("job", members["job"]?.brief, "missing or not an object: the job every combination starts from", expected: "a job line's object (Docs/Batch.md)")
        }
        // An archetype id stands for {"base": id}, as in a job line, so a path can go under it.
        if case let .string(archetype)? = base["dwelling"] { base["dwelling"] = .object(["base": .string(archetype)]) }
        if base["id"] != nil || base["tags"] != nil { throw fail("job.id", nil, "a sweep gives each job its id and tags", expected: "a job without \"id\" and \"tags\"") }
        guard case let .array(list)? = members["parameters"], !list.isEmpty, list.count <= 20 else {
            throw fail("parameters", members["parameters"]?.brief, "missing, empty or too many", expected: "1 to 20 parameters {\"path\": \"…\", \"values\": […]}")
        }
        var parameters: [Parameter] = []
        var count = 1
        for (index, item) in list.enumerated() {
            let place = "parameters[\(index)]"
            guard case let .object(parameter) = item, case let .string(path)? = parameter["path"], case let .array(values)? = parameter["values"] else {
                throw fail(place, item.brief, "a parameter is {\"path\": \"dwelling.thermostat.heating_setpoint_c\", \"values\": [18, 19, 20]}")
            }
            let parts = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard !parts.isEmpty, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" } }) else {
                throw fail(place + ".path", "\"\(path.prefix(80))\"", "a path of object keys joined by dots (no array indices)", expected: "e.g. dwelling.thermostat.heating_setpoint_c, weather")
            }
            guard !["id", "tags"].contains(parts[0]) else { throw fail(place + ".path", "\"\(path)\"", "the sweep sets the id and tags itself") }
            guard !values.isEmpty else { throw fail(place + ".values", "[]", "no values", expected: "at least one value") }
            if parameters.contains(where: { $0.path == parts }) { throw fail(place + ".path", "\"\(path)\"", "given twice") }
            count = count.multipliedReportingOverflow(by: values.count).partialValue
            guard count <= maximumJobs, count > 0 else {
                throw fail("parameters", nil, "more than \(maximumJobs) combinations", expected: "split the sweep, or fewer values")
            }
            parameters.append(Parameter(path: parts, label: path, values: values))
        }
        let width = String(count - 1).count
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var indices = [Int](repeating: 0, count: parameters.count)
        for number in 0..<count {
            var job = JSONValue.object(base)
            var tags: [String: JSONValue] = [:]
            for (parameter, index) in zip(parameters, indices) {
                let value = parameter.values[index]
                tags[parameter.label] = value
                guard let updated = set(job, parameter.path[...], value) else {
                    throw fail("parameters", "\"\(parameter.label)\"", "the job has a value that is not an object on this path", expected: "a path through objects only")
                }
                job = updated
            }
            if case var .object(fields) = job {
                let digits = String(number)
                fields["id"] = .string("\(prefix)-\(String(repeating: "0", count: width - digits.count))\(digits)")
                fields["tags"] = .object(tags)
                job = .object(fields)
            }
            do {
                var line = try encoder.encode(job)
                line.append(0x0A)
                try emit(line)
            } catch {
                throw fail("", nil, "cannot write the jobs: \(error.localizedDescription)")
            }
            // Next combination: the last parameter varies fastest.
            var position = parameters.count - 1
            while position >= 0 {
                indices[position] += 1
                if indices[position] < parameters[position].values.count { break }
                indices[position] = 0
                position -= 1
            }
        }
        return count
    }

    /// `value` with `path` set to `new`, creating objects on the way; nil through a non-object.
    static func set(_ value: JSONValue, _ path: ArraySlice<String>, _ new: JSONValue) -> JSONValue? {
        guard let key = path.first else { return new }
        var members: [String: JSONValue]
        switch value {
        case let .object(existing): members = existing
        case .null: members = [:]
        default: return nil
        }
        guard let child = set(members[key] ?? .null, path.dropFirst(), new) else { return nil }
        members[key] = child
        return .object(members)
    }
}
