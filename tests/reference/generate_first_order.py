#!/usr/bin/python3
"""Reference values for descent's first-order methods (MEDL §4.2–4.5, notes §2.3, Aggarwal
§3.5, Risteski lecture 5), computed outside the C++ code.

Writes fixtures/optim_first_order.json. Where PyTorch implements a variant, the iterates come
from torch.optim in float64 with torch.autograd gradients (the strongest reference: another
implementation of the same method). Where it does not (the book's own conventions: Nesterov
(4.33), RMSprop with ε inside the root, RMSprop+Nesterov (3.42), Adadelta (4.38) and as printed
in (3.43), Aggarwal's Adam (3.46), Nadam of MEDL §4.5, Lp-Adam (4.39), Adamax (4.42) with ε),
a numpy reimplementation of the printed formula is the reference; each entry says which.

    /usr/bin/python3 tests/reference/generate_first_order.py
"""

import json
import math
import pathlib

import numpy as np
import scipy
import scipy.optimize
import sympy
import torch

torch.set_default_dtype(torch.float64)
FIXTURES = pathlib.Path(__file__).resolve().parent / "fixtures"
CHECKPOINTS = [1, 2, 3, 10, 100, 1000]


def rosen_torch(x):
    return (1 - x[0]) ** 2 + 100 * (x[1] - x[0] ** 2) ** 2


def rosen_grad_np(x):
    return np.array([-2 * (1 - x[0]) - 400 * x[0] * (x[1] - x[0] ** 2), 200 * (x[1] - x[0] ** 2)])


def bowl_torch(x):  # Aggarwal's x² + 4y²
    return x[0] ** 2 + 4 * x[1] ** 2


def bowl_grad_np(x):
    return np.array([2 * x[0], 8 * x[1]])


def torch_run(make_opt, f, x0, steps, points=CHECKPOINTS):
    x = torch.tensor(x0, requires_grad=True)
    opt = make_opt([x])
    out = {}
    for t in range(1, steps + 1):
        opt.zero_grad()
        f(x).backward()
        opt.step()
        if t in points:
            out[str(t)] = x.detach().tolist()
    return out


def numpy_run(step, grad, x0, steps, points=CHECKPOINTS):
    """step(x, grad_fn, t) -> new x, with its own closure state; t = 0, 1, ..."""
    x = np.array(x0, dtype=float)
    out = {}
    for t in range(steps):
        x = step(x, grad, t)
        if t + 1 in points:
            out[str(t + 1)] = x.tolist()
    return out


# --- numpy forms of the printed formulas (one closure per variant) -----------------------

def np_nesterov_medl(alpha, beta):
    v = None

    def step(x, grad, t):
        nonlocal v
        v = np.zeros_like(x) if v is None else v
        v = beta * v + (1 - beta) * grad(x - alpha * beta * v)  # (4.33)
        return x - alpha * v  # (4.34)
    return step


def np_nesterov_sutskever(alpha, beta, literal=False):
    v = None

    def step(x, grad, t):
        nonlocal v
        v = np.zeros_like(x) if v is None else v
        if literal:  # slide as printed: v has gradient units, look-ahead x + βv
            v = beta * v - grad(x + beta * v)
            return x + alpha * v
        v = beta * v - alpha * grad(x + beta * v)
        return x + v
    return step


def np_rmsprop(alpha, gamma, eps, inside):
    s = None

    def step(x, grad, t):
        nonlocal s
        g = grad(x)
        s = np.zeros_like(x) if s is None else s
        s = gamma * s + (1 - gamma) * g * g
        return x - alpha * g / (np.sqrt(s + eps) if inside else np.sqrt(s) + eps)
    return step


def np_adagrad_inside(alpha, eps):
    s = None

    def step(x, grad, t):
        nonlocal s
        g = grad(x)
        s = np.zeros_like(x) if s is None else s
        s = s + g * g
        return x - alpha * g / np.sqrt(s + eps)
    return step


def np_rmsprop_nesterov(alpha, beta, gamma, eps):
    s = v = None

    def step(x, grad, t):
        nonlocal s, v
        v = np.zeros_like(x) if v is None else v
        s = np.zeros_like(x) if s is None else s
        g = grad(x + beta * v)
        s = gamma * s + (1 - gamma) * g * g
        v = beta * v - alpha / np.sqrt(s + eps) * g
        return x + v
    return step


