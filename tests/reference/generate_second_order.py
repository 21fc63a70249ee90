#!/usr/bin/python3
"""Reference values for descent's quasi-Newton items (MEDL Algorithm 4.3), computed with scipy.

Writes fixtures/medl04_quasi_newton.json: for Rosenbrock (4.9) from the starts the catalogue
proposes, scipy.optimize.minimize with method BFGS (gtol = GTOL) and L-BFGS-B
(maxcor m = 6), their iteration and evaluation counts and end points. scipy uses a different
(MINPACK strong-Wolfe) line search, so tests compare end points and counts in range, not paths.

Run with Debian's Python: /usr/bin/python3 tests/reference/generate_second_order.py
"""

import json
import pathlib

import numpy as np
import scipy.optimize

FIXTURES = pathlib.Path(__file__).resolve().parent / "fixtures"
STARTS = {"0.2,-0.2": [0.2, -0.2], "0.4,-0.2": [0.4, -0.2], "0.8,0": [0.8, 0.0],
          "-1.2,1": [-1.2, 1.0]}
GTOL = 1e-8


def main():
    out = {"gtol": GTOL, "m": 6, "starts": {}}
    for name, x0 in sorted(STARTS.items()):
        entry = {}
        r = scipy.optimize.minimize(scipy.optimize.rosen, np.array(x0), jac=scipy.optimize.rosen_der,
                                    method="BFGS", options={"gtol": GTOL})
        entry["bfgs"] = {"nit": int(r.nit), "nfev": int(r.nfev), "x": [float(v) for v in r.x],
                         "success": bool(r.success)}
        r = scipy.optimize.minimize(scipy.optimize.rosen, np.array(x0), jac=scipy.optimize.rosen_der,
                                    method="L-BFGS-B",
                                    options={"gtol": GTOL, "ftol": 0.0, "maxcor": 6})
        entry["lbfgsb"] = {"nit": int(r.nit), "nfev": int(r.nfev), "x": [float(v) for v in r.x],
                           "success": bool(r.success)}
        out["starts"][name] = entry
    with open(FIXTURES / "medl04_quasi_newton.json", "w") as f:
        json.dump(out, f, sort_keys=True, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
