import CLapack

/// Control of the threads OpenBLAS starts.
public enum BLASThreads {
    /// Makes OpenBLAS single-threaded.
    ///
    /// OpenBLAS starts one thread per core by default; for the small matrices of a dwelling that
    /// doubles the cost of a solve (measured in `../shared/reference/swift-lapack-notes.md`).
    /// Foyer puts its parallelism at the outer level (one dwelling per core) instead. Call once at
    /// start-up; calling again is harmless.
    ///
    /// OpenBLAS starts its pool when the library is loaded, before any of Foyer's code runs, and
    /// setting one thread does not stop it: the idle thread spins in `sched_yield` for a while
    /// after start-up (measured: a `foyer simulate` of 130 ms used 1.9 CPUs, 40 % of its samples
    /// in the scheduler). The pool is therefore shut down too; single-threaded, OpenBLAS never
    /// restarts it.
    public static func useSingleThread() {
        openblas_set_num_threads(1)
        _ = blas_thread_shutdown_()
    }
}
