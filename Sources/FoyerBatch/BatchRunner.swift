import Foundation
import FoyerAnalysis
import FoyerClimate
import FoyerCore
import FoyerEnergy
import FoyerLabel
import FoyerModel
import FoyerTariffs
import FoyerThermal

/// The results of one job, the fields its `compute` asked for.
public struct BatchResults: Sendable, Encodable {
    public struct Simulation: Sendable, Encodable {
        public var floorAreaM2: Double
        public var heatingNeedKWh: Double
        public var heatingNeedKWhPerM2: Double
        public var coolingNeedKWh: Double
        public var peakHeatingW: Double
        public var unmetHeatingKWh: Double
        public var unmetHeatingHours: Int
        public var occupiedHoursBelow16C: Int
        public var occupiedHoursBelow19C: Int
        public var occupiedHoursAbove28C: Int

        enum CodingKeys: String, CodingKey {
            case floorAreaM2 = "floor_area_m2"
            case heatingNeedKWh = "heating_need_kwh"
            case heatingNeedKWhPerM2 = "heating_need_kwh_per_m2"
            case coolingNeedKWh = "cooling_need_kwh"
            case peakHeatingW = "peak_heating_w"
            case unmetHeatingKWh = "unmet_heating_kwh"
            case unmetHeatingHours = "unmet_heating_hours"
            case occupiedHoursBelow16C = "occupied_hours_below_16c"
            case occupiedHoursBelow19C = "occupied_hours_below_19c"
            case occupiedHoursAbove28C = "occupied_hours_above_28c"
        }
    }

    public struct EnergyUse: Sendable, Encodable {
        public var energy: Energy
        public var kWh: Double
        public var byUseKWh: [String: Double]
        public var primaryKWh: Double
        public var co2Kg: Double

        enum CodingKeys: String, CodingKey {
            case energy
            case kWh = "kwh"
            case byUseKWh = "by_use_kwh"
            case primaryKWh = "primary_kwh"
            case co2Kg = "co2_kg"
        }
    }

    public struct EnergySummary: Sendable, Encodable {
        public var delivered: [EnergyUse]
        public var primaryKWh: Double
        public var primaryKWhPerM2: Double
        public var co2Kg: Double
        /// The year's bills, EUR incl. VAT: each energy at the dwelling's contract, else at its
        /// cheapest offer; nil when an energy has no offer.
        public var billEUR: Double?

        enum CodingKeys: String, CodingKey {
            case delivered
            case primaryKWh = "primary_kwh"
            case primaryKWhPerM2 = "primary_kwh_per_m2"
            case co2Kg = "co2_kg"
            case billEUR = "bill_eur"
        }
    }

    public struct Label: Sendable, Encodable {
        public var dpeClass: String
        public var energyClass: String
        public var climateClass: String
        public var primaryKWhPerM2: Double
        public var emissionsKgPerM2: Double

        enum CodingKeys: String, CodingKey {
            case dpeClass = "class"
            case energyClass = "energy_class"
            case climateClass = "climate_class"
            case primaryKWhPerM2 = "primary_kwh_per_m2"
            case emissionsKgPerM2 = "emissions_kg_co2eq_per_m2"
        }
    }

    public var simulation: Simulation?
    public var energy: EnergySummary?
    public var label: Label?
}

/// One output line: the job's id and input line, `ok` with its results or `error` with the
/// errors (field paths, values, what is allowed).
public struct BatchRecord: Sendable, Encodable {
    public var id: String
    public var line: Int
    public var status: String
    public var results: BatchResults?
    public var errors: [InputIssue]?
    /// The dwelling's warnings (unusual values), when there are any.
    public var warnings: [InputIssue]?
    /// The job's tags, as given.
    public var tags: JSONValue?
}

/// Runs batch jobs. Weather years, their sun positions and irradiance (``PreparedWeather``) and
/// the tariffs are loaded once per process and shared by every job and every thread.
public final class BatchRunner: @unchecked Sendable {
    let library: TariffLibrary
    let source: String
    private let lock = NSLock()
    private var weathers: [String: Result<PreparedWeather, InputError>] = [:]
    /// One lock per weather source being prepared (held while preparing it).
    private var preparing: [String: NSLock] = [:]
    private var labelWeathers: [String: (prepared: PreparedWeather, shiftK: Double)] = [:]

    public init(library: TariffLibrary, source: String) {
        self.library = library
        self.source = source
    }

