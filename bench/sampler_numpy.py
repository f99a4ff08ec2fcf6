#!/usr/bin/env python3
"""numpy twin of `diffold bench sampler`: the same step plan and gmm-subspace exact score, vectorised over the
batch (BLAS matrix products for U^T y and U h, numpy's ziggurat normals written in place).

Usage: sampler_numpy.py DIR N STEPS SEED, where DIR holds the files the Java benchmark writes: plan.npy (T x 6:
a, b, noise, c, alpha_bar, sigma^2 per step), u.npy (D x k), mu.npy (K x k), logw.npy (K), lam.npy (1).
Runs the first STEPS steps of the plan on N samples (the cost per step does not depend on the step) and prints
the wall-clock and the CPU time (all threads) per (sample x step x dimension) in nanoseconds, on one line. Thread count: set OPENBLAS_NUM_THREADS.
"""
import os
import sys
import time

import numpy as np


def main():
    d, n, steps, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    plan = np.load(os.path.join(d, "plan.npy"))
    u = np.ascontiguousarray(np.load(os.path.join(d, "u.npy")))
    ut = np.ascontiguousarray(u.T)
    mu = np.load(os.path.join(d, "mu.npy"))
    logw = np.load(os.path.join(d, "logw.npy")).reshape(-1)
    lam = float(np.load(os.path.join(d, "lam.npy")).reshape(-1)[0])
    dim = u.shape[0]
    mu2 = (mu * mu).sum(axis=1)
    steps = min(steps, plan.shape[0])
    rng = np.random.default_rng(seed)
    y = rng.standard_normal((n, dim))
    s = np.empty_like(y)
    z = np.empty_like(y)

    def step(i, y, s, z):
        a, b, nz, c, ab, s2 = plan[i]
        p = y @ u                                   # n x k: U^T y
        m = lam * ab + s2
        logits = logw[None, :] - ((p * p).sum(axis=1)[:, None] - 2 * c * (p @ mu.T) + c * c * mu2[None, :]) / (2 * m)
        logits -= logits.max(axis=1, keepdims=True)
        w = np.exp(logits)
        w /= w.sum(axis=1, keepdims=True)
        h = -(p - c * (w @ mu)) / m + p / s2          # grad log q_t(p) + p / sigma^2
        np.matmul(h, ut, out=s)                       # U h
        # y <- a y + b (-y / sigma^2 + U h) + nz z
        y *= a - b / s2
        s *= b
        y += s
        if nz > 0:
            rng.standard_normal(out=z)
            z *= nz
            y += z

    step(0, y, s, z)  # warm-up
    t0, c0 = time.perf_counter(), time.process_time()
    for i in range(steps):
        step(i, y, s, z)
    t1, c1 = time.perf_counter(), time.process_time()
    if not np.isfinite(y).all():
        raise SystemExit("non-finite samples")
    cells = n * steps * dim
    print((t1 - t0) * 1e9 / cells, (c1 - c0) * 1e9 / cells)


if __name__ == "__main__":
    main()
