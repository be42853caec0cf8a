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

/// The values last computed for a few keys, shared by every thread: a sweep's jobs that share a
/// thermostat, a presence schedule or an envelope compute what depends on it once. The value
/// kept must be what computing again for an equal key gives (keys compare their numbers bit for
/// bit when that matters), so that results do not depend on the order jobs ran in. At most
/// `capacity` are kept, the least recently used dropped first.
public final class RecentValues<Key: Equatable & Sendable, Value: Sendable>: @unchecked Sendable {
    private let capacity: Int
    private let lock = NSLock()
    /// Least recently used first.
    private var entries: [(key: Key, value: Value)] = []

    public init(capacity: Int) { self.capacity = max(1, capacity) }

    /// The value for `key`: the kept one, or `compute()` (outside the lock), then kept. A
    /// computation that throws keeps nothing.
    public func value<E: Error>(for key: Key, _ compute: () throws(E) -> Value) throws(E) -> Value {
        lock.lock()
        if let index = entries.lastIndex(where: { $0.key == key }) {
            let hit = entries.remove(at: index)
            entries.append(hit)
            lock.unlock()
            return hit.value
        }
        lock.unlock()
        let computed = try compute()
        lock.lock()
        if !entries.contains(where: { $0.key == key }) {
            if entries.count >= capacity { entries.removeFirst() }
            entries.append((key, computed))
        }
        lock.unlock()
        return computed
    }

    /// The number of values kept.
    public var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return entries.count
    }
}

/// Two pieces of work at once: `background` on a thread of its own, `foreground` on the caller's.
/// For preparation that one worker does while the others wait for it (a weather year: its sun
/// positions need only the site, not the weather), so the waiting core is not idle.
public enum Concurrently {
    public static func run<A, B: Sendable>(_ foreground: () -> A, alongside background: @escaping @Sendable () -> B) -> (A, B) {
        let box = Box<B>()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.value = background()
            done.signal()
        }
        thread.start()
        let first = foreground()
        done.wait()
        return (first, box.value ?? background())
    }

    private final class Box<T>: @unchecked Sendable {
        var value: T?
    }
}
