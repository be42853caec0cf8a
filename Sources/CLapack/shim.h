// Shim over the Debian LAPACKE and OpenBLAS headers (packages liblapacke-dev, libopenblas-dev).
// `lapack_int` is a macro in lapacke.h and invisible to Swift: the typedef below exposes it.
#ifndef FOYER_CLAPACK_SHIM_H
#define FOYER_CLAPACK_SHIM_H
#include <cblas.h>
#include <lapacke.h>

typedef lapack_int foyer_lapack_int;

// OpenBLAS thread control (declared in OpenBLAS's cblas.h; repeated here so the intent is visible).
void openblas_set_num_threads(int num_threads);
// Stops OpenBLAS's pool threads (exported by OpenBLAS's pthread server, blas_server.c; its fork
// handler calls it). Once the library is single-threaded they are never restarted.
int blas_thread_shutdown_(void);

// glibc's allocator settings (mallopt), for runs of many jobs (see FoyerNumerics/ProcessMemory.swift).
#include <malloc.h>
#endif
