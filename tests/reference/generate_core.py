#!/usr/bin/python3
"""Reference values for descent's core module (docs/pages/design.md, testing), computed outside the
C++ code.

Writes, next to this script:
  fixtures/core_linalg.json  numpy/scipy results for gemm, gemv, dot, solve, cholesky, eigh on
                             small matrices written out literally below;
  fixtures/core_random.json  the first outputs of descent::Rng for seeds 0 and 42, from a
                             pure-Python mt19937_64 (C++ standard [rand.eng.mers]) and a Python
                             reimplementation of Rng's transforms (lib/src/core/random.cpp).

Run with Debian's Python, which has numpy and scipy:
    /usr/bin/python3 tests/reference/generate_core.py
The output is deterministic (sorted keys, fixed indentation, floats by repr, which round-trips).
"""

import json
import math
import pathlib

import numpy as np
import scipy.linalg

FIXTURES = pathlib.Path(__file__).resolve().parent / "fixtures"
MASK64 = (1 << 64) - 1


# --------------------------------------------------------------------------------------------
# mt19937_64, as specified by the C++ standard [rand.eng.mers] with the parameters of
# std::mt19937_64 ([rand.predef]).
# --------------------------------------------------------------------------------------------
class MT19937_64:
    W, N, M, R = 64, 312, 156, 31
    A = 0xB5026F5AA96619E9
    U, D = 29, 0x5555555555555555
    S, B = 17, 0x71D67FFFEDA60000
    T, C = 37, 0xFFF7EEE000000000
    L = 43
    F = 6364136223846793005
    LOWER = (1 << R) - 1
    UPPER = MASK64 & ~LOWER

    def __init__(self, seed=5489):
        x = [seed & MASK64]
        for i in range(1, self.N):
            prev = x[-1]
            x.append((self.F * (prev ^ (prev >> (self.W - 2))) + i) & MASK64)
        self.x = x
        self.i = self.N  # index of the next state word; N means "twist first"

    def _twist(self):
        x = self.x
        for i in range(self.N):
            y = (x[i] & self.UPPER) | (x[(i + 1) % self.N] & self.LOWER)
            x[i] = x[(i + self.M) % self.N] ^ (y >> 1) ^ (self.A if y & 1 else 0)
        self.i = 0

    def __call__(self):
        if self.i >= self.N:
            self._twist()
        z = self.x[self.i]
        self.i += 1
        z ^= (z >> self.U) & self.D
        z ^= (z << self.S) & self.B & MASK64
        z ^= (z << self.T) & self.C & MASK64
        z ^= z >> self.L
        return z & MASK64


def check_engine():
    """The standard requires the 10000th output of a default-constructed mt19937_64."""
    engine = MT19937_64()
    for _ in range(9999):
        engine()
    value = engine()
    assert value == 9981545732273789042, value


# --------------------------------------------------------------------------------------------
# descent::Rng's transforms (keep in step with lib/src/core/random.cpp).
# --------------------------------------------------------------------------------------------
class Rng:
    def __init__(self, seed):
        self.engine = MT19937_64(seed)
        self.cached = None
        self.below_rejections = 0  # bookkeeping for this script only

    def next_u64(self):
        return self.engine()

    def uniform(self, a=None, b=None):
        x = self.engine()
        u = (x >> 11) * 2.0**-53
        # Python's own formula agrees: exact scaling of a 53-bit integer, in [0, 1).
        assert u == math.ldexp(x >> 11, -53) and 0.0 <= u < 1.0
        if a is None:
            return u
        return a + (b - a) * u

    def normal(self, mean=None, sd=None):
        if self.cached is not None:
            z, self.cached = self.cached, None
        else:
            while True:
                u = 2.0 * self.uniform() - 1.0
                v = 2.0 * self.uniform() - 1.0
                s = u * u + v * v
                if 0.0 < s < 1.0:
                    break
            f = math.sqrt(-2.0 * math.log(s) / s)
            z, self.cached = u * f, v * f
        if mean is None:
            return z
        return mean + sd * z

    def below(self, n):
        threshold = (1 << 64) % n
        x = self.engine()
        while x < threshold:
            self.below_rejections += 1
            x = self.engine()
        return x % n

    def shuffle(self, items):
        for i in range(len(items) - 1, 0, -1):
            j = self.below(i + 1)
            items[i], items[j] = items[j], items[i]
        return items


