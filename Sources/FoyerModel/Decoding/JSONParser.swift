/// A strict JSON (RFC 8259) parser that says where a document stops being JSON.
///
/// Foundation's `JSONDecoder` reports only "The given data was not valid JSON" on Linux; a
/// technician editing a file by hand needs the line and column, and what was expected there.
/// This parser builds the ``JSONValue`` tree and gives that message. Duplicate keys are
/// reported too (the last one would otherwise silently win).
struct JSONParser {
    struct Failure: Error, Equatable {
        var line: Int
        var column: Int
        var message: String
        var description: String { "line \(line), column \(column): \(message)" }
    }

    private let bytes: [UInt8]
    private var index = 0
    private(set) var duplicateKeys: [(path: String, key: String, line: Int)] = []
    /// Where the parser is, for the duplicate keys' paths: keys and array positions, rendered
    /// only when a duplicate is found.
    private var path: [PathPart] = []

    private enum PathPart {
        case key(String)
        case index(Int)
    }

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Parses one JSON value filling the whole input.
    static func parse(_ bytes: [UInt8]) throws(Failure) -> (JSONValue, duplicates: [(path: String, key: String, line: Int)]) {
        var parser = JSONParser(bytes)
        // Skip a UTF-8 byte-order mark.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.index = 3 }
        parser.skipWhitespace()
        let value = try parser.parseValue(depth: 0)
        parser.skipWhitespace()
        if parser.index < bytes.count { throw parser.failure("unexpected \(parser.describeCurrent()) after the end of the document") }
        return (value, parser.duplicateKeys)
    }

    /// The current path as `a.b[2].c`.
    private var renderedPath: String {
        path.reduce("") { text, part in
            switch part {
            case .index(let position): return text + "[\(position)]"
            case .key(let key): return key.hasPrefix("[") || text.isEmpty ? text + key : text + "." + key
            }
        }
    }

    private func position(of offset: Int) -> (line: Int, column: Int) {
        var line = 1, column = 1
        var i = 0
        while i < offset && i < bytes.count {
            if bytes[i] == 0x0A {
                line += 1
                column = 1
            } else if bytes[i] & 0xC0 != 0x80 {  // count characters, not UTF-8 continuation bytes
                column += 1
            }
            i += 1
        }
        return (line, column)
    }

    private func failure(_ message: String, at offset: Int? = nil) -> Failure {
        let (line, column) = position(of: offset ?? index)
        return Failure(line: line, column: column, message: message)
    }

    private func describeCurrent() -> String {
        guard index < bytes.count else { return "end of file" }
        let byte = bytes[index]
        if byte >= 0x20 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x" + String(byte, radix: 16)
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    private mutating func parseValue(depth: Int) throws(Failure) -> JSONValue {
        guard depth < 200 else { throw failure("nesting deeper than 200 levels") }
        guard index < bytes.count else { throw failure("the file ends where a value was expected (is it truncated?)") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject(depth: depth)
        case UInt8(ascii: "["): return try parseArray(depth: depth)
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectWord("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectWord("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectWord("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        default:
            throw failure("expected a value (a number, a string in double quotes, true, false, null, an object or an array), found \(describeCurrent())")
        }
    }

    private mutating func expectWord(_ word: String) throws(Failure) {
        let start = index
        for byte in word.utf8 {
            guard index < bytes.count, bytes[index] == byte else {
                throw failure("expected '\(word)' (text values need double quotes)", at: start)
            }
            index += 1
        }
    }

    private mutating func parseObject(depth: Int) throws(Failure) -> JSONValue {
        let open = index
        index += 1
        var members: [String: JSONValue] = [:]
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
        while true {
            skipWhitespace()
            guard index < bytes.count else {
                let (line, column) = position(of: open)
                throw failure("the file ends inside the object opened at line \(line), column \(column) (missing '}'?)")
            }
            guard bytes[index] == UInt8(ascii: "\"") else {
                throw failure(bytes[index] == UInt8(ascii: "}") ? "a comma before '}' is not allowed in JSON" : "expected a key in double quotes, found \(describeCurrent())")
            }
            let keyStart = index
            let key = try parseString()
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw failure("expected ':' after the key \"\(key)\", found \(describeCurrent())") }
            index += 1
            skipWhitespace()
            path.append(.key(key))
            let value = try parseValue(depth: depth + 1)
            path.removeLast()
            if members[key] != nil {
                duplicateKeys.append((renderedPath, key, position(of: keyStart).line))
            }
            members[key] = value
            skipWhitespace()
            guard index < bytes.count else {
                let (line, column) = position(of: open)
                throw failure("the file ends inside the object opened at line \(line), column \(column) (missing '}'?)")
            }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
            throw failure("expected ',' or '}' after the value of \"\(key)\", found \(describeCurrent()) (missing comma?)")
        }
    }

    private mutating func parseArray(depth: Int) throws(Failure) -> JSONValue {
        let open = index
        index += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return .array(elements) }
        while true {
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") { throw failure("a comma before ']' is not allowed in JSON") }
            path.append(.index(elements.count))
            elements.append(try parseValue(depth: depth + 1))
            path.removeLast()
            skipWhitespace()
            guard index < bytes.count else {
                let (line, column) = position(of: open)
                throw failure("the file ends inside the array opened at line \(line), column \(column) (missing ']'?)")
            }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "]") { index += 1; return .array(elements) }
            throw failure("expected ',' or ']' in the array, found \(describeCurrent()) (missing comma?)")
        }
    }

