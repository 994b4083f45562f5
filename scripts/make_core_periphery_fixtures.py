#!/usr/bin/env python3
"""Write the reference fixtures for core-periphery (`core-periphery`, issue 16).

Usage (from the repository root):

    python3 scripts/make_core_periphery_fixtures.py

Writes one JSON file per graph into Tests/PartnerGraphAlgorithmsTests/Fixtures/core-periphery/.

Borgatti and Everett's models (Social Networks 21:375-395, 1999), written here from the paper
on the graph read as undirected and unweighted (self-loops dropped), with numpy and scipy:
- discrete: for every one of the 2^n partitions into core and periphery (exhaustive, so only
  small graphs), the Pearson correlation (numpy.corrcoef) between the tie indicator and the
  ideal pattern (1 core-core, 0 periphery-periphery) over the unordered pairs inside the core
  or inside the periphery; core-periphery pairs are left out (UCINET's default, "missing").
  The best fit and every partition reaching it (within 1e-12) are written;
- continuous: the coreness vector c minimising sum_{i != j} (a_ij - c_i c_j)^2, by
  scipy.optimize.least_squares from the degrees and from ten seeded random starts (the lowest
  cost kept), polished by scipy.optimize.root on the minimum's stationarity condition, scaled to
  length 1 with a positive sum; its fit is numpy.corrcoef of a_ij and
  c_i c_j over i != j.

A fixture:
  {"name", "about", "nodes": [id...], "edges": [[u, v]...],
   "discrete": {"fit", "cores": [[id...]...], "partitions": 2^n},
   "continuous": {"coreness": {id: c}, "fit", "cost"},
   "fits": [{"core": [id...], "fit": x|null}...]   the fit of a few fixed partitions}

Requirements: Python 3.10+, NetworkX 3.6.1 (refuses another version unless --any-version),
numpy, scipy, PyYAML. Deterministic: re-running it rewrites identical bytes.
"""

import random

import fixturekit  # noqa: E402  (scripts/fixturekit.py, beside this file)

fixturekit.deterministic()

import networkx as nx  # noqa: E402
import numpy as np  # noqa: E402
from scipy.optimize import least_squares, root  # noqa: E402


ROOT = fixturekit.ROOT
OUT = fixturekit.fixtures("core-periphery")
EPS = 1e-12


def adjacency(order, edges):
    G = nx.Graph()
    G.add_nodes_from(order)
    G.add_edges_from(edges)
    G.remove_edges_from(nx.selfloop_edges(G))
    return nx.to_numpy_array(G, nodelist=order, dtype=float)


def discrete_fit(A, core):
    n = len(A)
    iu, ju = np.triu_indices(n, k=1)
    same = core[iu] == core[ju]
    x = A[iu, ju][same]
    y = core[iu][same].astype(float)
    if len(x) == 0 or x.std() == 0 or y.std() == 0:
        return None
    return float(np.corrcoef(x, y)[0, 1])


def exhaustive(A):
    n = len(A)
    best, cores = None, []
    for mask in range(1 << n):
        core = np.array([(mask >> i) & 1 == 1 for i in range(n)])
        f = discrete_fit(A, core)
        if f is None:
            continue
        if best is None or f > best + EPS:
            best, cores = f, [core]
        elif abs(f - best) <= EPS:
            cores.append(core)
    return best, cores


def continuous(A):
    n = len(A)
    off = ~np.eye(n, dtype=bool)

    def residuals(c):
        return (A - np.outer(c, c))[off]

    starts = [A.sum(axis=1) / np.linalg.norm(A.sum(axis=1))]
    rng = np.random.default_rng(7)
    starts += [rng.random(n) for _ in range(10)]
    best = None
    for c0 in starts:
        r = least_squares(residuals, c0, xtol=1e-15, ftol=1e-15, gtol=1e-15, max_nfev=100000)
        if best is None or r.cost < best.cost - 1e-14:
            best = r
    # Polish to machine precision: the least-squares cost is flat near its minimum (coreness
    # good to about 1e-7), so solve its stationarity condition c_i (sum_{j != i} c_j^2) =
    # sum_j a_ij c_j with scipy.optimize.root from there.
    def stationary(c):
        return c * (np.dot(c, c) - c * c) - A @ c

    polished = root(stationary, best.x, method="hybr", tol=1e-15)
    # (root may report "no further improvement" once the residual is at rounding level.)
    settled = np.abs(stationary(polished.x)).max() < 1e-12
    c = polished.x if settled and np.sum(residuals(polished.x) ** 2) <= 2 * best.cost + 1e-9 else best.x
    if c.sum() < 0:
        c = -c
    cost = float(np.sum(residuals(c) ** 2))
    c = c / np.linalg.norm(c)
    fit = float(np.corrcoef(A[off], np.outer(c, c)[off])[0, 1])
    return c, fit, cost


def write(name, about, order, edges):
    A = adjacency(order, edges)
    best, cores = exhaustive(A)
    c, fit, cost = continuous(A)
    rng = random.Random(name)
    fits = []
    for _ in range(6):
        core = np.array([rng.random() < 0.4 for _ in order])
        fits.append({"core": [v for v, x in zip(order, core) if x], "fit": discrete_fit(A, core)})
    doc = {
        "name": name, "about": about, "nodes": order, "edges": [list(e) for e in edges],
        "discrete": {"fit": best, "partitions": 1 << len(order),
                     "cores": [[v for v, x in zip(order, core) if x] for core in cores]},
        "continuous": {"coreness": {v: float(x) for v, x in zip(order, c)}, "fit": fit, "cost": cost},
        "fits": fits,
    }
    fixturekit.write(OUT, name, doc)


def main():
    fixturekit.check_networkx(nx)
    _, order, edges = fixturekit.load_graph("nordic-innovation-procurement.yaml")
    write("nordic-innovation-procurement", "Graphs/nordic-innovation-procurement.yaml, ties read as undirected",
          order, edges)
    F = nx.florentine_families_graph()
    order = sorted(F)
    write("florentine-families", "NetworkX's florentine_families_graph (Padgett's marriage ties), nodes sorted",
          order, sorted(tuple(sorted(e)) for e in F.edges()))
    # A planted core: 5 nodes tied to each other with probability 0.9, to the 11 others with
    # 0.35, the others among themselves with 0.05.
    rng = random.Random(41)
    order = [f"n{i}" for i in range(16)]
    edges = []
    for i in range(16):
        for j in range(i + 1, 16):
            p = 0.9 if j < 5 else (0.35 if i < 5 else 0.05)
            if rng.random() < p:
                edges.append((order[i], order[j]))
    write("planted-core-16", "16 nodes, a planted core of n0-n4 (densities 0.9 core, 0.35 between, 0.05 periphery), "
          "random.Random(41)", order, edges)


if __name__ == "__main__":
    main()
