#!/usr/bin/python3
"""Reference values for the exercise tests (tests/exercises/), computed outside the C++ code.

Writes fixtures/exercises.json with one object per exercise, named <chapter>/<name>. Exact
rational arithmetic (fractions.Fraction) where the inputs are rational (Gram–Schmidt and CG on
integer matrices, the momentum recursion, the Rosenbrock quartic), numpy loops for iterations
(the same arithmetic a C++ loop does, so a few ulps apart), numpy's polynomial roots for exact
line searches, and torch autograd in float64 for Jacobians and backpropagation.

Run with Debian's Python (numpy, torch):  /usr/bin/python3 tests/reference/generate_exercises.py
"""

import math
from fractions import Fraction

import numpy as np
import torch

from torch_fixtures import lst, write

torch.set_default_dtype(torch.float64)
out = {}


# ------------------------------------------------------------- notes02/linear_convergence ----
def gd_quadratic(lam, alpha0, eta, steps):
    alpha = np.array(alpha0, dtype=float)
    lam = np.array(lam, dtype=float)
    for _ in range(steps):
        alpha = alpha - eta * lam * alpha  # θ ← θ − η∇L, ∇L = Λθ (θ* = 0)
    return alpha


def gd_exp_errors(eta, steps):
    """GD on L(θ) = e^θ − 2θ from θ = 0: the errors |θ_k − ln 2|, k = 0..steps."""
    theta, errors = 0.0, [abs(0.0 - math.log(2.0))]
    for _ in range(steps):
        theta = theta - eta * (math.exp(theta) - 2)
        errors.append(abs(theta - math.log(2.0)))
    return errors


etas = [0.05, 0.1, 0.19, 0.2, 0.21]
out["notes02/linear_convergence"] = {
    "lambda": [10.0, 1.0], "theta0": [1.0, 1.0], "steps": 100, "etas": etas,
    "norm_after_steps": [float(np.linalg.norm(gd_quadratic([10, 1], [1, 1], e, 100))) for e in etas],
    "exp_eta": 0.25, "exp_errors": gd_exp_errors(0.25, 20),
}


# ------------------------------------------------------------- notes02/unbiased_gradient ----
N = 8
xs = [-1 + 2 * (i - 1) / 7 for i in range(1, N + 1)]
ys = [1 + 2 * x + 0.1 * (-1) ** i for i, x in zip(range(1, N + 1), xs)]


def sample_grad(theta, i):
    r = theta[0] + theta[1] * xs[i] - ys[i]  # L = ½(y − θ0 − θ1 x)²
    return [r, r * xs[i]]


def full_grad(theta):
    g = [0.0, 0.0]
    for i in range(N):
        gi = sample_grad(theta, i)
        g = [g[0] + gi[0], g[1] + gi[1]]
    return g


scaled0 = np.array([[N * v for v in sample_grad([0.0, 0.0], i)] for i in range(N)])
out["notes02/unbiased_gradient"] = {
    "x": xs, "y": ys,
    "full_gradient_at_0": full_grad([0.0, 0.0]),
    "full_gradient_at_0.5,1.5": full_grad([0.5, 1.5]),
    "scaled_sample_gradients_at_0": scaled0.tolist(),
    "population_sd_at_0": scaled0.std(axis=0).tolist(),
}


# ------------------------------------------------------------- notes02/momentum_unrolled ----
def momentum_constant(g, eta, mu, steps):
    """(2.7) with a constant gradient, exactly: Δθ^(t−1) and θ^(t) − θ^(0) for t = 1..steps."""
    g, eta, mu = Fraction(g), Fraction(eta), Fraction(mu)
    delta, moved, deltas, displacements = Fraction(0), Fraction(0), [], []
    for _ in range(steps):
        delta = -eta * g + mu * delta
        moved += delta
        deltas.append(delta)
        displacements.append(moved)
    return deltas, displacements


deltas, displacements = momentum_constant(1, Fraction(1, 10), Fraction(9, 10), 100)
out["notes02/momentum_unrolled"] = {
    "g": 1, "eta": 0.1, "mu": 0.9, "t": [1, 2, 10, 100],
    "step": [float(deltas[t - 1]) for t in [1, 2, 10, 100]],
    "displacement": [float(displacements[t - 1]) for t in [1, 2, 10, 100]],
}


