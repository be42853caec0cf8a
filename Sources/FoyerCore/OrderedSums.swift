/// Sums whose result does not depend on a dictionary's iteration order.
///
/// Swift seeds its hash tables per process, so `dictionary.values.reduce(0, +)` adds the same
/// numbers in a different order from one run to the next, and floating-point addition is not
/// associative: the last bits of the total, and any figure printed in full, would change
/// between two runs on the same input. Adding in key order gives the same bytes every time.
extension Dictionary where Key: Comparable, Value == Double {
    /// The values added in ascending key order.
    public var sumInKeyOrder: Double {
        keys.sorted().reduce(0) { $0 + (self[$1] ?? 0) }
    }

    /// The entries in ascending key order, for loops that accumulate floating-point values.
    public var inKeyOrder: [(key: Key, value: Double)] {
        sorted { $0.key < $1.key }.map { (key: $0.key, value: $0.value) }
    }
}
