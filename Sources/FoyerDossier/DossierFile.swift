import Foundation
import FoyerCore
import FoyerEnergy
import FoyerInvoices
import FoyerModel

/// Reading and writing dossier files (`Docs/Dossier.md`).
///
/// Every problem of a file is reported at once, each naming the file, the field path
/// (`visits[1].measurements[0].temperature_c`), the value as written and what is allowed; an
/// unknown key is an error (its value would be lost at the next write). The values of `identity`
/// are never repeated in a message.
public enum DossierFile {
    /// The most visits, actions, bill sets or measurements of one visit a dossier holds.
    public static let mostEntries = 1_000
    /// The longest free text (observations, notes), characters.
    public static let longestText = 5_000

    /// Reads the dossier at `path`.
    public static func load(_ path: String) -> (dossier: Dossier?, issues: [InputIssue]) {
        let data: Data
        do {
            data = try InputFile.read(path, kind: .dossier)
        } catch {
            return (nil, error.issues)
        }
        return read(data, file: path)
    }

    /// Reads a dossier from its JSON bytes.
    public static func read(_ data: Data, file: String?) -> (dossier: Dossier?, issues: [InputIssue]) {
        let document: JSONValue
        var issues: [InputIssue] = []
        do {
            let (value, duplicates) = try JSONValue.parseReportingDuplicates(data, file: file)
            // A key written twice is ambiguous: which temperature was measured?
            issues += duplicates.map {
                InputIssue(.error, file: file, path: $0.path, message: $0.message.replacingOccurrences(of: "; the last value is used", with: ""), expected: "each key once")
            }
            document = value
        } catch {
            return (nil, error.issues)
        }
        var reader = Reader(file: file)
        let dossier = reader.dossier(document)
        issues += reader.issues
        return (issues.hasErrors ? nil : dossier, issues.sorted(by: InputIssue.reportOrder))
    }