# ------------------------------------------------------------ aggarwal03/sigmoid_jacobian ----
z = torch.tensor([0.0, 1.0, -2.0])
zr = torch.tensor([0.3, -1.2, 2.5, 0.0, -0.7, 4.0])
gr = torch.tensor([1.0, -2.0, 0.5, 3.0, -1.5, 0.25])
_, vjp = torch.autograd.functional.vjp(torch.sigmoid, zr, gr)
out["aggarwal03/sigmoid_jacobian"] = {
    "z": lst(z), "jacobian": lst(torch.autograd.functional.jacobian(torch.sigmoid, z)),
    "z_random": lst(zr), "upstream": lst(gr), "backward": lst(vjp),
    "v_softmax": [1.0, 2.0, 0.5, -1.0],
    "softmax_jacobian": lst(torch.autograd.functional.jacobian(
        lambda v: torch.softmax(v, 0), torch.tensor([1.0, 2.0, 0.5, -1.0]))),
}


# ------------------------------------------------------- aggarwal03/steepest_descent_xy10 ----
def xy10(start, alpha, iterations):
    x, y = start
    points = [(x, y)]
    for _ in range(iterations):
        with np.errstate(over="ignore", invalid="ignore"):
            x, y = x - alpha * 2 * x, float(np.float64(y) - alpha * 10 * np.float64(y) ** 9)
        points.append((x, y))
        if not (math.isfinite(x) and math.isfinite(y)):
            break
    return points


a = xy10((0.5, 0.5), 0.01, 10000)
b = xy10((2.0, 2.0), 0.01, 10000)
c = xy10((2.0, 2.0), 5e-4, 10000)
out["aggarwal03/steepest_descent_xy10"] = {
    "from_0.5_alpha_0.01": {"first": list(a[1]), "last": list(a[-1]), "points": len(a)},
    "from_2_alpha_0.01": {"points": len(b), "finite": [list(p) for p in b[:-1]]},
    "from_2_alpha_5e-4": {"last": list(c[-1]), "points": len(c), "min_y": min(p[1] for p in c)},
}


# ----------------------------------------- aggarwal03/conjugate_gram_schmidt, cg_orthogonality ----
def tridiagonal(n):
    return [[Fraction(2) if i == j else Fraction(-1) if abs(i - j) == 1 else Fraction(0)
             for j in range(n)] for i in range(n)]


def matvec(m, v):
    return [sum(mij * vj for mij, vj in zip(row, v)) for row in m]


def dot(u, v):
    return sum(a * b for a, b in zip(u, v))


T = tridiagonal(5)
V = [[1, 1, 0, 0, 0], [0, 1, 1, 0, 0], [0, 0, 1, 1, 0], [0, 0, 0, 1, 1], [1, 0, 0, 0, 1]]
q, betas = [], []
for t, v in enumerate(V):
    nxt = [Fraction(x) for x in v]
    row = []
    for qi in q:  # β_{t−1,i} = −v_tᵀHq_i / q_iᵀHq_i (Exercise 11), exact
        beta = -dot(v, matvec(T, qi)) / dot(qi, matvec(T, qi))
        row.append(beta)
        nxt = [a + beta * b for a, b in zip(nxt, qi)]
    if t > 0:
        betas.append([float(x) for x in row])
    q.append(nxt)
out["aggarwal03/conjugate_gram_schmidt"] = {
    "H": [[float(x) for x in r] for r in T], "V": V,
    "q": [[float(x) for x in qi] for qi in q],
    "beta": betas,
    "qHq": [float(dot(qi, matvec(T, qi))) for qi in q],
}

# Linear CG on ½WᵀTW − bᵀW from W = 0, b = (1, ..., 5), exact line search, β of Eq. 3.50.
bvec = [Fraction(i) for i in range(1, 6)]
W = [Fraction(0)] * 5
g = [a - b for a, b in zip(matvec(T, W), bvec)]
d = [-x for x in g]
Ws, deltas_cg = [W], []
for _ in range(5):
    Hd = matvec(T, d)
    delta = -dot(d, g) / dot(d, Hd)
    W = [a + delta * b for a, b in zip(W, d)]
    g = [a - b for a, b in zip(matvec(T, W), bvec)]
    beta = dot(d, matvec(T, g)) / dot(d, Hd)  # Eq. 3.50: q_tᵀH∇L(W_{t+1}) / q_tᵀHq_t
    d = [-a + beta * b for a, b in zip(g, d)]
    Ws.append(W)
    deltas_cg.append(delta)
