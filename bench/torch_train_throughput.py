#!/usr/bin/env python3
"""DSM training throughput of the Diffold MLP in PyTorch from Python: the baseline for
org.diffold.nn.bench.TrainThroughputBench (same model, same loop, same batch).

Model: input [x (D), sinusoidal embedding of the log-SNR (32)], `depth` GELU hidden layers of `width`, output D
(epsilon parameterisation). Loop per step: draw data rows, noise levels (uniform index into a li-yan T=1000
table) and noise; build the input; forward; loss = mean(w * (out - eps)^2) with w = 1 (sigma2 weighting);
backward; global-norm clipping at 1; Adam; EMA of the weights; loss.item().
Prints one line: samples_per_second=<float> threads=<n>.
"""
import argparse
import math
import time

import torch


def li_yan_log_alpha_bar(steps, c0=2.0, c1=4.0):
    # docs/math.md §2.1: beta_1 = T^-c0, beta_{t+1} = (c1 log T / T) min(beta_1 (1 + c1 log T / T)^t, 1)
    beta = [steps ** -c0]
    r = c1 * math.log(steps) / steps
    for t in range(1, steps):
        beta.append(r * min(beta[0] * (1 + r) ** t, 1.0))
    la, out = 0.0, []
    for b in beta:
        la += math.log1p(-b)
        out.append(la)
    return torch.tensor(out, dtype=torch.float64)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--dim", type=int, default=256)
    p.add_argument("--width", type=int, default=256)
    p.add_argument("--depth", type=int, default=4)
    p.add_argument("--batch", type=int, default=512)
    p.add_argument("--warmup", type=int, default=20)
    p.add_argument("--steps", type=int, default=100)
    p.add_argument("--rows", type=int, default=10000)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    d, emb = a.dim, 32
    layers, width_in = [], d + emb
    for _ in range(a.depth):
        layers += [torch.nn.Linear(width_in, a.width), torch.nn.GELU()]
        width_in = a.width
    layers.append(torch.nn.Linear(width_in, d))
    net = torch.nn.Sequential(*layers)
    ema = [q.detach().clone() for q in net.parameters()]
    opt = torch.optim.Adam(net.parameters(), lr=1e-3)
    data = torch.randn(a.rows, d)
    table = li_yan_log_alpha_bar(1000)
    half = emb // 2
    omega = (1.0 / 32) * (256.0 ** (torch.arange(half, dtype=torch.float64) / (half - 1)))  # 1/32 .. 8

    def step(t):
        idx = torch.randint(a.rows, (a.batch,))
        la = table[torch.randint(1000, (a.batch,))]
        sigma2 = -torch.expm1(la)
        c, sd = torch.exp(0.5 * la), torch.sqrt(sigma2)
        eps = torch.randn(a.batch, d)
        x = c.float()[:, None] * data[idx] + sd.float()[:, None] * eps
        gamma = la - torch.log(sigma2)
        ang = gamma[:, None] * omega[None, :]
        inp = torch.cat([x, torch.sin(ang).float(), torch.cos(ang).float()], dim=1)
        w = torch.ones(a.batch, 1)
        out = net(inp)
        loss = ((out - eps) ** 2 * w).mean()
        opt.zero_grad(set_to_none=False)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(net.parameters(), 1.0)
        opt.step()
        decay = min(0.999, (1.0 + t) / (10.0 + t))
        with torch.no_grad():
            for e, q in zip(ema, net.parameters()):
                e.mul_(decay).add_(q, alpha=1 - decay)
        return loss.item()

    for t in range(a.warmup):
        step(t)
    start = time.perf_counter()
    for t in range(a.warmup, a.warmup + a.steps):
        step(t)
    elapsed = time.perf_counter() - start
    print(f"samples_per_second={a.batch * a.steps / elapsed:.1f} threads={torch.get_num_threads()}")


if __name__ == "__main__":
    main()
