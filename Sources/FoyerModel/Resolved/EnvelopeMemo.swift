import FoyerCore

/// The envelopes the process has resolved, by the JSON they came from and the floor area (see
/// ``JSONMemo``): the jobs of a batch that inherit their archetype's envelope resolve it once; a
/// hit gives the same envelope, issues and defaults as resolving again.
enum EnvelopeMemo {
    struct Key: Hashable {
        let floorAreaBits: UInt64?
    }

    struct Entry {
        let envelope: DwellingResolver.Envelope?
        let issues: [InputIssue]
        let defaults: [DefaultedValue]
    }

    /// Distinct envelopes kept per floor area (a sweep's archetypes).
    static let shared = JSONMemo<Key, Entry>(entriesPerKey: 16)
    /// The most warnings an envelope kept may carry (one in error belongs to a job that fails;
    /// a hostile one could carry thousands of warnings).
    static let maximumIssues = 100
}
