import Benchmark
import Foyer

/// A diagonally dominant test matrix of order `n` shaped like a thermal network's: a chain of
/// nodes (element layers) each also coupled to the last node (the zone air), with a diagonal
/// that exceeds the sum of the couplings (capacity over the time step).
private func networkLikeMatrix(_ n: Int) -> DenseMatrix {
    var matrix = DenseMatrix(rows: n, columns: n)
    for i in 0..<n - 1 {
        matrix[i, i + 1] -= 1.5
        matrix[i + 1, i] -= 1.5
        if i + 1 < n - 1 {
            matrix[i, n - 1] -= 0.7
            matrix[n - 1, i] -= 0.7
        }
    }
    for i in 0..<n {
        var sum = 0.0
        for j in 0..<n where j != i { sum += abs(matrix[i, j]) }
        matrix[i, i] = sum + 1
    }
    return matrix
}

let benchmarks: @Sendable () -> Void = {
    BLASThreads.useSingleThread()
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .throughput], warmupIterations: 10, maxDuration: .seconds(2))

    for n in [20, 60] {
        let matrix = networkLikeMatrix(n)
        Benchmark("LU factorisation, n = \(n)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try? LUFactorization(matrix))
            }
        }
        if let lu = try? LUFactorization(matrix) {
            Benchmark("8760 hourly solves on a kept LU, n = \(n)") { benchmark in
                var x = [Double](repeating: 1, count: n)
                for _ in benchmark.scaledIterations {
                    for _ in 0..<8760 { lu.solve(inPlace: &x); x[0] += 1 }
                    blackHole(x)
                }
            }
        }
    }
}
