import Foundation

/// Slots written by concurrent workers, each index by one worker only, read after they finish:
/// results placed by index, so that parallel work gives the same output as sequential work.
public final class ResultSlots<Value>: @unchecked Sendable {
    private var values: [Value?]
    private let lock = NSLock()

    public init(count: Int) { values = Array(repeating: nil, count: count) }

    public func set(_ index: Int, _ value: Value) {
        lock.lock()
        values[index] = value
        lock.unlock()
    }

    public func get(_ index: Int) -> Value? {
        lock.lock()
        defer { lock.unlock() }
        return values[index]
    }
}

/// A counter threads take numbers from, each number once (the next job for whichever worker is
/// free: a slow job does not hold back the jobs dealt after it).
public final class SharedCounter: @unchecked Sendable {
    private var value: Int
    private let lock = NSLock()

    public init(from start: Int = 0) { value = start }

    /// The next number.
    public func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value - 1
    }
}
