import Foundation
import FoyerCore
import FoyerEnergy

/// A value whose JSON form is one of a fixed list of names; the decoder reports an unknown
/// name with the allowed ones and a "did you mean".
public protocol SpecEnum: RawRepresentable, CaseIterable, Codable, Sendable where RawValue == String {}

extension SpecEnum {
    /// The names allowed in JSON, in declaration order.
    public static var allowedNames: [String] { allCases.map(\.rawValue) }

    /// Reads the name; through Foyer's spec decoder, a value that is not a string or an unknown
    /// name is recorded with the allowed names and a "did you mean".
    ///
    /// The check lives here, in the type's own initialiser, rather than in the decoder asking
    /// each type it meets whether it is a `SpecEnum`: the first such question about a type makes
    /// the runtime scan every protocol conformance of the process, a cost paid at the start of
    /// every command for each spec type.
    public init(from decoder: any Decoder) throws {
        if let collecting = decoder as? CollectingDecoder {
            self = try collecting.decodeName(Self.self)
            return
        }
        let container = try decoder.singleValueContainer()
        let name = try container.decode(String.self)
        guard let value = Self(rawValue: name) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "unknown name '\(name)'; expected one of \(Self.allowedNames.joined(separator: ", "))")
        }
        self = value
    }

    /// Whether `name` is one of ``allowedNames`` (without building the list).
    static func allows(_ name: String) -> Bool { Self(rawValue: name) != nil }
}

/// A `Decoder` over a ``JSONValue`` tree that collects every problem instead of stopping at the
/// first one.
///
/// Spec types use optional properties (their synthesised `init(from:)` calls `decodeIfPresent`);
/// when a value has the wrong type, this decoder records an issue and gives `nil` for that field,
/// so decoding goes on and every error of the file is reported in one pass. It also remembers the
/// keys each object was asked for, which is how unknown (misspelt) keys are found afterwards.
struct CollectingDecoder: Decoder {
    final class Context {
        var issues: [InputIssue] = []
        /// For each object path, the keys the spec type asked for.
        var requestedKeys: [String: Set<String>] = [:]
        /// The unknown-key issues of the subtrees decoded through ``DecodeMemo``, by path.
        var unknownKeysBySubtree: [String: [InputIssue]] = [:]
    }

    let value: JSONValue
    let codingPath: [any CodingKey]
    let context: Context
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// Decodes `T` from `value`, returning the result (or `nil`) and every issue found, including
    /// unknown keys.
    static func decode<T: Decodable>(_ type: T.Type, from value: JSONValue) -> (T?, [InputIssue]) {
        let context = Context()
        let decoder = CollectingDecoder(value: value, codingPath: [], context: context)
        let result = try? T(from: decoder)
        reportUnknownKeys(in: value, path: [], context: context)
        return (result, context.issues)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case let .object(members) = value else { throw mismatch("an object") }
        return KeyedDecodingContainer(KeyedContainer<Key>(members: members, codingPath: codingPath, context: context))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case let .array(elements) = value else { throw mismatch("an array") }
        return UnkeyedContainer(elements: elements, codingPath: codingPath, context: context)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        SingleValueContainer(value: value, codingPath: codingPath, context: context)
    }

