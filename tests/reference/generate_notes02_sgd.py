#!/usr/bin/python3
"""Reference values for notes02 `algorithm-1` (Notes §2.2, Algorithm 1: SGD), computed outside
the C++ code with numpy.

The data (Notes §2.2 leaves it open; the companion's choice): N = 8 points
x_i = -1 + 2(i-1)/7, y_i = 1 + 2 x_i + 0.1 (-1)^i (i = 1..8), model theta_0 + theta_1 x,
L_N(theta) = sum_i (1/2)(y_i - theta_0 - theta_1 x_i)^2 (a sum, as the notes write it), and
SGD steps along grad l_I = N grad L_I (Eq. 2.5) from theta = 0.

Random indices: numpy's legacy RandomState(seed) is the 32-bit Mersenne Twister seeded as
std::mt19937(seed); randint(0, 8) masks one 32-bit output to its low 3 bits (= gen() % 8), and
permutation(8) is Fisher-Yates from the top with masked-rejection draws. The C++ item draws
the same stream, so its runs are replayed here step for step.

Independent closed forms (no random numbers):
  - GD on L_N from theta_0: theta_T = theta_hat + (I - eta H)^T (theta_0 - theta_hat);
  - the stationary mean square E|theta - theta_hat|^2 of SGD with constant eta,
    * with replacement: M = E[P_I M P_I^T] + eta^2 E[c_I c_I^T], P_i = I - eta N a_i a_i^T,
      c_i = N r_i a_i with r_i the residual at theta_hat (cross terms vanish since E c_I = 0
      and the stationary mean is 0), solved as a 4x4 linear system;
    * shuffled passes: the epoch is an affine map e -> P_pi e + q_pi for a permutation pi;
      the stationary moments at an epoch start, then the mean over the 8 positions of an
      epoch, averaged exactly over all 8! permutations.
  - the expected draws to see all N indices (coupon collector): N H_N.

Writes fixtures/notes02_sgd.json. Deterministic (sorted keys, floats by repr).
    /usr/bin/python3 tests/reference/generate_notes02_sgd.py
"""

import itertools
import json
import math
import pathlib

import numpy as np

FIXTURES = pathlib.Path(__file__).resolve().parent / "fixtures"
N = 8
SEED = 5489
X = np.array([-1 + 2 * (i - 1) / 7 for i in range(1, N + 1)])
Y = np.array([1 + 2 * X[i - 1] + 0.1 * (-1) ** i for i in range(1, N + 1)])
A = np.stack([np.ones(N), X], axis=1)  # rows a_i = (1, x_i)
H = A.T @ A  # Hessian of L_N
THETA_HAT = np.linalg.solve(H, A.T @ Y)
ETA = 0.01
BALL_ETAS = [0.00125, 0.0025, 0.005, 0.01, 0.02, 0.04]


def loss(t):
    return float(0.5 * np.sum((A @ t - Y) ** 2))


def sgd(eta, steps, mode, checkpoints):
    """theta after each checkpoint step, drawing as the C++ item does."""
    rs = np.random.RandomState(SEED)
    t = np.zeros(2)
    order, pos = None, N
    out = {}
    for k in range(1, steps + 1):
        if mode == "replacement":
            i = rs.randint(0, N)
        else:
            if pos == N:
                order, pos = rs.permutation(N), 0
            i = order[pos]
            pos += 1
        r = t[0] + t[1] * X[i] - Y[i]
        t = np.array([t[0] - eta * N * r, t[1] - eta * N * r * X[i]])
        if k in checkpoints:
            out[str(k)] = {"theta": t.tolist(), "L_N": loss(t)}
    return out


def gd(eta, steps):
    e0 = np.zeros(2) - THETA_HAT
    t = THETA_HAT + np.linalg.matrix_power(np.eye(2) - eta * H, steps) @ e0
    return {"theta": t.tolist(), "L_N": loss(t)}


