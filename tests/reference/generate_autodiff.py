#!/usr/bin/python3
"""Reference values for descent's autodiff module and its chapter items (issue 3), computed
with torch.autograd (float64) and sympy (exact symbolic derivatives), never by the C++ code.

Writes fixtures/autodiff.json:
  elementary   first and second derivatives of each elementary function at sample points
               (sympy, evaluated to 17 digits)
  medl_g       the Sec. 4.4 example g(θ) = (θ1 − 7θ2 + 5θ3, θ2θ3): Jacobian at two points (torch)
  medl_c427    C(θ) = sin(θ1θ2) + exp(θ2+θ3) − 2θ3 (4.27): value, gradient, Hessian at three
               points (torch.autograd.functional)
  notes_f      f(x,y) = xy − log(1+exp(xy)) (notes 2.9): value and gradient at three points (torch)
  rosenbrock   extended Rosenbrock (d = 6): gradient and Hessian at a point (torch)

Run: /usr/bin/python3 tests/reference/generate_autodiff.py
"""

import json
import math
import pathlib

import sympy as sp
import torch

torch.set_default_dtype(torch.float64)
FIXTURES = pathlib.Path(__file__).resolve().parent / "fixtures"


def f64(x):
    return float(sp.N(x, 30))


def elementary():
    x = sp.Symbol("x")
    table = {
        "sin": sp.sin(x), "cos": sp.cos(x), "exp": sp.exp(x), "log": sp.log(x),
        "log1p": sp.log(1 + x), "sqrt": sp.sqrt(x), "tanh": sp.tanh(x),
        "sigmoid": 1 / (1 + sp.exp(-x)), "pow2.5": x ** sp.Rational(5, 2),
        "recip": 1 / x,
    }
    points = [0.3, 1.7, 4.0]
    out = {}
    for name, expr in sorted(table.items()):
        d1, d2 = sp.diff(expr, x), sp.diff(expr, x, 2)
        out[name] = [{"x": p, "value": f64(expr.subs(x, sp.Float(p, 30))),
                      "d1": f64(d1.subs(x, sp.Float(p, 30))),
                      "d2": f64(d2.subs(x, sp.Float(p, 30)))} for p in points]
    return out


def medl_g():
    def g(t):
        return torch.stack([t[0] - 7 * t[1] + 5 * t[2], t[1] * t[2]])
    out = []
    for theta in ([2.5, 2.1, 1.4], [-1.0, 0.5, 3.0]):
        t = torch.tensor(theta)
        J = torch.autograd.functional.jacobian(g, t)
        out.append({"theta": theta, "value": g(t).tolist(), "jacobian": J.tolist()})
    return out


def c427(t):
    return torch.sin(t[0] * t[1]) + torch.exp(t[1] + t[2]) - 2 * t[2]


def medl_c427():
    out = []
    for theta in ([math.pi / 6, 2.0, 5.0], [0.3, -1.2, 0.7], [1.0, 1.0, -2.0]):
        t = torch.tensor(theta, requires_grad=True)
        c = c427(t)
        (g,) = torch.autograd.grad(c, t)
        H = torch.autograd.functional.hessian(c427, torch.tensor(theta))
        out.append({"theta": theta, "value": c.item(), "gradient": g.tolist(),
                    "hessian": H.tolist()})
    return out


def notes_f():
    out = []
    for x, y in ((1.5, 2.0), (-1.0, 0.5), (0.3, -4.0)):
        t = torch.tensor([x, y], requires_grad=True)
        v3 = t[0] * t[1]
        f = v3 - torch.log(1 + torch.exp(v3))
        (g,) = torch.autograd.grad(f, t)
        out.append({"x": x, "y": y, "value": f.item(), "gradient": g.tolist()})
    return out


def rosenbrock():
    def f(t):
        return ((1 - t[0::2]) ** 2 + 100 * (t[1::2] - t[0::2] ** 2) ** 2).sum()
    theta = [-1.2, 1.0, 0.5, -0.3, 2.0, 3.5]
    t = torch.tensor(theta, requires_grad=True)
    (g,) = torch.autograd.grad(f(t), t)
    H = torch.autograd.functional.hessian(f, torch.tensor(theta))
    return {"theta": theta, "value": f(t).item(), "gradient": g.tolist(), "hessian": H.tolist()}


def main():
    data = {"elementary": elementary(), "medl_g": medl_g(), "medl_c427": medl_c427(),
            "notes_f": notes_f(), "rosenbrock": rosenbrock()}
    path = FIXTURES / "autodiff.json"
    with open(path, "w") as f:
        json.dump(data, f, indent=1, sort_keys=True)
        f.write("\n")
    print("wrote", path.relative_to(pathlib.Path.cwd()) if path.is_relative_to(pathlib.Path.cwd()) else path)


if __name__ == "__main__":
    main()
