#!/usr/bin/python3
"""Reference training runs for Aggarwal §3.3.1 (aggarwal03 section-3.3.1), in torch float64.

The item's objective is the validation loss of a 2 -> H -> 2 tanh network (identity scores,
softmax cross-entropy with the batch mean) trained by full-batch gradient descent with an L2
rate lambda on every parameter: torch.optim.SGD(lr=alpha, weight_decay=lambda), which steps
theta <- theta - alpha (grad + lambda theta). Writes fixtures/aggarwal03_tuning.json: fixed
data and starting parameters (stored, so the C++ test starts from the same numbers), and for
a few (alpha, lambda) the training loss of the last epoch (taken before its step) and the
validation loss after the last step. The C++ side (train_trial) must reproduce them.

Run with Debian's Python, which has torch:  /usr/bin/python3 tests/reference/generate_tuning.py
(tests/reference/generate.py runs every generate_*.py).
"""

import numpy as np
import torch
import torch.nn.functional as F

from torch_fixtures import write

torch.set_default_dtype(torch.float64)


def moons(n, rng):
    """Two noisy half-moons, labels 0/1 (any data will do: the C++ test reads these points)."""
    y = rng.integers(0, 2, n)
    t = rng.uniform(0, np.pi, n)
    x = np.where(y[:, None] == 0, np.c_[np.cos(t), np.sin(t)],
                 np.c_[1 - np.cos(t), 0.5 - np.sin(t)])
    return x + 0.25 * rng.normal(size=(n, 2)), y


def trial(x, y, xv, yv, init, alpha, lam, epochs):
    params = [torch.tensor(a, requires_grad=True) for a in init]
    W1, b1, W2, b2 = params
    opt = torch.optim.SGD(params, lr=alpha, weight_decay=lam)
    X, Y, XV, YV = torch.tensor(x), torch.tensor(y), torch.tensor(xv), torch.tensor(yv)
    for _ in range(epochs):
        opt.zero_grad()
        loss = F.cross_entropy(torch.tanh(X @ W1 + b1) @ W2 + b2, Y)
        loss.backward()
        opt.step()
        train_loss = loss.item()
    with torch.no_grad():
        vloss = F.cross_entropy(torch.tanh(XV @ W1 + b1) @ W2 + b2, YV).item()
    return {"alpha": alpha, "lambda": lam, "train_loss": train_loss, "validation_loss": vloss}


def main():
    rng = np.random.default_rng(331)
    x, y = moons(16, rng)
    xv, yv = moons(10, rng)
    hidden = 6
    init = [rng.normal(scale=0.7, size=(2, hidden)), rng.normal(scale=0.1, size=hidden),
            rng.normal(scale=0.4, size=(hidden, 2)), rng.normal(scale=0.1, size=2)]
    epochs = 40
    cases = [trial(x, y, xv, yv, init, a, l, epochs)
             for a, l in [(0.01, 1e-5), (0.3, 1e-3), (1.0, 0.03), (0.1, 0.5)]]
    write("aggarwal03_tuning.json", {
        "x": x.tolist(), "labels": y.tolist(), "x_valid": xv.tolist(), "labels_valid": yv.tolist(),
        "W1": init[0].tolist(), "b1": init[1].tolist(), "W2": init[2].tolist(),
        "b2": init[3].tolist(), "epochs": epochs, "cases": cases,
        "source": "torch " + torch.__version__ + " float64, torch.optim.SGD with weight_decay"})


if __name__ == "__main__":
    main()