def coverage(draws):
    """The notes' epochs in a with-replacement stream: an epoch ends when all N were drawn."""
    rs = np.random.RandomState(SEED)
    idx = rs.randint(0, N, size=draws)
    ends, seen, start = [], set(), 0
    for k, i in enumerate(idx, start=1):
        seen.add(int(i))
        if len(seen) == N:
            ends.append(k - start)
            seen, start = set(), k
    return {"first": ends[0], "epochs": len(ends), "mean_length": float(np.mean(ends))}


def radius_replacement(eta):
    c = [N * (A[i] @ THETA_HAT - Y[i]) * A[i] for i in range(N)]
    P = [np.eye(2) - eta * N * np.outer(A[i], A[i]) for i in range(N)]
    K = sum(np.kron(p, p) for p in P) / N
    S = eta ** 2 * sum(np.outer(ci, ci) for ci in c) / N
    M = np.linalg.solve(np.eye(4) - K, S.reshape(-1)).reshape(2, 2)
    return math.sqrt(np.trace(M))


def radius_shuffle(eta):
    perms = np.array(list(itertools.permutations(range(N))))  # 8! rows
    m_count = len(perms)
    c = np.array([N * (A[i] @ THETA_HAT - Y[i]) * A[i] for i in range(N)])
    P = np.array([np.eye(2) - eta * N * np.outer(A[i], A[i]) for i in range(N)])
    Pj = np.broadcast_to(np.eye(2), (m_count, 2, 2)).copy()  # P^(j), product so far
    qj = np.zeros((m_count, 2))  # q^(j)
    stages = []
    for j in range(N):
        Pi, ci = P[perms[:, j]], c[perms[:, j]]
        Pj = np.einsum("nab,nbc->nac", Pi, Pj)
        qj = np.einsum("nab,nb->na", Pi, qj) - eta * ci
        stages.append((Pj.copy(), qj.copy()))
    P8, q8 = stages[-1]
    # stationary mean and second moment at an epoch start (independent of the new permutation)
    m = np.linalg.solve(np.eye(2) - P8.mean(0), q8.mean(0))
    K = np.einsum("nab,ncd->acbd", P8, P8).reshape(4, 4) / m_count  # E[P kron P]
    Pm = np.einsum("nab,b->na", P8, m)
    rhs = (np.einsum("na,nb->ab", Pm, q8) + np.einsum("na,nb->ab", q8, Pm)
           + np.einsum("na,nb->ab", q8, q8)) / m_count
    M = np.linalg.solve(np.eye(4) - K, rhs.reshape(-1)).reshape(2, 2)
    total = 0.0
    for Pj, qj in stages:  # E|e_j|^2 = tr(E[P M P^T]) + 2 E[q^T P m] + E|q|^2
        total += (np.einsum("nab,bc,nac->", Pj, M, Pj) + 2 * np.einsum("na,na->", qj,
                  np.einsum("nab,b->na", Pj, m)) + np.einsum("na,na->", qj, qj)) / m_count
    return math.sqrt(total / N)


def main():
    rs = np.random.RandomState(SEED)
    assert rs._bit_generator.random_raw() == 3499211612  # std::mt19937's first output
    first16 = np.random.RandomState(SEED).randint(0, N, size=16).tolist()
    theta0 = np.zeros(2)
    g = np.array([N * (A[i] @ theta0 - Y[i]) * A[i] for i in range(N)])
    draws = np.random.RandomState(SEED).randint(0, N, size=100000)
    data = {
        "theta_hat": THETA_HAT.tolist(),
        "L_N_hat": loss(THETA_HAT),
        "first_indices": first16,
        "sgd": {mode: sgd(ETA, 20000, mode, {1, 10, 100, 1000, 2000, 20000})
                for mode in ("replacement", "shuffle")},
        "gd": {str(T): gd(ETA, T) for T in (10, 100, 2000)},
        "coverage_20000": coverage(20000),
        "coupon_expectation": N * sum(1 / k for k in range(1, N + 1)),
        "unbiased_mean_100000": g[draws].mean(0).tolist(),
        "ball": {"etas": BALL_ETAS,
                 "replacement": [radius_replacement(e) for e in BALL_ETAS],
                 "shuffle": [radius_shuffle(e) for e in BALL_ETAS]},
    }
    with open(FIXTURES / "notes02_sgd.json", "w") as f:
        json.dump(data, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
