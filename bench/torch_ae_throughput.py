#!/usr/bin/env python3
"""SiLD stage-1 training throughput of Diffold's conv autoencoder in PyTorch from Python: the baseline for
org.diffold.nn.bench.AutoencoderThroughputBench (same network, same loop, same batch).

Network (28x28x1, base width c, latent k): conv3x3 1->c, GN, SiLU; conv4x4/2 c->2c, GN, SiLU; conv4x4/2 2c->2c,
GN, SiLU; linear -> k; linear k -> 2c*7*7, SiLU; nearest 2x, conv3x3 2c->c, GN, SiLU; nearest 2x, conv3x3 c->c, GN,
SiLU; conv3x3 c->1. Loop per step: draw rows, sigma log-uniform in [1e-3, 0.2] and noise; loss =
mean((dec(enc(x + sigma eps)) - x)^2); backward; global-norm clipping at 1; Adam; loss.item().
Prints one line: samples_per_second=<float> threads=<n>.
"""
import argparse
import math
import time

import torch
from torch import nn


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--width", type=int, default=16)
    p.add_argument("--latent", type=int, default=16)
    p.add_argument("--groups", type=int, default=4)
    p.add_argument("--batch", type=int, default=64)
    p.add_argument("--warmup", type=int, default=5)
    p.add_argument("--steps", type=int, default=30)
    p.add_argument("--rows", type=int, default=2000)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    c, c2, g, k = a.width, 2 * a.width, a.groups, a.latent
    enc = nn.Sequential(nn.Conv2d(1, c, 3, 1, 1), nn.GroupNorm(g, c), nn.SiLU(),
                        nn.Conv2d(c, c2, 4, 2, 1), nn.GroupNorm(g, c2), nn.SiLU(),
                        nn.Conv2d(c2, c2, 4, 2, 1), nn.GroupNorm(g, c2), nn.SiLU(),
                        nn.Flatten(), nn.Linear(c2 * 49, k))
    dec = nn.Sequential(nn.Linear(k, c2 * 49), nn.SiLU(), nn.Unflatten(1, (c2, 7, 7)),
                        nn.Upsample(scale_factor=2, mode="nearest"), nn.Conv2d(c2, c, 3, 1, 1), nn.GroupNorm(g, c), nn.SiLU(),
                        nn.Upsample(scale_factor=2, mode="nearest"), nn.Conv2d(c, c, 3, 1, 1), nn.GroupNorm(g, c), nn.SiLU(),
                        nn.Conv2d(c, 1, 3, 1, 1))
    params = list(enc.parameters()) + list(dec.parameters())
    opt = torch.optim.Adam(params, lr=2e-3)
    data = torch.rand(a.rows, 784) * 2 - 1
    lo, hi = math.log(1e-3), math.log(0.2)

    def step():
        idx = torch.randint(0, a.rows, (a.batch,))
        x = data[idx]
        sigma = torch.exp(lo + (hi - lo) * torch.rand(a.batch, 1))
        xin = (x + sigma * torch.randn_like(x)).view(a.batch, 1, 28, 28)
        out = dec(enc(xin)).view(a.batch, 784)
        loss = ((out - x) ** 2).mean()
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(params, 1.0)
        opt.step()
        return loss.item()

    for _ in range(a.warmup):
        step()
    t0 = time.perf_counter()
    for _ in range(a.steps):
        step()
    dt = time.perf_counter() - t0
    print(f"samples_per_second={a.steps * a.batch / dt:.1f} threads={a.threads}")


if __name__ == "__main__":
    main()