    /// The ``SpecEnum`` value this JSON string names; anything else recorded (see
    /// ``SpecEnum/init(from:)``).
    func decodeName<Name: SpecEnum>(_ type: Name.Type) throws -> Name {
        guard case let .string(name) = value else { throw mismatch("one of the names \(Name.allowedNames.joined(separator: ", "))") }
        guard let decoded = Name(rawValue: name) else {
            let names = Name.allowedNames
            record(
                at: codingPath, value: value, message: "unknown name '\(name)'",
                expected: names.joined(separator: ", "), suggestion: Suggestions.didYouMean(name, among: names))
            throw DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: "recorded"))
        }
        return decoded
    }

    func mismatch(_ expected: String) -> DecodingError {
        record(at: codingPath, value: value, message: "expected \(expected), found \(value.typeName)", expected: nil)
        return DecodingError.typeMismatch(Any.self, .init(codingPath: codingPath, debugDescription: "recorded"))
    }

    func record(at path: [any CodingKey], value: JSONValue, message: String, expected: String?, suggestion: String? = nil) {
        context.issues.append(InputIssue(
            .error, path: Self.render(path), value: value.brief, message: message, expected: expected, suggestion: suggestion))
    }

    /// `envelope.walls[2].u_value_w_per_m2k`
    static func render(_ path: [any CodingKey]) -> String {
        var text = ""
        for key in path {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                if !text.isEmpty { text += "." }
                text += key.stringValue
            }
        }
        return text
    }

    static func reportUnknownKeys(in value: JSONValue, path: [any CodingKey], context: Context) {
        switch value {
        case let .object(members):
            let rendered = render(path)
            if let known = context.unknownKeysBySubtree[rendered] {
                context.issues += known
                return
            }
            guard let known = context.requestedKeys[rendered] else { return }  // never decoded as an object
            for key in members.keys.sorted() {
                let childPath = path + [AnyKey(key)]
                if known.contains(key) {
                    reportUnknownKeys(in: members[key] ?? .null, path: childPath, context: context)
                } else {
                    let names = known.sorted()
                    context.issues.append(InputIssue(
                        .error, path: render(childPath), value: nil, message: "unknown field '\(key)'",
                        expected: names.joined(separator: ", "),
                        suggestion: Suggestions.didYouMean(key, among: names)))
                }
            }
        case let .array(elements):
            for (index, element) in elements.enumerated() {
                reportUnknownKeys(in: element, path: path + [AnyKey(index)], context: context)
            }
        default:
            return
        }
    }
}

/// A coding key built at run time (object keys and array indices in paths).
struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(_ string: String) { stringValue = string; intValue = nil }
    init(_ index: Int) { stringValue = String(index); intValue = index }
    init?(stringValue: String) { self.init(stringValue) }
    init?(intValue: Int) { self.init(intValue) }
}

/// Decodes a leaf or nested value, checking the JSON type and, for ``SpecEnum`` types, the name;
/// a ``MemoizedDecoding`` type through the process's ``DecodeMemo``.
private func decodeValue<T: Decodable>(_ type: T.Type, from value: JSONValue, at path: [any CodingKey], context: CollectingDecoder.Context) throws -> T {
    if MemoizedDecoding.types.contains(ObjectIdentifier(T.self)) {
        let key = DecodeMemo.Key(type: ObjectIdentifier(T.self), path: CollectingDecoder.render(path))
        if let known = DecodeMemo.shared.entry(key, value: value), let decoded = known as? T {
            // Only subtrees that decoded without a problem are kept: none to replay, and no
            // unknown key below.
            context.unknownKeysBySubtree[key.path] = []
            return decoded
        }
        let issuesBefore = context.issues.count
        let decoded = try decodeFresh(type, from: value, at: path, context: context)
        // The subtree's unknown keys, found now from the keys its decoding asked for (the
        // document-wide pass then takes them as they are).
        let subtree = CollectingDecoder.Context()
        func within(_ objectPath: String) -> Bool {
            objectPath == key.path || objectPath.hasPrefix(key.path + ".") || objectPath.hasPrefix(key.path + "[")
        }
        subtree.requestedKeys = context.requestedKeys.filter { within($0.key) }
        subtree.unknownKeysBySubtree = context.unknownKeysBySubtree.filter { within($0.key) }
        CollectingDecoder.reportUnknownKeys(in: value, path: path, context: subtree)
        context.unknownKeysBySubtree[key.path] = subtree.issues
        // A subtree with problems belongs to a line in error: not worth keeping, and its issues
        // could be many.
        if context.issues.count == issuesBefore, subtree.issues.isEmpty {
            DecodeMemo.shared.store(key, value: value, decoded)
        }
        return decoded
    }
    return try decodeFresh(type, from: value, at: path, context: context)
}

