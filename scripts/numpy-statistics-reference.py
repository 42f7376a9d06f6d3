#!/usr/bin/env python3
"""Reference values for the statistics of Figures 5-6, computed with NumPy and SciPy themselves.

1. The CV-rank bootstrap.
The statistic (docs: the weight-norm bootstrap): for every norm exponent q in
numpy.arange(0.1, 4.5, 0.1), resample 0 is the data and resamples 1..R-1 draw, for every
synapse slot and time point, a synapse index with replacement; the draws come from one
numpy.random.default_rng(seed) that runs on through the whole q loop, so every q gets
fresh resamples. The CV over time of the q-norm is rescaled to [0, 1] over q per resample
("CV rank"), and q_min is the q of the smallest rank per resample.

2. The moving average of the slope statistic: scipy.ndimage.uniform_filter1d(x, m,
mode="constant", cval=-1e10), keeping outputs > 0 (the windows that do not touch the
padding). SciPy keeps one running sum over the padded line, so the -1e10 pads leave
rounding errors in the averages; the fixture holds a case where they show.

Usage:
  scripts/numpy-statistics-reference.py fixture > Tests/SimTests/Fixtures/numpy_statistics_reference.json
  scripts/numpy-statistics-reference.py kaufman [data/kaufman_2012.csv]   # prints q_min (slow: ~1 min)
"""
import json
import sys

import numpy as np
import scipy
from scipy.ndimage import uniform_filter1d


def cv_rank_bootstrap(w, resamples, seed):
    rng = np.random.default_rng(seed)
    exponents = np.arange(0.1, 4.5, 0.1)
    n_syn, n_t = w.shape
    cv = np.zeros((exponents.size, resamples))
    for qi, q in enumerate(exponents):
        norms = np.zeros((resamples, n_t))
        norms[0] = np.nansum(w ** q, axis=0) ** (1 / q)
        for r in range(1, resamples):
            idx = rng.integers(low=0, high=n_syn, size=(n_syn, n_t))
            drawn = np.take_along_axis(w, idx, axis=0)
            norms[r] = np.nansum(drawn ** q, axis=0) ** (1 / q)
        cv[qi] = np.nanstd(norms, axis=1) / np.nanmean(norms, axis=1)
    rank = (cv - cv.min(axis=0, keepdims=True)) / (cv.max(axis=0, keepdims=True) - cv.min(axis=0, keepdims=True))
    q_min = exponents[np.nanargmin(rank, axis=0)]
    return exponents, cv, rank, q_min


def kaufman(path, window=48, resamples=1000, seed=123):
    d = np.loadtxt(path, delimiter=",")
    d = d[d[:, window - 1] > 0, :window]      # spines present at the window's last time point
    _, _, rank, q_min = cv_rank_bootstrap(d, resamples, seed)
    mean = rank.mean(axis=1)
    print(f"q_min: {q_min.mean()!r} ({q_min.std()!r})")
    print(f"minimum mean CV rank: {mean.min()!r} at q = {np.arange(0.1, 4.5, 0.1)[mean.argmin()]!r}")


def fixture():
    g = np.random.default_rng(7)
    w = np.exp(0.5 * g.standard_normal((23, 9)))
    w[3, 2] = np.nan                           # a missing value: nansum skips it
    w[5, :4] = 0.0                             # a synapse that appears late
    resamples, seed = 12, 123
    exponents, cv, rank, q_min = cv_rank_bootstrap(w, resamples, seed)
    out = {
        "numpy": np.__version__,
        "made_by": "scripts/numpy-bootstrap-reference.py fixture",
        "seed": seed,
        "resamples": resamples,
        "rows": w.shape[0],
        "cols": w.shape[1],
        "w": [None if np.isnan(x) else float(x) for x in w.ravel()],
        "exponents": [float(x) for x in exponents],
        "cv": [float(x) for x in cv.T.ravel()],          # resample-major: cv[r * Q + q]
        "q_min": [float(x) for x in q_min],
        "q_min_mean": float(q_min.mean()),
        "q_min_std": float(q_min.std()),
    }
    # Moving average: |dw|-like values sorted by a w-like key, a window wide enough that the
    # running sum's rounding error shows (as with the Kaufman pairs: m = 1292).
    x = np.abs(0.02 + 0.01 * g.standard_normal(2500))
    m = max(round(x.size / 20), 10)
    f = uniform_filter1d(x, size=m, mode="constant", cval=-1e10)
    kept = np.flatnonzero(f > 0)
    every = kept[::5]                          # every fifth kept window keeps the file small
    out["scipy"] = scipy.__version__
    out["moving_average"] = {
        "x": [float(v) for v in x],
        "window": int(m),
        "kept": int(kept.size), "first_kept": int(kept[0]),
        "centers": [int(i) for i in every],
        "means": [float(v) for v in f[every]],
    }
    json.dump(out, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    if len(sys.argv) >= 2 and sys.argv[1] == "fixture":
        fixture()
    elif len(sys.argv) >= 2 and sys.argv[1] == "kaufman":
        kaufman(sys.argv[2] if len(sys.argv) > 2 else "data/kaufman_2012.csv")
    else:
        sys.exit(__doc__)
