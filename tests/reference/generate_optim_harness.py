#!/usr/bin/python3
"""Reference values for the exact line search's two minima along one Rosenbrock ray and for the
optimizer x problem harness (tests/lib/optim_line_search_test.cpp, optim_harness_test.cpp),
computed outside the C++ code: exact rational arithmetic (fractions) and numpy's polynomial
roots for the quartic phi(alpha) = C(theta + alpha theta_d) of MEDL (4.43)-(4.44), and
scipy.optimize.minimize for the minimizers of logistic and softmax regression (MEDL (4.7),
(4.8)) on the nine-point data sets of descent::problems.

Writes fixtures/optim_harness.json:

    /usr/bin/python3 tests/reference/generate_optim_harness.py
"""

import json
import pathlib
from fractions import Fraction

import numpy as np
import scipy
import scipy.optimize
import scipy.special

FIXTURES = pathlib.Path(__file__).resolve().parent / "fixtures"


# --- MEDL (4.43): the ray from theta = (-0.8, 0.5) along -grad C on Rosenbrock (4.9) -----------

def rosenbrock(t1, t2):
    return (1 - t1) ** 2 + 100 * (t2 - t1 * t1) ** 2


def rosenbrock_gradient(t1, t2):
    return (-2 * (1 - t1) - 400 * t1 * (t2 - t1 * t1), 200 * (t2 - t1 * t1))


def quartic_ray(theta):
    """phi(alpha) = C(theta + alpha d), d = -grad C(theta), as exact coefficients (ascending)."""
    t1, t2 = (Fraction(x) for x in theta)
    g1, g2 = rosenbrock_gradient(t1, t2)
    d1, d2 = -g1, -g2
    # (1 - t1 - a d1)^2 + 100 (t2 + a d2 - (t1 + a d1)^2)^2, expanded in a
    p = np.polynomial.Polynomial
    u = p([1 - t1, -d1])
    v = p([t2 - t1 * t1, d2 - 2 * t1 * d1, -d1 * d1])
    phi = u * u + 100 * v * v
    return [Fraction(c) for c in phi.coef], (float(d1), float(d2))


def ray_minima():
    theta = ("-0.8", "0.5")
    coef, d = quartic_ray(theta)
    phi = np.polynomial.Polynomial([float(c) for c in coef])
    dphi, d2phi = phi.deriv(1), phi.deriv(2)
    roots = sorted(r.real for r in dphi.roots() if abs(r.imag) < 1e-12 and r.real > 0)
    minima = []
    for r in roots:
        # polish the root of the cubic phi' with Newton in exact arithmetic
        a = Fraction(r)
        dc = [k * c for k, c in enumerate(coef)][1:]
        ddc = [k * c for k, c in enumerate(dc)][1:]
        for _ in range(6):
            a -= sum(c * a ** k for k, c in enumerate(dc)) / sum(c * a ** k for k, c in enumerate(ddc))
        if d2phi(float(a)) > 0:
            value = sum(c * a ** k for k, c in enumerate(coef))
            minima.append({"alpha": float(a), "C": float(value),
                           "theta": [float(Fraction(theta[0]) + a * Fraction(d[0])),
                                     float(Fraction(theta[1]) + a * Fraction(d[1]))]})
    assert len(minima) == 2, minima
    # cross-check with scipy's bounded scalar minimizer around each root
    for m in minima:
        r = scipy.optimize.minimize_scalar(lambda a: rosenbrock(-0.8 + a * d[0], 0.5 + a * d[1]),
                                           bounds=(0.8 * m["alpha"], 1.2 * m["alpha"]),
                                           method="bounded", options={"xatol": 1e-12})
        assert abs(r.x - m["alpha"]) < 1e-7 * m["alpha"], (r.x, m)
    return {"theta": [-0.8, 0.5], "direction": list(d), "C_theta": float(rosenbrock(-0.8, 0.5)),
            "local_minima": minima,
            "about": "roots of the cubic phi' (numpy.polynomial), polished by Newton in exact "
                     "rational arithmetic; phi'' > 0; checked by scipy minimize_scalar"}


# --- logistic and softmax regression on the nine points --------------------------------------

X9 = np.linspace(-2, 2, 9)


