#!/usr/bin/python3
"""Reference values for nn::NormalizedNetwork
(lib/include/descent/nn/fused/normalized_network.hpp), computed with torch in float64, outside
the C++ code.

A 6-5-4-3 classifier, hidden layers Linear(bias=False) -> BatchNorm1d -> ReLU, output
Linear(bias=True), mean cross-entropy; one training step on a batch of 8 with torch.optim.Adam
(lr 0.01, betas (0.9, 0.999), eps 1e-8, the MEDL Algorithm 4.2 update). Recorded: the initial
parameters (weights as fan_in x fan_out, our layout), the batch loss and the gradient of every
parameter, the parameters and running statistics after the step, and the inference-mode
(eval) loss and accuracy on a validation batch after the step.

Writes fixtures/nn_bn_training.json. Run:  /usr/bin/python3 tests/reference/generate_bn_training.py
"""

import torch
import torch.nn as nn
import torch.nn.functional as F

from torch_fixtures import lst, write

torch.set_default_dtype(torch.float64)


def main():
    gen = torch.Generator().manual_seed(20261123)
    widths = [6, 5, 4, 3]
    hidden = []
    for k in range(len(widths) - 2):
        lin = nn.Linear(widths[k], widths[k + 1], bias=False)
        bn = nn.BatchNorm1d(widths[k + 1])  # eps 1e-5, momentum 0.1
        with torch.no_grad():
            lin.weight.copy_(torch.randn(widths[k + 1], widths[k], generator=gen) * 0.7)
            bn.weight.copy_(1 + 0.2 * torch.randn(widths[k + 1], generator=gen))
            bn.bias.copy_(0.1 * torch.randn(widths[k + 1], generator=gen))
        hidden += [lin, bn, nn.ReLU()]
    out = nn.Linear(widths[-2], widths[-1])
    with torch.no_grad():
        out.weight.copy_(torch.randn(widths[-1], widths[-2], generator=gen) * 0.7)
        out.bias.copy_(0.1 * torch.randn(widths[-1], generator=gen))
    model = nn.Sequential(*hidden, out)
    lins = [m for m in model if isinstance(m, nn.Linear) and m is not out]
    bns = [m for m in model if isinstance(m, nn.BatchNorm1d)]

    def layers():
        return [{"W": lst(l.weight.t()), "gamma": lst(b.weight), "beta": lst(b.bias),
                 "running_mean": lst(b.running_mean), "running_var": lst(b.running_var)}
                for l, b in zip(lins, bns)]

    def flat(tensors):  # our flatten() order: per hidden layer W, gamma, beta; output W, b
        parts = []
        for l, b in zip(lins, bns):
            parts += [tensors(l.weight).t().reshape(-1), tensors(b.weight), tensors(b.bias)]
        parts += [tensors(out.weight).t().reshape(-1), tensors(out.bias)]
        return lst(torch.cat(parts))

    x = torch.randn(8, widths[0], generator=gen)
    y = torch.tensor([0, 1, 2, 2, 1, 0, 1, 2])
    xv = torch.randn(5, widths[0], generator=gen)
    yv = torch.tensor([2, 0, 1, 1, 0])

    data = {"widths": widths, "x": lst(x), "labels": lst(y), "x_valid": lst(xv),
            "labels_valid": lst(yv), "alpha": 0.01, "eps": 1e-5, "momentum": 0.1,
            "initial": {"hidden": layers(), "output_W": lst(out.weight.t()),
                        "output_b": lst(out.bias)}}
    data["theta_before"] = flat(lambda p: p)

    opt = torch.optim.Adam(model.parameters(), lr=0.01, betas=(0.9, 0.999), eps=1e-8)
    model.train()
    loss = F.cross_entropy(model(x), y)
    opt.zero_grad()
    loss.backward()
    data["loss"] = loss.item()
    data["gradient"] = flat(lambda p: p.grad)
    opt.step()
    data["theta_after"] = flat(lambda p: p)
    data["after"] = {"hidden": layers()}
    model.eval()
    with torch.no_grad():
        scores = model(xv)
        data["valid_loss"] = F.cross_entropy(scores, yv).item()
        data["valid_accuracy"] = (scores.argmax(1) == yv).double().mean().item()

    write("nn_bn_training.json", data)
    print("wrote tests/reference/fixtures/nn_bn_training.json")


if __name__ == "__main__":
    main()