    /// The dossier as JSON: keys sorted, two-space indentation, a final newline — the same
    /// dossier is the same bytes.
    public static func data(_ dossier: Dossier) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        var data = (try? encoder.encode(json(dossier))) ?? Data()
        data.append(0x0A)
        return data
    }

    /// Writes `dossier` to `path` without ever leaving a half-written file: a temporary file
    /// beside it, synced, then renamed over it (rename is atomic on one file system).
    /// - Returns: why it could not be written, or nil.
    public static func save(_ dossier: Dossier, to path: String) -> String? {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil),
              let handle = FileHandle(forWritingAtPath: temporary.path) else {
            return "cannot create a file in \(url.deletingLastPathComponent().path)"
        }
        do {
            try handle.write(contentsOf: data(dossier))
            try handle.synchronize()
            try handle.close()
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            return error.localizedDescription
        }
        if rename(temporary.path, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            return reason
        }
        return nil
    }

    // MARK: JSON form

    static func json(_ dossier: Dossier) -> JSONValue {
        var root: [String: JSONValue] = [
            "format": .string(Dossier.format),
            "household_id": .string(dossier.householdID),
            "created_on": .string(dossier.createdOn.description),
            "revision": .number(Double(dossier.revision)),
            "bills": .array(dossier.bills.map { set in
                var object: [String: JSONValue] = ["added_on": .string(set.addedOn.description), "lines": .array(set.lines)]
                if let source = set.source { object["source"] = .string(source) }
                return .object(object)
            }),
            "visits": .array(dossier.visits.map(json)),
            "actions": .array(dossier.actions.map(json)),
        ]
        var household: [String: JSONValue] = [
            "persons_aged_14_and_over": .number(Double(dossier.household.personsAged14AndOver)),
            "children_under_14": .number(Double(dossier.household.childrenUnder14)),
        ]
        if let income = dossier.household.disposableIncomeEURPerYear { household["disposable_income_eur_per_year"] = .number(income) }
        if let housing = dossier.household.housingCostsEURPerYear { household["housing_costs_eur_per_year"] = .number(housing) }
        root["household"] = .object(household)
        switch dossier.dwelling {
        case let .archetype(id): root["dwelling"] = .object(["archetype": .string(id)])
        case let .file(path): root["dwelling"] = .object(["file": .string(path)])
        case let .embedded(value): root["dwelling"] = .object(["embedded": value])
        }
        if let identity = dossier.identity {
            var object: [String: JSONValue] = [:]
            if let name = identity.name { object["name"] = .string(name) }
            if let address = identity.address { object["address"] = .string(address) }
            if let phone = identity.phone { object["phone"] = .string(phone) }
            if let email = identity.email { object["email"] = .string(email) }
            root["identity"] = .object(object)
        }
        return .object(root)
    }

    static func json(_ visit: Dossier.Visit) -> JSONValue {
        var object: [String: JSONValue] = [
            "date": .string(visit.date.description),
            "role": .string(visit.role.rawValue),
            "measurements": .array(visit.measurements.map { measurement in
                var object: [String: JSONValue] = ["room": .string(measurement.room)]
                if let value = measurement.temperatureC { object["temperature_c"] = .number(value) }
                if let value = measurement.relativeHumidityPercent { object["relative_humidity_percent"] = .number(value) }
                return .object(object)
            }),
            "problems": .array(visit.problems.map { .string($0.rawValue) }),
            "recommendations": .array(visit.recommendations.map { recommendation in
                var object: [String: JSONValue] = [:]
                if let measure = recommendation.measure { object["measure"] = .string(measure) }
                if let text = recommendation.text { object["text"] = .string(text) }
                return .object(object)
            }),
        ]
        if let observations = visit.observations { object["observations"] = .string(observations) }
        if let cold = visit.reportedCold { object["reported_cold"] = .bool(cold) }
        return .object(object)
    }

    static func json(_ action: Dossier.Action) -> JSONValue {
        var object: [String: JSONValue] = ["date": .string(action.date.description), "kind": .string(action.kind.rawValue)]
        if let measure = action.measure { object["measure"] = .string(measure) }
        if let offer = action.offer { object["offer"] = .string(offer) }
        if let cost = action.costEUR { object["cost_eur"] = .number(cost) }
        if let aid = action.aidEUR { object["aid_eur"] = .number(aid) }
        if let note = action.note { object["note"] = .string(note) }
        return .object(object)
    }

    // MARK: Reading

    /// Reads the JSON tree field by field, collecting issues with their paths.
    struct Reader {
        let file: String?
        var issues: [InputIssue] = []

        mutating func error(_ path: String, _ value: JSONValue?, _ message: String, expected: String? = nil, suggestion: String? = nil, personal: Bool = false) {
            let shown = personal ? value.map { _ in "(personal data, not shown)" } : value.map(Self.shown)
            issues.append(InputIssue(.error, file: file, path: path, value: shown, message: message, expected: expected, suggestion: suggestion))
        }

        static func shown(_ value: JSONValue) -> String {
            switch value {
            case let .string(text): text.count > 80 ? "\"\(text.prefix(80))…\" (\(text.count) characters)" : "\"\(text)\""
            default: value.brief
            }
        }

        /// The members of an object, with unknown keys reported.
        mutating func object(_ value: JSONValue?, _ path: String, keys: [String], required: Bool = true) -> [String: JSONValue]? {
            guard let value, value != .null else {
                if required { error(path, nil, "missing", expected: "an object") }
                return nil
            }
            guard case let .object(members) = value else {
                error(path, value, "expected an object, found \(value.typeName)", expected: "{…} with keys " + keys.joined(separator: ", "))
                return nil
            }
            for key in members.keys.sorted() where !keys.contains(key) {
                error(path.isEmpty ? key : "\(path).\(key)", nil, "unknown key: its value would be lost", expected: keys.joined(separator: ", "),
                      suggestion: Suggestions.didYouMean(key, among: keys))
            }
            return members
        }

        mutating func array(_ value: JSONValue?, _ path: String) -> [JSONValue] {
            guard let value, value != .null else { return [] }
            guard case let .array(elements) = value else {
                error(path, value, "expected a list, found \(value.typeName)", expected: "[…]")
                return []
            }
            if elements.count > DossierFile.mostEntries {
                error(path, .string("\(elements.count) entries"), "more entries than a household's dossier holds", expected: "at most \(DossierFile.mostEntries)")
                return []
            }
            return elements
        }

        mutating func text(_ value: JSONValue?, _ path: String, required: Bool = false, longest: Int = DossierFile.longestText, personal: Bool = false) -> String? {
            guard let value, value != .null else {
                if required { error(path, nil, "missing", expected: "text") }
                return nil
            }
            guard case let .string(text) = value else {
                error(path, value, "expected text, found \(value.typeName)", expected: "a string", personal: personal)
                return nil
            }
            if text.count > longest {
                error(path, personal ? value : .string("\(text.count) characters"), "too long", expected: "at most \(longest) characters", personal: personal)
                return nil
            }
            return text
        }

        mutating func number(_ value: JSONValue?, _ path: String, in range: ClosedRange<Double>, unit: String, personal: Bool = false) -> Double? {
            guard let value, value != .null else { return nil }
            guard case let .number(number) = value, number.isFinite else {
                error(path, value, "expected a number", expected: "\(NumberText.short(range.lowerBound)) … \(NumberText.short(range.upperBound)) \(unit)", personal: personal)
                return nil
            }
            guard range.contains(number) else {
                error(path, value, "out of range", expected: "\(NumberText.short(range.lowerBound)) … \(NumberText.short(range.upperBound)) \(unit)", personal: personal)
                return nil
            }
            return number
        }

        mutating func count(_ value: JSONValue?, _ path: String, in range: ClosedRange<Int>, required: Bool) -> Int? {
            guard let value, value != .null else {
                if required { error(path, nil, "missing", expected: "a whole number \(range.lowerBound) … \(range.upperBound)") }
                return nil
            }
            guard case let .number(number) = value, number.isFinite, number == number.rounded(), let whole = Int(exactly: number), range.contains(whole) else {
                error(path, value, "expected a whole number in range", expected: "\(range.lowerBound) … \(range.upperBound)")
                return nil
            }
            return whole
        }

        mutating func date(_ value: JSONValue?, _ path: String, required: Bool = true) -> CivilDate? {
            guard let value, value != .null else {
                if required { error(path, nil, "missing", expected: "a date YYYY-MM-DD") }
                return nil
            }
            guard case let .string(text) = value, let date = CivilDate(iso: text), (1990...2100).contains(date.year) else {
                error(path, value, "not a date", expected: "YYYY-MM-DD, 1990 … 2100")
                return nil
            }
            return date
        }

        mutating func name<T: RawRepresentable & CaseIterable>(_ value: JSONValue?, _ path: String, _ type: T.Type, required: Bool = true) -> T? where T.RawValue == String {
            let names = T.allCases.map(\.rawValue)
            guard let value, value != .null else {
                if required { error(path, nil, "missing", expected: names.joined(separator: ", ")) }
                return nil
            }
            guard case let .string(text) = value, let found = T(rawValue: text) else {
                var suggestion: String?
                if case let .string(text) = value { suggestion = Suggestions.didYouMean(text, among: names) }
                error(path, value, "unknown name", expected: names.joined(separator: ", "), suggestion: suggestion)
                return nil
            }
            return found
        }

        static let rootKeys = ["format", "household_id", "created_on", "revision", "identity", "household", "dwelling", "bills", "visits", "actions"]

        mutating func dossier(_ document: JSONValue) -> Dossier? {
            guard let root = object(document, "", keys: Self.rootKeys) else { return nil }
            if root["format"] != .string(Dossier.format) {
                error("format", root["format"], root["format"] == nil ? "missing" : "not a dossier of this version", expected: "\"\(Dossier.format)\"")
            }
            let id = householdID(root["household_id"], "household_id")
            let created = date(root["created_on"], "created_on")
            let revision = count(root["revision"], "revision", in: 1...1_000_000_000, required: false) ?? 1
            var identity: Dossier.Identity?
            if let members = object(root["identity"], "identity", keys: ["name", "address", "phone", "email"], required: false) {
                identity = Dossier.Identity(name: text(members["name"], "identity.name", longest: 200, personal: true),
                                            address: text(members["address"], "identity.address", longest: 500, personal: true),
                                            phone: text(members["phone"], "identity.phone", longest: 40, personal: true),
                                            email: text(members["email"], "identity.email", longest: 200, personal: true))
            }
            let household = self.household(root["household"])
            let dwelling = self.dwelling(root["dwelling"])
            var bills: [Dossier.BillSet] = []
            for (index, element) in array(root["bills"], "bills").enumerated() {
                if let set = billSet(element, "bills[\(index)]") { bills.append(set) }
            }
            var visits: [Dossier.Visit] = []
            for (index, element) in array(root["visits"], "visits").enumerated() {
                if let visit = visit(element, "visits[\(index)]") { visits.append(visit) }
            }
            var actions: [Dossier.Action] = []
            for (index, element) in array(root["actions"], "actions").enumerated() {
                if let action = action(element, "actions[\(index)]") { actions.append(action) }
            }
            guard let id, let created, let household, let dwelling else { return nil }
            var dossier = Dossier(householdID: id, createdOn: created, household: household, dwelling: dwelling)
            dossier.revision = revision
            dossier.identity = identity
            dossier.bills = bills
            dossier.visits = visits
            dossier.actions = actions
            for (index, visit) in visits.enumerated() where visit.date < created {
                error("visits[\(index)].date", .string(visit.date.description), "before the dossier was created (\(created))", expected: "on or after created_on")
            }
            return dossier
        }

        mutating func householdID(_ value: JSONValue?, _ path: String) -> String? {
            guard let id = text(value, path, required: true, longest: 40) else { return nil }
            guard !id.isEmpty, id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }) else {
                error(path, .string(id), "not a pseudonymous id", expected: "1 … 40 letters, digits, '.', '_' or '-' (no name, no address: e.g. \"H-2026-042\")")
                return nil
            }
            return id
        }

        mutating func household(_ value: JSONValue?) -> Dossier.Household? {
            let keys = ["persons_aged_14_and_over", "children_under_14", "disposable_income_eur_per_year", "housing_costs_eur_per_year"]
            guard let members = object(value, "household", keys: keys) else { return nil }
            let adults = count(members["persons_aged_14_and_over"], "household.persons_aged_14_and_over", in: 1...30, required: true)
            let children = count(members["children_under_14"], "household.children_under_14", in: 0...30, required: false) ?? 0
            let income = number(members["disposable_income_eur_per_year"], "household.disposable_income_eur_per_year", in: 0...10_000_000, unit: "€/year", personal: true)
            let housing = number(members["housing_costs_eur_per_year"], "household.housing_costs_eur_per_year", in: 0...1_000_000, unit: "€/year", personal: true)
            guard let adults else { return nil }
            return Dossier.Household(personsAged14AndOver: adults, childrenUnder14: children, disposableIncomeEURPerYear: income, housingCostsEURPerYear: housing)
        }

        mutating func dwelling(_ value: JSONValue?) -> Dossier.DwellingSource? {
            guard let members = object(value, "dwelling", keys: ["archetype", "file", "embedded"]) else { return nil }
            let given = ["archetype", "file", "embedded"].filter { members[$0] != nil && members[$0] != .null }
            guard given.count == 1 else {
                error("dwelling", value, given.isEmpty ? "no dwelling" : "more than one dwelling (\(given.joined(separator: ", ")))",
                      expected: "one of {\"archetype\": id}, {\"file\": path}, {\"embedded\": {…}}")
                return nil
            }
            switch given[0] {
            case "archetype": return text(members["archetype"], "dwelling.archetype", required: true, longest: 200).map { .archetype($0) }
            case "file": return text(members["file"], "dwelling.file", required: true, longest: 4096).map { .file($0) }
            default:
                guard case .object = members["embedded"] else {
                    error("dwelling.embedded", members["embedded"], "expected a dwelling object", expected: "a dwelling file's content")
                    return nil
                }
                return members["embedded"].map { .embedded($0) }
            }
        }

        mutating func billSet(_ value: JSONValue, _ path: String) -> Dossier.BillSet? {
            guard let members = object(value, path, keys: ["added_on", "source", "lines"]) else { return nil }
            let added = date(members["added_on"], path + ".added_on")
            let source = text(members["source"], path + ".source", longest: 300)
            let lines = array(members["lines"], path + ".lines")
            // The lines are checked by the invoices reader, their paths put under this set's.
            let invoices = JSONValue.object(["schema": .string(InvoiceReader.schema), "lines": .array(lines)])
            if let data = try? JSONEncoder().encode(invoices) {
                let book = InvoiceReader.read(data: data, file: file ?? "dossier")
                for issue in book.issues where issue.severity == .error {
                    var moved = issue
                    moved.file = file
                    moved.path = path + "." + issue.path
                    issues.append(moved)
                }
            }
            guard let added else { return nil }
            return Dossier.BillSet(addedOn: added, source: source, lines: lines)
        }

        mutating func visit(_ value: JSONValue, _ path: String) -> Dossier.Visit? {
            let keys = ["date", "role", "observations", "measurements", "problems", "reported_cold", "recommendations"]
            guard let members = object(value, path, keys: keys) else { return nil }
            let date = self.date(members["date"], path + ".date")
            let role = name(members["role"], path + ".role", Dossier.Role.self, required: false) ?? .technician
            let observations = text(members["observations"], path + ".observations")
            var measurements: [Dossier.Measurement] = []
            for (index, element) in array(members["measurements"], path + ".measurements").enumerated() {
                let at = "\(path).measurements[\(index)]"
                guard let fields = object(element, at, keys: ["room", "temperature_c", "relative_humidity_percent"]) else { continue }
                let room = text(fields["room"], at + ".room", required: true, longest: 100)
                // Indoor air: a room at −10 °C or 45 °C is a typing slip, not a reading.
                let temperature = number(fields["temperature_c"], at + ".temperature_c", in: -10...45, unit: "°C")
                let humidity = number(fields["relative_humidity_percent"], at + ".relative_humidity_percent", in: 0...100, unit: "%")
                let given = [fields["temperature_c"], fields["relative_humidity_percent"]].contains { $0 != nil && $0 != .null }
                if !given {
                    error(at, element, "a measurement without a value", expected: "temperature_c and/or relative_humidity_percent")
                }
                if let room { measurements.append(Dossier.Measurement(room: room, temperatureC: temperature, relativeHumidityPercent: humidity)) }
            }
            var problems: [Dossier.Problem] = []
            for (index, element) in array(members["problems"], path + ".problems").enumerated() {
                if let problem = name(element, "\(path).problems[\(index)]", Dossier.Problem.self) { problems.append(problem) }
            }
            var cold: Bool?
            if let value = members["reported_cold"], value != .null {
                if case let .bool(flag) = value { cold = flag } else { error(path + ".reported_cold", value, "expected true or false") }
            }
            var recommendations: [Dossier.Recommendation] = []
            for (index, element) in array(members["recommendations"], path + ".recommendations").enumerated() {
                let at = "\(path).recommendations[\(index)]"
                guard let fields = object(element, at, keys: ["measure", "text"]) else { continue }
                let recommendation = Dossier.Recommendation(measure: text(fields["measure"], at + ".measure", longest: 100), text: text(fields["text"], at + ".text"))
                if recommendation.measure == nil, recommendation.text == nil {
                    error(at, element, "an empty recommendation", expected: "a measure id of the catalogue, or a text")
                } else {
                    recommendations.append(recommendation)
                }
            }
            guard let date else { return nil }
            return Dossier.Visit(date: date, role: role, observations: observations, measurements: measurements, problems: problems,
                                 reportedCold: cold, recommendations: recommendations)
        }

        mutating func action(_ value: JSONValue, _ path: String) -> Dossier.Action? {
            guard let members = object(value, path, keys: ["date", "kind", "measure", "offer", "cost_eur", "aid_eur", "note"]) else { return nil }
            let date = self.date(members["date"], path + ".date")
            let kind = name(members["kind"], path + ".kind", Dossier.ActionKind.self)
            let measure = text(members["measure"], path + ".measure", longest: 100)
            let offer = text(members["offer"], path + ".offer", longest: 100)
            let cost = number(members["cost_eur"], path + ".cost_eur", in: 0...1_000_000, unit: "€")
            let aid = number(members["aid_eur"], path + ".aid_eur", in: 0...1_000_000, unit: "€")
            let note = text(members["note"], path + ".note")
            if kind == .contract, offer == nil {
                error(path + ".offer", nil, "missing: a contract change names its new offer", expected: "an offer id (foyer tariffs list)")
            }
            if let cost, let aid, aid > cost {
                error(path + ".aid_eur", members["aid_eur"], "more aid than the cost (\(NumberText.short(cost)) €)", expected: "aid_eur ≤ cost_eur")
            }
            guard let date, let kind else { return nil }
            return Dossier.Action(date: date, kind: kind, measure: measure, offer: offer, costEUR: cost, aidEUR: aid, note: note)
        }
    }
}
