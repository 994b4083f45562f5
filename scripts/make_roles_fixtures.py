#!/usr/bin/env python3
"""Write the reference fixtures for structural equivalence and CONCOR (`roles`, issue 16).

Usage (from the repository root):

    python3 scripts/make_roles_fixtures.py

Writes one JSON file per graph into Tests/PartnerGraphAlgorithmsTests/Fixtures/roles/.

Written here with numpy from the definitions (S. Wasserman, K. Faust, Social Network Analysis,
1994, eq. 9.2 and 9.3; R. L. Breiger, S. A. Boorman, P. Arabie 1975), independently of
PartnerGraph's code, on the binary adjacency matrix X (NetworkX's to_numpy_array, ties read
unweighted; undirected graphs symmetric):
- profile of i compared with j: X[i, k] (and X[k, i] when directed) over k not in {i, j};
- euclidean[i][j]: the Euclidean distance of the two profiles; correlation[i][j]: their
  Pearson correlation (numpy.corrcoef; 0 where a profile is constant), 1 on the diagonal;
- CONCOR: start from the correlation matrix of the set's members; replace it by the
  correlations of its columns (diagonal 1, constant columns 0) until every entry is within
  1e-6 of +-1 or 100 rounds; the members with a positive entry in the first member's row
  (the first member included) form the first block; split each block again, depth times;
  blocks ordered by their first member;
- image: ties from block a to block b over ordered pairs of distinct actors.

A fixture:
  {"name", "about", "directed", "nodes": [id...], "edges": [[u, v]...],
   "euclidean": [[...]...], "correlation": [[...]...],
   "concor": {depth: {"blocks": [[id...]...], "image": [[density|null...]...]}}}

Requirements: Python 3.10+, NetworkX 3.6.1 (refuses another version unless --any-version),
numpy, PyYAML. Deterministic: re-running it rewrites identical bytes.
"""


import fixturekit  # noqa: E402  (scripts/fixturekit.py, beside this file)

fixturekit.deterministic()

import networkx as nx  # noqa: E402
import numpy as np  # noqa: E402


ROOT = fixturekit.ROOT
OUT = fixturekit.fixtures("roles")


def corr(a, b):
    if np.std(a) == 0 or np.std(b) == 0:
        return None
    return float(np.corrcoef(a, b)[0, 1])


def profiles(X, i, j, directed):
    keep = [k for k in range(len(X)) if k not in (i, j)]
    a = list(X[i, keep]) + (list(X[keep, i]) if directed else [])
    b = list(X[j, keep]) + (list(X[keep, j]) if directed else [])
    return np.array(a), np.array(b)


def concor_split(members, C0):
    m = len(members)
    if m < 2:
        return members, []
    C = C0[np.ix_(members, members)].copy()
    for _ in range(100):
        if np.all(np.abs(np.abs(C) - 1) <= 1e-6):
            break
        N = np.eye(m)
        for i in range(m):
            for j in range(m):
                if i != j:
                    c = corr(C[:, i], C[:, j])
                    N[i, j] = 0.0 if c is None else c
        C = N
    first = [members[k] for k in range(m) if k == 0 or C[0, k] > 0]
    second = [members[k] for k in range(m) if not (k == 0 or C[0, k] > 0)]
    return first, second


def write(name, about, order, edges, directed):
    G = nx.DiGraph() if directed else nx.Graph()
    G.add_nodes_from(order)
    G.add_edges_from(edges)
    X = (nx.to_numpy_array(G, nodelist=order) > 0).astype(float)
    n = len(order)
    E = np.zeros((n, n))
    R = np.eye(n)
    for i in range(n):
        for j in range(n):
            if i != j:
                a, b = profiles(X, i, j, directed)
                E[i, j] = float(np.sqrt(((a - b) ** 2).sum()))
                c = corr(a, b)
                R[i, j] = 0.0 if c is None else c
    concor = {}
    for depth in (1, 2, 3):
        blocks = [list(range(n))]
        for _ in range(depth):
            nxt = []
            for b in blocks:
                f, s = concor_split(b, R)
                nxt.append(f)
                if s:
                    nxt.append(s)
            blocks = nxt
        blocks.sort(key=lambda b: b[0])
        image = []
        for a in blocks:
            row = []
            for b in blocks:
                pairs = [(i, j) for i in a for j in b if i != j]
                row.append(None if not pairs else float(sum(X[i, j] for i, j in pairs) / len(pairs)))
            image.append(row)
        concor[str(depth)] = {"blocks": [[order[i] for i in b] for b in blocks], "image": image}
    doc = {"name": name, "about": about, "directed": directed, "nodes": order, "edges": [list(e) for e in edges],
           "euclidean": E.tolist(), "correlation": R.tolist(), "concor": concor}
    fixturekit.write(OUT, name, doc)


def main():
    fixturekit.check_networkx(nx)
    _, order, edges = fixturekit.load_graph("emon-texas.yaml")
    write("emon-texas", "Graphs/emon-texas.yaml, directed", order, edges, True)
    _, order, edges = fixturekit.load_graph("karate-club.yaml")
    write("karate-club", "Graphs/karate-club.yaml, undirected", order, edges, False)
    _, order, edges = fixturekit.load_graph("florentine-families.yaml")
    write("florentine-families", "Graphs/florentine-families.yaml, undirected", order, edges, False)


if __name__ == "__main__":
    main()
