#!/usr/bin/python3
"""Reference runs of descent's training loops, replayed in torch (float64), outside the C++ code.

Writes fixtures/nn_training.json with three cases, each from fixed data and fixed starting
parameters (stored, so the C++ test starts from the same numbers; no RNG is shared):

  adam_classifier  a 6-5-4-3 network (tanh, relu, identity scores), softmax cross-entropy with
                   the batch-mean loss (torch's CrossEntropyLoss), torch.optim.Adam (lr 0.05,
                   betas (0.9, 0.999), eps 1e-8), mini-batches of 4 over 10 examples taken in
                   data order (no shuffling: batches of 4, 4, 2), 3 epochs. Per epoch: the mean
                   batch loss, the validation loss and accuracy, the parameters. This is what
                   nn::train_classifier with TrainOptions::shuffle = false must reproduce
                   (MEDL Figure 4.4's loop, Algorithm 4.2's ADAM).
  soft_targets     cross-entropy against probability vectors (torch's F.cross_entropy with
                   class-probability targets, batch mean) and its gradient o − p (Aggarwal
                   §3.7.3, mimic models), then 2 epochs of SGD (lr 0.5) of a 4-3-3 tanh student
                   on those soft targets in data order, batches of 3 over 5 examples.
  bn_step          a 5-4-4-3 network whose hidden layers are dense + BatchNorm1d (training mode,
                   eps 1e-5; layer 1 pre-activation, layer 2 post-activation, Aggarwal Figure
                   3.18), tanh, identity scores, batch-mean cross-entropy: loss, gradients and
                   the parameters after one SGD step (lr 0.1); then inference with population
                   statistics (biased variance, Eq. 3.59) on the same batch.

Run with Debian's Python, which has torch:  /usr/bin/python3 tests/reference/generate_training.py
(tests/reference/generate.py runs every generate_*.py).
"""

import numpy as np
import torch
import torch.nn.functional as F

from torch_fixtures import lst, write

torch.set_default_dtype(torch.float64)


def mlp(params, acts, x):
    """Dense layers a = h W + b (W is fan-in x fan-out, as descent::nn::Dense)."""
    h = x
    for (W, b), act in zip(params, acts):
        h = h @ W + b
        h = {"tanh": torch.tanh, "relu": torch.relu, "identity": lambda z: z}[act](h)
    return h


def adam_classifier():
    rng = np.random.default_rng(20261123)
    sizes, acts = [6, 5, 4, 3], ["tanh", "relu", "identity"]
    x = rng.normal(size=(10, 6))
    labels = [0, 1, 2, 1, 0, 2, 2, 1, 0, 1]
    xv = rng.normal(size=(7, 6))
    labels_v = [2, 0, 1, 1, 2, 0, 1]
    init = [(rng.normal(scale=0.6, size=(i, o)), rng.normal(scale=0.1, size=o))
            for i, o in zip(sizes[:-1], sizes[1:])]
    params = [(torch.tensor(W, requires_grad=True), torch.tensor(b, requires_grad=True))
              for W, b in init]
    flat = [p for pair in params for p in pair]
    opt = torch.optim.Adam(flat, lr=0.05, betas=(0.9, 0.999), eps=1e-8)
    X, Y = torch.tensor(x), torch.tensor(labels)
    XV, YV = torch.tensor(xv), torch.tensor(labels_v)
    epochs = []
    for epoch in range(5):
        losses = []
        for start in range(0, 10, 4):  # data order, last batch of 2
            opt.zero_grad()
            loss = F.cross_entropy(mlp(params, acts, X[start:start + 4]), Y[start:start + 4])
            loss.backward()
            opt.step()
            losses.append(loss.item())
        with torch.no_grad():
            scores = mlp(params, acts, XV)
            vloss = F.cross_entropy(scores, YV).item()
            acc = (scores.argmax(1) == YV).double().mean().item()
        epochs.append({"train_loss": float(np.mean(losses)), "validation_loss": vloss,
                       "validation_accuracy": acc,
                       "W": [lst(W) for W, _ in params], "b": [lst(b) for _, b in params]})
    best = int(np.argmin([e["validation_loss"] for e in epochs]))
    return {"sizes": sizes, "activations": acts, "x": x.tolist(), "labels": labels,
            "x_valid": xv.tolist(), "labels_valid": labels_v,
            "W0": [W.tolist() for W, _ in init], "b0": [b.tolist() for _, b in init],
            "alpha": 0.05, "batch": 4, "epochs": epochs, "best_epoch": best + 1,
            "source": "torch " + torch.__version__ + " float64, torch.optim.Adam"}


