import Foundation
import FoyerCore

/// A dwelling file read, merged over its archetype and resolved.
public struct LoadedDwelling: Sendable {
    /// The file as the user named it (`nil` for in-memory input).
    public var file: String?
    /// The document after merging over its `base` chain.
    public var merged: JSONValue?
    /// The decoded spec (`nil` if the document is not a JSON object).
    public var spec: DwellingSpec?
    /// The resolved dwelling (`nil` if there are errors).
    public var dwelling: ResolvedDwelling?
    /// Every issue, each attributed to `file`.
    public var issues: [InputIssue]
    /// Defaults the resolver applied.
    public var defaults: [DefaultedValue]

    public init(file: String?, merged: JSONValue? = nil, spec: DwellingSpec? = nil, dwelling: ResolvedDwelling? = nil,
                issues: [InputIssue], defaults: [DefaultedValue]) {
        self.file = file
        self.merged = merged
        self.spec = spec
        self.dwelling = dwelling
        self.issues = issues
        self.defaults = defaults
    }
}

/// Reads dwelling files: JSON → merge over the archetype → decode → resolve.
public enum DwellingLoader {
    /// Loads the dwelling file at `path`.
    /// - Parameters:
    ///   - library: where `base` ids are looked up.
    ///   - climateZones: the embedded climates (for `climate_zone` and its defaults).
    ///   - use: which use scenario to resolve (see ``UseChoice``).
    public static func load(path: String, library: ArchetypeLibrary?, climateZones: [ClimateZoneInfo], use: UseChoice = .automatic) -> LoadedDwelling {
        let url = URL(fileURLWithPath: path)
        let data: Data
        do {
            data = try InputFile.read(path, kind: .dwelling)
        } catch {
            return LoadedDwelling(file: path, issues: error.issues, defaults: [])
        }
        var loaded = load(data: data, file: path, library: library, climateZones: climateZones, use: use)
        // A weather file is relative to the dwelling file that names it.
        if case let .epwFile(weather)? = loaded.dwelling?.location.weather {
            let resolved = weather.hasPrefix("/") ? weather : url.deletingLastPathComponent().appendingPathComponent(weather).path
            loaded.dwelling?.location.weather = .epwFile(resolved)
            // A weather file that is not there is an error now, in validate and describe too,
            // not at the first simulation.
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory)
            if !exists || isDirectory.boolValue {
                loaded.issues.append(InputIssue(
                    .error, file: path, path: "location.weather_file", value: "\"\(weather)\"",
                    message: exists ? "is a directory, not a weather file" : "no such file" + (weather.hasPrefix("/") ? "" : " (relative to the dwelling file: \(resolved))"),
                    expected: "the path of an EPW file, absolute or relative to the dwelling file"))
                loaded.issues.sort(by: InputIssue.reportOrder)
                loaded.dwelling = nil
            }
        }
        return loaded
    }

    /// Loads a dwelling from JSON bytes; `file` names it in messages.
    public static func load(data: Data, file: String?, library: ArchetypeLibrary?, climateZones: [ClimateZoneInfo],
                            use: UseChoice = .automatic) -> LoadedDwelling {
        let document: JSONValue
        let issues: [InputIssue]
        do {
            (document, issues) = try JSONValue.parseReportingDuplicates(data, file: file)
        } catch {
            return LoadedDwelling(file: file, issues: error.issues, defaults: [])
        }
        return load(document: document, parseIssues: issues, file: file, library: library, climateZones: climateZones, use: use)
    }

    /// Loads a dwelling from a JSON document already parsed (a batch line's `dwelling`: parsed
    /// once with its line, not encoded and parsed again); `parseIssues` are those of its parsing.
    public static func load(document: JSONValue, parseIssues: [InputIssue] = [], file: String?, library: ArchetypeLibrary?, climateZones: [ClimateZoneInfo],
                            use: UseChoice = .automatic) -> LoadedDwelling {
        var issues = parseIssues
        guard case .object = document else {
            return failed(file, InputIssue(.error, file: file, path: "", value: document.brief,
                                           message: "a dwelling file is a JSON object", expected: "{ \"schema\": \"foyer.dwelling/1\", … }"))
        }
        var scaled: [DefaultedValue] = []
        let merged = resolveBase(document, library: library, chain: [], issues: &issues, scaled: &scaled)
        if issues.hasErrors {
            // Without its archetype the file is incomplete: the missing fields would only repeat
            // the one error that matters.
            return LoadedDwelling(file: file, merged: merged, issues: issues.map { $0.inFile(file) }, defaults: [])
        }
        // The household scenario: `household_use`'s objects merged over the top-level ones.
        var householdUse: [String: JSONValue]?
        if case let .object(members) = merged, case let .object(use)? = members["household_use"] { householdUse = use }
        let scenario: UseScenario = switch use {
        case .conventional: .conventional
        case .household: .household
        case .automatic: householdUse == nil ? .conventional : .household
        }
        if use == .household, householdUse == nil {
            return LoadedDwelling(file: file, merged: merged, issues: [InputIssue(
                .error, file: file, path: "household_use",
                message: "missing: the household scenario was asked for (--use household) but the file does not describe the household's use",
                expected: "a \"household_use\" object (heating season, set-points, heated share, hot water…; see Docs/DwellingSchema.md), or foyer calibrate to fit one to the bills")],
                defaults: [])
        }
        var scenarioDocument = merged
        if scenario == .household, let householdUse {
            let overrides = householdUse.filter { Self.householdMergedKeys.contains($0.key) }
            scenarioDocument = SpecMerge.merge(base: merged, override: .object(overrides))
        }
        let (spec, decodeIssues) = CollectingDecoder.decode(DwellingSpec.self, from: scenarioDocument)
        issues += Self.attributedToHouseholdUse(decodeIssues, householdUse: scenario == .household ? householdUse : nil)
        guard let spec else {
            return LoadedDwelling(file: file, merged: merged, issues: issues.map { $0.inFile(file) }, defaults: [])
        }
        var envelopeDocument: JSONValue?
        if case let .object(members) = scenarioDocument { envelopeDocument = members["envelope"] }
        var outcome = DwellingResolver.resolve(spec, climateZones: climateZones, decodeIssues: decodeIssues, scenario: scenario,
                                               envelopeDocument: envelopeDocument)
        if scenario == .household {
            outcome.issues = Self.attributedToHouseholdUse(outcome.issues, householdUse: householdUse)
            outcome.defaults = outcome.defaults.map { value in
                var renamed = value
                renamed.path = Self.householdPath(value.path, householdUse: householdUse)
                return renamed
            }
        }
        // Decode errors come first; the resolver does not repeat them (it sees those fields as absent).
        let resolverIssues = outcome.issues.filter { issue in
            !(issue.message.hasPrefix("missing") && issues.contains { $0.path == issue.path || $0.path.hasPrefix(issue.path + ".") })
        }
        var all = (issues + resolverIssues).sorted(by: InputIssue.reportOrder)
        if case let .object(members) = document, members["base"] != nil {
            // Positions in the merged lists are not those of the user's file: name elements by id.
            all = all.map { issue in
                var renamed = issue
                renamed.path = pathNamingElements(issue.path, in: merged)
                return renamed
            }
        }
        return LoadedDwelling(
            file: file, merged: merged, spec: spec, dwelling: all.hasErrors ? nil : outcome.dwelling,
            issues: all.map { $0.inFile(file) }, defaults: scaled + outcome.defaults)
    }

    /// The objects of `household_use` merged over the top-level fields of the same name.
    static let householdMergedKeys: Set<String> = ["thermostat", "occupancy", "hot_water", "other_uses"]

    /// Issues about values that came from `household_use` name it (`household_use.thermostat.…`);
    /// an issue reported twice (on the merged field and on `household_use` itself) is kept once.
    static func attributedToHouseholdUse(_ issues: [InputIssue], householdUse: [String: JSONValue]?) -> [InputIssue] {
        guard let householdUse else { return issues }
        var seen = Set<String>()
        return issues.compactMap { issue in
            var renamed = issue
            renamed.path = householdPath(issue.path, householdUse: householdUse)
            let key = "\(renamed.severity)|\(renamed.path)|\(renamed.message)"
            return seen.insert(key).inserted ? renamed : nil
        }
    }

    /// `thermostat.heating_setpoint_c` → `household_use.thermostat.heating_setpoint_c` when
    /// `household_use` gives that value (or an object containing it).
    static func householdPath(_ path: String, householdUse: [String: JSONValue]?) -> String {
        guard let householdUse, let first = path.split(separator: ".", maxSplits: 1).first.map(String.init),
              householdMergedKeys.contains(first.split(separator: "[").first.map(String.init) ?? first) else { return path }
        return valueExists(at: path, in: .object(householdUse)) ? "household_use." + path : path
    }

    /// Whether the document has a value at `path` (keys and `[index]` steps), or at the longest
    /// prefix of it that is a leaf (a wrong-typed value stands for the fields below it).
    static func valueExists(at path: String, in document: JSONValue) -> Bool {
        var node = document
        for step in path.split(separator: ".") {
            var key = Substring(step)
            var indices: [Int] = []
            if let bracket = step.firstIndex(of: "[") {
                key = step[..<bracket]
                indices = step[bracket...].split(separator: "[").compactMap { Int($0.dropLast()) }
            }
            guard case let .object(members) = node, let next = members[String(key)] else { return false }
            node = next
            for index in indices {
                guard case let .array(elements) = node, elements.indices.contains(index) else { return false }
                node = elements[index]
            }
            switch node {
            case .object, .array: continue
            default: return true
            }
        }
        return true
    }

    /// `envelope.walls[2].u_value_w_per_m2k` → `envelope.walls[wall-south].u_value_w_per_m2k` when
    /// the element at that position of the merged document has an id.
    static func pathNamingElements(_ path: String, in document: JSONValue) -> String {
        var node: JSONValue? = document
        var result = ""
        var token = ""
        func flushKey() {
            guard !token.isEmpty else { return }
            if case let .object(members)? = node { node = members[token] } else { node = nil }
            result += (result.isEmpty ? "" : ".") + token
            token = ""
        }
        var index = path.startIndex
        while index < path.endIndex {
            let character = path[index]
            if character == "." {
                flushKey()
            } else if character == "[" {
                flushKey()
                guard let close = path[index...].firstIndex(of: "]") else { return path }
                let position = Int(path[path.index(after: index)..<close])
                var label = String(path[path.index(after: index)..<close])
                if let position, case let .array(elements)? = node, elements.indices.contains(position) {
                    node = elements[position]
                    if case let .object(members) = elements[position], case let .string(id)? = members["id"] { label = id }
                } else {
                    node = nil
                }
                result += "[\(label)]"
                index = close
            } else {
                token.append(character)
            }
            index = path.index(after: index)
        }
        flushKey()
        return result
    }

    private static func failed(_ file: String?, _ issue: InputIssue) -> LoadedDwelling {
        LoadedDwelling(file: file, issues: [issue.inFile(file)], defaults: [])
    }

    /// Follows the `base` chain, merging each level over the one below.
    private static func resolveBase(_ document: JSONValue, library: ArchetypeLibrary?, chain: [String], issues: inout [InputIssue],
                                    scaled: inout [DefaultedValue]) -> JSONValue {
        guard case let .object(members) = document, let baseValue = members["base"] else { return document }
        let path = chain.isEmpty ? "base" : "base (in archetype \(chain.last ?? ""))"
        guard case let .string(id) = baseValue else {
            issues.append(InputIssue(.error, path: path, value: baseValue.brief, message: "expected an archetype id", expected: "a string such as \"fr/sfh-1949-1974\""))
            return document
        }
        guard let library else {
            issues.append(InputIssue(.error, path: path, value: "\"\(id)\"", message: "no archetype library is available"))
            return document
        }
        if chain.contains(id) {
            issues.append(InputIssue(.error, path: path, value: "\"\(id)\"", message: "archetypes form a cycle: \((chain + [id]).joined(separator: " → "))"))
            return document
        }
        let baseDocument: JSONValue
        do {
            guard let found = try library.document(for: id) else {
                let known = library.ids()
                issues.append(InputIssue(.error, path: path, value: "\"\(id)\"", message: "unknown archetype",
                                         expected: known.joined(separator: ", "), suggestion: Suggestions.didYouMean(id, among: known)))
                return document
            }
            baseDocument = found
        } catch {
            issues.append(contentsOf: error.issues.map { var issue = $0; issue.path = path; issue.message = "archetype \(id): " + issue.message; issue.file = nil; return issue })
            return document
        }
        var base = resolveBase(baseDocument, library: library, chain: chain + [id], issues: &issues, scaled: &scaled)
        if case var .object(baseMembers) = base {
            // The archetype's own descriptive fields stay unless overridden; its base link is spent.
            baseMembers.removeValue(forKey: "base")
            base = .object(baseMembers)
        }
        var overrides = members
        overrides.removeValue(forKey: "base")
        if let note = ArchetypeScaling.scale(&base, toFloorAreaOf: .object(overrides), archetype: id) { scaled.append(note) }
        var merged = SpecMerge.merge(base: base, override: .object(overrides))
        if case var .object(mergedMembers) = merged {
            mergedMembers["base"] = .string(id)  // kept so the spec still says where it came from
            merged = .object(mergedMembers)
        }
        return merged
    }
}
