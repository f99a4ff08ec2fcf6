"""numpy (OpenBLAS) baseline of the empirical-score evaluation (docs/math.md §6), the same computation as
org.diffold.lab.bench.EmpiricalScoreBenchmark: logits (c x . x_i - c^2 |x_i|^2 / 2) / v, max-subtracted softmax,
weighted mean m = sum_i w_i x_i, score (c m - x) / v, all in float64.
Usage: empirical_score_numpy.py TRAIN.npy QUERIES.npy C V REPEATS OUT.npy  (prints the best time in seconds)."""
import sys
import time

import numpy as np


def score(x, t, t2, c, v):
    logits = (x @ t.T) * (c / v) - (0.5 * c * c / v) * t2
    logits -= logits.max(axis=1, keepdims=True)
    np.exp(logits, out=logits)
    s = logits.sum(axis=1, keepdims=True)
    m = (logits @ t) / s
    return (c * m - x) / v


def main():
    t = np.load(sys.argv[1])
    x = np.load(sys.argv[2])
    c, v, repeats = float(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5])
    t2 = (t * t).sum(axis=1)
    score(x[:64], t, t2, c, v)  # warm-up
    best, out = float("inf"), None
    for _ in range(repeats):
        start = time.perf_counter()
        out = score(x, t, t2, c, v)
        best = min(best, time.perf_counter() - start)
    np.save(sys.argv[6], out[:8])
    print(best)


if __name__ == "__main__":
    main()