def soft_targets():
    rng = np.random.default_rng(373)
    v = rng.normal(size=(5, 3)) * 2
    p = rng.dirichlet([1, 1, 1], size=5)
    V = torch.tensor(v, requires_grad=True)
    loss = F.cross_entropy(V, torch.tensor(p))  # probability targets, batch mean
    loss.backward()
    # a student trained on the soft targets p of inputs x
    x = rng.normal(size=(5, 4))
    init = [(rng.normal(scale=0.5, size=(4, 3)), rng.normal(scale=0.1, size=3)),
            (rng.normal(scale=0.5, size=(3, 3)), rng.normal(scale=0.1, size=3))]
    params = [(torch.tensor(W, requires_grad=True), torch.tensor(b, requires_grad=True))
              for W, b in init]
    flat = [q for pair in params for q in pair]
    opt = torch.optim.SGD(flat, lr=0.5)
    X, P = torch.tensor(x), torch.tensor(p)
    epoch_loss = []
    for epoch in range(2):
        losses = []
        for start in range(0, 5, 3):
            opt.zero_grad()
            l = F.cross_entropy(mlp(params, ["tanh", "identity"], X[start:start + 3]),
                                P[start:start + 3])
            l.backward()
            opt.step()
            losses.append(l.item())
        epoch_loss.append(float(np.mean(losses)))
    return {"v": v.tolist(), "p": p.tolist(), "loss_mean": loss.item(), "grad_mean": lst(V.grad),
            "x": x.tolist(), "W0": [W.tolist() for W, _ in init],
            "b0": [b.tolist() for _, b in init], "alpha": 0.5, "batch": 3,
            "epoch_loss": epoch_loss, "W": [lst(W) for W, _ in params],
            "b": [lst(b) for _, b in params],
            "source": "torch " + torch.__version__ + " float64, F.cross_entropy with "
                      "probability targets, torch.optim.SGD"}


def bn_step():
    rng = np.random.default_rng(318)
    x = rng.normal(size=(6, 5))
    labels = [0, 2, 1, 1, 0, 2]
    sizes = [5, 4, 4, 3]
    init = [(rng.normal(scale=0.5, size=(i, o)), rng.normal(scale=0.1, size=o))
            for i, o in zip(sizes[:-1], sizes[1:])]
    gb = [(1 + 0.2 * rng.normal(size=4), 0.1 * rng.normal(size=4)) for _ in range(2)]
    placements = ["pre_activation", "post_activation"]
    Ws = [torch.tensor(W, requires_grad=True) for W, _ in init]
    bs = [torch.tensor(b, requires_grad=True) for _, b in init]
    gs = [torch.tensor(g, requires_grad=True) for g, _ in gb]
    bes = [torch.tensor(b, requires_grad=True) for _, b in gb]
    X, Y = torch.tensor(x), torch.tensor(labels)

    def forward(training, stats=None):
        h, inputs = X, []
        for k in range(2):
            a = h @ Ws[k] + bs[k]
            v = a if placements[k] == "pre_activation" else torch.tanh(a)
            inputs.append(v)
            if training:
                n = F.batch_norm(v, None, None, gs[k], bes[k], training=True, eps=1e-5)
            else:
                n = F.batch_norm(v, stats[k][0], stats[k][1], gs[k], bes[k], training=False,
                                 eps=1e-5)
            h = torch.tanh(n) if placements[k] == "pre_activation" else n
        return h @ Ws[2] + bs[2], inputs

    scores, _ = forward(True)
    loss = F.cross_entropy(scores, Y)
    loss.backward()
    grads = {"W": [lst(W.grad) for W in Ws], "b": [lst(b.grad) for b in bs],
             "gamma": [lst(g.grad) for g in gs], "beta": [lst(b.grad) for b in bes]}
    with torch.no_grad():
        for q in Ws + bs + gs + bes:
            q -= 0.1 * q.grad
        # population statistics, layer by layer, each from the layers before in inference mode
        stats = []
        h = X
        for k in range(2):
            a = h @ Ws[k] + bs[k]
            v = a if placements[k] == "pre_activation" else torch.tanh(a)
            stats.append((v.mean(0), v.var(0, unbiased=False)))
            n = F.batch_norm(v, stats[k][0], stats[k][1], gs[k], bes[k], training=False,
                             eps=1e-5)
            h = torch.tanh(n) if placements[k] == "pre_activation" else n
        inference, _ = forward(False, stats)
    return {"x": x.tolist(), "labels": labels, "placements": placements,
            "W0": [W.tolist() for W, _ in init], "b0": [b.tolist() for _, b in init],
            "gamma0": [g.tolist() for g, _ in gb], "beta0": [b.tolist() for _, b in gb],
            "alpha": 0.1, "loss": loss.item(), "grad": grads,
            "W": [lst(W) for W in Ws], "b": [lst(b) for b in bs],
            "gamma": [lst(g) for g in gs], "beta": [lst(b) for b in bes],
            "population_mean": [lst(m) for m, _ in stats],
            "population_var": [lst(v) for _, v in stats], "inference_scores": lst(inference),
            "source": "torch " + torch.__version__ + " float64, F.batch_norm training and "
                      "inference modes, autograd"}


write("nn_training.json", {"adam_classifier": adam_classifier(), "soft_targets": soft_targets(),
                           "bn_step": bn_step()})
