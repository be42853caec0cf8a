import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The kinds of files Foyer reads, each with the largest size it accepts.
///
/// A size limit is checked *before* a file is read whole, so that a mistaken or hostile input
/// (a 200 MB file, `/dev/zero`, a directory) is refused with a message instead of exhausting
/// memory. Each limit is far above any real input of its kind; `Docs/InputLimits.md` gives the
/// reasoning and the memory measured at the limit.
public enum InputFileKind: String, Sendable, CaseIterable {
    /// A dwelling JSON file (the largest shipped archetype is 17 kB).
    case dwelling
    /// A tariff JSON file (the largest shipped, a Tempo grid with its calendar, is 21 kB).
    case tariff
    /// A load-curve CSV (ten years of 10-minute readings is about 12 MB).
    case loadCurve
    /// An EnergyPlus weather file (an hourly year is 1.6 MB; sub-hourly files are refused).
    case weather
    /// A household's invoices, CSV or JSON (ten years of monthly bills is under 100 kB).
    case invoices
    /// A station's daily temperatures, CSV (forty years of days is about 600 kB).
    case dailyTemperatures
    /// A measure of the catalogue, JSON (the largest shipped is under 10 kB).
    case measure
    /// An official French DPE in ADEME's XML exchange format (the largest of the 153 real ones
    /// in `../shared/reference/dpe/`, a whole building, is 282 kB).
    case dpeXML
    /// A household's dossier, JSON (`Docs/Dossier.md`): years of visits and bills are under 1 MB.
    case dossier

    /// The largest file accepted, bytes.
    public var maximumBytes: Int {
        switch self {
        case .dwelling: 4 << 20
        case .tariff: 4 << 20
        case .loadCurve: 16 << 20
        case .weather: 16 << 20
        case .invoices: 1 << 20
        case .dailyTemperatures: 2 << 20
        case .measure: 1 << 20
        case .dpeXML: 8 << 20
        case .dossier: 8 << 20
        }
    }

    /// What a file of this kind is, for messages.
    public var noun: String {
        switch self {
        case .dwelling: "a dwelling file"
        case .tariff: "a tariff file"
        case .loadCurve: "a load-curve CSV"
        case .weather: "an EPW weather file"
        case .invoices: "an invoices file"
        case .dailyTemperatures: "a daily-temperature CSV"
        case .measure: "a measure file"
        case .dpeXML: "a DPE XML file"
        case .dossier: "a household dossier"
        }
    }

    /// Why the limit is where it is, for messages.
    var limitReason: String {
        switch self {
        case .dwelling: "a real dwelling, even with 200 detailed elements, is under 1 MB"
        case .tariff: "a tariff file with a full year's calendar is under 100 kB"
        case .loadCurve: "ten years of 10-minute readings are about 12 MB"
        case .weather: "an hourly EPW year is about 1.6 MB"
        case .invoices: "ten years of monthly bills for three meters are under 100 kB"
        case .dailyTemperatures: "forty years of daily temperatures are about 600 kB"
        case .measure: "a measure with all its aids and sources is under 20 kB"
        case .dpeXML: "a DPE of a whole building with every flat is under 1 MB"
        case .dossier: "ten years of visits, bills and an embedded dwelling are under 1 MB"
        }
    }
}

/// Reading input files with a size limit and errors that name the file.
public enum InputFile {
    /// Reads the file at `path`, refusing directories, unreadable files and files larger than
    /// the kind's limit (checked while reading, so a device or a growing file cannot exhaust
    /// memory either).
    /// - Parameter displayName: the name used in messages (default: `path`).
    /// - Throws: ``InputError`` with one issue naming the file.
    public static func read(_ path: String, kind: InputFileKind, displayName: String? = nil) throws(InputError) -> Data {
        let name = displayName ?? path
        func failure(_ message: String, _ expected: String? = nil) -> InputError {
            InputError(InputIssue(.error, file: name, path: "", message: message, expected: expected ?? kind.noun))
        }
        if path.isEmpty { throw InputError(InputIssue(.error, path: "", value: "\"\"", message: "empty file name", expected: "the path of \(kind.noun)")) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw failure("no such file", "the path of \(kind.noun)")
        }
        if isDirectory.boolValue { throw failure("is a directory, not a file", "the path of \(kind.noun)") }
        // Opened without blocking: a named pipe with no writer would otherwise wait forever in
        // open(2). Blocking is then restored, so a pipe with a writer (`<(…)`) is read whole,
        // and one whose writer is gone reads as empty.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure("cannot be read (\(String(cString: strerror(errno))))") }
        let flags = fcntl(descriptor, F_GETFL)
        if flags >= 0 { _ = fcntl(descriptor, F_SETFL, flags & ~O_NONBLOCK) }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: kind.maximumBytes + 1) ?? Data()
        } catch {
            throw failure("cannot be read (\(error.localizedDescription))")
        }
        if data.count > kind.maximumBytes {
            throw failure("larger than \(megabytes(kind.maximumBytes)), the limit for \(kind.noun)",
                          "at most \(megabytes(kind.maximumBytes)): \(kind.limitReason)")
        }
        return data
    }

    static func megabytes(_ bytes: Int) -> String { "\(bytes >> 20) MB" }
}

/// Writing output files without hanging on a named pipe nobody reads.
public enum OutputFile {
    /// Writes `data` to `path`, creating or truncating it. A named pipe without a reader is an
    /// error at once (instead of waiting in open(2) forever); a pipe with a reader is written.
    /// - Returns: a message saying why the file could not be written, or `nil` on success.
    public static func write(_ data: Data, to path: String) -> String? {
        if path.isEmpty { return "empty file name" }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NONBLOCK | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            let code = errno
            return code == ENXIO ? "a named pipe that no process reads" : String(cString: strerror(code))
        }
        let flags = fcntl(descriptor, F_GETFL)
        if flags >= 0 { _ = fcntl(descriptor, F_SETFL, flags & ~O_NONBLOCK) }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        do {
            try handle.write(contentsOf: data)
            try handle.close()
        } catch {
            return error.localizedDescription
        }
        return nil
    }
}