def np_adadelta(gamma, rho, eps, form):
    s = d = None

    def step(x, grad, t):
        nonlocal s, d
        g = grad(x)
        s = np.zeros_like(x) if s is None else s
        d = np.zeros_like(x) if d is None else d
        s = gamma * s + (1 - gamma) * g * g
        if form == "medl":
            ratio = (np.sqrt(d) + eps) / (np.sqrt(s) + eps)
        elif form == "printed":
            ratio = np.sqrt(d / s)
        else:
            ratio = np.sqrt(d + eps) / np.sqrt(s + eps)
        st = ratio * g
        d = rho * d + (1 - rho) * st * st
        return x - st
    return step


def np_adam_aggarwal(alpha, beta, gamma, eps):
    v = s = None

    def step(x, grad, t):
        nonlocal v, s
        g = grad(x)
        v = np.zeros_like(x) if v is None else v
        s = np.zeros_like(x) if s is None else s
        s = gamma * s + (1 - gamma) * g * g          # (3.44)
        v = beta * v + (1 - beta) * g                # (3.45)
        at = alpha * math.sqrt(1 - gamma ** (t + 1)) / (1 - beta ** (t + 1))  # (3.46)
        return x - at * v / np.sqrt(s + eps)
    return step


def np_nadam_medl(alpha, beta, gamma, eps):
    v = s = None

    def step(x, grad, t):
        nonlocal v, s
        g = grad(x)
        v = np.zeros_like(x) if v is None else v
        s = np.zeros_like(x) if s is None else s
        v = beta * v + (1 - beta) * g
        s = gamma * s + (1 - gamma) * g * g
        vhat = beta / (1 - beta ** (t + 2)) * v + (1 - beta) / (1 - beta ** (t + 1)) * g
        shat = s / (1 - gamma ** (t + 1))
        return x - alpha * vhat / (np.sqrt(shat) + eps)
    return step


def np_lp_adam(alpha, beta, gamma, eps, p):
    v = s = None

    def step(x, grad, t):
        nonlocal v, s
        g = grad(x)
        v = np.zeros_like(x) if v is None else v
        s = np.zeros_like(x) if s is None else s
        v = beta * v + (1 - beta) * g
        s = gamma ** p * s + (1 - gamma ** p) * np.abs(g) ** p  # (4.39)
        vhat = v / (1 - beta ** (t + 1))
        shat = s / (1 - gamma ** (p * (t + 1)))
        return x - alpha * vhat / (shat ** (1 / p) + eps)  # (4.40)
    return step


def np_adamax(alpha, beta, gamma, eps):
    v = r = None

    def step(x, grad, t):
        nonlocal v, r
        g = grad(x)
        v = np.zeros_like(x) if v is None else v
        r = np.zeros_like(x) if r is None else r
        v = beta * v + (1 - beta) * g
        r = np.maximum(gamma * r, np.abs(g))  # (4.41)
        return x - alpha * (v / (1 - beta ** (t + 1))) / (r + eps)  # (4.42)
    return step