    /// The prepared year of a weather source (embedded id or EPW path), loaded once: a worker
    /// that asks for a year another is preparing waits for it instead of preparing it too.
    func prepared(_ key: String) throws(InputError) -> PreparedWeather {
        lock.lock()
        if let cached = weathers[key] {
            lock.unlock()
            return try cached.get()
        }
        let keyLock = preparing[key] ?? NSLock()
        preparing[key] = keyLock
        lock.unlock()
        keyLock.lock()
        defer { keyLock.unlock() }
        lock.lock()
        if let cached = weathers[key] {
            lock.unlock()
            return try cached.get()
        }
        lock.unlock()
        let loaded: Result<PreparedWeather, InputError>
        do {
            if let climate = ReferenceClimate.allCases.first(where: { $0.rawValue.lowercased() == key.lowercased() }) {
                loaded = .success(PreparedWeather.reference(climate))
            } else {
                loaded = .success(PreparedWeather(try Inputs.weather(source: key).year))
            }
        } catch {
            loaded = .failure(error)
        }
        lock.lock()
        if weathers[key] == nil { weathers[key] = loaded }
        let stored = weathers[key] ?? loaded
        lock.unlock()
        return try stored.get()
    }

    /// The year under the DPE's degree-hours for a zone and altitude class, prepared once.
    func labelWeather(_ weather: PreparedWeather, key: String, dwelling: ResolvedDwelling) -> (prepared: PreparedWeather, shiftK: Double)? {
        let cacheKey = key + "|" + AltitudeClass(altitudeM: dwelling.location.altitudeM).rawValue
        lock.lock()
        if let cached = labelWeathers[cacheKey] {
            lock.unlock()
            return cached
        }
        lock.unlock()
        guard let shifted = DPEConventions.weather(weather.weather, for: dwelling) else { return nil }
        let prepared = (PreparedWeather(shifted.year), shifted.shiftK)
        lock.lock()
        let stored = labelWeathers[cacheKey] ?? prepared
        labelWeathers[cacheKey] = stored
        lock.unlock()
        return stored
    }

    /// Issues as they go into a record: values and messages cut to 300 characters, so that a
    /// hostile line cannot make a huge record.
    static func bounded(_ issues: [InputIssue]) -> [InputIssue] {
        issues.prefix(100).map { issue in
            var issue = issue
            if let value = issue.value, value.count > 300 { issue.value = String(value.prefix(300)) + "… (\(value.count) characters)" }
            if issue.message.count > 600 { issue.message = String(issue.message.prefix(600)) + "…" }
            if let expected = issue.expected, expected.count > 600 { issue.expected = String(expected.prefix(600)) + "…" }
            return issue
        }
    }

    /// The output record of one input line: never throws; a bad line is an error record.
    public func run(line: Data, number: Int) -> BatchRecord {
        var record = unboundedRun(line: line, number: number)
        record.errors = record.errors.map(Self.bounded)
        record.warnings = record.warnings.map(Self.bounded)
        return record
    }

    func unboundedRun(line: Data, number: Int) -> BatchRecord {
        let job: BatchJob
        do {
            job = try BatchJob.parse(line, number: number, source: source)
        } catch {
            return BatchRecord(id: BatchJob.bestEffortID(line, number: number), line: number, status: "error", errors: error.issues)
        }
        do {
            let (results, warnings) = try run(job)
            return BatchRecord(id: job.id, line: number, status: "ok", results: results, warnings: warnings.isEmpty ? nil : warnings, tags: job.tags)
        } catch {
            return BatchRecord(id: job.id, line: number, status: "error", errors: error.issues, tags: job.tags)
        }
    }

