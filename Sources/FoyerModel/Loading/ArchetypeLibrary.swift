import Foundation
import FoyerArchetypeFiles
import FoyerCore

/// The archetype files of `Buildings/`: dwellings a technician starts from ("1950s terraced
/// house") and overrides. An archetype's id is its path below `Buildings/` without `.json`
/// (`fr/sfh-1949-1974`).
public struct ArchetypeLibrary: Sendable {
    /// The folder holding the archetype files.
    public let directory: URL
    /// `directory.path`, for the document cache's keys.
    private let directoryPath: String

    public init(directory: URL) {
        self.directory = directory
        directoryPath = directory.path
    }

    /// The archetypes shipped with Foyer (a copy of `Buildings/` bundled as a resource).
    public static var bundled: ArchetypeLibrary? {
        ArchetypeFiles.directory.map(ArchetypeLibrary.init(directory:))
    }

    /// Every archetype id, sorted.
    public func ids() -> [String] {
        let manager = FileManager.default
        guard let enumerator = manager.enumerator(at: directory, includingPropertiesForKeys: nil) else { return [] }
        let root = directory.standardizedFileURL.path
        var ids: [String] = []
        for case let url as URL in enumerator where url.pathExtension == "json" {
            let path = url.standardizedFileURL.path
            guard path.hasPrefix(root) else { continue }
            var relative = String(path.dropFirst(root.count))
            if relative.hasPrefix("/") { relative.removeFirst() }
            // `measures/` holds the catalogue of measures, not dwellings.
            guard !relative.hasPrefix(Self.measuresFolder + "/") else { continue }
            ids.append(String(relative.dropLast(".json".count)))
        }
        return ids.sorted()
    }

    /// The folder of the measure catalogue beside the archetypes (not dwellings).
    public static let measuresFolder = "measures"

    /// The file of archetype `id`, if it exists.
    public func url(for id: String) -> URL? {
        guard Self.acceptsID(id) else { return nil }
        let url = directory.appendingPathComponent(id + ".json")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// The parsed file of archetype `id` (nil when there is no such archetype). Parsed once per
    /// process and file, then shared: a batch resolves thousands of jobs over the same few
    /// archetypes, and parsing the file again was a fifth of a 5R1C job's time.
    /// The cache is keyed by the bytes of the library's directory and the id, looked up before
    /// the file system (a path built and a `stat` per job were a tenth of reading a sweep's
    /// dwelling): a file read once is not read again by the process, even if it changes or goes.
    public func document(for id: String) throws(InputError) -> JSONValue? {
        guard Self.acceptsID(id) else { return nil }
        // Bytes, not `String`: two canonically equivalent spellings are two file names.
        let key = Array((directoryPath + "\u{0}" + id).utf8)
        if let cached = ArchetypeDocumentCache.shared.get(key) { return cached }
        guard let url = url(for: id) else { return nil }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw InputError(InputIssue(.error, path: "", value: "\"\(id)\"", message: "the archetype file cannot be read"))
        }
        let document = try JSONValue.parse(data, file: id)
        ArchetypeDocumentCache.shared.set(key, document)
        return document
    }

    /// Whether `id` may name an archetype file: inside the library, not a measure.
    static func acceptsID(_ id: String) -> Bool {
        // No ".." anywhere, looked for in the bytes (Foundation's substring search costs more
        // than the rest of a cached look-up).
        var previousWasDot = false
        for byte in id.utf8 {
            let dot = byte == UInt8(ascii: ".")
            if dot && previousWasDot { return false }
            previousWasDot = dot
        }
        return !id.hasPrefix("/") && !id.hasPrefix(measuresFolder + "/")
    }

    /// One line per archetype: id, name and description as written in the file.
    public func summaries() -> [(id: String, name: String, description: String)] {
        ids().map { id in
            guard let url = url(for: id), let data = try? Data(contentsOf: url),
                  case let .object(members)? = try? JSONValue.parse(data, file: id)
            else { return (id, "", "(unreadable)") }
            var name = "", description = ""
            if case let .string(text)? = members["name"] { name = text }
            if case let .string(text)? = members["description"] { description = text }
            return (id, name, description)
        }
    }
}

/// Parsed archetype files by path, shared by every thread of a process.
final class ArchetypeDocumentCache: @unchecked Sendable {
    static let shared = ArchetypeDocumentCache()
    private let lock = NSLock()
    private var documents: [[UInt8]: JSONValue] = [:]

    func get(_ path: [UInt8]) -> JSONValue? {
        lock.lock()
        defer { lock.unlock() }
        return documents[path]
    }

    func set(_ path: [UInt8], _ document: JSONValue) {
        lock.lock()
        defer { lock.unlock() }
        // Bounded: a library has tens of archetypes; a runaway caller cannot grow it for ever.
        if documents.count >= 1_000 { documents.removeAll() }
        documents[path] = document
    }
}