def rules():
    """Each variant on Rosenbrock from (0.2, −0.2) (MEDL's start) and, for Aggarwal's forms,
    on x² + 4y² from (4, 1); α, β, γ as in the catalogue's test settings."""
    O = torch.optim
    r0 = [0.2, -0.2]
    b0 = [4.0, 1.0]
    out = {}

    def add(name, problem, params, reference, iterates):
        out[name] = {"problem": problem, "params": params, "reference": reference,
                     "iterates": iterates}

    T = 1000
    add("gd", "rosenbrock", {"alpha": 0.001}, "torch.optim.SGD",
        torch_run(lambda p: O.SGD(p, lr=0.001), rosen_torch, r0, T))
    a, b = 0.01, 0.9
    add("momentum-ewma", "rosenbrock", {"alpha": a, "beta": b},
        "torch.optim.SGD(lr=alpha(1-beta), momentum=beta)",
        torch_run(lambda p: O.SGD(p, lr=a * (1 - b), momentum=b), rosen_torch, r0, T))
    add("momentum-accumulate", "rosenbrock", {"alpha": 0.001, "beta": b},
        "torch.optim.SGD(momentum=beta)",
        torch_run(lambda p: O.SGD(p, lr=0.001, momentum=b), rosen_torch, r0, T))
    add("heavy-ball", "bowl", {"alpha": 0.1, "beta": 0.9}, "torch.optim.SGD(momentum=beta)",
        torch_run(lambda p: O.SGD(p, lr=0.1, momentum=0.9), bowl_torch, b0, 100))
    add("lookahead", "rosenbrock", {"alpha": a, "beta": b},
        "torch.optim.SGD(lr=alpha(1-beta), momentum=beta, nesterov=True)",
        torch_run(lambda p: O.SGD(p, lr=a * (1 - b), momentum=b, nesterov=True), rosen_torch,
                  r0, T))
    add("nesterov", "rosenbrock", {"alpha": a, "beta": b}, "numpy (4.33)-(4.34)",
        numpy_run(np_nesterov_medl(a, b), rosen_grad_np, r0, T))
    add("nesterov-sutskever", "bowl", {"alpha": 0.1, "beta": 0.9}, "numpy Aggarwal 3.5.2.1",
        numpy_run(np_nesterov_sutskever(0.1, 0.9), bowl_grad_np, b0, 100))
    add("nesterov-slide-literal", "bowl", {"alpha": 0.1, "beta": 0.5},
        "numpy, Risteski slide as printed",
        numpy_run(np_nesterov_sutskever(0.1, 0.5, literal=True), bowl_grad_np, b0, 100))
    add("adagrad", "rosenbrock", {"alpha": 0.1, "epsilon": 1e-8}, "torch.optim.Adagrad",
        torch_run(lambda p: O.Adagrad(p, lr=0.1, eps=1e-8), rosen_torch, r0, T))
    add("adagrad-inside", "bowl", {"alpha": 0.5, "epsilon": 1e-8}, "numpy Aggarwal (3.40)",
        numpy_run(np_adagrad_inside(0.5, 1e-8), bowl_grad_np, b0, 100))
    add("rmsprop", "rosenbrock", {"alpha": 0.001, "gamma": 0.999, "epsilon": 1e-8},
        "torch.optim.RMSprop(alpha=gamma)",
        torch_run(lambda p: O.RMSprop(p, lr=0.001, alpha=0.999, eps=1e-8), rosen_torch, r0, T))
    add("rmsprop-inside", "rosenbrock", {"alpha": 0.001, "gamma": 0.999, "epsilon": 1e-8},
        "numpy notes (2.8)",
        numpy_run(np_rmsprop(0.001, 0.999, 1e-8, True), rosen_grad_np, r0, T))
    add("rmsprop-nesterov", "bowl", {"alpha": 0.01, "beta": 0.9, "gamma": 0.9, "epsilon": 0.0},
        "numpy Aggarwal (3.42)",
        numpy_run(np_rmsprop_nesterov(0.01, 0.9, 0.9, 0.0), bowl_grad_np, b0, 100))
    add("adadelta", "rosenbrock", {"alpha": 1.0, "gamma": 0.95, "rho": 0.95, "epsilon": 1e-6},
        "numpy (4.38)", numpy_run(np_adadelta(0.95, 0.95, 1e-6, "medl"), rosen_grad_np, r0, T))
    add("adadelta-zeiler", "rosenbrock",
        {"alpha": 1.0, "gamma": 0.95, "rho": 0.95, "epsilon": 1e-6}, "torch.optim.Adadelta",
        torch_run(lambda p: O.Adadelta(p, lr=1.0, rho=0.95, eps=1e-6), rosen_torch, r0, T))
    add("adadelta-aggarwal-printed", "bowl",
        {"alpha": 1.0, "gamma": 0.95, "rho": 0.95, "epsilon": 0.0}, "numpy (3.43) as printed",
        numpy_run(np_adadelta(0.95, 0.95, 0.0, "printed"), bowl_grad_np, b0, 100))
    add("adam", "rosenbrock", {"alpha": 0.01, "beta": 0.9, "gamma": 0.999, "epsilon": 1e-8},
        "torch.optim.Adam",
        torch_run(lambda p: O.Adam(p, lr=0.01, betas=(0.9, 0.999), eps=1e-8), rosen_torch, r0, T))
    add("adam-aggarwal", "bowl", {"alpha": 0.1, "beta": 0.9, "gamma": 0.999, "epsilon": 1e-8},
        "numpy Aggarwal (3.44)-(3.46)",
        numpy_run(np_adam_aggarwal(0.1, 0.9, 0.999, 1e-8), bowl_grad_np, b0, 100))
    add("nadam", "rosenbrock", {"alpha": 0.01, "beta": 0.9, "gamma": 0.999, "epsilon": 1e-8},
        "numpy MEDL §4.5", numpy_run(np_nadam_medl(0.01, 0.9, 0.999, 1e-8), rosen_grad_np, r0, T))
    add("lp-adam", "rosenbrock",
        {"alpha": 0.01, "beta": 0.9, "gamma": 0.999, "epsilon": 1e-8, "p": 4},
        "numpy (4.39)-(4.40)",
        numpy_run(np_lp_adam(0.01, 0.9, 0.999, 1e-8, 4), rosen_grad_np, r0, T))
    add("adamax", "rosenbrock", {"alpha": 0.01, "beta": 0.9, "gamma": 0.999, "epsilon": 1e-8},
        "numpy (4.41)-(4.42)",
        numpy_run(np_adamax(0.01, 0.9, 0.999, 1e-8), rosen_grad_np, r0, T))
    add("adamax-eps0", "rosenbrock", {"alpha": 0.01, "beta": 0.9, "gamma": 0.999, "epsilon": 0.0},
        "torch.optim.Adamax(eps=0): equal to (4.42) when epsilon = 0",
        torch_run(lambda p: O.Adamax(p, lr=0.01, betas=(0.9, 0.999), eps=0.0), rosen_torch, r0,
                  T))
    # (4.39) decays s by γᵖ: with p = 2 it is ADAM with second-moment decay γ².
    add("lp-adam-p2", "rosenbrock",
        {"alpha": 0.01, "beta": 0.9, "gamma": 0.999, "epsilon": 1e-8, "p": 2},
        "torch.optim.Adam(betas=(beta, gamma**2)): Lp-Adam with p = 2",
        torch_run(lambda p: O.Adam(p, lr=0.01, betas=(0.9, 0.999 ** 2), eps=1e-8), rosen_torch,
                  r0, T))
    return out


