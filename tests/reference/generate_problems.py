#!/usr/bin/python3
"""Reference values for the two-parameter network of MEDL Figure 4.5, softmax regression
(MEDL (4.8)) and the steepest-descent slide of Risteski's lecture 5, computed outside the
C++ code with torch (float64 autograd, torch.autograd.functional.hessian), numpy and mpmath.

Writes fixtures/problems_network_softmax.json:

    /usr/bin/python3 tests/reference/generate_problems.py
"""

import json
import math
import pathlib

import mpmath
import numpy as np
import torch

torch.set_default_dtype(torch.float64)
FIXTURES = pathlib.Path(__file__).resolve().parent / "fixtures"

# --- MEDL Figure 4.5: f(x) = sigma(w2 sigma(w1 x)) on the authors' six points -------------

X6 = [-3.0, -2.0, -1.0, 1.0, 2.0, 3.0]
Y6 = [1.0, 0.0, 0.0, 1.0, 1.0, 0.0]


def network_losses(w):
    x, y = torch.tensor(X6), torch.tensor(Y6)
    z2 = w[1] * torch.sigmoid(w[0] * x)  # the output neuron's pre-activation
    squared = ((y - torch.sigmoid(z2)) ** 2).sum()  # the authors sum the squared loss ...
    # ... and average the CE; from the logit, as log(1 - yhat) loses digits when yhat ~ 1
    ce = torch.nn.functional.binary_cross_entropy_with_logits(z2, y)
    return squared, ce


def network():
    points = []
    for w in [[0.0, 0.0], [1.0, 1.0], [-1.0, 2.0], [5.0, -5.0], [10.0, 10.0], [0.3, -2.7],
              [-4.0, 1.5]]:
        out = {"w": w}
        for k, name in enumerate(["squared", "cross_entropy"]):
            t = torch.tensor(w, requires_grad=True)
            val = network_losses(t)[k]
            g = torch.autograd.grad(val, t)[0]
            out[name] = {"value": float(val), "gradient": g.tolist()}
        points.append(out)
    # The authors' grid: w1, w2 in [-20, 20) with step 0.1, numpy in float64.
    w = np.arange(-20, 20, 0.1)
    W1, W2 = np.meshgrid(w, w, indexing="ij")
    sq = np.zeros_like(W1)
    ce = np.zeros_like(W1)
    for x, y in zip(X6, Y6):
        z2 = W2 / (1 + np.exp(-W1 * x))
        sq += (y - 1 / (1 + np.exp(-z2))) ** 2
        ce += (np.logaddexp(0, z2) - y * z2) / 6  # -y log(yhat) - (1-y) log(1-yhat)
    grid = {}
    for name, z in [("squared", sq), ("cross_entropy", ce)]:
        i, j = np.unravel_index(np.argmin(z), z.shape)
        grid[name] = {"min": float(z.min()), "argmin": [float(W1[i, j]), float(W2[i, j])],
                      "max": float(z.max())}
    # Gradient descent with alpha = 1 from (10, -15), 2000 steps, torch autograd gradients.
    gd = {}
    for k, name in enumerate(["squared", "cross_entropy"]):
        w = torch.tensor([10.0, -15.0])
        for _ in range(2000):
            t = w.clone().requires_grad_(True)
            g = torch.autograd.grad(network_losses(t)[k], t)[0]
            w = w - 1.0 * g
        gd[name] = {"w": w.tolist(), "value": float(network_losses(w)[k])}
    return {"reference": "torch float64 autograd; grid extremes by numpy on "
                         "np.arange(-20, 20, 0.1)^2", "x": X6, "y": Y6, "points": points,
            "grid": grid, "gd": {"x0": [10.0, -15.0], "alpha": 1.0, "iterations": 2000,
                                 "runs": gd}}


# --- MEDL (4.8): softmax regression and log-sum-exp ---------------------------------------