    private mutating func parseString() throws(Failure) -> String {
        let open = index
        index += 1
        // Most strings have no escape: up to the closing quote, they are their bytes.
        let contentStart = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                guard let text = String(validating: bytes[contentStart..<index], as: UTF8.self) else {
                    throw failure("the string opened here is not valid UTF-8 (save the file as UTF-8)", at: open)
                }
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 { break }
            index += 1
        }
        // An escape, a control character or the end of the file: byte by byte from here.
        var buffer = Array(bytes[contentStart..<index])
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                guard let text = String(validating: buffer, as: UTF8.self) else {
                    throw failure("the string opened here is not valid UTF-8 (save the file as UTF-8)", at: open)
                }
                return text
            case UInt8(ascii: "\\"):
                index += 1
                guard index < bytes.count else { break }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): buffer.append(escape)
                case UInt8(ascii: "b"): buffer.append(0x08)
                case UInt8(ascii: "f"): buffer.append(0x0C)
                case UInt8(ascii: "n"): buffer.append(0x0A)
                case UInt8(ascii: "r"): buffer.append(0x0D)
                case UInt8(ascii: "t"): buffer.append(0x09)
                case UInt8(ascii: "u"):
                    let escapeStart = index - 2
                    var scalarValue = try parseHex4()
                    if (0xD800...0xDBFF).contains(scalarValue) {
                        // A high surrogate must be followed by a low one (RFC 8259 §7).
                        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                            throw failure("unpaired surrogate in a \\u escape (a high surrogate without its low half)", at: escapeStart)
                        }
                        index += 2
                        let low = try parseHex4()
                        guard (0xDC00...0xDFFF).contains(low) else {
                            throw failure("invalid surrogate pair in a \\u escape", at: escapeStart)
                        }
                        scalarValue = 0x10000 + ((scalarValue - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let scalar = Unicode.Scalar(scalarValue) else {
                        throw failure("unpaired surrogate in a \\u escape (a low surrogate alone)", at: escapeStart)
                    }
                    buffer.append(contentsOf: Array(String(Character(scalar)).utf8))
                default:
                    throw failure("unknown escape '\\\(Character(Unicode.Scalar(escape)))' in a string", at: index - 2)
                }
            case 0x00..<0x20:
                throw failure(byte == 0x0A ? "line break inside a string (missing closing quote?)" : "control character inside a string")
            default:
                buffer.append(byte)
                index += 1
            }
        }
        let (line, column) = position(of: open)
        throw failure("the file ends inside the string opened at line \(line), column \(column) (missing closing quote?)")
    }

    private mutating func parseHex4() throws(Failure) -> UInt32 {
        guard index + 4 <= bytes.count, let value = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16) else {
            throw failure("expected four hexadecimal digits after \\u")
        }
        index += 4
        return value
    }

    private mutating func parseNumber() throws(Failure) -> Double {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        func digits() -> Int {
            let from = index
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
            return index - from
        }
        let intStart = index
        let intDigits = digits()
        guard intDigits > 0 else { throw failure("expected a digit", at: index) }
        if intDigits > 1, bytes[intStart] == UInt8(ascii: "0") { throw failure("numbers cannot have leading zeros", at: intStart) }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { throw failure("expected a digit after the decimal point (write 0.5, not 0.)") }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard digits() > 0 else { throw failure("expected a digit in the exponent") }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        guard let value = Double(text), value.isFinite else { throw failure("number out of range: \(text)", at: start) }
        return value
    }
}
