import Foundation
import FoyerCore

/// The envelopes the process has resolved, by the JSON they came from and the floor area:
/// the jobs of a batch that inherit their archetype's envelope resolve it once. The JSON is
/// matched exactly (``JSONValue/identical(_:_:)``, numbers bit for bit), so a hit gives the
/// same envelope, issues and defaults as resolving again, whatever order jobs ran in.
final class EnvelopeMemo: @unchecked Sendable {
    struct Entry {
        let document: JSONValue
        let floorAreaM2: Double?
        let envelope: DwellingResolver.Envelope?
        let issues: [InputIssue]
        let defaults: [DefaultedValue]
    }

    static let shared = EnvelopeMemo()
    /// Distinct envelopes kept (a sweep's archetypes, each at a few floor areas).
    static let limit = 16
    /// The most warnings an envelope kept may carry.
    static let maximumIssues = 100

    private let lock = NSLock()
    private var entries: [Entry] = []

    func entry(document: JSONValue, floorAreaM2: Double?) -> Entry? {
        lock.lock()
        let candidates = entries
        lock.unlock()
        return candidates.first { $0.floorAreaM2?.bitPattern == floorAreaM2?.bitPattern && JSONValue.identical($0.document, document) }
    }

    /// Keeps an envelope resolved without error and with few warnings (an envelope in error
    /// belongs to a job that fails; a hostile one could carry thousands of warnings).
    func store(_ entry: Entry) {
        guard !entry.issues.hasErrors, entry.issues.count <= Self.maximumIssues,
              entry.document.valueCount(limit: DecodeMemo.maximumValues) <= DecodeMemo.maximumValues else { return }
        lock.lock()
        defer { lock.unlock() }
        if entries.contains(where: { $0.floorAreaM2?.bitPattern == entry.floorAreaM2?.bitPattern && JSONValue.identical($0.document, entry.document) }) { return }
        if entries.count >= Self.limit { entries.removeFirst() }
        entries.append(entry)
    }

    /// The envelopes kept (tests).
    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return entries.count
    }

    /// Forgets every envelope (tests).
    func removeAll() {
        lock.lock()
        entries.removeAll()
        lock.unlock()
    }
}
