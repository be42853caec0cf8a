import Foundation
import Testing
@testable import FoyerModel
import Foyer
import FoyerTariffFiles

// The hostile-input corpus (issue 10): every numeric and string field of every shipped input
// file, and every column of the line-oriented readers, is given values a hostile or careless
// user could type. What must hold:
// - nothing traps (a trap ends this test process: the suite itself is the proof);
// - a value that cannot be right (±1e308, ±1e15, a wrong JSON type, a token that is not JSON)
//   is refused or warned about, by an issue that names the file, the field path and the value;
// - a value that may be right (0, −0, −1, a denormal) is either refused the same way, or
//   accepted and then gives finite results all the way to the printed report.

/// A value substituted for a field, as raw JSON text.
struct HostileValue: Sendable, CustomStringConvertible {
    enum Expectation: Sendable {
        /// Not JSON at all (NaN, Infinity, 1e400): the parser refuses the file, naming line and column.
        case notJSON
        /// Never a valid value of any field: an issue must name the field and the value.
        case refused
        /// A JSON value of the wrong type: an error must name the field.
        case wrongType
        /// May be valid for some fields: refused with the field named, or accepted with finite results.
        case mayBeAccepted
    }
    var json: String
    var expectation: Expectation
    /// How the value appears in a message when it is refused.
    var shownAs: String?
    var description: String { json }

    /// Substitutes for numeric fields.
    static let forNumbers: [HostileValue] = [
        HostileValue(json: "NaN", expectation: .notJSON),
        HostileValue(json: "Infinity", expectation: .notJSON),
        HostileValue(json: "-Infinity", expectation: .notJSON),
        HostileValue(json: "1e400", expectation: .notJSON),
        HostileValue(json: "1e308", expectation: .refused, shownAs: "1e+308"),
        HostileValue(json: "-1e308", expectation: .refused, shownAs: "-1e+308"),
        HostileValue(json: "1e15", expectation: .refused, shownAs: "1e+15"),
        HostileValue(json: "-1e15", expectation: .refused, shownAs: "-1e+15"),
        HostileValue(json: "5e-324", expectation: .mayBeAccepted, shownAs: "5e-324"),
        HostileValue(json: "0", expectation: .mayBeAccepted, shownAs: "0"),
        HostileValue(json: "-0.0", expectation: .mayBeAccepted, shownAs: "0"),
        HostileValue(json: "-1", expectation: .mayBeAccepted, shownAs: "-1"),
        HostileValue(json: "\"12\"", expectation: .wrongType),
        HostileValue(json: "[1]", expectation: .wrongType),
        HostileValue(json: "{}", expectation: .wrongType),
        HostileValue(json: "true", expectation: .wrongType),
    ]

    /// Substitutes for string fields (ids, names, enumerations, dates).
    static let forStrings: [HostileValue] = [
        HostileValue(json: "1e308", expectation: .wrongType),
        HostileValue(json: "[]", expectation: .wrongType),
        HostileValue(json: "\"\"", expectation: .mayBeAccepted),
        HostileValue(json: "\"\\u0000\"", expectation: .mayBeAccepted),
    ]
}

/// A leaf of a JSON document and its path, written as Foyer writes field paths.
struct JSONLeaf: Sendable {
    var path: [PathPart]
    var value: JSONValue
    var rendered: String { JSONLeaf.render(path) }

    enum PathPart: Sendable, Equatable { case key(String), index(Int) }

    static func render(_ path: [PathPart]) -> String {
        var text = ""
        for part in path {
            switch part {
            case let .key(key): text += (text.isEmpty ? "" : ".") + key
            case let .index(index): text += "[\(index)]"
            }
        }
        return text
    }

    /// Every number and string leaf of `document`, in a stable order.
    static func leaves(of document: JSONValue, under path: [PathPart] = []) -> [JSONLeaf] {
        switch document {
        case .number, .string: return [JSONLeaf(path: path, value: document)]
        case let .array(elements): return elements.enumerated().flatMap { leaves(of: $1, under: path + [.index($0)]) }
        case let .object(members): return members.keys.sorted().flatMap { leaves(of: members[$0] ?? .null, under: path + [.key($0)]) }
        default: return []
        }
    }
}

extension JSONValue {
    func objectMember(_ key: String) -> JSONValue? {
        if case let .object(members) = self { return members[key] }
        return nil
    }

