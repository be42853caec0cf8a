import CLapack

/// Control of the threads OpenBLAS starts.
public enum BLASThreads {
    /// Makes OpenBLAS single-threaded.
    ///
    /// OpenBLAS starts one thread per core by default; for the small matrices of a dwelling that
    /// doubles the cost of a solve (measured in `../shared/reference/swift-lapack-notes.md`).
    /// Foyer puts its parallelism at the outer level (one dwelling per core) instead. Call once at
    /// start-up; calling again is harmless.
    public static func useSingleThread() {
        openblas_set_num_threads(1)
    }
}
