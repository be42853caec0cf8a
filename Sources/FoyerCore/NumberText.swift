/// Numbers written for people: in messages, tables and reports.
///
/// Every number Foyer prints goes through here, so that no value can trap on its way to the
/// screen (a `Double` too large for `Int64`, a NaN, an infinity) and the same value always
/// prints the same way, whatever the locale.
///
/// - Values whose fixed-point form would not fit 18 significant digits (|x| ≥ 10¹⁵ in messages)
///   and non-zero values too small to show in the requested decimals are written in Swift's
///   shortest round-trip form (`1e+308`, `5e-324`), so the user sees the value they typed.
/// - Non-finite values are written `NaN`, `Infinity`, `-Infinity` in messages (the value the
///   user gave) and `–` in tables (a result that does not exist).
public enum NumberText {
    /// The largest magnitude written in fixed-point form; above it, scientific notation.
    public static let largestFixedMagnitude = 1e15

    /// A number in a message: at most `maxDecimals` decimals (4 by default), no trailing zeros.
    ///
    /// `12` → `12`, `0.25` → `0.25`, `1/3` → `0.3333`, `1e308` → `1e+308`, `5e-324` → `5e-324`,
    /// `.nan` → `NaN`, `-.infinity` → `-Infinity`. Never traps.
    public static func short(_ value: Double, maxDecimals: Int = 4) -> String {
        guard value.isFinite else { return nonFinite(value) }
        let decimals = max(0, min(maxDecimals, 9))
        let factor = powerOfTen(decimals)
        if abs(value) >= largestFixedMagnitude || (value != 0 && abs(value) * factor < 0.5) {
            return scientific(value)
        }
        // Trailing zeros trimmed on the ASCII bytes: `contains(".")` on a `String` is Foundation's
        // substring search where Foundation is imported, and `removeLast` walks graphemes.
        var bytes = Array(fixedPoint(value, decimals: decimals, factor: factor).utf8)
        if bytes.contains(UInt8(ascii: ".")) {
            while bytes.last == UInt8(ascii: "0") { bytes.removeLast() }
            if bytes.last == UInt8(ascii: ".") { bytes.removeLast() }
        }
        if bytes.elementsEqual("-0".utf8) { return "0" }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A number with exactly `decimals` decimals (0…9), for tables and reports; `–` when it is
    /// not finite, scientific notation beyond ±10¹⁵. Never traps.
    public static func fixed(_ value: Double, _ decimals: Int) -> String {
        guard value.isFinite else { return "–" }
        let decimals = max(0, min(decimals, 9))
        let factor = powerOfTen(decimals)
        if abs(value) >= largestFixedMagnitude { return scientific(value) }
        return fixedPoint(value, decimals: decimals, factor: factor)
    }

    /// Shortest round-trip digits in scientific notation: `1e+15`, `-2.5e+16`, `5e-324`.
    /// (Swift's own description switches to an exponent only from 2⁵³, so 10¹⁵ would print as
    /// `1000000000000000.0`; the digits are moved here so that every large value reads alike.)
    public static func scientific(_ value: Double) -> String {
        guard value.isFinite else { return nonFinite(value) }
        let text = String(value)
        if text.utf8.contains(UInt8(ascii: "e")) { return text }
        let negative = text.hasPrefix("-")
        var digits = String(negative ? text.dropFirst() : text[...])
        let point = digits.firstIndex(of: ".").map { digits.distance(from: digits.startIndex, to: $0) } ?? digits.count
        digits.removeAll { $0 == "." }
        let leadingZeros = digits.prefix { $0 == "0" }.count
        var significant = String(digits.dropFirst(leadingZeros))
        while significant.hasSuffix("0") { significant.removeLast() }
        if significant.isEmpty { return "0" }
        let exponent = point - leadingZeros - 1
        let mantissa = significant.count == 1 ? significant : String(significant.prefix(1)) + "." + significant.dropFirst()
        return (negative ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+") + String(abs(exponent))
    }

    /// `NaN`, `Infinity` or `-Infinity`: the JSON-like spelling a user would type.
    public static func nonFinite(_ value: Double) -> String {
        value.isNaN ? "NaN" : (value < 0 ? "-Infinity" : "Infinity")
    }

    private static func powerOfTen(_ n: Int) -> Double {
        var factor = 1.0
        for _ in 0..<n { factor *= 10 }
        return factor
    }

    /// `|value| < 10¹⁵` and `decimals ≤ 9`, so `|value| × 10^decimals < 10²⁴`: the whole and
    /// fractional parts are taken apart in `Double` before any integer conversion.
    private static func fixedPoint(_ value: Double, decimals: Int, factor: Double) -> String {
        let magnitude = abs(value)
        var whole = magnitude.rounded(.towardZero)
        var fraction = ((magnitude - whole) * factor).rounded()
        if fraction >= factor { whole += 1; fraction -= factor }
        let negative = value < 0 && (whole != 0 || fraction != 0)
        // `whole` < 10¹⁵ + 1 and `fraction` < 10⁹: both convert exactly.
        let wholeText = String(Int64(whole))
        guard decimals > 0 else { return (negative ? "-" : "") + wholeText }
        let fractionText = String(Int64(fraction))
        return (negative ? "-" : "") + wholeText + "." + String(repeating: "0", count: decimals - fractionText.count) + fractionText
    }
}

/// Reading numbers typed in text files (CSV, EPW): plain decimal notation only.
public enum DecimalText {
    /// A plain decimal number (`0.512`, `12`, `-3`, `1.5e-3`), or `nil`: no hexadecimal
    /// (`0x10`, which `Double.init` would read as 16), no `nan`/`inf`, no thousands separator,
    /// no surrounding blanks, and nothing that overflows to infinity.
    public static func number(_ text: some StringProtocol) -> Double? {
        var digits = 0, exponentDigits = 0, seenPoint = false, seenExponent = false
        var previous: Character?
        for character in text {
            switch character {
            case "0"..."9":
                if seenExponent { exponentDigits += 1 } else { digits += 1 }
            case ".":
                guard !seenPoint, !seenExponent else { return nil }
                seenPoint = true
            case "e", "E":
                guard !seenExponent, digits > 0 else { return nil }
                seenExponent = true
            case "+", "-":
                guard previous == nil || previous == "e" || previous == "E" else { return nil }
            default:
                return nil
            }
            previous = character
        }
        guard digits > 0, !seenExponent || exponentDigits > 0, let value = Double(String(text)), value.isFinite else { return nil }
        return value
    }
}