private func decodeFresh<T: Decodable>(_ type: T.Type, from value: JSONValue, at path: [any CodingKey], context: CollectingDecoder.Context) throws -> T {
    let decoder = CollectingDecoder(value: value, codingPath: path, context: context)
    // A name type whose `Decodable` conformance was declared where `SpecEnum` is not known
    // (``Energy``): its initialiser is the standard library's, so its name is checked here.
    if ObjectIdentifier(T.self) == ObjectIdentifier(Energy.self), let energy = try decoder.decodeName(Energy.self) as? T {
        return energy
    }
    return try T(from: decoder)
}

/// The spec types whose decoded value the process keeps for the JSON subtrees it has seen at a
/// path (``DecodeMemo``): the parts of a dwelling that a batch's jobs inherit unchanged from
/// their archetype are decoded once, not once per job (a job's overrides usually change one or
/// two of them). Decoding must depend only on the subtree and its path (it does: the context
/// only collects).
///
/// A set of type identities rather than a protocol the decoder would ask each type about: the
/// first such question about a type scans every protocol conformance of the process.
enum MemoizedDecoding {
    static let types: Set<ObjectIdentifier> = [
        ObjectIdentifier(LocationSpec.self), ObjectIdentifier(GeometrySpec.self), ObjectIdentifier(EnvelopeSpec.self),
        ObjectIdentifier(ThermalBridgesSpec.self), ObjectIdentifier(VentilationSpec.self), ObjectIdentifier(ThermostatSpec.self),
        ObjectIdentifier(OccupancySpec.self), ObjectIdentifier(HeatingSpec.self), ObjectIdentifier(HotWaterSpec.self),
        ObjectIdentifier(OtherUsesSpec.self), ObjectIdentifier(EnergySupplySpec.self), ObjectIdentifier(HouseholdUseSpec.self),
    ]
}

/// The decoded subtrees of ``MemoizedDecoding`` types, per type and path (see ``JSONMemo``): a
/// hit gives the value decoding again gives; only subtrees without a problem are kept.
enum DecodeMemo {
    struct Key: Hashable {
        let type: ObjectIdentifier
        let path: String
    }

    /// A sweep's archetypes: eight distinct subtrees per type and path, each with its decoded
    /// value.
    static let shared = JSONMemo<Key, Any>(entriesPerKey: 8)
}

/// Values computed from JSON subtrees, kept per key for the last few distinct subtrees seen
/// (the oldest dropped), matched exactly (``JSONValue/identical(_:_:)``: numbers bit for bit,
/// strings byte for byte). Shared by every thread of the process; what is kept must be what
/// computing again from the same subtree and key gives, so results do not depend on the order
/// jobs ran in.
final class JSONMemo<Key: Hashable, Value>: @unchecked Sendable {
    /// Distinct subtrees kept per key.
    let entriesPerKey: Int
    private let lock = NSLock()
    private var entries: [Key: [(json: JSONValue, value: Value)]] = [:]

    init(entriesPerKey: Int) { self.entriesPerKey = entriesPerKey }

    /// Subtrees larger than this many JSON values are not kept (nor compared).
    static var maximumValues: Int { 20_000 }

    func entry(_ key: Key, value json: JSONValue) -> Value? {
        lock.lock()
        let candidates = entries[key] ?? []
        lock.unlock()
        return candidates.first { JSONValue.identical($0.json, json) }?.value
    }

    func store(_ key: Key, value json: JSONValue, _ computed: Value) {
        guard json.valueCount(limit: Self.maximumValues) <= Self.maximumValues else { return }
        lock.lock()
        defer { lock.unlock() }
        var list = entries[key] ?? []
        if list.contains(where: { JSONValue.identical($0.json, json) }) { return }
        if list.count >= entriesPerKey { list.removeFirst() }
        list.append((json, computed))
        entries[key] = list
        if entries.count > 1_000 { entries.removeAll() }
    }

    /// The subtrees kept (tests).
    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return entries.values.reduce(0) { $0 + $1.count }
    }

    /// Forgets every subtree (tests).
    func removeAll() {
        lock.lock()
        entries.removeAll()
        lock.unlock()
    }
}