out["aggarwal03/cg_orthogonality"] = {
    "H": [[float(x) for x in r] for r in T], "b": [float(x) for x in bvec],
    "W": [[float(x) for x in w] for w in Ws], "delta": [float(x) for x in deltas_cg],
}


# ----------------------------------------------------------- aggarwal03/pre_post_backprop ----
x = torch.tensor([[0.5, -1.0]])
W1 = torch.tensor([[0.1, -0.2, 0.3], [0.4, 0.5, -0.6]], requires_grad=True)
b1 = torch.tensor([0.01, -0.02, 0.03], requires_grad=True)
W2 = torch.tensor([[0.7], [-0.8], [0.9]], requires_grad=True)
b2 = torch.tensor([0.05], requires_grad=True)
a1 = x @ W1 + b1
a1.retain_grad()
h = torch.sigmoid(a1)
h.retain_grad()
a2 = h @ W2 + b2
a2.retain_grad()
o = torch.sigmoid(a2)
o.retain_grad()
loss = (0.5 * (o - 1.0) ** 2).sum()
loss.backward()
out["aggarwal03/pre_post_backprop"] = {
    "x": [0.5, -1.0], "y": 1.0,
    "W1": lst(W1), "b1": lst(b1), "W2": lst(W2), "b2": lst(b2),
    "dL_do": lst(o.grad[0]), "loss": loss.item(),
    "post_hidden": lst(h.grad[0]), "post_output": lst(o.grad[0]),
    "pre_hidden": lst(a1.grad[0]), "pre_output": lst(a2.grad[0]),
    "grad_W1": lst(W1.grad), "grad_b1": lst(b1.grad), "grad_W2": lst(W2.grad),
    "grad_b2": lst(b2.grad),
}


# ----------------------------------------------------------- medl04/largest_stable_alpha ----
def rosenbrock_grad(x, y):
    return -2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)


def gd_rosenbrock(alpha, start, steps):
    """GD with fixed α on (4.9): the end point, or None once |θ| > 1e6 or not finite."""
    x, y = start
    for _ in range(steps):
        gx, gy = rosenbrock_grad(x, y)
        x, y = x - alpha * gx, y - alpha * gy
        if not (abs(x) < 1e6 and abs(y) < 1e6):
            return None
    return x, y


def converges(alpha, start, steps, tolerance):
    end = gd_rosenbrock(alpha, start, steps)
    return end is not None and math.hypot(end[0] - 1, end[1] - 1) <= tolerance


START, STEPS, TOLERANCE = (0.2, -0.2), 100000, 1e-6
runs = {}
for alpha in [0.001, 0.0015, 0.0019, 0.002, 0.005, 0.01]:
    end = gd_rosenbrock(alpha, START, STEPS)
    runs[repr(alpha)] = {"converges": converges(alpha, START, STEPS, TOLERANCE),
                         "end": None if end is None else list(end)}
lo, hi = 0.0015, 0.002
for _ in range(12):
    mid = (lo + hi) / 2
    if converges(mid, START, STEPS, TOLERANCE):
        lo = mid
    else:
        hi = mid
hessian_top = 501 + math.sqrt(301 ** 2 + 400 ** 2)  # largest eigenvalue of ∇²C(1, 1)
out["medl04/largest_stable_alpha"] = {
    "start": list(START), "steps": STEPS, "tolerance": TOLERANCE, "runs": runs,
    "bisections": 12, "largest": lo, "failing": hi, "local_threshold": 2 / hessian_top,
}


# ------------------------------------------------------------ medl04/minibatch_variance ----
a_i = [1, 2, 3, 2, 4]
u_i = [(1, 1), (2, 0), (3, 1), (2, 3), (1, 2)]
theta = (6, 6)
per_sample = np.array([[2 * a * (theta[0] - u[0]), 2 * (theta[1] - u[1])]
                       for a, u in zip(a_i, u_i)], dtype=float)
out["medl04/minibatch_variance"] = {
    "a": a_i, "u": [list(u) for u in u_i], "theta": list(theta),
    "per_sample": per_sample.tolist(), "mean": per_sample.mean(axis=0).tolist(),
    "batch_sizes": [1, 2, 5, 10],
    "variance": [(per_sample.var(axis=0) / nb).tolist() for nb in [1, 2, 5, 10]],
}


