import FoyerCore
import FoyerEnergy
import FoyerModel

/// A household's dossier: one JSON file that follows a household across visits (issue 17).
///
/// It holds the dwelling (an archetype, a file, or embedded), who lives there, the income when
/// the household gives it, the bills, the visits (observations, temperatures and humidity
/// measured, problems seen, recommendations given) and the actions done afterwards (a gesture
/// adopted, a work done with its cost, a contract changed). The household is named by a
/// pseudonymous id; names and addresses, when a programme keeps them, sit in `identity` alone,
/// never in messages, and `anonymise` removes them. Format: `Docs/Dossier.md`.
public struct Dossier: Sendable, Equatable {
    /// The format name and version written in every dossier.
    public static let format = "foyer.dossier/1"

    /// Pseudonymous id: letters, digits, `.`, `_`, `-`; at most 40 characters.
    public var householdID: String
    public var createdOn: CivilDate
    /// Incremented by every change written by Foyer (a later writer can tell it read an old copy).
    public var revision: Int
    public var identity: Identity?
    public var household: Household
    public var dwelling: DwellingSource
    public var bills: [BillSet]
    public var visits: [Visit]
    public var actions: [Action]

    public init(householdID: String, createdOn: CivilDate, household: Household, dwelling: DwellingSource) {
        self.householdID = householdID
        self.createdOn = createdOn
        self.revision = 1
        self.household = household
        self.dwelling = dwelling
        self.bills = []
        self.visits = []
        self.actions = []
    }

    /// Personal data a programme may keep to contact the household: never logged, never in an
    /// error message, in a report only where its kind needs it; removed by `anonymise`.
    public struct Identity: Sendable, Equatable {
        public var name: String?
        public var address: String?
        public var phone: String?
        public var email: String?
        public init(name: String? = nil, address: String? = nil, phone: String? = nil, email: String? = nil) {
            self.name = name
            self.address = address
            self.phone = phone
            self.email = email
        }
    }

    /// Who lives there, and the money the fuel-poverty indicators need.
    public struct Household: Sendable, Equatable {
        /// Persons aged 14 or more (the first one is the reference person of the consumption units).
        public var personsAged14AndOver: Int
        /// Children under 14.
        public var childrenUnder14: Int
        /// The household's disposable income, € a year (revenu disponible: after taxes, with
        /// benefits). Personal: optional.
        public var disposableIncomeEURPerYear: Double?
        /// Rent or loan repayments and service charges, energy excluded, € a year.
        public var housingCostsEURPerYear: Double?

        public init(personsAged14AndOver: Int, childrenUnder14: Int = 0, disposableIncomeEURPerYear: Double? = nil, housingCostsEURPerYear: Double? = nil) {
            self.personsAged14AndOver = personsAged14AndOver
            self.childrenUnder14 = childrenUnder14
            self.disposableIncomeEURPerYear = disposableIncomeEURPerYear
            self.housingCostsEURPerYear = housingCostsEURPerYear
        }

        /// Consumption units on the modified OECD scale INSEE uses: 1 for the first person, 0.5
        /// for each other person aged 14 or more, 0.3 for each child under 14.
        public var consumptionUnits: Double {
            1 + 0.5 * Double(max(0, personsAged14AndOver - 1)) + 0.3 * Double(childrenUnder14)
        }
    }

    /// Where the dwelling comes from.
    public enum DwellingSource: Sendable, Equatable {
        /// A bundled archetype, as `foyer describe` lists them.
        case archetype(String)
        /// A dwelling file, relative to the dossier's folder unless absolute.
        case file(String)
        /// A whole dwelling file's content (or `base` and overrides), embedded.
        case embedded(JSONValue)
    }

    /// Invoice lines added together (one `add-bills`), in the invoices format's keys
    /// (`Docs/InvoicesFormat.md`), checked by the invoices reader.
    public struct BillSet: Sendable, Equatable {
        public var addedOn: CivilDate
        /// The file they were read from, as given (a name, not a path to follow).
        public var source: String?
        public var lines: [JSONValue]
    }

    /// Problems a visit can record, named so that a programme can count them.
    public enum Problem: String, Sendable, CaseIterable, Equatable {
        case mould, condensation, damp, draughts
        case coldRooms = "cold_rooms"
        case heatingFault = "heating_fault"
        case noHeating = "no_heating"
        case overheating
        case unsafeAppliance = "unsafe_appliance"
        case unpaidBills = "unpaid_bills"
        case disconnectionRisk = "disconnection_risk"
        case restrictingHeating = "restricting_heating"
        case other
    }

    /// A temperature (and humidity) read in a room during a visit.
    public struct Measurement: Sendable, Equatable {
        public var room: String
        public var temperatureC: Double?
        public var relativeHumidityPercent: Double?
        public init(room: String, temperatureC: Double? = nil, relativeHumidityPercent: Double? = nil) {
            self.room = room
            self.temperatureC = temperatureC
            self.relativeHumidityPercent = relativeHumidityPercent
        }
    }

    /// Who made a visit: a role, never a name.
    public enum Role: String, Sendable, CaseIterable, Equatable {
        case technician
        case socialWorker = "social_worker"
        case other
    }

    /// A recommendation given at a visit: a measure of the catalogue (`Buildings/measures/`) or
    /// advice in words.
    public struct Recommendation: Sendable, Equatable {
        public var measure: String?
        public var text: String?
        public init(measure: String? = nil, text: String? = nil) {
            self.measure = measure
            self.text = text
        }
    }

    public struct Visit: Sendable, Equatable {
        public var date: CivilDate
        public var role: Role
        public var observations: String?
        public var measurements: [Measurement]
        public var problems: [Problem]
        /// Whether the household says it suffered from the cold at home last winter, when asked
        /// (ONPE's "froid ressenti", asked as yes or no).
        public var reportedCold: Bool?
        public var recommendations: [Recommendation]
        public init(date: CivilDate, role: Role, observations: String? = nil, measurements: [Measurement] = [], problems: [Problem] = [],
                    reportedCold: Bool? = nil, recommendations: [Recommendation] = []) {
            self.date = date
            self.role = role
            self.observations = observations
            self.measurements = measurements
            self.problems = problems
            self.reportedCold = reportedCold
            self.recommendations = recommendations
        }
    }

    /// What kind of thing was done.
    public enum ActionKind: String, Sendable, CaseIterable, Equatable {
        case gesture, work, contract, equipment, other
    }

    /// Something done after a visit: a gesture adopted, a work done, a contract changed.
    public struct Action: Sendable, Equatable {
        public var date: CivilDate
        public var kind: ActionKind
        /// The measure of the catalogue, when it is one.
        public var measure: String?
        /// The new contract's offer (`foyer tariffs list`), for a contract change.
        public var offer: String?
        public var costEUR: Double?
        public var aidEUR: Double?
        public var note: String?
        public init(date: CivilDate, kind: ActionKind, measure: String? = nil, offer: String? = nil, costEUR: Double? = nil, aidEUR: Double? = nil, note: String? = nil) {
            self.date = date
            self.kind = kind
            self.measure = measure
            self.offer = offer
            self.costEUR = costEUR
            self.aidEUR = aidEUR
            self.note = note
        }
    }
}