def softmax_case(x, y, K, thetas):
    x = np.asarray(x, dtype=float)
    n, p = x.shape
    xt, yt = torch.tensor(x), torch.tensor(y)

    def C(theta):  # theta = (b_1..b_K, w_(1), ..., w_(K)), MEDL (3.23)
        b = theta[:K]
        W = theta[K:].reshape(K, p)
        return torch.nn.functional.cross_entropy(xt @ W.T + b, yt)  # mean of (4.8)

    evals = []
    for th in thetas:
        t = torch.tensor(th, requires_grad=True)
        val = C(t)
        g = torch.autograd.grad(val, t)[0]
        h = torch.autograd.functional.hessian(C, torch.tensor(th))
        evals.append({"theta": th, "value": float(val), "gradient": g.tolist(),
                      "hessian": h.tolist(),
                      "eigenvalues": np.linalg.eigvalsh(h.numpy()).tolist()})
    return {"x": x.tolist(), "y": list(y), "classes": K, "evaluations": evals}


def softmax():
    nine_x = [[-2 + 0.5 * i] for i in range(9)]
    nine_y = [0, 0, 1, 0, 1, 2, 1, 2, 2]
    rng = np.random.default_rng(7)
    five_x = rng.normal(size=(5, 2)).round(3).tolist()
    five_y = [0, 2, 1, 2, 0]
    lse = []
    for v in [[1.0, 2.0, 0.5], [0.0, 0.0, 0.0, 0.0], [30.0, -10.0, 29.0]]:
        h = torch.autograd.functional.hessian(lambda u: torch.logsumexp(u, 0), torch.tensor(v))
        lse.append({"v": v, "value": float(torch.logsumexp(torch.tensor(v), 0)),
                    "hessian": h.tolist(), "eigenvalues": np.linalg.eigvalsh(h.numpy()).tolist()})
    return {"reference": "torch.nn.functional.cross_entropy and "
                         "torch.autograd.functional.hessian in float64; numpy eigvalsh",
            "nine_points": softmax_case(nine_x, nine_y, 3,
                                        [[0.0] * 6, [0.2, -0.1, 0.3, -1.0, 0.5, 0.7]]),
            "five_points": softmax_case(five_x, five_y, 3,
                                        [[0.0] * 9,
                                         [0.1, -0.2, 0.3, 0.4, -0.5, 0.6, -0.7, 0.8, -0.9]]),
            "log_sum_exp": lse}


# --- Risteski lecture 5: steepest descent on f = x^2 + 3y^2 at (1, 1) (catalogue L2) ------

def steepest():
    grad = np.array([2.0, 6.0])
    offsets = []
    mpmath.mp.dps = 40
    for eps in [0.1, 0.01, 0.001]:
        # The minimizer of f(1 + e cos(phi), 1 + e sin(phi)) over phi: its derivative is
        # e (6 cos(phi) - 2 sin(phi) + 2 e sin(2 phi)); mpmath finds the root to 40 digits
        # (a bounded scalar minimizer is only accurate to ~1e-7 rad here, f is that flat).
        e = mpmath.mpf(eps)
        g = mpmath.atan2(-6, -2)
        phi = mpmath.findroot(lambda q: 6 * mpmath.cos(q) - 2 * mpmath.sin(q)
                              + 2 * e * mpmath.sin(2 * q), g)
        curvature = mpmath.diff(lambda q: (1 + e * mpmath.cos(q)) ** 2
                                + 3 * (1 + e * mpmath.sin(q)) ** 2, phi, 2)
        assert curvature > 0  # a minimum on the circle, not the maximum
        offsets.append({"epsilon": eps, "offset": float(phi - g)})
    return {"reference": "mpmath findroot (40 digits) of the derivative of f on the circle "
                         "|Delta| = epsilon; dual norms in numpy",
            "gradient": grad.tolist(), "direction": (-grad / np.linalg.norm(grad)).tolist(),
            "dual_norms": {"l2": float(np.linalg.norm(grad)), "l1": float(np.abs(grad).max()),
                           "linf": float(np.abs(grad).sum())},
            "offsets": offsets}


def main():
    data = {"network": network(), "softmax": softmax(), "steepest_descent": steepest()}
    path = FIXTURES / "problems_network_softmax.json"
    with open(path, "w") as f:
        json.dump(data, f, indent=1, sort_keys=True)
        f.write("\n")
    print("wrote", path)


if __name__ == "__main__":
    main()