def schedules():
    x = torch.zeros(1, requires_grad=True)
    out = {}
    for name, make in [
        ("exponential", lambda o: torch.optim.lr_scheduler.ExponentialLR(o, gamma=0.99)),
        ("step", lambda o: torch.optim.lr_scheduler.StepLR(o, step_size=5, gamma=0.5)),
        ("inverse", lambda o: torch.optim.lr_scheduler.LambdaLR(o, lambda t: 1 / (1 + 0.1 * t))),
    ]:
        opt = torch.optim.SGD([x], lr=0.1)
        sched = make(opt)
        rates = []
        for _ in range(30):
            rates.append(opt.param_groups[0]["lr"])
            opt.step()
            sched.step()
        out[name] = rates
    return {"alpha": 0.1, "exponential_decay": 0.99, "step_factor": 0.5, "step_every": 5,
            "inverse_k": 0.1, "reference": "torch.optim.lr_scheduler", "rates": out}


def clipping():
    g = [3.0, -4.0, 0.5]
    p = torch.zeros(3, requires_grad=True)
    p.grad = torch.tensor(g)
    torch.nn.utils.clip_grad_value_([p], 1.0)
    value = p.grad.tolist()
    gn = np.array(g)
    norm = float(np.linalg.norm(gn))
    return {"g": g, "threshold": 1.0, "value_torch": value,
            "norm_numpy": (gn / norm).tolist(), "norm": norm,
            "note": "torch.nn.utils.clip_grad_norm_ divides by norm + 1e-6; the book and "
                    "descent rescale to exactly the threshold, so the norm case is numpy"}


