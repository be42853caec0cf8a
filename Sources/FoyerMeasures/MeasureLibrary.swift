import Foundation
import FoyerArchetypeFiles
import FoyerCore
import FoyerModel

/// Every measure Foyer knows: the files shipped in `Buildings/measures/` and any folder the user
/// adds. Problems are collected as ``InputIssue``s naming the file; a file with errors is left out.
public struct MeasureLibrary: Sendable {
    /// The measures, sorted by id.
    public private(set) var measures: [Measure]
    public private(set) var issues: [InputIssue]

    public init(measures: [Measure], issues: [InputIssue] = []) {
        var seen: [String: String] = [:]
        var kept: [Measure] = []
        var found = issues
        for measure in measures.sorted(by: { $0.id < $1.id }) {
            if let other = seen[measure.id] {
                found.append(InputIssue(.error, file: measure.file, path: "id", value: "\"\(measure.id)\"", message: "the id of another measure (\(other))",
                                        expected: "each measure id once"))
                continue
            }
            seen[measure.id] = measure.file ?? measure.id
            kept.append(measure)
        }
        self.measures = kept
        self.issues = found
    }

    /// The most measure files read under one folder.
    public static let maximumFiles = 2_000

    /// The shipped measures plus those under `extraDirectories` (`*.json`, recursively).
    public static func load(extraDirectories: [String] = []) -> MeasureLibrary {
        var measures: [Measure] = [], issues: [InputIssue] = []
        var roots: [(URL, String?)] = []
        if let shipped = ArchetypeFiles.directory?.appendingPathComponent("measures") { roots.append((shipped, "Buildings/measures")) }
        for directory in extraDirectories { roots.append((URL(fileURLWithPath: directory), nil)) }
        for (root, label) in roots {
            var isDirectory: ObjCBool = false
            guard !root.path.isEmpty, FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
                issues.append(InputIssue(.error, file: root.path, path: "", message: "no such folder", expected: "a folder of measure JSON files"))
                continue
            }
            var files: [URL] = []
            let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles, .skipsPackageDescendants])
            while let url = enumerator?.nextObject() as? URL, files.count <= maximumFiles {
                if url.pathExtension == "json" { files.append(url) }
            }
            if files.count > maximumFiles {
                issues.append(InputIssue(.error, file: root.path, path: "", message: "more than \(maximumFiles) JSON files under this folder", expected: "a folder of measure files"))
                continue
            }
            for url in files.sorted(by: { $0.path < $1.path }) {
                let relative = String(url.path.dropFirst(root.path.count)).trimmingCharacters(in: CharacterSet(charactersIn: "/"))
                let name = label.map { "\($0)/\(relative)" } ?? url.path
                do {
                    let (measure, found) = read(data: try InputFile.read(url.path, kind: .measure, displayName: name), name: name)
                    issues += found
                    if let measure { measures.append(measure) }
                } catch {
                    issues += error.issues
                }
            }
        }
        return MeasureLibrary(measures: measures, issues: issues)
    }

    /// Reads one measure from JSON bytes.
    public static func read(data: Data, name: String) -> (Measure?, [InputIssue]) {
        let document: JSONValue
        do {
            let (value, duplicates) = try JSONValue.parseReportingDuplicates(data, file: name)
            if !duplicates.isEmpty {
                return (nil, duplicates.map { InputIssue(.error, file: $0.file, path: $0.path, message: $0.message.replacingOccurrences(of: "; the last value is used", with: ""), expected: "each key once") })
            }
            document = value
        } catch {
            return (nil, error.issues)
        }
        let (spec, decodeIssues) = SpecDecoder.decode(MeasureSpec.self, from: document)
        guard let spec else { return (nil, decodeIssues.map { $0.inFile(name) }) }
        let (measure, issues) = Measure.resolve(spec, file: name)
        let all = (decodeIssues.map { $0.inFile(name) } + issues).sorted(by: InputIssue.reportOrder)
        return (all.contains { $0.severity == .error } ? nil : measure, all)
    }

    /// The measure with this id.
    public func measure(_ id: String) -> Measure? { measures.first { $0.id == id } }

    /// The issue for an unknown id, with the known ones and the nearest.
    public func unknown(_ id: String, path: String) -> InputIssue {
        let ids = measures.map(\.id)
        return InputIssue(.error, path: path, value: "\"\(id)\"", message: "unknown measure", expected: ids.joined(separator: ", "),
                          suggestion: Suggestions.didYouMean(id, among: ids))
    }
}