def random_fixture(seed):
    out = {"seed": seed}
    rng = Rng(seed)
    out["next_u64"] = [rng.next_u64() for _ in range(8)]
    rng = Rng(seed)
    out["uniform"] = [rng.uniform() for _ in range(10)]
    rng = Rng(seed)
    out["uniform_m2_3"] = [rng.uniform(-2.0, 3.0) for _ in range(5)]
    rng = Rng(seed)
    out["normal"] = [rng.normal() for _ in range(11)]  # odd count: ends on a fresh pair
    rng = Rng(seed)
    out["normal_1.5_0.25"] = [rng.normal(1.5, 0.25) for _ in range(5)]
    rng = Rng(seed)
    out["below_10"] = [rng.below(10) for _ in range(20)]
    # n = 2^63 + 1: threshold 2^63 - 1, so about half of the draws are rejected.
    big = (1 << 63) + 1
    rng = Rng(seed)
    out["below_2p63p1"] = [rng.below(big) for _ in range(10)]
    assert rng.below_rejections > 0, "the rejection branch must be exercised"
    rng = Rng(seed)
    out["shuffle_10"] = rng.shuffle(list(range(10)))
    # The cached second normal survives calls to other methods in between.
    rng = Rng(seed)
    out["mixed"] = [
        ["normal", rng.normal()],
        ["uniform", rng.uniform()],
        ["normal", rng.normal()],
        ["below_7", rng.below(7)],
        ["normal", rng.normal()],
        ["normal", rng.normal()],
        ["next_u64", rng.next_u64()],
    ]
    return out


def numpy_legacy_fixture():
    """numpy's own legacy stream: np.random.seed(seed), then np.random.choice(n) per draw (the
    authors' SGD sampling, which descent::NumpyRandomState replays). n = 1 draws nothing;
    n = 2^31 + 11 rejects about half of the masked 32-bit draws."""
    cases = []
    for seed, n, count in [(0, 5, 20), (1, 5, 20), (42, 7, 20), (7, 1000, 20),
                           (3, 2**31 + 11, 10)]:
        np.random.seed(seed)
        cases.append({"seed": seed, "n": n,
                      "choices": [int(np.random.choice(n)) for _ in range(count)]})
    # a single choice consumes no draw: the n = 5 draws continue seed 1's stream
    np.random.seed(1)
    mixed = []
    for n in [1, 5, 1, 1, 5, 5]:
        mixed.append([n, int(np.random.choice(n))])
    return {"about": "np.random.seed(seed); np.random.choice(n), numpy " + np.__version__,
            "cases": cases, "mixed_seed_1": mixed}


def write_random():
    check_engine()
    data = {
        "about": "first outputs of descent::Rng; generated by tests/reference/generate_core.py",
        "mt19937_64_default_10000th": 9981545732273789042,
        "seeds": [random_fixture(0), random_fixture(42)],
        "numpy_legacy": numpy_legacy_fixture(),
    }
    write(FIXTURES / "core_random.json", data)


# --------------------------------------------------------------------------------------------
# Linear algebra on fixed small matrices.
# --------------------------------------------------------------------------------------------
def tolist(a):
    return np.asarray(a, dtype=float).tolist()


