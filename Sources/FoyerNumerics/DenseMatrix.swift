/// A dense matrix of `Double` stored column-major, the layout LAPACK expects.
///
/// Element (*i*, *j*) of an *r*×*c* matrix is at `storage[i + j*r]`. Value semantics: copies are
/// independent (copy-on-write through the array).
public struct DenseMatrix: Sendable, Equatable {
    /// Number of rows.
    public let rows: Int
    /// Number of columns.
    public let columns: Int
    /// The elements, column after column.
    public internal(set) var storage: [Double]

    /// A `rows`×`columns` matrix with every element equal to `value`.
    /// - Precondition: `rows >= 0`, `columns >= 0` (a programmer error otherwise).
    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        precondition(rows >= 0 && columns >= 0, "matrix dimensions must be non-negative")
        self.rows = rows
        self.columns = columns
        self.storage = [Double](repeating: value, count: rows * columns)
    }

    /// A matrix from rows written the way one reads them: `DenseMatrix(rowMajor: [[1, 2], [3, 4]])`.
    /// - Precondition: every row has the same length.
    public init(rowMajor rowsOfValues: [[Double]]) {
        let rowCount = rowsOfValues.count
        let columnCount = rowsOfValues.first?.count ?? 0
        precondition(rowsOfValues.allSatisfy { $0.count == columnCount }, "rows of unequal length")
        self.init(rows: rowCount, columns: columnCount)
        for i in 0..<rowCount {
            for j in 0..<columnCount { storage[i + j * rowCount] = rowsOfValues[i][j] }
        }
    }

    /// A matrix over existing column-major storage.
    /// - Precondition: `storage.count == rows * columns`.
    public init(rows: Int, columns: Int, columnMajor storage: [Double]) {
        precondition(storage.count == rows * columns, "storage size does not match the dimensions")
        self.rows = rows
        self.columns = columns
        self.storage = storage
    }

    /// The *n*×*n* identity matrix.
    public static func identity(_ n: Int) -> DenseMatrix {
        var matrix = DenseMatrix(rows: n, columns: n)
        for i in 0..<n { matrix[i, i] = 1 }
        return matrix
    }

    /// Whether the matrix is square.
    public var isSquare: Bool { rows == columns }

    /// Element (*row*, *column*), zero-based.
    public subscript(row: Int, column: Int) -> Double {
        get {
            precondition(row >= 0 && row < rows && column >= 0 && column < columns, "index out of range")
            return storage[row + column * rows]
        }
        set {
            precondition(row >= 0 && row < rows && column >= 0 && column < columns, "index out of range")
            storage[row + column * rows] = newValue
        }
    }

    /// Adds `value` to element (*row*, *column*): the usual way a network stamps a conductance.
    public mutating func add(_ value: Double, at row: Int, _ column: Int) {
        self[row, column] += value
    }

    /// The product of this matrix and the vector `x`.
    /// - Precondition: `x.count == columns`.
    /// - Complexity: O(rows × columns).
    public func multiplied(by x: [Double]) -> [Double] {
        precondition(x.count == columns, "vector length does not match the matrix")
        var result = [Double](repeating: 0, count: rows)
        for j in 0..<columns {
            let xj = x[j]
            if xj == 0 { continue }
            let offset = j * rows
            for i in 0..<rows { result[i] += storage[offset + i] * xj }
        }
        return result
    }

    /// Whether every element is finite.
    public var isFinite: Bool { storage.allSatisfy(\.isFinite) }
}
