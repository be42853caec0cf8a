import CLapack

/// Process-wide memory settings for runs of many simulations.
public enum ProcessMemory {
    /// Keeps freed blocks in the process instead of handing them back to the kernel.
    ///
    /// Each simulation allocates and frees the same hourly arrays (a few MB). By default glibc
    /// returns blocks above 128 kB to the kernel when they are freed (`munmap`, heap trimming), so
    /// the next job takes fresh pages and the kernel zeroes each one again: 415 000 page faults
    /// for 200 EN ISO 52016-1 jobs, measured with `/usr/bin/time`. With the mmap threshold at
    /// 256 MB and the trim threshold at 512 MB (glibc `mallopt`) the same run has 6 000, and its
    /// peak resident memory is the same (51 MB). Call once, before the jobs start.
    public static func keepFreedBlocks() {
        _ = mallopt(M_MMAP_THRESHOLD, 256 << 20)
        _ = mallopt(M_TRIM_THRESHOLD, 512 << 20)
    }
}