def write_linalg():
    a34 = np.array([[1.5, -2.0, 0.25, 3.0], [0.5, 4.0, -1.0, 2.5], [-3.0, 0.75, 2.0, -0.5]])
    b42 = np.array([[2.0, -1.0], [0.5, 3.25], [-1.5, 0.0], [4.0, 1.125]])
    b43 = np.array([[1.0, 0.0, -2.0], [0.5, -1.5, 1.0], [3.0, 2.0, 0.25], [-1.0, 0.125, 4.0]])
    c55 = np.array([[0.1 * (i + 1) - 0.07 * j * j + 0.3 * (i == j) for j in range(5)]
                    for i in range(5)])
    d55 = np.array([[math.sin(i + 2.0 * j) for j in range(5)] for i in range(5)])
    gemm = [
        {"name": "3x4 times 4x2", "a": tolist(a34), "b": tolist(b42), "ab": tolist(a34 @ b42)},
        {"name": "5x5 times 5x5", "a": tolist(c55), "b": tolist(d55), "ab": tolist(c55 @ d55)},
        {"name": "1x4 times 4x3", "a": tolist(a34[:1]), "b": tolist(b43),
         "ab": tolist(a34[:1] @ b43)},
    ]

    x4 = np.array([1.0, -0.5, 2.0, 0.125])
    gemv = [
        {"name": "3x4 times 4", "a": tolist(a34), "x": tolist(x4), "ax": tolist(a34 @ x4)},
        {"name": "5x5 times 5", "a": tolist(d55), "x": tolist(c55[0]), "ax": tolist(d55 @ c55[0])},
    ]

    y4 = np.array([0.3, 1.7, -2.2, 5.0])
    dot = [{"name": "4 . 4", "x": tolist(x4), "y": tolist(y4), "xy": float(np.dot(x4, y4))}]

    s44 = np.array([[4.0, -2.0, 1.0, 0.5], [3.0, 6.0, -1.0, 2.0], [0.0, 1.0, 5.0, -3.0],
                    [2.0, -1.0, 0.5, 7.0]])
    r4 = np.array([1.0, 2.0, -3.0, 0.5])
    hilbert5 = scipy.linalg.hilbert(5)
    ones5 = np.ones(5)
    solve = []
    for name, a, b in [("4x4 nonsymmetric", s44, r4), ("5x5 Hilbert", hilbert5, ones5)]:
        x = np.linalg.solve(a, b)
        assert np.allclose(scipy.linalg.solve(a, b), x, rtol=1e-9)
        solve.append({"name": name, "a": tolist(a), "b": tolist(b), "x": tolist(x),
                      "cond": float(np.linalg.cond(a))})

    spd3 = np.array([[4.0, 12.0, -16.0], [12.0, 37.0, -43.0], [-16.0, -43.0, 98.0]])
    m = np.array([[2.0, 1.0, 0.0, -1.0], [0.5, 3.0, 1.0, 0.0], [1.0, -1.0, 2.5, 0.5],
                  [0.0, 2.0, -0.5, 1.5]])
    spd4 = m @ m.T + 0.5 * np.eye(4)
    cholesky = []
    for name, a in [("3x3 classic (L has integer entries)", spd3), ("4x4 m m^T + I/2", spd4)]:
        lower = scipy.linalg.cholesky(a, lower=True)
        assert np.allclose(np.linalg.cholesky(a), lower, rtol=1e-12)
        cholesky.append({"name": name, "a": tolist(a), "l": tolist(lower)})

    sym4 = np.array([[2.0, -1.0, 0.0, 0.5], [-1.0, 2.0, -1.0, 0.0], [0.0, -1.0, 2.0, -1.0],
                     [0.5, 0.0, -1.0, 2.0]])
    eigh = []
    for name, a in [("4x4 symmetric", sym4), ("4x4 m m^T + I/2", spd4), ("3x3 classic", spd3)]:
        values = np.linalg.eigh(a)[0]
        assert np.allclose(scipy.linalg.eigh(a, eigvals_only=True), values, rtol=1e-12)
        eigh.append({"name": name, "a": tolist(a), "values": tolist(values)})

    data = {
        "about": "numpy/scipy results on fixed matrices; generated by "
                 "tests/reference/generate_core.py",
        "gemm": gemm, "gemv": gemv, "dot": dot, "solve": solve, "cholesky": cholesky,
        "eigh": eigh,
    }
    write(FIXTURES / "core_linalg.json", data)


def write(path, data):
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(data, indent=1, sort_keys=True) + "\n"
    path.write_text(text)
    print(f"wrote {path}")


if __name__ == "__main__":
    write_random()
    write_linalg()
