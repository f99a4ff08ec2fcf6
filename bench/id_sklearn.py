#!/usr/bin/env python3
"""scikit-learn twin of `diffold id --data fashion-mnist --subset N --estimators mle,twonn`: brute-force exact kNN
(sklearn.neighbors.NearestNeighbors, algorithm='brute', OpenBLAS) on the first N training images as raw pixels
0..255, then the same two estimators in numpy (Levina-Bickel MLE with k = 20 averaged as n / sum of inverses;
TwoNN of Facco et al. discarding the largest 10% of r2/r1, least squares through the origin).

Usage: id_sklearn.py N THREADS [DATA_DIR]. Prints the estimates and, last, the total seconds (kNN + estimators;
loading the images is not timed, as in diffold's "total").
"""
import gzip
import os
import sys
import time

import numpy as np
from sklearn.neighbors import NearestNeighbors


def load(n, data_dir):
    with gzip.open(os.path.join(data_dir, "train-images-idx3-ubyte.gz"), "rb") as f:
        raw = f.read()
    x = np.frombuffer(raw, dtype=np.uint8, offset=16).reshape(-1, 784)[:n]
    return x.astype(np.float64)


def main():
    n, threads = int(sys.argv[1]), int(sys.argv[2])
    data_dir = sys.argv[3] if len(sys.argv) > 3 else "/usr/share/datasets/fashion-mnist"
    x = load(n, data_dir)
    k = 20
    t0 = time.perf_counter()
    nn = NearestNeighbors(n_neighbors=k + 1, algorithm="brute", n_jobs=threads).fit(x)
    dist, _ = nn.kneighbors(x)
    t1 = time.perf_counter()
    dist = dist[:, 1:]  # drop the point itself
    inv = (np.log(dist[:, k - 1:k]) - np.log(dist[:, :k - 1])).sum(axis=1) / (k - 1)
    mle = n / inv.sum()
    log_mu = np.sort(np.log(dist[:, 1] / dist[:, 0]))
    m = min(n - 1, int(np.floor(n * 0.9)))
    i = np.arange(1, m + 1)
    xs, ys = log_mu[:m], -np.log1p(-i / n)
    twonn = (xs * ys).sum() / (xs * xs).sum()
    t2 = time.perf_counter()
    print(f"scikit-learn brute kNN (k={k}, n_jobs={threads}) {t1 - t0:.3f} s; mle {mle:.2f}, twonn {twonn:.2f}, "
          f"estimators {t2 - t1:.3f} s")
    print(t2 - t0)


if __name__ == "__main__":
    main()
