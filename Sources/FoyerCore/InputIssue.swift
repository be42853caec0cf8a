/// One problem found in an input: a dwelling file, a weather file, a tariff, a command-line value.
///
/// Every issue names where it is (``file`` and ``path``), what was found (``value``) and what is
/// allowed (``expected``), so that a technician can fix the input without reading code. Issues are
/// collected, never thrown one at a time: a validation pass reports all of them at once.
public struct InputIssue: Sendable, Equatable, Hashable, Codable, CustomStringConvertible {
    /// Whether the input can still be used.
    public enum Severity: String, Sendable, Codable, Comparable {
        /// Physically impossible or unreadable: the input is refused.
        case error
        /// Unusual but possible: the input is used and the user is told.
        case warning

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .error && rhs == .warning }
    }

    public var severity: Severity
    /// The file the issue is in, as the user named it; `nil` for in-memory input.
    public var file: String?
    /// The field path in snake_case with indices (`envelope.walls[2].u_value_w_per_m2k`), or a
    /// location such as `line 14, field 7 (dry_bulb_c)` for line-oriented files. Empty for the whole input.
    public var path: String
    /// The offending value as written, if there is one.
    public var value: String?
    /// What is wrong, in one sentence.
    public var message: String
    /// What is allowed (a range, a list of names, a format).
    public var expected: String?
    /// A likely fix ("did you mean 'ground'?").
    public var suggestion: String?

    /// The message followed by what is allowed, for one-line listings without the path.
    public var messageWithAllowed: String {
        expected.map { "\(message) (allowed: \($0))" } ?? message
    }

    public init(
        _ severity: Severity, file: String? = nil, path: String, value: String? = nil,
        message: String, expected: String? = nil, suggestion: String? = nil
    ) {
        self.severity = severity
        self.file = file
        self.path = path
        self.value = value
        self.message = message
        self.expected = expected
        self.suggestion = suggestion
    }

    /// `file: error: path = value: message (allowed: …; did you mean …?)`
    public var description: String {
        var text = ""
        if let file { text += "\(file): " }
        text += "\(severity.rawValue): "
        if !path.isEmpty { text += path }
        if let value { text += path.isEmpty ? "\(value): " : " = \(value): " } else if !path.isEmpty { text += ": " }
        text += message
        var details: [String] = []
        if let expected { details.append("allowed: \(expected)") }
        if let suggestion { details.append(suggestion) }
        if !details.isEmpty { text += " (" + details.joined(separator: "; ") + ")" }
        return text
    }

    /// The order in which issues are reported: errors before warnings, then by path with
    /// indices compared as numbers (`walls[2]` before `walls[10]`).
    public static func reportOrder(_ a: InputIssue, _ b: InputIssue) -> Bool {
        if a.severity != b.severity { return a.severity < b.severity }
        return naturalLess(a.path, b.path)
    }

    /// Compares strings with runs of digits taken as numbers.
    static func naturalLess(_ a: String, _ b: String) -> Bool {
        var i = a.unicodeScalars.makeIterator(), j = b.unicodeScalars.makeIterator()
        var x = i.next(), y = j.next()
        while let cx = x, let cy = y {
            if cx.properties.numericType != nil, cy.properties.numericType != nil {
                var nx = 0, ny = 0
                while let c = x, let digit = Int(String(c)) { nx = nx &* 10 &+ digit; x = i.next() }
                while let c = y, let digit = Int(String(c)) { ny = ny &* 10 &+ digit; y = j.next() }
                if nx != ny { return nx < ny }
            } else {
                if cx != cy { return cx.value < cy.value }
                x = i.next(); y = j.next()
            }
        }
        return x == nil && y != nil
    }

    /// The same issue attributed to `file`.
    public func inFile(_ file: String?) -> InputIssue {
        var copy = self
        copy.file = file
        return copy
    }
}

extension Array where Element == InputIssue {
    /// Whether any issue is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }
    /// The errors only.
    public var errors: [InputIssue] { filter { $0.severity == .error } }
    /// The warnings only.
    public var warnings: [InputIssue] { filter { $0.severity == .warning } }
}

/// Thrown when an input cannot be used; carries every issue found, errors and warnings.
public struct InputError: Error, Sendable, CustomStringConvertible {
    public var issues: [InputIssue]
    public init(_ issues: [InputIssue]) { self.issues = issues }
    public init(_ issue: InputIssue) { self.issues = [issue] }
    public var description: String { issues.map(\.description).joined(separator: "\n") }
}
