/// "Did you mean …?" for unknown names: the closest known names by edit distance.
public enum Suggestions {
    /// The known names within a small edit distance of `name`, closest first (at most three).
    ///
    /// A known name is close when it is within a small edit distance (one edit for names up to
    /// four characters, then one more per four characters, at most four), or when it starts
    /// with the given name, or shares with it a prefix of at least 60 % of its length (so that
    /// `fr/sfh-1950` finds `fr/sfh-1949-1974`). Comparison ignores case, and `-`/`_` are
    /// treated as equal.
    public static func closest(to name: String, among known: [String]) -> [String] {
        let normalized = normalize(name)
        let limit = min(4, max(1, normalized.count / 4))
        let prefixNeeded = max(3, Int((0.6 * Double(normalized.count)).rounded(.up)))
        let scored = known.map { (name: $0, distance: levenshtein(normalized, normalize($0))) }
            .filter { candidate in
                let other = normalize(candidate.name)
                let shared = zip(normalized, other).prefix { $0 == $1 }.count
                return candidate.distance <= limit || (normalized.count >= 3 && other.starts(with: normalized))
                    || shared >= prefixNeeded
            }
            .sorted { ($0.distance, $0.name) < ($1.distance, $1.name) }
        return scored.prefix(3).map { $0.name }
    }

    /// "did you mean 'x'?" or "did you mean 'x' or 'y'?", or `nil` when nothing is close.
    public static func didYouMean(_ name: String, among known: [String]) -> String? {
        let names = closest(to: name, among: known)
        guard !names.isEmpty else { return nil }
        return "did you mean " + names.map { "'\($0)'" }.joined(separator: " or ") + "?"
    }

    private static func normalize(_ text: String) -> [Character] {
        Array(text.lowercased().map { $0 == "-" ? "_" : $0 })
    }

    /// Levenshtein edit distance (insertions, deletions, substitutions each cost 1).
    /// - Complexity: O(*m*·*n*) time, O(*n*) memory.
    static func levenshtein(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
