/// Merges a dwelling file over the archetype it names as `base`.
///
/// Rules (documented in `Docs/DwellingSchema.md`):
/// - objects merge key by key, recursively;
/// - `null` in the override removes the inherited value (so its default applies again);
/// - arrays whose elements are all objects with an `id`, on both sides, merge element by element:
///   an override element with the id of an inherited one is merged into it, a new id is appended,
///   and an element `{"id": "…", "remove": true}` deletes the inherited one;
/// - any other value, arrays included, replaces the inherited one.
public enum SpecMerge {
    public static func merge(base: JSONValue, override: JSONValue) -> JSONValue {
        switch (base, override) {
        case let (.object(baseMembers), .object(overrideMembers)):
            var result = baseMembers
            for (key, value) in overrideMembers {
                if value == .null {
                    result.removeValue(forKey: key)
                } else if let inherited = baseMembers[key] {
                    result[key] = merge(base: inherited, override: value)
                } else {
                    result[key] = value
                }
            }
            return .object(result)
        case let (.array(baseElements), .array(overrideElements)):
            // An empty list replaces the inherited one ("no windows"), it does not merge.
            guard !overrideElements.isEmpty, let baseIDs = ids(of: baseElements), let overrideIDs = ids(of: overrideElements) else { return override }
            var result = baseElements
            var positions = Dictionary(uniqueKeysWithValues: zip(baseIDs, result.indices))
            var removed = Set<String>()
            for (id, element) in zip(overrideIDs, overrideElements) {
                if case let .object(members) = element, members["remove"] == .bool(true) {
                    removed.insert(id)
                } else if let position = positions[id] {
                    result[position] = merge(base: result[position], override: element)
                } else {
                    positions[id] = result.count
                    result.append(element)
                }
            }
            return .array(result.filter { element in
                guard case let .object(members) = element, case let .string(id)? = members["id"] else { return true }
                return !removed.contains(id)
            })
        default:
            return override
        }
    }

    /// The ids of an array of objects that all have a string `id`, unique; `nil` otherwise.
    private static func ids(of elements: [JSONValue]) -> [String]? {
        var ids: [String] = []
        for element in elements {
            guard case let .object(members) = element, case let .string(id)? = members["id"] else { return nil }
            ids.append(id)
        }
        return Set(ids).count == ids.count ? ids : nil
    }
}
