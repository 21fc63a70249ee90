#!/usr/bin/python3
"""Reference values for descent's medl04 item section-4.6-logistic-newton, computed with
numpy and scipy: Newton's method against gradient descent on the logistic regression of
MEDL (4.7), the case where the book's Section 4.6 calls Newton's method "highly applicable".

The data are the companion's nine points x = -2, -1.5, ..., 2 with y = 0,0,1,0,1,1,0,1,1
(the classes overlap, so the minimizer is finite), theta = (b, w), the mean cross-entropy
loss, and the start theta(0) = (0, 0).

- theta*: scipy.optimize.root on grad C (MINPACK hybrj with the exact Hessian as Jacobian,
  tol 1e-15) from the same start, where |grad C| is at rounding level; checked against
  scipy.optimize.minimize (trust-exact, which stops near |grad C| = 1e-8) to 1e-7.
- Newton iterates theta(t) = theta(t-1) - H^-1 grad C (numpy.linalg.solve), t = 0..8.
- Gradient descent with alpha = 1 (the catalogue's): its first iterates, the first t with
  |grad C| < 1e-8, and the rate max |1 - alpha lambda_i| from the eigenvalues of H(theta*)
  that |e(t+1)| / |e(t)| tends to.

Writes fixtures/medl04_logistic_newton.json.
Run with Debian's Python: /usr/bin/python3 tests/reference/generate_logistic_newton.py
"""

import json
import pathlib

import numpy as np
import scipy
import scipy.optimize

FIXTURES = pathlib.Path(__file__).resolve().parent / "fixtures"
X = np.linspace(-2, 2, 9)
Y = np.array([0, 0, 1, 0, 1, 1, 0, 1, 1], dtype=float)
U = np.stack([np.ones(X.size), X], axis=1)  # rows [1, x(i)]: theta = (b, w)
ALPHA = 1.0


def loss(t):
    z = U @ t
    return float(np.mean(np.logaddexp(0, z) - Y * z))


def grad(t):
    s = 1 / (1 + np.exp(-(U @ t)))
    return U.T @ (s - Y) / X.size


def hess(t):
    s = 1 / (1 + np.exp(-(U @ t)))
    return (U.T * (s * (1 - s))) @ U / X.size  # the mean of (4.7)


def main():
    t0 = np.zeros(2)
    star = scipy.optimize.root(grad, t0, jac=hess, tol=1e-15).x
    assert np.linalg.norm(grad(star)) < 1e-15, grad(star)
    r = scipy.optimize.minimize(loss, t0, jac=grad, hess=hess, method="trust-exact",
                                options={"gtol": 1e-15})
    assert np.linalg.norm(r.x - star) < 1e-7, (r.x, star)

    newton = [t0.copy()]
    for _ in range(8):
        t = newton[-1]
        newton.append(t - np.linalg.solve(hess(t), grad(t)))
    newton_errors = [float(np.linalg.norm(t - star)) for t in newton]

    gd = [t0.copy()]
    for _ in range(400):
        gd.append(gd[-1] - ALPHA * grad(gd[-1]))
    gd_errors = [float(np.linalg.norm(t - star)) for t in gd]
    gd_steps = next(k for k, t in enumerate(gd) if np.linalg.norm(grad(t)) < 1e-8)
    lam = np.linalg.eigvalsh(hess(star))
    rate = float(max(abs(1 - ALPHA * lam)))

    out = {
        "x": X.tolist(), "y": Y.tolist(), "theta0": t0.tolist(), "alpha": ALPHA,
        "theta_star": star.tolist(), "C_star": loss(star),
        "gradient_norm_at_star": float(np.linalg.norm(grad(star))),
        "hessian_eigenvalues_at_star": lam.tolist(),
        "newton": {"theta": [t.tolist() for t in newton], "C": [loss(t) for t in newton],
                   "error": newton_errors},
        "gd": {"theta": [t.tolist() for t in gd[:11]], "error": gd_errors[:101],
               "steps_to_gradient_1e-8": gd_steps, "rate": rate},
        "about": "theta* by scipy.optimize.root " + scipy.__version__ +
                 " (tol 1e-15), checked by minimize trust-exact; Newton and GD iterates in numpy "
                 + np.__version__,
    }
    with open(FIXTURES / "medl04_logistic_newton.json", "w") as f:
        json.dump(out, f, sort_keys=True, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
