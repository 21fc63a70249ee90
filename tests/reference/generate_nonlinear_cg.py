#!/usr/bin/python3
"""Reference values for nonlinear conjugate gradients and Newton-CG, computed with scipy.

Writes fixtures/second_order_cg.json:

- "cg": scipy.optimize.minimize(method="CG") — Polak-Ribiere+ (beta = max(0, PR)), no periodic
  restarts, MINPACK strong-Wolfe line search with c1 = 1e-4, c2 = 0.4 and an extra acceptance
  test that the next direction is a descent direction — on Rosenbrock (4.9) from (-1.2, 1) and
  on the quadratic x^2 + 4y^2 from (4, 1), stopping at |grad|_2 <= GTOL.
- "newton_cg": scipy.optimize.minimize(method="Newton-CG") with the exact Hessian-vector
  product on the extended Rosenbrock (libLBFGS's sum over pairs) from (-1.2, 1, ...) at the
  dimensions DIMS: iterations, evaluations, Hessian-vector products, the end point's distance
  to (1, ..., 1). scipy's inner CG stops at |r|_1 <= min(0.5, sqrt(|g|_1)) |g|_1 or on
  non-positive curvature; the outer loop stops when |step|_1 <= xtol d.

Run with Debian's Python: /usr/bin/python3 tests/reference/generate_nonlinear_cg.py
"""

import json
import pathlib

import numpy as np
import scipy.optimize

FIXTURES = pathlib.Path(__file__).resolve().parent / "fixtures"
GTOL = 1e-6
DIMS = [1000, 10000, 100000]
XTOL = 1e-8


def ext_rosen(x):
    u = 1 - x[0::2]
    w = x[1::2] - x[0::2] ** 2
    return float(np.sum(u * u + 100 * w * w))


def ext_rosen_grad(x):
    u = 1 - x[0::2]
    w = x[1::2] - x[0::2] ** 2
    g = np.empty_like(x)
    g[0::2] = -2 * u - 400 * x[0::2] * w
    g[1::2] = 200 * w
    return g


def ext_rosen_hessp(x, v):
    a = x[0::2]
    h00 = 2 - 400 * (x[1::2] - a * a) + 800 * a * a
    h01 = -400 * a
    hv = np.empty_like(x)
    hv[0::2] = h00 * v[0::2] + h01 * v[1::2]
    hv[1::2] = h01 * v[0::2] + 200 * v[1::2]
    return hv


def cg_entry(fun, jac, x0):
    r = scipy.optimize.minimize(fun, np.array(x0), jac=jac, method="CG",
                                options={"gtol": GTOL, "norm": 2, "maxiter": 10000})
    return {"nit": int(r.nit), "nfev": int(r.nfev), "njev": int(r.njev),
            "x": [float(v) for v in r.x], "fun": float(r.fun), "success": bool(r.success)}


def main():
    out = {"gtol": GTOL, "xtol": XTOL, "cg": {}, "newton_cg": {}}
    out["cg"]["rosenbrock"] = cg_entry(scipy.optimize.rosen, scipy.optimize.rosen_der, [-1.2, 1.0])
    out["cg"]["bowl"] = cg_entry(lambda w: w[0] ** 2 + 4 * w[1] ** 2,
                                 lambda w: np.array([2 * w[0], 8 * w[1]]), [4.0, 1.0])
    for d in DIMS:
        x0 = np.tile([-1.2, 1.0], d // 2)
        hessp_calls = [0]

        def hessp(x, v):
            hessp_calls[0] += 1
            return ext_rosen_hessp(x, v)

        r = scipy.optimize.minimize(ext_rosen, x0, jac=ext_rosen_grad, hessp=hessp,
                                    method="Newton-CG", options={"xtol": XTOL, "maxiter": 1000})
        out["newton_cg"][str(d)] = {
            "nit": int(r.nit), "nfev": int(r.nfev), "njev": int(r.njev),
            "nhev": int(hessp_calls[0]), "fun": float(r.fun),
            "distance_to_minimizer": float(np.linalg.norm(r.x - 1)),
            "gradient_norm": float(np.linalg.norm(ext_rosen_grad(r.x))),
            "success": bool(r.success)}
    with open(FIXTURES / "second_order_cg.json", "w") as f:
        json.dump(out, f, sort_keys=True, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
