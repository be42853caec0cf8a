/// Why a linear-algebra operation could not produce a result.
public enum LinearAlgebraError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The matrix is not square, or a right-hand side does not match its size.
    case dimensionMismatch(expected: Int, actual: Int)
    /// The matrix holds NaN or infinite values.
    case nonFiniteInput
    /// The matrix is exactly singular: pivot `pivot` (zero-based) of the LU factorisation is zero.
    case singular(pivot: Int)
    /// The least-squares design matrix does not have full column rank.
    case rankDeficient
    /// LAPACK reported an illegal argument (a programming error inside Foyer).
    case lapackArgument(routine: String, info: Int)

    public var description: String {
        switch self {
        case let .dimensionMismatch(expected, actual):
            "dimension mismatch: expected \(expected), got \(actual)"
        case .nonFiniteInput:
            "the matrix contains non-finite values"
        case let .singular(pivot):
            "the matrix is singular (zero pivot at row \(pivot + 1))"
        case .rankDeficient:
            "the design matrix is rank deficient: the unknowns cannot all be identified from the data"
        case let .lapackArgument(routine, info):
            "LAPACK \(routine) rejected argument \(-info)"
        }
    }
}
