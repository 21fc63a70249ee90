#!/usr/bin/python3
"""Reference values for descent's nn module and the network items (docs/pages/design.md, testing),
computed with torch autograd in float64, outside the C++ code.

Writes, next to this script:
  fixtures/nn_batch_norm.json  torch.nn.functional.batch_norm (training=True) forward and
                               autograd backward for the batches of Aggarwal §3.6 (catalogue
                               A48), and torch's running statistics after one batch;
  fixtures/nn_backprop.json    the 2-3-1 sigmoid network of catalogue A9 (plus the hidden L1
                               loss of A15), activation backward passes (A12, A28), softmax
                               cross-entropy (A13), the linear layer of A14, and a random
                               mini-batch MLP with every activation kind;
  fixtures/notes02_backprop.json  the networks of the notes' Algorithm 2 and Eqs. (2.12)-(2.18)
                               (catalogue N20, N21).

Run with Debian's Python, which has torch:  /usr/bin/python3 tests/reference/generate_nn.py
"""

import numpy as np
import torch
import torch.nn.functional as F

from torch_fixtures import lst, write

torch.set_default_dtype(torch.float64)


def t(x):
    return torch.tensor(x, dtype=torch.float64)


# ---------------------------------------------------------------- batch normalization ----
def bn_case(batch, gamma, beta, upstream, eps):
    v = t(batch).requires_grad_(True)
    g = t(gamma).requires_grad_(True)
    b = t(beta).requires_grad_(True)
    a = F.batch_norm(v, None, None, g, b, training=True, eps=eps)
    (a * t(upstream)).sum().backward()
    return {"batch": batch, "gamma": gamma, "beta": beta, "upstream": upstream, "eps": eps,
            "a": lst(a), "grad_v": lst(v.grad), "grad_gamma": lst(g.grad),
            "grad_beta": lst(b.grad)}


def column(xs):
    return [[x] for x in xs]


bn = {
    "eps_1e-5": bn_case(column([1, 2, 4, 7]), [1.5], [0.5], column([0.1, -0.2, 0.3, 0.4]), 1e-5),
    "eps_0.5": bn_case(column([1, 2, 4, 7]), [1.5], [0.5], column([0.1, -0.2, 0.3, 0.4]), 0.5),
    "batch_3x2": bn_case([[1, 10], [2, -5], [6, 0]], [1, 2], [0, -1],
                         [[1, 0.5], [-1, 0.25], [0.5, -2]], 1e-5),
    "constant": bn_case(column([3, 3, 3, 3]), [1.5], [0.5], column([0.1, -0.2, 0.3, 0.4]), 1e-5),
}
# torch's running statistics: momentum 0.1, unbiased variance, from (0, 1).
rm, rv = torch.zeros(1), torch.ones(1)
F.batch_norm(t(column([1, 2, 4, 7])), rm, rv, training=True, momentum=0.1, eps=1e-5)
bn["running_after_one_batch"] = {"mean": lst(rm), "var": lst(rv)}
# inference with those statistics
bn["inference"] = {"v": column([0, 3.5, 10]), "gamma": [1.5], "beta": [0.5],
                   "a": lst(F.batch_norm(t(column([0, 3.5, 10])), rm, rv, t([1.5]), t([0.5]),
                                         training=False, eps=1e-5))}
write("nn_batch_norm.json", bn)

# ------------------------------------------------------------------------ backprop ----
x = t([[0.5, -1.0]])
W1 = t([[0.1, -0.2, 0.3], [0.4, 0.5, -0.6]]).requires_grad_(True)
b1 = t([0.01, -0.02, 0.03]).requires_grad_(True)
W2 = t([[0.7], [-0.8], [0.9]]).requires_grad_(True)
b2 = t([0.05]).requires_grad_(True)


def a9(hidden_l1=0.0):
    for p in (W1, b1, W2, b2):
        p.grad = None
    a1 = x @ W1 + b1
    h = torch.sigmoid(a1)
    h.retain_grad()
    o = torch.sigmoid(h @ W2 + b2)
    loss = 0.5 * (o - 1.0) ** 2
    loss = loss.sum() + hidden_l1 * h.abs().sum()
    loss.backward()
    return {"a1": lst(a1), "h": lst(h), "o": lst(o), "loss": loss.item(),
            "grad_h": lst(h.grad), "grad_W1": lst(W1.grad), "grad_b1": lst(b1.grad),
            "grad_W2": lst(W2.grad), "grad_b2": lst(b2.grad)}


backprop = {"a9": a9(), "a15_hidden_l1_0.1": a9(0.1)}

z = t([-2, -1, -0.5, 0, 0.5, 1, 2])
up = t([1, 2, 3, 4, 5, 6, 7])
acts = {}
for name, fn in [("sigmoid", torch.sigmoid), ("tanh", torch.tanh), ("relu", torch.relu),
                 ("leaky_relu", lambda v: F.leaky_relu(v, 0.01)), ("hard_tanh", F.hardtanh)]:
    zz = z.clone().requires_grad_(True)
    out = fn(zz)
    (out * up).sum().backward()
    acts[name] = {"forward": lst(out), "backward": lst(zz.grad)}
backprop["activations"] = {"z": lst(z), "upstream": lst(up), "torch": acts}