def averaging():
    rng = np.random.default_rng(7)
    thetas = rng.normal(size=(12, 2))
    beta = 0.8
    ew = np.zeros(2)
    for th in thetas:
        ew = beta * ew + (1 - beta) * th
    T = len(thetas)
    # Aggarwal §3.5.7's explicit weighted average: Σ β^{T−t} θ_t / Σ β^{T−t}
    w = np.array([beta ** (T - 1 - t) for t in range(T)])
    explicit = (w[:, None] * thetas).sum(0) / w.sum()
    return {"thetas": thetas.tolist(), "beta": beta, "simple": thetas.mean(0).tolist(),
            "exponential": ew.tolist(), "explicit_weighted": explicit.tolist()}


def peaks():
    x, y = sympy.symbols("x y")
    z = (3 * (1 - x) ** 2 * sympy.exp(-x ** 2 - (y + 1) ** 2)
         - 10 * (x / 5 - x ** 3 - y ** 5) * sympy.exp(-x ** 2 - y ** 2)
         - sympy.Rational(1, 3) * sympy.exp(-(x + 1) ** 2 - y ** 2))
    grad = [sympy.diff(z, v) for v in (x, y)]
    hess = [[sympy.diff(gi, v) for v in (x, y)] for gi in grad]
    fz = sympy.lambdify((x, y), z)
    fg = sympy.lambdify((x, y), grad)
    fh = sympy.lambdify((x, y), hess)
    points = [[0.3, -0.7], [-1.1, 0.4], [1.7, 1.2], [0.0, 0.0]]
    evals = [{"theta": p, "value": float(fz(*p)), "gradient": [float(v) for v in fg(*p)],
              "hessian": [[float(v) for v in row] for row in fh(*p)]} for p in points]
    found = []
    for sx in np.linspace(-3, 3, 41):
        for sy in np.linspace(-3, 3, 41):
            sol = scipy.optimize.root(lambda v: fg(*v), [sx, sy], jac=lambda v: fh(*v), tol=1e-13)
            if not sol.success or np.max(np.abs(sol.x)) > 3:
                continue
            if np.linalg.norm(fg(*sol.x)) > 1e-9:
                continue
            if any(np.linalg.norm(sol.x - f) < 1e-6 for f in found):
                continue
            found.append(sol.x)
    crit = []
    for c in found:
        ev = np.linalg.eigvalsh(np.array(fh(*c), dtype=float))
        kind = "minimum" if ev[0] > 0 else "maximum" if ev[1] < 0 else "saddle"
        crit.append({"theta": c.tolist(), "value": float(fz(*c)), "eigenvalues": ev.tolist(),
                     "kind": kind})
    crit.sort(key=lambda c: c["value"])
    return {"reference": "sympy derivatives, scipy.optimize.root from a 41x41 grid",
            "points": evals, "critical_points": crit}


def logistic():
    xs = np.linspace(-2, 2, 9)
    ys = np.array([0, 0, 1, 0, 1, 1, 0, 1, 1], dtype=float)
    out = []
    for th in [[0.0, 0.0], [0.3, 1.0], [-1.0, 2.5]]:
        t = torch.tensor(th, requires_grad=True)

        def C(t):
            z = t[0] + t[1] * torch.tensor(xs)
            return torch.nn.functional.binary_cross_entropy_with_logits(z, torch.tensor(ys))
        val = C(t)
        g = torch.autograd.grad(val, t)[0]
        h = torch.autograd.functional.hessian(C, t)
        out.append({"theta": th, "value": float(val), "gradient": g.tolist(),
                    "hessian": h.tolist()})
    return {"reference": "torch autograd on binary_cross_entropy_with_logits", "evaluations": out}


def quadratic_sum():
    a = np.array([1, 2, 3, 2, 4.0])
    u = np.array([[1, 1], [2, 0], [3, 1], [2, 3], [1, 2.0]])
    theta = np.array([6.0, 6.0])
    grads = np.stack([2 * a * (theta[0] - u[:, 0]), 2 * (theta[1] - u[:, 1])], axis=1)
    gd = []
    x = theta.copy()
    for t in range(1, 1001):
        g = np.stack([2 * a * (x[0] - u[:, 0]), 2 * (x[1] - u[:, 1])], axis=1).mean(0)
        x = x - 0.01 * g
        if t in CHECKPOINTS:
            gd.append([t, x.tolist()])
    return {"theta": theta.tolist(), "sample_gradients": grads.tolist(),
            "variance": grads.var(0).tolist(), "gd": gd,
            "minimizer": [float((a * u[:, 0]).sum() / a.sum()), float(u[:, 1].mean())]}


