#!/usr/bin/env python3
"""DSM training throughput of Diffold's U-Net (org.diffold.nn.net.UnetNetwork) in PyTorch from Python: the
baseline for org.diffold.nn.bench.UnetThroughputBench (same network, same loop, same batch, same optimiser).

Network on 28x28x1 with channels c_1..c_L and G groups: t = SiLU(W2 SiLU(W1 e + b1) + b2) from the 32 sinusoidal
features of the log-SNR (width 4 c_1); conv3x3 in; per level a residual block (GN, SiLU, conv3x3, + Linear(t) per
channel, GN, SiLU, conv3x3, 1x1 skip when the width changes) then a stride-2 conv3x3; a middle block; per level back
up: nearest 2x, concat with the level's skip, a residual block; GN, SiLU, conv3x3 out.
Loop per step: draw rows, levels (uniform index into a li-yan T = 1000 table) and noise; edm input and target;
loss = mean(w (out - target)^2) with the sigma2 weight; backward; global-norm clipping at 1; Adam; EMA; loss.item().
Prints one line: samples_per_second=<float> samples_per_cpu_second=<float> threads=<n> (CPU time of the process).
"""
import argparse
import time

import torch
from torch import nn
import torch.nn.functional as F

from torch_train_throughput import li_yan_log_alpha_bar  # the same table as the MLP benchmark (docs/math.md §2.1)


class Res(nn.Module):
    def __init__(self, cin, cout, t, g):
        super().__init__()
        self.gn1, self.conv1 = nn.GroupNorm(g, cin), nn.Conv2d(cin, cout, 3, 1, 1)
        self.temb = nn.Linear(t, cout)
        self.gn2, self.conv2 = nn.GroupNorm(g, cout), nn.Conv2d(cout, cout, 3, 1, 1)
        self.skip = nn.Conv2d(cin, cout, 1) if cin != cout else None

    def forward(self, x, t):
        h = self.conv1(F.silu(self.gn1(x)))
        h = h + self.temb(t)[:, :, None, None]
        h = self.conv2(F.silu(self.gn2(h)))
        return (x if self.skip is None else self.skip(x)) + h


class Unet(nn.Module):
    def __init__(self, channels, groups, emb=32):
        super().__init__()
        c1, t = channels[0], 4 * channels[0]
        self.temb0, self.temb1 = nn.Linear(emb, t), nn.Linear(t, t)
        self.inp = nn.Conv2d(1, c1, 3, 1, 1)
        self.down, self.ds = nn.ModuleList(), nn.ModuleList()
        c = c1
        for cl in channels:
            self.down.append(Res(c, cl, t, groups))
            c = cl
            self.ds.append(nn.Conv2d(c, c, 3, 2, 1))
        self.mid = Res(c, c, t, groups)
        self.up = nn.ModuleList()
        for cl in reversed(channels):
            self.up.append(Res(c + cl, cl, t, groups))
            c = cl
        self.gn, self.out = nn.GroupNorm(groups, c), nn.Conv2d(c, 1, 3, 1, 1)

    def forward(self, x, e):
        t = F.silu(self.temb1(F.silu(self.temb0(e))))
        h = self.inp(x)
        skips = []
        for blk, ds in zip(self.down, self.ds):
            h = blk(h, t)
            skips.append(h)
            h = ds(h)
        h = self.mid(h, t)
        for blk in self.up:
            h = blk(torch.cat([F.interpolate(h, scale_factor=2, mode="nearest"), skips.pop()], 1), t)
        return self.out(F.silu(self.gn(h)))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--channels", default="32/64")
    p.add_argument("--groups", type=int, default=8)
    p.add_argument("--batch", type=int, default=64)
    p.add_argument("--warmup", type=int, default=5)
    p.add_argument("--steps", type=int, default=20)
    p.add_argument("--rows", type=int, default=2000)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    net = Unet([int(c) for c in a.channels.replace(",", "/").split("/")], a.groups)
    params = list(net.parameters())
    ema = [q.detach().clone() for q in params]
    opt = torch.optim.Adam(params, lr=1e-3)
    data = torch.rand(a.rows, 784) * 2 - 1
    sd = float(data.pow(2).mean().sqrt())
    table = li_yan_log_alpha_bar(1000)
    half = 16
    omega = (1.0 / 32) * (256.0 ** (torch.arange(half, dtype=torch.float64) / (half - 1)))

    def step(t):
        idx = torch.randint(a.rows, (a.batch,))
        la = table[torch.randint(1000, (a.batch,))]
        sigma2 = -torch.expm1(la)
        c, sg = torch.exp(0.5 * la), torch.sqrt(sigma2)
        v = c * c * sd * sd + sigma2
        eps = torch.randn(a.batch, 784)
        x0 = data[idx]
        x = c.float()[:, None] * x0 + sg.float()[:, None] * eps
        inp = (x / v.sqrt().float()[:, None]).view(a.batch, 1, 28, 28)
        tgt = (sg.float()[:, None] * x0 - (c * sd * sd).float()[:, None] * eps) / (sd * v.sqrt()).float()[:, None]
        w = (sigma2 * (c * sd / (sg * v.sqrt())) ** 2).float()[:, None]
        gamma = la - torch.log(sigma2)
        ang = gamma[:, None] * omega[None, :]
        e = torch.cat([torch.sin(ang), torch.cos(ang)], dim=1).float()
        out = net(inp, e).view(a.batch, 784)
        loss = ((out - tgt) ** 2 * w).mean()
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(params, 1.0)
        opt.step()
        decay = min(0.999, (1.0 + t) / (10.0 + t))
        with torch.no_grad():
            for q_ema, q in zip(ema, params):
                q_ema.mul_(decay).add_(q, alpha=1 - decay)
        return loss.item()

    for t in range(a.warmup):
        step(t)
    t0, c0 = time.perf_counter(), time.process_time()
    for t in range(a.warmup, a.warmup + a.steps):
        step(t)
    dt, dc = time.perf_counter() - t0, time.process_time() - c0
    print(f"samples_per_second={a.steps * a.batch / dt:.1f} samples_per_cpu_second={a.steps * a.batch / dc:.1f} "
          f"threads={torch.get_num_threads()}")


if __name__ == "__main__":
    main()