soft = []
for v, y in [([1, 2, 3], [0, 0, 1]), ([2.0, 1.0, 0.1], [1, 0, 0]),
             ([0.5, -1.0, 2.0, 0.0], [0, 1, 0, 0]), ([1, 2, 3], [0.2, 0.3, 0.5])]:
    vv = t([v]).requires_grad_(True)
    loss = -(t([y]) * F.log_softmax(vv, dim=1)).sum()
    loss.backward()
    jac = torch.autograd.functional.jacobian(lambda q: torch.softmax(q, dim=0), t(v))
    soft.append({"v": v, "y": y, "o": lst(torch.softmax(t(v), 0)), "loss": loss.item(),
                 "grad": lst(vv.grad)[0], "jacobian": lst(jac)})
backprop["softmax"] = soft

Wl = t([[1, 2], [3, -1], [0.5, 0.25]]).requires_grad_(True)
zi = t([[1, -2, 0.5]]).requires_grad_(True)
gl = t([[0.3, -0.7]])
(zi @ Wl * gl).sum().backward()
backprop["linear"] = {"W": lst(Wl), "z": lst(zi), "upstream": lst(gl), "forward": lst(zi @ Wl),
                      "grad_z": lst(zi.grad), "grad_W": lst(Wl.grad)}

# A mini-batch MLP 4-5-5-5-5-3 with a different activation per layer, squared loss summed.
rng = np.random.default_rng(6)
sizes = [4, 5, 5, 5, 5, 3]
kinds = ["tanh", "relu", "leaky_relu", "sigmoid", "identity"]
fns = {"tanh": torch.tanh, "relu": torch.relu, "leaky_relu": lambda v: F.leaky_relu(v, 0.01),
       "sigmoid": torch.sigmoid, "identity": lambda v: v}
Ws = [t(np.round(rng.normal(0, 0.7, (sizes[k], sizes[k + 1])), 6)).requires_grad_(True)
      for k in range(5)]
bs = [t(np.round(rng.normal(0, 0.2, sizes[k + 1]), 6)).requires_grad_(True) for k in range(5)]
X = t(np.round(rng.normal(0, 1, (6, 4)), 6))
Y = t(np.round(rng.normal(0, 1, (6, 3)), 6))
h = X
for k in range(5):
    h = fns[kinds[k]](h @ Ws[k] + bs[k])
loss = 0.5 * ((h - Y) ** 2).sum()
loss.backward()
backprop["batch_mlp"] = {"kinds": kinds, "X": lst(X), "Y": lst(Y), "W": [lst(w) for w in Ws],
                         "b": [lst(b) for b in bs], "output": lst(h), "loss": loss.item(),
                         "grad_W": [lst(w.grad) for w in Ws],
                         "grad_b": [lst(b.grad) for b in bs]}
write("nn_backprop.json", backprop)

# ------------------------------------------------------------------ notes Algorithm 2 ----
nx = t([0.5, -1.0, 1.0])
N1 = t([[0.1, -0.2, 0.3], [-0.4, 0.5, -0.6], [0.7, -0.8, 0.9], [0.2, 0.1, -0.1]])
N2 = t([[0.3, -0.1, 0.2, 0.4], [-0.5, 0.6, -0.2, 0.1], [0.1, 0.2, -0.3, -0.4]])
N3 = t([[0.5, -0.4, 0.3], [-0.2, 0.6, -0.1]])


def notes_net(weights, label):
    ws = [w.clone().requires_grad_(True) for w in weights]
    out = {"a": [], "z": []}
    h = nx
    for k, w in enumerate(ws):
        a = w @ h
        out["a"].append(lst(a))
        h = a if k == len(ws) - 1 else torch.sigmoid(a)
        if k < len(ws) - 1:
            out["z"].append(lst(h))
    loss = -F.log_softmax(h, dim=0)[label]
    loss.backward()
    out.update({"x": lst(nx), "W": [lst(w) for w in weights], "label": label,
                "p": lst(torch.softmax(h, 0)), "loss": loss.item(),
                "grad_W": [lst(w.grad) for w in ws]})
    return out


write("notes02_backprop.json", {"two_layer": notes_net([N1, N2], 1),
                                "three_layer": notes_net([N1, N2, N3], 0)})

# ------------------------------------------- batch norm before / after the activation ----
# Aggarwal Figure 3.18: h = BN(tanh(xW + b)) (a) and h = tanh(BN(xW + b)) (b), training mode.
rng = np.random.default_rng(318)
X = t(np.round(rng.normal(0, 1, (5, 3)), 6))
W0 = np.round(rng.normal(0, 0.8, (3, 4)), 6)
b0 = np.round(rng.normal(0, 0.3, 4), 6)
g0 = np.round(rng.uniform(0.5, 1.5, 4), 6)
be0 = np.round(rng.normal(0, 0.3, 4), 6)
U = t(np.round(rng.normal(0, 1, (5, 4)), 6))
placement = {"X": lst(X), "W": W0.tolist(), "b": b0.tolist(), "gamma": g0.tolist(),
             "beta": be0.tolist(), "upstream": lst(U)}
for name in ("post_activation", "pre_activation"):
    x = X.clone().requires_grad_(True)
    W = t(W0).requires_grad_(True)
    b = t(b0).requires_grad_(True)
    g = t(g0).requires_grad_(True)
    be = t(be0).requires_grad_(True)
    a = x @ W + b
    if name == "post_activation":
        h = F.batch_norm(torch.tanh(a), None, None, g, be, training=True, eps=1e-5)
    else:
        h = torch.tanh(F.batch_norm(a, None, None, g, be, training=True, eps=1e-5))
    (h * U).sum().backward()
    placement[name] = {"output": lst(h), "grad_x": lst(x.grad), "grad_W": lst(W.grad),
                       "grad_b": lst(b.grad), "grad_gamma": lst(g.grad),
                       "grad_beta": lst(be.grad)}
write("nn_bn_placement.json", placement)
