import Foundation
import FoyerCore
import FoyerEnergy
import FoyerModel
import FoyerTariffFiles

/// Every tariff Foyer knows: the files shipped in `Tariffs/` and any folder the user adds.
///
/// Versions of one offer must not overlap in time; an offer's identity (energy, meter, country)
/// must be the same in all its versions. Problems are collected as ``InputIssue``s naming the file.
public struct TariffLibrary: Sendable {
    /// Every valid tariff version, sorted by offer then start date.
    public private(set) var tariffs: [Tariff]
    /// Problems found while reading (files with errors are left out).
    public private(set) var issues: [InputIssue]

    /// Each offer's versions, oldest first (the lookups of a run of many variants).
    private var byOffer: [String: [Tariff]] = [:]
    /// The offer ids, sorted.
    public private(set) var offers: [String] = []
    /// Answers computed from the library and kept for its lifetime (it does not change after
    /// `init`); shared by the copies of this value and by every thread.
    private let memo = LibraryMemo()

    public init(tariffs: [Tariff], issues: [InputIssue] = []) {
        self.tariffs = tariffs.sorted { ($0.offer, $0.validFrom) < ($1.offer, $1.validFrom) }
        self.issues = issues
        checkVersions()
        byOffer = Dictionary(grouping: self.tariffs, by: \.offer)
        offers = byOffer.keys.sorted()
    }

    /// The shipped tariffs plus those under `extraDirectories` (searched recursively for
    /// `*.json`).
    /// - Parameter countries: only the files of these countries (ISO codes, upper case), for a
    ///   run that prices one dwelling: the Walloon offers are composed from their components
    ///   (hundreds of versions), which a French dwelling does not need. Files that name no
    ///   country are read (and their problems reported) whatever the filter.
    public static func load(extraDirectories: [String] = [], countries: Set<String>? = nil) -> TariffLibrary {
        var tariffs: [Tariff] = [], issues: [InputIssue] = []
        var roots: [(URL, String?)] = []
        if let shipped = TariffFiles.directory { roots.append((shipped, "Tariffs")) }
        for directory in extraDirectories { roots.append((URL(fileURLWithPath: directory), nil)) }
        for (root, label) in roots {
            if label == nil, root.path.isEmpty || extraDirectories.contains("") {
                issues.append(InputIssue(.error, path: "--tariffs-dir", value: "\"\"", message: "empty folder name", expected: "a folder of tariff JSON files"))
                break
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
                issues.append(InputIssue(.error, file: root.path, path: "", message: "no such folder", expected: "a folder of tariff JSON files"))
                continue
            }
            // Hidden folders (.build, .git) are not tariff folders; the count is bounded so that a
            // mistaken root (the home folder) is refused instead of read for minutes.
            var files: [URL] = []
            let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles, .skipsPackageDescendants])
            while let url = enumerator?.nextObject() as? URL {
                guard url.pathExtension == "json" else { continue }
                files.append(url)
                if files.count > maximumFilesPerFolder { break }
            }
            if files.count > maximumFilesPerFolder {
                issues.append(InputIssue(.error, file: root.path, path: "", message: "more than \(maximumFilesPerFolder) JSON files under this folder",
                                         expected: "a folder of tariff files (the shipped library has about 30)"))
                continue
            }
            files.sort { $0.path < $1.path }
            for url in files {
                let relative = String(url.path.dropFirst(root.path.count)).trimmingCharacters(in: CharacterSet(charactersIn: "/"))
                let name = label.map { "\($0)/\(relative)" } ?? url.path
                let (read, fileIssues) = readAll(url: url, name: name, countries: countries)
                issues += fileIssues
                tariffs += read
            }
        }
        return TariffLibrary(tariffs: tariffs, issues: issues)
    }

    /// Reads one tariff file.
    public static func read(url: URL, name: String) -> (Tariff?, [InputIssue]) {
        do {
            return read(data: try InputFile.read(url.path, kind: .tariff, displayName: name), name: name)
        } catch {
            return (nil, error.issues)
        }
    }

    /// Reads one file of either format: a tariff (`foyer-tariff-1`) gives one version, a
    /// components file (`foyer-tariff-components-1`) the versions composed from it.
    public static func readAll(url: URL, name: String, countries: Set<String>? = nil) -> ([Tariff], [InputIssue]) {
        do {
            return readAll(data: try InputFile.read(url.path, kind: .tariff, displayName: name), name: name, countries: countries)
        } catch {
            return ([], error.issues)
        }
    }

    /// Reads one file of either format from JSON bytes (see ``readAll(url:name:)``).
    public static func readAll(data: Data, name: String, countries: Set<String>? = nil) -> ([Tariff], [InputIssue]) {
        let document: JSONValue
        do {
            let (value, duplicates) = try JSONValue.parseReportingDuplicates(data, file: name)
            if !duplicates.isEmpty { return ([], duplicateIssues(duplicates)) }
            document = value
        } catch {
            return ([], error.issues)
        }
        if let countries, case let .object(members) = document, case let .string(country)? = members["country"], !countries.contains(country.uppercased()) {
            return ([], [])
        }
        guard case let .object(members) = document, case .string(TariffComposer.format)? = members["format"] else {
            let (tariff, issues) = read(document: document, name: name)
            return (tariff.map { [$0] } ?? [], issues)
        }
        let (spec, decodeIssues) = SpecDecoder.decode(TariffComponentsSpec.self, from: document)
        guard let spec, !decodeIssues.hasErrors else { return ([], decodeIssues.map { $0.inFile(name) }) }
        let (tariffs, issues) = TariffComposer.compose(spec, file: name)
        let all = (decodeIssues.map { $0.inFile(name) } + issues).sorted(by: InputIssue.reportOrder)
        return (all.hasErrors ? [] : tariffs, all)
    }

    static func duplicateIssues(_ duplicates: [InputIssue]) -> [InputIssue] {
        duplicates.map {
            InputIssue(.error, file: $0.file, path: $0.path, message: $0.message.replacingOccurrences(of: "; the last value is used", with: ""),
                       expected: "each key once")
        }
    }

    /// The most JSON files read under one tariff folder.
    public static let maximumFilesPerFolder = 2_000

    /// Reads one tariff from JSON bytes.
    public static func read(data: Data, name: String) -> (Tariff?, [InputIssue]) {
        let document: JSONValue
        do {
            let (value, duplicates) = try JSONValue.parseReportingDuplicates(data, file: name)
            // A price file is reference data: a key written twice is an ambiguity, not a typo to
            // pass over (the dwelling reader only warns).
            if !duplicates.isEmpty { return (nil, duplicateIssues(duplicates)) }
            document = value
        } catch {
            return (nil, error.issues)
        }
        return read(document: document, name: name)
    }

    static func read(document: JSONValue, name: String) -> (Tariff?, [InputIssue]) {
        let (spec, decodeIssues) = SpecDecoder.decode(TariffSpec.self, from: document)
        guard let spec else { return (nil, decodeIssues.map { $0.inFile(name) }) }
        let (tariff, issues) = Tariff.resolve(spec, file: name)
        let all = (decodeIssues.map { $0.inFile(name) } + issues).sorted(by: InputIssue.reportOrder)
        return (all.hasErrors ? nil : tariff, all)
    }

    private mutating func checkVersions() {
        var kept: [Tariff] = []
        for tariff in tariffs {
            if let previous = kept.last, previous.offer == tariff.offer {
                if previous.energy != tariff.energy || previous.meter != tariff.meter || previous.country != tariff.country {
                    issues.append(InputIssue(.error, file: tariff.file, path: "offer", value: "\"\(tariff.offer)\"",
                                             message: "a version of this offer is a \(tariff.energy.rawValue)/\(tariff.meter.rawValue) tariff in \(tariff.country), another (\(previous.file ?? previous.id)) a \(previous.energy.rawValue)/\(previous.meter.rawValue) one in \(previous.country)",
                                             expected: "the same energy, meter and country in every version of an offer"))
                    continue
                }
                if previous.validTo.map({ $0 >= tariff.validFrom }) ?? true {
                    issues.append(InputIssue(.error, file: tariff.file, path: "valid_from", value: tariff.validFrom.description,
                                             message: "overlaps \(previous.file ?? previous.id) (\(previous.validityText))",
                                             expected: "versions of one offer in consecutive periods: end the earlier one with valid_to"))
                    continue
                }
            }
            kept.append(tariff)
        }
        tariffs = kept
    }

    /// Every version of `offer`, oldest first.
    public func versions(of offer: String) -> [Tariff] { byOffer[offer] ?? [] }

    /// The version of `offer` in force on `date`.
    public func tariff(_ offer: String, on date: CivilDate) -> Tariff? {
        versions(of: offer).first { $0.isValid(on: date) }
    }

    /// The newest version of `offer`.
    public func latest(_ offer: String) -> Tariff? { versions(of: offer).last }

    /// The issue for an unknown offer id, listing the known ones and the nearest.
    public func unknownOffer(_ offer: String, path: String) -> InputIssue {
        InputIssue(.error, path: path, value: "\"\(offer)\"", message: "unknown tariff offer",
                   expected: offers.joined(separator: ", "), suggestion: Suggestions.didYouMean(offer, among: offers))
    }
}