# ------------------------------------------------------- medl04/forward_difference_step ----
def c427(t):
    return math.sin(t[0] * t[1]) + math.exp(t[1] + t[2]) - 2 * t[2]


theta427 = [math.pi / 6, 2.0, 5.0]
exact = [theta427[1] * math.cos(theta427[0] * theta427[1]),
         theta427[0] * math.cos(theta427[0] * theta427[1]) + math.exp(theta427[1] + theta427[2]),
         math.exp(theta427[1] + theta427[2]) - 2]
steps_h = [10.0 ** -k for k in range(1, 13)]
errors = []
for hh in steps_h:
    base = c427(theta427)
    est = []
    for i in range(3):
        moved = list(theta427)
        moved[i] += hh
        est.append((c427(moved) - base) / hh)
    errors.append(max(abs(e - x) for e, x in zip(est, exact)))
out["medl04/forward_difference_step"] = {
    "theta": theta427, "gradient": exact, "h": steps_h, "max_error": errors,
    "best_h": steps_h[int(np.argmin(errors))],
}


# ------------------------------------------------------------- medl04/exact_line_search ----
def quartic(theta, d):
    """φ(α) = C(θ + αd) on (4.9) as exact coefficients c0..c4 (θ, d rational)."""
    x0, y0 = theta
    dx, dy = d
    # u = 1 − x = (1 − x0) − dx α; w = y − x² = (y0 − x0²) + (dy − 2x0dx) α − dx² α²
    u = [1 - x0, -dx]
    w = [y0 - x0 * x0, dy - 2 * x0 * dx, -dx * dx]

    def mul(p, q):
        r = [Fraction(0)] * (len(p) + len(q) - 1)
        for i, pi in enumerate(p):
            for j, qj in enumerate(q):
                r[i + j] += pi * qj
        return r

    uu, ww = mul(u, u), mul(w, w)
    c = [Fraction(0)] * 5
    for i, v in enumerate(uu):
        c[i] += v
    for i, v in enumerate(ww):
        c[i] += 100 * v
    return c


def exact_step(theta, d):
    c = [float(v) for v in quartic([Fraction(theta[0]), Fraction(theta[1])],
                                   [Fraction(d[0]), Fraction(d[1])])]
    dphi = [4 * c[4], 3 * c[3], 2 * c[2], c[1]]  # highest degree first, for np.roots
    best, best_phi = None, None
    for r in np.roots(dphi):
        if abs(r.imag) > 1e-12 * max(1.0, abs(r.real)) or r.real <= 0:
            continue
        a_ = r.real
        phi = sum(ck * a_ ** k for k, ck in enumerate(c))
        if best is None or phi < best_phi:
            best, best_phi = a_, phi
    return best


theta0 = (Fraction(4, 5), Fraction(0))
g0 = rosenbrock_grad(0.8, 0.0)
coefficients = quartic(theta0, [Fraction(-g0[0]).limit_denominator(1000),
                                Fraction(-g0[1]).limit_denominator(1000)])
path = [(0.4, -0.2)]
cosines = []
for _ in range(1000):
    x_, y_ = path[-1]
    gx, gy = rosenbrock_grad(x_, y_)
    alpha = exact_step((x_, y_), (-gx, -gy))
    path.append((x_ - alpha * gx, y_ - alpha * gy))
for (x1, y1), (x2, y2) in zip(path[:-1], path[1:]):
    ga, gb = np.array(rosenbrock_grad(x1, y1)), np.array(rosenbrock_grad(x2, y2))
    cosines.append(abs(ga @ gb) / (np.linalg.norm(ga) * np.linalg.norm(gb)))
out["medl04/exact_line_search"] = {
    "theta": [0.8, 0.0], "direction": [-g0[0], -g0[1]],
    "coefficients": [float(v) for v in coefficients],
    "alpha": exact_step((0.8, 0.0), (-g0[0], -g0[1])),
    "zigzag_start": [0.4, -0.2],
    "zigzag": {str(k): list(path[k]) for k in [1, 2, 3, 10, 100, 1000]},
    "zigzag_max_cosine": max(cosines),
}

write("exercises.json", out)