def exercises():
    """Three steps of each update rule on ½θᵀdiag(λ)θ in 5 dimensions, for the "write the
    update" exercises (CS231n-style checks against stored arrays). torch.optim where it has
    the MEDL form, numpy otherwise; each entry names its reference."""
    rng = np.random.default_rng(2024)
    theta0 = rng.normal(size=5)
    lam = rng.uniform(0.5, 3.0, size=5)
    f = lambda x: 0.5 * (lam * x * x).sum()
    grad = lambda x: lam * x
    ftorch = lambda x: 0.5 * (torch.tensor(lam) * x * x).sum()
    pts = [1, 2, 3]
    O = torch.optim
    out = {}

    def add(name, params, reference, iterates):
        out[name] = {"params": params, "reference": reference,
                     "theta": [iterates[str(t)] for t in pts]}
    a, b = 0.1, 0.9
    add("momentum", {"alpha": a, "beta": b}, "torch.optim.SGD(lr=alpha(1-beta), momentum=beta)",
        torch_run(lambda p: O.SGD(p, lr=a * (1 - b), momentum=b), ftorch, theta0.tolist(), 3, pts))
    add("nesterov", {"alpha": a, "beta": b}, "numpy (4.33)-(4.34)",
        numpy_run(np_nesterov_medl(a, b), grad, theta0, 3, pts))
    add("adagrad", {"alpha": a, "epsilon": 1e-8}, "torch.optim.Adagrad",
        torch_run(lambda p: O.Adagrad(p, lr=a, eps=1e-8), ftorch, theta0.tolist(), 3, pts))
    add("rmsprop", {"alpha": 0.01, "gamma": 0.9, "epsilon": 1e-8}, "torch.optim.RMSprop",
        torch_run(lambda p: O.RMSprop(p, lr=0.01, alpha=0.9, eps=1e-8), ftorch, theta0.tolist(),
                  3, pts))
    add("adadelta", {"gamma": 0.95, "rho": 0.95, "epsilon": 1e-6}, "numpy (4.38)",
        numpy_run(np_adadelta(0.95, 0.95, 1e-6, "medl"), grad, theta0, 3, pts))
    add("adam", {"alpha": 0.01, "beta": 0.9, "gamma": 0.999, "epsilon": 1e-8},
        "torch.optim.Adam",
        torch_run(lambda p: O.Adam(p, lr=0.01, betas=(0.9, 0.999), eps=1e-8), ftorch,
                  theta0.tolist(), 3, pts))
    add("nadam", {"alpha": 0.01, "beta": 0.9, "gamma": 0.999, "epsilon": 1e-8},
        "numpy MEDL §4.5", numpy_run(np_nadam_medl(0.01, 0.9, 0.999, 1e-8), grad, theta0, 3, pts))
    add("adamax", {"alpha": 0.01, "beta": 0.9, "gamma": 0.999, "epsilon": 1e-8},
        "numpy (4.41)-(4.42)",
        numpy_run(np_adamax(0.01, 0.9, 0.999, 1e-8), grad, theta0, 3, pts))
    return {"theta0": theta0.tolist(), "lambda": lam.tolist(), "rules": out,
            "problem": "C = 0.5 sum lambda_i theta_i^2, gradient lambda * theta"}


def main():
    data = {"source": "torch " + torch.__version__ + ", numpy " + np.__version__ + ", scipy " +
            scipy.__version__ + ", sympy " + sympy.__version__,
            "rules": rules(), "schedules": schedules(), "clipping": clipping(),
            "averaging": averaging(), "peaks": peaks(), "logistic": logistic(),
            "quadratic_sum": quadratic_sum(),
            "exercises": exercises()}
    path = FIXTURES / "optim_first_order.json"
    with open(path, "w") as f:
        json.dump(data, f, indent=1, sort_keys=True)
        f.write("\n")
    print("wrote", path.relative_to(FIXTURES.parent.parent.parent))


if __name__ == "__main__":
    main()