    /// The document with the value at `path` replaced by `replacement`.
    func replacing(_ path: ArraySlice<JSONLeaf.PathPart>, with replacement: JSONValue) -> JSONValue {
        guard let first = path.first else { return replacement }
        switch (self, first) {
        case let (.object(members), .key(key)):
            var copy = members
            copy[key] = (members[key] ?? .null).replacing(path.dropFirst(), with: replacement)
            return .object(copy)
        case let (.array(elements), .index(index)) where elements.indices.contains(index):
            var copy = elements
            copy[index] = elements[index].replacing(path.dropFirst(), with: replacement)
            return .array(copy)
        default:
            return self
        }
    }

    /// The document as JSON text with the leaf at `path` written as the raw text `raw` (which
    /// may be something JSON cannot hold, such as `NaN`).
    func text(replacing path: [JSONLeaf.PathPart], withRaw raw: String) throws -> Data {
        let marker = "@@HOSTILE@@"
        let document = replacing(path[...], with: .string(marker))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let text = String(decoding: try encoder.encode(document), as: UTF8.self)
        return Data(text.replacingOccurrences(of: "\"\(marker)\"", with: raw).utf8)
    }
}

/// Checks on the issues a hostile value produced.
enum IssueCheck {
    /// Whether `issue` is about the field at `path` (or the element that holds it, for values
    /// reported as a whole such as a schedule period `[start, end]`).
    static func isAbout(_ issue: InputIssue, path: String) -> Bool {
        if issue.path == path { return true }
        // `…weekdays[0]` for `…weekdays[0][1]`; `…fractions.floor` is exact.
        if path.hasPrefix(issue.path + "["), !path.dropFirst(issue.path.count + 1).contains(".") { return true }
        return false
    }

    /// The checks every reader's mutation test makes on the issues of one hostile value: each
    /// names the file and shows no non-finite number; a non-JSON token is refused with its line
    /// and column; a value that cannot be right, or of the wrong type, has an issue at its path.
    /// Returns whether the value may have been accepted (the caller then checks the result).
    static func expectations(_ issues: [InputIssue], file: String, path: String, value: HostileValue) -> Bool {
        let context = "\(file): \(path) = \(value.json)"
        for issue in issues {
            #expect(issue.file == file, "\(context): an issue does not name the file: \(issue)")
            #expect(!showsNonFinite(issue.description), "\(context): a message shows a non-finite number: \(issue)")
        }
        switch value.expectation {
        case .notJSON:
            #expect(issues.errors.contains { $0.message.contains("line") && $0.message.contains("column") }, "\(context): \(issues)")
        case .refused:
            let found = about(issues, path: path)
            #expect(!found.isEmpty, "\(context): no issue names the field: \(issues.map(\.description))")
            if let shownAs = value.shownAs, !found.isEmpty {
                #expect(found.contains { ($0.value ?? "").contains(shownAs) || $0.message.contains(shownAs) },
                        "\(context): the message does not show \(shownAs): \(found.map(\.description))")
            }
        case .wrongType:
            #expect(!about(issues.errors, path: path).isEmpty, "\(context): \(issues.map(\.description))")
        case .mayBeAccepted:
            return true
        }
        return false
    }

    /// The issues about `path`.
    static func about(_ issues: [InputIssue], path: String) -> [InputIssue] { issues.filter { isAbout($0, path: path) } }

    /// Whether any text printed for `issues` shows a non-finite number.
    static func showsNonFinite(_ text: String) -> Bool {
        let lowered = text.lowercased()
        return lowered.contains(" nan") || lowered.contains(" inf ") || lowered.contains("-inf") || lowered.hasSuffix(" inf") || lowered.contains("=inf")
    }
}

/// What every test of this target needs once: the embedded climate year, shared.
enum Fixtures {
    static let weather: WeatherYear = ReferenceClimate.h1a.weatherYear
    static let solar = SurfaceIrradiance(weather: weather)
    static let library = Inputs.archetypeLibrary
    static let climateZones = Inputs.climateZones
    static let tariffs = TariffLibrary.load()

    /// The shipped archetype and validation files, by id.
    static var archetypeIDs: [String] { library?.ids() ?? [] }

    /// The shipped tariff files, as (name, URL).
    static var tariffFiles: [(name: String, url: URL)] {
        guard let root = TariffFiles.directory,
              let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        var files: [(String, URL)] = []
        while let url = enumerator.nextObject() as? URL {
            if url.pathExtension == "json" { files.append((String(url.path.dropFirst(root.path.count + 1)), url)) }
        }
        return files.sorted { $0.0 < $1.0 }
    }
}
