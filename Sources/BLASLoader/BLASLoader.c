// See include/BLASLoader.h. The CBLAS prototypes are declared here with their ABI values
// (CblasRowMajor = 101, CblasNoTrans = 111, CblasTrans = 112), so no OpenBLAS header is
// needed at build time.
#define _GNU_SOURCE
#include "BLASLoader.h"

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef void (*sgemm_fn)(int, int, int, int, int, int, float, const float *, int, const float *, int,
                         float, float *, int);
typedef void (*dgemm_fn)(int, int, int, int, int, int, double, const double *, int, const double *, int,
                         double, double *, int);
typedef float (*sdot_fn)(int, const float *, int, const float *, int);
typedef void (*threads_fn)(int);
typedef char *(*name_fn)(void);

static sgemm_fn p_sgemm;
static dgemm_fn p_dgemm;
static sdot_fn p_sdot;
static threads_fn p_threads;
static name_fn p_corename;
static name_fn p_config;

#if defined(__x86_64__)
#include <cpuid.h>
// The Makefile builds our Swift code for `haswell` on the same test (AVX2 and FMA in
// /proc/cpuinfo, which also requires the OS to save the AVX registers).
static int has_avx2_fma(void) {
    unsigned a, b, c, d;
    if (!__get_cpuid(1, &a, &b, &c, &d)) return 0;
    int fma = (c >> 12) & 1, osxsave = (c >> 27) & 1, avx = (c >> 28) & 1;
    if (!(fma && osxsave && avx)) return 0;
    unsigned lo, hi;
    __asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
    if ((lo & 6) != 6) return 0;  // the OS saves SSE and AVX state
    if (!__get_cpuid_count(7, 0, &a, &b, &c, &d)) return 0;
    return (b >> 5) & 1;
}
static int has_sse3(void) {
    unsigned a, b, c, d;
    return __get_cpuid(1, &a, &b, &c, &d) && (c & 1);
}
#endif

const char *blas_loader_default_coretype(void) {
#if defined(__x86_64__)
    if (has_avx2_fma()) return "Haswell";
    if (has_sse3()) return "Prescott";
#endif
    return NULL;
}

int blas_loader_open(const char *coretype, char *error, size_t error_size) {
    if (coretype) setenv("OPENBLAS_CORETYPE", coretype, 1);
    else unsetenv("OPENBLAS_CORETYPE");
    // Debian's libopenblas0 package installs this name (Makefile `deps`).
    static const char *names[] = {"libopenblas.so.0", "libopenblas.so"};
    void *lib = NULL;
    const char *why = "";
    for (size_t i = 0; i < sizeof names / sizeof names[0] && !lib; i++) {
        lib = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
        if (!lib) why = dlerror();
    }
    if (!lib) {
        snprintf(error, error_size, "cannot open OpenBLAS (libopenblas.so.0): %s", why);
        return -1;
    }
    const char *missing = NULL;
#define BIND(var, type, name) \
    do { var = (type)dlsym(lib, name); if (!var && !missing) missing = name; } while (0)
    BIND(p_sgemm, sgemm_fn, "cblas_sgemm");
    BIND(p_dgemm, dgemm_fn, "cblas_dgemm");
    BIND(p_sdot, sdot_fn, "cblas_sdot");
    BIND(p_threads, threads_fn, "openblas_set_num_threads");
    BIND(p_corename, name_fn, "openblas_get_corename");
    BIND(p_config, name_fn, "openblas_get_config");
#undef BIND
    if (missing) {
        snprintf(error, error_size, "OpenBLAS lacks %s", missing);
        return -1;
    }
    return 0;
}

const char *blas_loader_corename(void) { return p_corename(); }
const char *blas_loader_config(void) { return p_config(); }
void blas_loader_set_num_threads(int threads) { p_threads(threads); }

void blas_loader_sgemm_rowmajor(int trans_b, int m, int n, int k, float alpha, const float *a, int lda,
                                const float *b, int ldb, float beta, float *c, int ldc) {
    p_sgemm(101, 111, trans_b ? 112 : 111, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
}

void blas_loader_dgemm_rowmajor(int m, int n, int k, double alpha, const double *a, int lda,
                                const double *b, int ldb, double beta, double *c, int ldc) {
    p_dgemm(101, 111, 111, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
}

float blas_loader_sdot(int n, const float *x, int incx, const float *y, int incy) {
    return p_sdot(n, x, incx, y, incy);
}