    func run(_ job: BatchJob) throws(InputError) -> (BatchResults, [InputIssue]) {
        let place = "\(source):\(job.line)"
        let loaded: LoadedDwelling
        if let file = job.dwellingFile {
            loaded = Inputs.loadDwelling(file, use: job.use)
        } else {
            loaded = DwellingLoader.load(document: job.dwelling, file: place, library: Inputs.archetypeLibrary, climateZones: Inputs.climateZones, use: job.use)
        }
        guard var dwelling = loaded.dwelling, !loaded.issues.hasErrors else {
            throw InputError(loaded.issues.errors.isEmpty ? [InputIssue(.error, file: place, path: "dwelling", message: "the dwelling did not resolve")] : loaded.issues.errors)
        }
        let key: String
        if let weather = job.weather {
            key = weather
            if let climate = ReferenceClimate.allCases.first(where: { $0.rawValue.lowercased() == weather.lowercased() }) {
                dwelling.location.weather = .referenceClimate(climate.rawValue)
            } else {
                dwelling.location.weather = .epwFile(weather)
            }
        } else {
            switch dwelling.location.weather {
            case let .referenceClimate(id): key = id
            case let .epwFile(path): key = path
            case .unspecified:
                throw InputError(InputIssue(.error, file: place, path: "weather", message: "no weather: give \"weather\" in the job or location.climate_zone in the dwelling",
                                            expected: ReferenceClimate.allCases.map(\.rawValue).joined(separator: ", ") + ", or an EPW path"))
            }
        }
        let weather: PreparedWeather
        do {
            weather = try prepared(key)
        } catch {
            // An issue about the source itself (an unknown climate, a missing file) is the job's:
            // it names the line and the field that gave the source. Issues inside an EPW file
            // keep that file and their place in it.
            let field = job.weather != nil ? "weather" : "location"
            throw InputError(error.issues.map { issue in
                guard issue.file == nil else { return issue }
                var attributed = issue.inFile(place)
                if attributed.path.isEmpty { attributed.path = field }
                return attributed
            })
        }
        let options = SimulationOptions(firstWeekday: CivilDate(EnergyAnalysis.billingYear(dwelling, library: library, pricesOn: nil), 1, 1).isoWeekday)
        var results = BatchResults()
        if job.outputs.contains(.simulation) || job.outputs.contains(.energy) {
            let result: HourlyResult
            do {
                result = try weather.simulate(dwelling, model: job.model, options: options)
            } catch {
                throw InputError(InputIssue(.error, file: place, path: "", message: "\(error)"))
            }
            if job.outputs.contains(.simulation) {
                let report = SimulationReport.Annual(result)
                results.simulation = BatchResults.Simulation(
                    floorAreaM2: dwelling.floorAreaM2, heatingNeedKWh: report.heatingNeedKWh, heatingNeedKWhPerM2: report.heatingNeedKWhPerM2,
                    coolingNeedKWh: report.coolingNeedKWh, peakHeatingW: report.peakHeatingW, unmetHeatingKWh: report.unmetHeatingKWh,
                    unmetHeatingHours: report.unmetHeatingHours, occupiedHoursBelow16C: report.operative.hoursBelow16C,
                    occupiedHoursBelow19C: report.operative.hoursBelow19C, occupiedHoursAbove28C: report.operative.hoursAbove28C)
            }
            if job.outputs.contains(.energy) {
                let report = try EnergyAnalysis.analyse(dwelling, result: result, weather: weather.weather, library: library, options: EnergyOptions(costByUse: false))
                // Each energy at its contract, else at its cheapest offer (as `foyer savings` prices
                // a dwelling without contracts); no total when an energy has no offer at all.
                var bill: Double? = 0
                for delivered in report.delivered {
                    let comparisons = report.comparisons.filter { $0.energy == delivered.energy }
                    let billed = report.bills.filter { $0.energy == delivered.energy }
                    if comparisons.isEmpty, billed.isEmpty { bill = nil; break }
                    for comparison in comparisons {
                        guard let option = comparison.options.first(where: \.isCurrent) ?? comparison.options.first else { bill = nil; break }
                        bill = bill.map { $0 + option.totalEUR }
                    }
                    if comparisons.isEmpty { bill = bill.map { $0 + billed.reduce(0) { $0 + $1.totalEUR } } }
                }
                results.energy = BatchResults.EnergySummary(
                    delivered: report.delivered.map { BatchResults.EnergyUse(energy: $0.energy, kWh: $0.kWh, byUseKWh: $0.byUseKWh, primaryKWh: $0.primaryEnergyKWh, co2Kg: $0.co2Kg) },
                    primaryKWh: report.primaryEnergyKWh, primaryKWhPerM2: report.primaryEnergyKWhPerM2, co2Kg: report.co2Kg,
                    billEUR: bill)
            }
        }
        if job.outputs.contains(.label) {
            guard let conventional = labelWeather(weather, key: key, dwelling: dwelling) else {
                throw InputError(InputIssue(.error, file: place, path: "compute", value: "\"label\"",
                                            message: "the DPE label needs a French climate zone (H1a … H3); this job's weather is \(key)"))
            }
            let label = try DPEEstimate.compute(dwelling, conventionalWeather: conventional.prepared, shiftK: conventional.shiftK, model: job.model,
                                                library: library, diagnosedOn: job.diagnosedOn, file: place).label
            results.label = BatchResults.Label(dpeClass: label.overallClass.rawValue, energyClass: label.energyClass.rawValue,
                                               climateClass: label.climateClass.rawValue, primaryKWhPerM2: label.primaryKWhPerM2,
                                               emissionsKgPerM2: label.emissionsKgPerM2)
        }
        return (results, loaded.issues.warnings)
    }

    /// One record as one line of JSON (keys sorted, so the same record is the same bytes).
    public static func encode(_ record: BatchRecord) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        if var data = try? encoder.encode(record) {
            data.append(0x0A)
            return data
        }
        // Non-finite numbers cannot be JSON: said as an error record, never a broken line.
        let fallback = BatchRecord(id: record.id, line: record.line, status: "error",
                                   errors: [InputIssue(.error, path: "", message: "the results held a non-finite number; please report this job")])
        var data = (try? encoder.encode(fallback)) ?? Data("{\"status\":\"error\"}".utf8)
        data.append(0x0A)
        return data
    }
}
