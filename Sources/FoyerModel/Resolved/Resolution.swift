import FoyerCore

/// The running record of one resolution: issues found and defaults applied.
final class Resolution {
    var issues: [InputIssue] = []
    var defaults: [DefaultedValue] = []

    func error(_ path: String, _ value: String? = nil, _ message: String, expected: String? = nil, suggestion: String? = nil) {
        issues.append(InputIssue(.error, path: path, value: value, message: message, expected: expected, suggestion: suggestion))
    }

    func warning(_ path: String, _ value: String? = nil, _ message: String, expected: String? = nil) {
        issues.append(InputIssue(.warning, path: path, value: value, message: message, expected: expected))
    }

    /// Whether an issue was already reported at `path` or below it (so that a field whose value
    /// had the wrong type is not also reported as missing).
    func hasIssue(at path: String) -> Bool {
        issues.contains { $0.path == path || $0.path.hasPrefix(path + ".") || $0.path.hasPrefix(path + "[") }
    }

    /// The given value, or the default (recorded with its reason).
    func value<T>(_ given: T?, at path: String, default fallback: T, _ render: (T) -> String, reason: String) -> T {
        if let given { return given }
        if !hasIssue(at: path) { defaults.append(DefaultedValue(path: path, value: render(fallback), reason: reason)) }
        return fallback
    }

    /// A required value: reports it missing (unless already reported) and returns `nil`.
    func required<T>(_ given: T?, at path: String, _ what: String) -> T? {
        if given == nil, !hasIssue(at: path) { error(path, nil, "missing: \(what)") }
        return given
    }

    /// Checks that `value` lies in `range`; an error outside it.
    @discardableResult
    func check(_ value: Double?, at path: String, in range: ClosedRange<Double>, unit: String, what: String = "") -> Bool {
        guard let value else { return true }
        if !value.isFinite || !range.contains(value) {
            error(path, format(value), "out of range\(what.isEmpty ? "" : ": " + what)",
                  expected: "\(format(range.lowerBound))…\(format(range.upperBound)) \(unit)".trimmingCharacters(in: .whitespaces))
            return false
        }
        return true
    }

    /// Checks that `value` is strictly positive and at most `largest`: an error outside
    /// (0, `largest`], and below `smallest` when given (a value too small to be real, such as a
    /// denormal area that would make every per-m² figure infinite).
    @discardableResult
    func checkPositive(_ value: Double?, at path: String, largest: Double, smallest: Double? = nil, unit: String,
                       what: String = "must be greater than zero", why: String = "") -> Bool {
        guard let value else { return true }
        let unitText = unit.isEmpty ? "" : " " + unit
        if !value.isFinite || value <= 0 {
            error(path, format(value), what, expected: "> 0\(unitText)" + (why.isEmpty ? "" : "; \(why)"))
            return false
        }
        if value > largest || value < (smallest ?? 0) {
            let lower = smallest.map { format($0) } ?? "> 0"
            error(path, format(value), value > largest ? "too large\(why.isEmpty ? "" : ": " + why)" : "too small\(why.isEmpty ? "" : ": " + why)",
                  expected: "\(lower)…\(format(largest))\(unitText)")
            return false
        }
        return true
    }

    /// A warning when `value` lies outside the usual range.
    func warnUnusual(_ value: Double?, at path: String, usual: ClosedRange<Double>, unit: String, why: String) {
        // Already refused at this path: a warning would only repeat it.
        guard let value, value.isFinite, !usual.contains(value), !issues.contains(where: { $0.severity == .error && $0.path == path }) else { return }
        warning(path, format(value), "unusual value: \(why)",
                expected: "usually \(format(usual.lowerBound))…\(format(usual.upperBound)) \(unit)".trimmingCharacters(in: .whitespaces))
    }
}

/// Numbers in messages: at most 4 decimals, no trailing zeros, never trapping
/// (``NumberText/short(_:maxDecimals:)``).
func format(_ value: Double) -> String { NumberText.short(value) }