extension JSONValue {
    /// Whether two documents are the same: same shape, keys and strings, numbers bit for bit.
    static func identical(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.number(x), .number(y)): return x.bitPattern == y.bitPattern
        // Strings byte for byte: Swift's `==` (and a dictionary's key lookup) takes canonically
        // equivalent strings as equal, "é" and "e" + a combining accent, which are different
        // bytes (a file path differs).
        case let (.string(x), .string(y)): return sameBytes(x, y)
        case let (.array(x), .array(y)):
            guard x.count == y.count else { return false }
            // The same storage (a subtree of an archetype shared by the jobs that merge it): the
            // same values.
            if x.withUnsafeBufferPointer({ $0.baseAddress }) == y.withUnsafeBufferPointer({ $0.baseAddress }) { return true }
            for index in x.indices where !identical(x[index], y[index]) { return false }
            return true
        case let (.object(x), .object(y)):
            guard x.count == y.count else { return false }
            for (key, value) in x {
                guard let position = y.index(forKey: key), sameBytes(y[position].key, key),
                      identical(value, y[position].value) else { return false }
            }
            return true
        default: return false
        }
    }

    /// Whether two strings have the same UTF-8 bytes (one `memcmp` on native strings; byte by
    /// byte otherwise).
    private static func sameBytes(_ x: String, _ y: String) -> Bool {
        let fast = x.utf8.withContiguousStorageIfAvailable { a in
            y.utf8.withContiguousStorageIfAvailable { b in
                guard a.count == b.count else { return false }
                guard let first = a.baseAddress, let second = b.baseAddress else { return true }
                return memcmp(first, second, a.count) == 0
            }
        }
        if let fast, let result = fast { return result }
        return x.utf8.elementsEqual(y.utf8)
    }

    /// The number of values in the document, counting stops past `limit`.
    func valueCount(limit: Int) -> Int {
        var count = 0
        func visit(_ value: JSONValue) {
            guard count <= limit else { return }
            count += 1
            switch value {
            case let .array(elements): for element in elements { visit(element) }
            case let .object(members): for (_, member) in members { visit(member) }
            default: break
            }
        }
        visit(self)
        return count
    }
}

/// A primitive decoded through the generic path (so that a wrong type is recorded, not thrown).
private struct Wrapped<Value: Decodable>: Decodable {
    var value: Value
    init(from decoder: any Decoder) throws { value = try decoder.singleValueContainer().decode(Value.self) }
}

