// Loads OpenBLAS at run time with a kernel the project chooses (Sources/Sim/Blas.swift).
//
// OpenBLAS picks its kernels in a constructor when the library is loaded, from
// OPENBLAS_CORETYPE or, without it, from the CPU it recognises. A library linked at build
// time is loaded before main() runs, too early to set that variable; so the project does
// not link OpenBLAS but opens it here, after choosing the kernel.
#ifndef BLAS_LOADER_H
#define BLAS_LOADER_H

#include <stddef.h>

/// The OpenBLAS kernel (an OPENBLAS_CORETYPE name) for this CPU: "Haswell" when it has
/// AVX2 and FMA, "Prescott" when it has SSE3, NULL when the choice is left to OpenBLAS
/// (other CPUs and architectures).
const char *blas_loader_default_coretype(void);

/// Sets OPENBLAS_CORETYPE to `coretype` (unsets it for NULL), opens libopenblas and binds
/// the functions below. Returns 0, or -1 with a message in `error`.
int blas_loader_open(const char *coretype, char *error, size_t error_size);

/// The kernel OpenBLAS runs (openblas_get_corename) and its build configuration.
const char *blas_loader_corename(void);
const char *blas_loader_config(void);

void blas_loader_set_num_threads(int threads);

/// cblas_sgemm, row-major: C = alpha A op(B) + beta C.
void blas_loader_sgemm_rowmajor(int trans_b, int m, int n, int k, float alpha, const float *a, int lda,
                                const float *b, int ldb, float beta, float *c, int ldc);
/// cblas_dgemm, row-major, no transposes.
void blas_loader_dgemm_rowmajor(int m, int n, int k, double alpha, const double *a, int lda,
                                const double *b, int ldb, double beta, double *c, int ldc);
float blas_loader_sdot(int n, const float *x, int incx, const float *y, int incy);

#endif
