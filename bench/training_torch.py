#!/usr/bin/python3
"""The PyTorch side of bench_training (bench/training_bench.cpp launches it; it can also run alone).

The same networks, data, initialization scheme, optimizer, batch size and number of steps as the
C++ side:
  figure-4.4  Dense 784-400-200-100-50-10, ReLU, softmax cross-entropy, Adam (lr 1e-5,
              betas (0.9, 0.999), eps 1e-8), batch 10, 200 epochs of the first 1000 Fashion-MNIST
              training images (shuffled every epoch), validation on images 1001-1500 after every
              epoch, the best parameters kept (early-stopping bookkeeping);
  bn          784-256-256-10, hidden layers Linear(bias=False) -> BatchNorm1d -> ReLU, Adam
              (lr 1e-3), batch 128, one epoch of the 60 000 training images, validation (eval
              mode) on the 10 000 test images.
Weights are Xavier-normal (N(0, 2/(fan_in + fan_out))), biases 0, gamma 1, beta 0.

Prints one line per run:
  RESULT <workload> <dtype> <seconds> <train_loss> <valid_loss> <valid_acc> <steps> <cpu_seconds>
and an INFO line with the torch version and thread counts. Only the training is timed (data
loading and model construction are not), as on the C++ side.

Usage: training_torch.py [--threads N] [--quick] [--epochs N] [--dtype float64|float32 ...]
                          [--workload W ...]
"""

import argparse
import ctypes
import gzip
import os
import sys
import time

import numpy as np

DATA = "/usr/share/datasets/fashion-mnist"


def read_idx(path):
    with gzip.open(path, "rb") as f:
        raw = f.read()
    ndims = raw[3]
    dims = [int.from_bytes(raw[4 + 4 * i:8 + 4 * i], "big") for i in range(ndims)]
    return np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * ndims).reshape(dims)


def load(split, limit):
    x = read_idx(os.path.join(DATA, f"{split}-images-idx3-ubyte.gz"))[:limit]
    y = read_idx(os.path.join(DATA, f"{split}-labels-idx1-ubyte.gz"))[:limit]
    return x.reshape(len(x), -1).astype(np.float64) / 255.0, y.astype(np.int64)


def openblas_threads():
    for name in ("libblas.so.3", "libopenblas.so.0"):
        try:
            lib = ctypes.CDLL(name)
            return name, lib.openblas_get_num_threads()
        except (OSError, AttributeError):
            continue
    return "?", -1


def train(torch, model, x, y, xv, yv, batch, epochs, lr, seed):
    import torch.nn.functional as F
    opt = torch.optim.Adam(model.parameters(), lr=lr, betas=(0.9, 0.999), eps=1e-8)
    gen = torch.Generator().manual_seed(seed)
    n = x.shape[0]
    best_loss, best = None, None
    steps = 0
    start, cpu = time.perf_counter(), time.process_time()
    for _ in range(epochs):
        model.train()
        perm = torch.randperm(n, generator=gen)
        loss_sum, batches = 0.0, 0
        for s in range(0, n, batch):
            idx = perm[s:s + batch]
            loss = F.cross_entropy(model(x[idx]), y[idx])  # the batch-mean loss
            opt.zero_grad()
            loss.backward()
            opt.step()
            loss_sum += loss.item()
            batches += 1
            steps += 1
        model.eval()
        with torch.no_grad():
            scores = model(xv)
            valid_loss = F.cross_entropy(scores, yv).item()
            valid_acc = (scores.argmax(1) == yv).double().mean().item()
        if best_loss is None or valid_loss < best_loss:  # early stopping keeps the best
            best_loss = valid_loss
            best = [p.detach().clone() for p in model.parameters()]
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    return seconds, loss_sum / batches, valid_loss, valid_acc, steps, cpu


def xavier(torch, model, gen):
    for m in model.modules():
        if isinstance(m, torch.nn.Linear):
            fan_out, fan_in = m.weight.shape
            with torch.no_grad():
                m.weight.normal_(0.0, (2.0 / (fan_in + fan_out)) ** 0.5, generator=gen)
                if m.bias is not None:
                    m.bias.zero_()


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--threads", type=int, default=0)
    p.add_argument("--quick", action="store_true")
    p.add_argument("--dtype", action="append", choices=["float64", "float32"])
    p.add_argument("--workload", action="append", choices=["figure-4.4", "bn"])
    p.add_argument("--epochs", type=int, default=200, help="figure-4.4 epochs (the book: 200)")
    a = p.parse_args()
    if a.threads > 0:  # before torch loads OpenBLAS
        os.environ["OPENBLAS_NUM_THREADS"] = str(a.threads)
    import torch
    nn = torch.nn
    if a.threads > 0:
        torch.set_num_threads(a.threads)
    lib, blas_threads = openblas_threads()
    print(f"INFO torch {torch.__version__} torch_threads {torch.get_num_threads()} "
          f"openblas_threads {blas_threads} ({lib})", flush=True)
    dtypes = a.dtype or ["float64"]
    workloads = a.workload or ["figure-4.4", "bn"]
    for workload in workloads:
        if workload == "figure-4.4":
            n, nv, epochs = (100, 50, 1) if a.quick else (1000, 500, a.epochs)
            x, y = load("train", n + nv)
            x, y, xv, yv = x[:n], y[:n], x[n:], y[n:]
            batch, lr = 10, 1e-5
        else:
            n, nv, epochs = (512, 100, 1) if a.quick else (60000, 10000, 1)
            x, y = load("train", n)
            xv, yv = load("t10k", nv)
            batch, lr = 128, 1e-3
        for dtype in dtypes:
            dt = getattr(torch, dtype)
            torch.set_default_dtype(dt)
            gen = torch.Generator().manual_seed(0)
            if workload == "figure-4.4":
                widths = [784, 400, 200, 100, 50, 10]
                layers = []
                for i in range(len(widths) - 1):
                    layers.append(nn.Linear(widths[i], widths[i + 1]))
                    if i + 2 < len(widths):
                        layers.append(nn.ReLU())
                model = nn.Sequential(*layers)
            else:
                model = nn.Sequential(nn.Linear(784, 256, bias=False), nn.BatchNorm1d(256),
                                      nn.ReLU(), nn.Linear(256, 256, bias=False),
                                      nn.BatchNorm1d(256), nn.ReLU(), nn.Linear(256, 10))
            xavier(torch, model, gen)
            t = lambda v: torch.tensor(v, dtype=dt)
            r = train(torch, model, t(x), torch.tensor(y), t(xv), torch.tensor(yv), batch, epochs,
                      lr, 0)
            print(f"RESULT {workload} {dtype} {r[0]:.6f} {r[1]:.9g} {r[2]:.9g} {r[3]:.6f} {r[4]} "
                  f"{r[5]:.6f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
