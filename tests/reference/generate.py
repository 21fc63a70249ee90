#!/usr/bin/python3
"""Writes the reference fixtures of descent's tests into tests/reference/fixtures/.

Run with Debian's Python (numpy, scipy and torch come from Debian packages):

    /usr/bin/python3 tests/reference/generate.py

The values here are computed independently of the C++ code under test: exact rational
arithmetic (fractions.Fraction) for short iterations on polynomials, numpy/scipy for
roots and for the methods scipy implements itself. The output is deterministic (sorted
keys, repr of floats), so regenerating changes no bytes unless the generator changes.
"""

import json
import os
import subprocess
import sys
from fractions import Fraction

import numpy as np
import scipy
import scipy.linalg
import scipy.optimize

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "fixtures")


def write(name, data):
    path = os.path.join(FIXTURES, name)
    with open(path, "w") as f:
        json.dump(data, f, indent=1, sort_keys=True)
        f.write("\n")
    print("wrote", os.path.relpath(path))


# --- MEDL §4.6: univariate Newton and secant ------------------------------------------

def newton_exact(d1, d2, theta0, steps):
    """Newton iterates of (4.51) in exact rational arithmetic."""
    thetas = [Fraction(theta0)]
    for _ in range(steps):
        t = thetas[-1]
        if d2(t) == 0:
            break
        thetas.append(t - d1(t) / d2(t))
    return thetas


def secant_exact(d1, theta0, theta1, steps):
    """Secant iterates of (4.53) in exact rational arithmetic."""
    thetas = [Fraction(theta0), Fraction(theta1)]
    for _ in range(steps):
        a, b = thetas[-2], thetas[-1]
        if b == a or d1(b) == d1(a):
            break
        thetas.append(b - (b - a) / (d1(b) - d1(a)) * d1(b))
    return thetas


def medl04_section_4_6():
    # (4.52): C = (θ−3)²(θ+3), C' = 3(θ−3)(θ+1), C'' = 6(θ−1)
    C = lambda t: (t - 3) ** 2 * (t + 3)
    d1 = lambda t: 3 * (t - 3) * (t + 1)
    d2 = lambda t: 6 * (t - 1)
    newton = {}
    for start in ["1.5", "0.5", "0", "0.9", "0.99", "1.01", "4", "-2", "2"]:
        thetas = newton_exact(d1, d2, Fraction(start), 8)
        root = scipy.optimize.newton(lambda t: 3 * (t - 3) * (t + 1), float(start),
                                     fprime=lambda t: 6 * (t - 1), tol=1e-14, maxiter=200)
        newton[start] = {
            "theta": [float(t) for t in thetas],
            "C": [float(C(t)) for t in thetas],
            "limit_scipy_newton": float(root),
        }

    secant = {}
    for pair in [("1.5", "1.6"), ("4", "4.1"), ("0.5", "0.6")]:
        thetas = secant_exact(d1, Fraction(pair[0]), Fraction(pair[1]), 9)
        # scipy.optimize.newton without fprime runs the secant method from x0, x1.
        root = scipy.optimize.newton(lambda t: 3 * (t - 3) * (t + 1), float(pair[0]),
                                     x1=float(pair[1]), tol=1e-14, maxiter=200)
        secant[",".join(pair)] = {"theta": [float(t) for t in thetas],
                                  "limit_scipy_secant": float(root)}

    # Oscillation example: C = −θ⁴/4 + 5θ²/2, C' = −θ³ + 5θ, C'' = −3θ² + 5.
    o1 = lambda t: -t ** 3 + 5 * t
    o2 = lambda t: -3 * t ** 2 + 5
    cycle = newton_exact(o1, o2, Fraction(1), 6)
    perturbed = newton_exact(o1, o2, Fraction("1.001"), 5)
    perturbed_limit = scipy.optimize.newton(lambda t: -t ** 3 + 5 * t, 1.001,
                                            fprime=lambda t: -3 * t ** 2 + 5, tol=1e-14,
                                            maxiter=200)

    # Figure 4.10 (authors' function): C = θ⁴ − 4θ³ − 2θ² + 10θ + 15.
    q = np.polynomial.Polynomial([15, 10, -2, -4, 1])
    q1, q2 = q.deriv(1), q.deriv(2)
    critical = sorted(float(r.real) for r in q1.roots())
    inflection = sorted(float(r.real) for r in q2.roots())
    steps = {}
    for name, start in [("a", 1.7), ("b", 2.5)]:
        nxt = start - q1(start) / q2(start)
        steps[name] = {"theta": start, "C": float(q(start)), "d1": float(q1(start)),
                       "d2": float(q2(start)), "next": float(nxt), "C_next": float(q(nxt))}

    write("medl04_s4_6.json", {
        "source": "MEDL §4.6; exact Fraction iterations, scipy.optimize.newton " +
                  scipy.__version__ + ", numpy.polynomial " + np.__version__,
        "newton_4_52": newton,
        "secant_4_52": secant,
        "oscillation": {"cycle": [float(t) for t in cycle],
                        "perturbed": [float(t) for t in perturbed],
                        "perturbed_limit_scipy": float(perturbed_limit)},
        "figure_4_10": {"critical_points": critical,
                        "critical_values": [float(q(c)) for c in critical],
                        "critical_d2": [float(q2(c)) for c in critical],
                        "inflection_points": inflection, "steps": steps},
    })


# --- problems: Rosenbrock from scipy's own implementation ------------------------------

def problems_rosenbrock():
    points = [[0.8, 0.0], [-1.2, 1.0], [0.2, -0.2], [1.0, 1.0], [0.4, -0.2]]
    classic = [{"theta": p, "value": float(scipy.optimize.rosen(np.array(p))),
                "gradient": scipy.optimize.rosen_der(np.array(p)).tolist(),
                "hessian": scipy.optimize.rosen_hess(np.array(p)).tolist()} for p in points]
    # The extended (pairwise) form is a sum of independent 2-d Rosenbrock terms.
    x = np.array([-1.2, 1.0, 0.3, -0.7, 2.0, 1.5])
    v = np.array([1.0, -2.0, 0.5, 0.25, -1.0, 3.0])
    pairs = x.reshape(-1, 2)
    value = sum(scipy.optimize.rosen(p) for p in pairs)
    grad = np.concatenate([scipy.optimize.rosen_der(p) for p in pairs])
    hess = scipy.linalg.block_diag(*[scipy.optimize.rosen_hess(p) for p in pairs])
    write("problems_rosenbrock.json", {
        "source": "scipy.optimize.rosen/rosen_der/rosen_hess " + scipy.__version__,
        "classic": classic,
        "extended": {"theta": x.tolist(), "v": v.tolist(), "value": float(value),
                     "gradient": grad.tolist(), "hessian_vector": (hess @ v).tolist()},
    })


def main():
    os.makedirs(FIXTURES, exist_ok=True)
    medl04_section_4_6()
    problems_rosenbrock()
    # The other generators, one per module, each a script of its own.
    for script in sorted(os.listdir(HERE)):
        if script.startswith("generate_") and script.endswith(".py"):
            subprocess.run([sys.executable, os.path.join(HERE, script)], check=True)


if __name__ == "__main__":
    main()
