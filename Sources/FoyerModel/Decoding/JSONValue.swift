import Foundation
import FoyerCore

/// A JSON document as a tree, the form in which dwelling files are merged with their archetype
/// before being decoded.
public enum JSONValue: Sendable, Equatable, Codable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case let .bool(value): try container.encode(value)
        case let .number(value): try container.encode(value)
        case let .string(value): try container.encode(value)
        case let .array(value): try container.encode(value)
        case let .object(value): try container.encode(value)
        }
    }

    /// Parses a JSON document.
    /// - Throws: ``InputError`` with one issue saying where (line, column) the text stops being
    ///   JSON and what was expected there.
    public static func parse(_ data: Data, file: String?) throws(InputError) -> JSONValue {
        try parseReportingDuplicates(data, file: file).value
    }

    /// Parses a JSON document and also returns warnings for keys written twice in one object.
    public static func parseReportingDuplicates(_ data: Data, file: String?) throws(InputError) -> (value: JSONValue, warnings: [InputIssue]) {
        if data.isEmpty || data.allSatisfy({ [0x20, 0x09, 0x0A, 0x0D].contains($0) }) {
            throw InputError(InputIssue(.error, file: file, path: "", message: "the file is empty", expected: "a JSON object"))
        }
        do {
            let (value, duplicates) = try JSONParser.parse(Array(data))
            let warnings = duplicates.map { duplicate in
                InputIssue(.warning, file: file, path: duplicate.path.isEmpty ? duplicate.key : duplicate.path + "." + duplicate.key,
                           message: "key written twice in one object (line \(duplicate.line)); the last value is used")
            }
            return (value, warnings)
        } catch {
            throw InputError(InputIssue(.error, file: file, path: "", message: "not valid JSON: \(error.description)"))
        }
    }

    /// A short rendering of the value for messages (strings quoted, containers summarised).
    public var brief: String {
        switch self {
        case .null: "null"
        case let .bool(value): String(value)
        case let .number(value): Self.format(value)
        case let .string(value): "\"\(value)\""
        case let .array(values): "an array of \(values.count)"
        case .object: "an object"
        }
    }

    /// The JSON type name for messages.
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }

    /// Numbers as a person writes them: integers without a decimal point.
    static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < NumberText.largestFixedMagnitude { return NumberText.short(value, maxDecimals: 0) }
        return NumberText.short(value, maxDecimals: 6)
    }
}