private struct KeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let members: [String: JSONValue]
    let codingPath: [any CodingKey]
    let context: CollectingDecoder.Context
    /// `codingPath` as text, the key of `context.requestedKeys` (rendered once, not per key).
    let renderedPath: String

    init(members: [String: JSONValue], codingPath: [any CodingKey], context: CollectingDecoder.Context) {
        self.members = members
        self.codingPath = codingPath
        self.context = context
        renderedPath = CollectingDecoder.render(codingPath)
        if context.requestedKeys[renderedPath] == nil { context.requestedKeys[renderedPath] = [] }
    }

    var allKeys: [Key] { members.keys.sorted().compactMap { Key(stringValue: $0) } }

    func contains(_ key: Key) -> Bool {
        note(key)
        return members[key.stringValue] != nil
    }

    private func note(_ key: Key) {
        context.requestedKeys[renderedPath, default: []].insert(key.stringValue)
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        note(key)
        guard let value = members[key.stringValue] else { return true }
        return value == .null
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        note(key)
        guard let value = members[key.stringValue], value != .null else {
            context.issues.append(InputIssue(
                .error, path: CollectingDecoder.render(codingPath + [key]), message: "missing required field"))
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "recorded"))
        }
        return try decodeValue(type, from: value, at: codingPath + [key], context: context)
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        note(key)
        guard let value = members[key.stringValue], value != .null else { return nil }
        return try? decodeValue(type, from: value, at: codingPath + [key], context: context)
    }

    // The standard library's defaults for these concrete types throw on a wrong value instead
    // of going through the generic `decodeIfPresent` above, which would abort the whole
    // enclosing object: `"storeys": 2.5` would also report its siblings as missing or unknown.
    // A value of the right JSON type is returned at once (most fields): the generic path below
    // builds a decoder, a container and a coding path for it.
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? {
        if case let .bool(flag)? = members[key.stringValue] { note(key); return flag }
        return try decodeIfPresent(Wrapped<Bool>.self, forKey: key)?.value
    }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
        if case let .string(text)? = members[key.stringValue] { note(key); return text }
        return try decodeIfPresent(Wrapped<String>.self, forKey: key)?.value
    }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? {
        if case let .number(number)? = members[key.stringValue] { note(key); return number }
        return try decodeIfPresent(Wrapped<Double>.self, forKey: key)?.value
    }
    func decodeIfPresent(_ type: Float.Type, forKey key: Key) throws -> Float? { try decodeIfPresent(Wrapped<Float>.self, forKey: key)?.value }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? {
        if case let .number(number)? = members[key.stringValue], let whole = SingleValueContainer.whole(number) { note(key); return whole }
        return try decodeIfPresent(Wrapped<Int>.self, forKey: key)?.value
    }
    func decodeIfPresent(_ type: Int8.Type, forKey key: Key) throws -> Int8? { try decodeIfPresent(Wrapped<Int8>.self, forKey: key)?.value }
    func decodeIfPresent(_ type: Int16.Type, forKey key: Key) throws -> Int16? { try decodeIfPresent(Wrapped<Int16>.self, forKey: key)?.value }
    func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? { try decodeIfPresent(Wrapped<Int32>.self, forKey: key)?.value }
    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { try decodeIfPresent(Wrapped<Int64>.self, forKey: key)?.value }
    func decodeIfPresent(_ type: UInt.Type, forKey key: Key) throws -> UInt? { try decodeIfPresent(Wrapped<UInt>.self, forKey: key)?.value }
    func decodeIfPresent(_ type: UInt8.Type, forKey key: Key) throws -> UInt8? { try decodeIfPresent(Wrapped<UInt8>.self, forKey: key)?.value }
    func decodeIfPresent(_ type: UInt16.Type, forKey key: Key) throws -> UInt16? { try decodeIfPresent(Wrapped<UInt16>.self, forKey: key)?.value }
    func decodeIfPresent(_ type: UInt32.Type, forKey key: Key) throws -> UInt32? { try decodeIfPresent(Wrapped<UInt32>.self, forKey: key)?.value }
    func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws -> UInt64? { try decodeIfPresent(Wrapped<UInt64>.self, forKey: key)?.value }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        note(key)
        return try CollectingDecoder(value: members[key.stringValue] ?? .null, codingPath: codingPath + [key], context: context)
            .container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        note(key)
        return try CollectingDecoder(value: members[key.stringValue] ?? .null, codingPath: codingPath + [key], context: context)
            .unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        CollectingDecoder(value: .object(members), codingPath: codingPath, context: context)
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        note(key)
        return CollectingDecoder(value: members[key.stringValue] ?? .null, codingPath: codingPath + [key], context: context)
    }
}

private struct UnkeyedContainer: UnkeyedDecodingContainer {
    let elements: [JSONValue]
    let codingPath: [any CodingKey]
    let context: CollectingDecoder.Context
    var currentIndex = 0

    init(elements: [JSONValue], codingPath: [any CodingKey], context: CollectingDecoder.Context) {
        self.elements = elements
        self.codingPath = codingPath
        self.context = context
    }