def logistic():
    y = np.array([0, 0, 1, 0, 1, 1, 0, 1, 1], dtype=float)
    u = np.stack([np.ones(9), X9], axis=1)

    def f(t):
        z = u @ t
        return np.mean(np.logaddexp(0, z) - y * z)

    def g(t):
        s = 1 / (1 + np.exp(-(u @ t)))
        return u.T @ (s - y) / 9

    def h(t):
        s = 1 / (1 + np.exp(-(u @ t)))
        return (u.T * (s * (1 - s))) @ u / 9

    t = np.zeros(2)
    for _ in range(20):  # Newton's method: quadratic convergence to rounding
        t = t - np.linalg.solve(h(t), g(t))
    r = scipy.optimize.minimize(f, np.zeros(2), jac=g, method="BFGS", options={"gtol": 1e-10})
    assert np.linalg.norm(r.x - t) < 1e-8, (r.x, t)
    return {"minimizer": t.tolist(), "minimum": float(f(t)),
            "gradient_norm": float(np.linalg.norm(g(t))),
            "hessian_eigenvalues": np.linalg.eigvalsh(h(t)).tolist(),
            "about": "Newton's method in numpy (20 steps), checked against "
                     "scipy.optimize.minimize BFGS " + scipy.__version__ + " to 1e-8"}


def softmax():
    y = np.array([0, 0, 1, 0, 1, 2, 1, 2, 2])
    K = 3
    onehot = np.eye(K)[y]

    def unpack(t):  # descent's layout: (b_1..b_K, w_1..w_K) with one feature
        return t[:K], t[K:]

    def logits(t):
        b, w = unpack(t)
        return b[None, :] + X9[:, None] * w[None, :]

    def f(t):
        v = logits(t)
        return np.mean(scipy.special.logsumexp(v, axis=1) - (v * onehot).sum(1))

    def g(t):
        v = logits(t)
        p = np.exp(v - scipy.special.logsumexp(v, axis=1, keepdims=True))
        r = (p - onehot) / 9
        return np.concatenate([r.sum(0), (r * X9[:, None]).sum(0)])

    def h(t):  # (diag(pi) - pi pi^T) (x) u u^T summed over the samples, in descent's layout
        v = logits(t)
        p = np.exp(v - scipy.special.logsumexp(v, axis=1, keepdims=True))
        out = np.zeros((2 * K, 2 * K))
        for i in range(9):
            a = np.diag(p[i]) - np.outer(p[i], p[i])
            u = np.array([1.0, X9[i]])
            out += np.kron(np.outer(u, u), a) / 9  # rows (feature l, class j) = l K + j
        return out

    # Newton's method on the identifiable part: class 0's coefficients held at 0
    free = [j for j in range(2 * K) if j % K != 0]
    t = np.zeros(2 * K)
    for _ in range(30):
        t[free] -= np.linalg.solve(h(t)[np.ix_(free, free)], g(t)[free])
    r = scipy.optimize.minimize(f, np.zeros(2 * K), jac=g, method="BFGS",
                                options={"gtol": 1e-10, "maxiter": 10000})
    b, w = unpack(t)
    centred = np.concatenate([b - b.mean(), w - w.mean()])
    rb, rw = unpack(r.x)
    assert np.linalg.norm(np.concatenate([rb - rb.mean(), rw - rw.mean()]) - centred) < 1e-7
    eig = np.linalg.eigvalsh(h(t))
    return {"centred_minimizer": centred.tolist(), "minimum": float(f(t)),
            "gradient_norm": float(np.linalg.norm(g(t))),
            "hessian_eigenvalues": eig.tolist(),
            "about": "Newton's method in numpy with class 0 held at 0, checked against "
                     "scipy.optimize.minimize BFGS " + scipy.__version__ + " to 1e-7; C is "
                     "invariant to adding one vector to every class's (b_j, w_j), so the "
                     "minimizer is given centred: each coefficient minus its mean over the "
                     "classes"}


def main():
    data = {"source": "numpy " + np.__version__ + ", scipy " + scipy.__version__,
            "rosenbrock_ray": ray_minima(), "logistic": logistic(), "softmax": softmax()}
    path = FIXTURES / "optim_harness.json"
    with open(path, "w") as f:
        json.dump(data, f, indent=1, sort_keys=True)
        f.write("\n")
    print("wrote", path)


if __name__ == "__main__":
    main()