extension TariffLibrary {
    /// The date `compute` gives for `key`, computed once per library (a batch asks the same
    /// question of every job: which day's prices for these offers).
    public func memoizedDate(_ key: String, _ compute: () -> CivilDate?) -> CivilDate? {
        if let known = memo.date(key) { return known }
        let value = compute()
        memo.setDate(key, value)
        return value
    }

    /// The offer ids `compute` gives for `key`, computed once per library (a batch asks every
    /// job which offers could bill its energy; the answer depends only on what the key names).
    public func memoizedOffers(_ key: String, _ compute: () -> [String]) -> [String] {
        if let known = memo.offers(key) { return known }
        let value = compute()
        memo.setOffers(key, value)
        return value
    }
}

/// The memo of a ``TariffLibrary``.
final class LibraryMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var dates: [String: CivilDate?] = [:]
    private var offerLists: [String: [String]] = [:]

    func offers(_ key: String) -> [String]? {
        lock.lock()
        defer { lock.unlock() }
        return offerLists[key]
    }

    func setOffers(_ key: String, _ value: [String]) {
        lock.lock()
        defer { lock.unlock() }
        if offerLists.count >= 10_000 { offerLists.removeAll() }
        offerLists[key] = value
    }

    func date(_ key: String) -> CivilDate?? {
        lock.lock()
        defer { lock.unlock() }
        return dates[key]
    }

    func setDate(_ key: String, _ value: CivilDate?) {
        lock.lock()
        defer { lock.unlock() }
        if dates.count >= 10_000 { dates.removeAll() }
        dates[key] = value
    }
}