    var count: Int? { elements.count }
    var isAtEnd: Bool { currentIndex >= elements.count }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, elements[currentIndex] == .null else { return false }
        currentIndex += 1
        return true
    }

    // An element of the right JSON type is returned at once (arrays of numbers or names); any
    // other goes the generic way, which records the problem and goes on with the rest.
    mutating func decode(_ type: Double.Type) throws -> Double {
        if !isAtEnd, case let .number(number) = elements[currentIndex] { currentIndex += 1; return number }
        return try decodeElement(type)
    }

    mutating func decode(_ type: String.Type) throws -> String {
        if !isAtEnd, case let .string(text) = elements[currentIndex] { currentIndex += 1; return text }
        return try decodeElement(type)
    }

    mutating func decode(_ type: Int.Type) throws -> Int {
        if !isAtEnd, case let .number(number) = elements[currentIndex], let whole = SingleValueContainer.whole(number) { currentIndex += 1; return whole }
        return try decodeElement(type)
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try decodeElement(type)
    }

    private mutating func decodeElement<T: Decodable>(_ type: T.Type) throws -> T {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(type, .init(codingPath: codingPath, debugDescription: "end of array"))
        }
        let index = currentIndex
        currentIndex += 1
        do {
            return try decodeValue(type, from: elements[index], at: codingPath + [AnyKey(index)], context: context)
        } catch {
            // Decode the remaining elements too, so that their problems are reported in this pass.
            while !isAtEnd {
                let next = currentIndex
                currentIndex += 1
                _ = try? decodeValue(type, from: elements[next], at: codingPath + [AnyKey(next)], context: context)
            }
            throw error
        }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        let index = currentIndex
        currentIndex += 1
        return try CollectingDecoder(value: elements[index], codingPath: codingPath + [AnyKey(index)], context: context)
            .container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let index = currentIndex
        currentIndex += 1
        return try CollectingDecoder(value: elements[index], codingPath: codingPath + [AnyKey(index)], context: context)
            .unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder {
        let index = currentIndex
        currentIndex += 1
        return CollectingDecoder(value: elements[index], codingPath: codingPath + [AnyKey(index)], context: context)
    }
}

private struct SingleValueContainer: SingleValueDecodingContainer {
    let value: JSONValue
    let codingPath: [any CodingKey]
    let context: CollectingDecoder.Context

    private var decoder: CollectingDecoder { CollectingDecoder(value: value, codingPath: codingPath, context: context) }

    func decodeNil() -> Bool { value == .null }

    func decode(_ type: Bool.Type) throws -> Bool {
        guard case let .bool(flag) = value else { throw decoder.mismatch("true or false") }
        return flag
    }

    func decode(_ type: String.Type) throws -> String {
        guard case let .string(text) = value else { throw decoder.mismatch("a string") }
        return text
    }

    func decode(_ type: Double.Type) throws -> Double {
        guard case let .number(number) = value else { throw decoder.mismatch("a number") }
        return number
    }

    func decode(_ type: Float.Type) throws -> Float { Float(try decode(Double.self)) }

    func decode(_ type: Int.Type) throws -> Int {
        guard case let .number(number) = value else { throw decoder.mismatch("a whole number") }
        guard let whole = Self.whole(number) else {
            decoder.record(at: codingPath, value: value, message: "expected a whole number", expected: nil)
            throw DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: "recorded"))
        }
        return whole
    }

    /// `number` as an `Int` when it is a whole number below 10¹⁵ in magnitude.
    static func whole(_ number: Double) -> Int? {
        number == number.rounded() && abs(number) < 1e15 ? Int(number) : nil
    }

    func decode(_ type: Int8.Type) throws -> Int8 { try narrow(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try narrow(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try narrow(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try narrow(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try narrow(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try narrow(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try narrow(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try narrow(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try narrow(type) }

    private func narrow<I: FixedWidthInteger>(_ type: I.Type) throws -> I {
        let whole = try decode(Int.self)
        guard let narrowed = I(exactly: whole) else {
            decoder.record(at: codingPath, value: value, message: "whole number out of range", expected: "\(I.min)…\(I.max)")
            throw DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: "recorded"))
        }
        return narrowed
    }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        // A raw JSON value is handed over as it is (fields whose shape varies).
        if let raw = value as? T { return raw }
        return try decodeValue(type, from: value, at: codingPath, context: context)
    }
}

/// Decodes spec types from a parsed JSON document, collecting every issue (wrong types, unknown
/// names with the allowed ones, misspelt keys) instead of stopping at the first: the decoder the
/// dwelling files use, for the other input files (tariffs).
public enum SpecDecoder {
    /// Decodes `T` from `value`; the result is `nil` only when the document's shape is unusable.
    public static func decode<T: Decodable>(_ type: T.Type, from value: JSONValue) -> (value: T?, issues: [InputIssue]) {
        CollectingDecoder.decode(type, from: value)
    }
}
