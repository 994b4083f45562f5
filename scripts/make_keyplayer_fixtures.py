#!/usr/bin/env python3
"""Write the reference fixtures for key players (`keyplayers`, issue 16) by exhaustive search.

Usage (from the repository root):

    python3 scripts/make_keyplayer_fixtures.py

Writes one JSON file per graph into Tests/PartnerGraphAlgorithmsTests/Fixtures/keyplayers/.

Borgatti's key-player measures (S. P. Borgatti, Computational & Mathematical Organization
Theory 12:21-34, 2006), written here from the paper's definitions on the graph read as
undirected, with NetworkX 3.6.1's shortest-path lengths and components:
- fragmentation F (eq. 4) of the graph with the set removed:
  1 - sum_k s_k (s_k - 1) / (n (n - 1)), n the remaining nodes, s_k their component sizes;
- distance-weighted fragmentation D_F (eq. 9): 1 - sum_{i != j} (1 / d_ij) / (n (n - 1));
- m-reach (eq. 12) for m = 1 and 2: the share of the nodes outside the set within m steps of a
  member;
- distance-weighted reach D_R (eq. 14): sum_{j not in S} 1 / d(S, j) over the n - |S| nodes
  outside the set, divided by n - |S| (1/inf = 0).
For every k in "ks", every set of k nodes is scored (itertools.combinations): the best score
and every set that reaches it (within 1e-12) are written, so a search can be checked to find the
optimum, and the scores of a few fixed sets check the measures themselves.

A fixture:
  {"name", "about", "nodes": [id...], "edges": [[u, v]...],
   "optimum": {objective: {k: {"score", "sets": [[id...]...]}}},
   "sets": [{"members": [id...], objective: score...}...]}
Objectives: fragmentation, distance-fragmentation, reach-1, reach-2, distance-reach.

Requirements: Python 3.10+, NetworkX 3.6.1 (refuses another version unless --any-version),
PyYAML. Deterministic: re-running it rewrites identical bytes.
"""

import itertools
import random

import fixturekit  # noqa: E402  (scripts/fixturekit.py, beside this file)

fixturekit.deterministic()

import networkx as nx  # noqa: E402


ROOT = fixturekit.ROOT
OUT = fixturekit.fixtures("keyplayers")
EPS = 1e-12


def fragmentation(G, S):
    H = G.subgraph([v for v in G if v not in S])
    n = H.number_of_nodes()
    pairs = sum(len(c) * (len(c) - 1) for c in nx.connected_components(H))
    return 1 - pairs / (n * (n - 1))


def distance_fragmentation(G, S):
    H = G.subgraph([v for v in G if v not in S])
    n = H.number_of_nodes()
    total = 0.0
    for u, lengths in nx.all_pairs_shortest_path_length(H):
        total += sum(1 / d for v, d in lengths.items() if v != u)
    return 1 - total / (n * (n - 1))


def set_distances(G, S):
    """The distance from the nearest member of S to every node it reaches."""
    H = G.copy()
    H.add_node("__set__")
    H.add_edges_from(("__set__", s) for s in S)
    lengths = nx.single_source_shortest_path_length(H, "__set__")
    return {v: d - 1 for v, d in lengths.items() if v != "__set__"}


def reach(m):
    def f(G, S):
        d = set_distances(G, S)
        return sum(1 for v in G if v not in S and v in d and d[v] <= m) / (len(G) - len(S))
    return f


def distance_reach(G, S):
    d = set_distances(G, S)
    return sum(1 / d[v] for v in G if v not in S and v in d) / (len(G) - len(S))


OBJECTIVES = {
    "fragmentation": fragmentation,
    "distance-fragmentation": distance_fragmentation,
    "reach-1": reach(1),
    "reach-2": reach(2),
    "distance-reach": distance_reach,
}


def write(name, about, order, edges, ks):
    G = nx.Graph()
    G.add_nodes_from(order)
    G.add_edges_from(edges)
    G.remove_edges_from(nx.selfloop_edges(G))
    optimum = {}
    for objective, f in OBJECTIVES.items():
        optimum[objective] = {}
        for k in ks:
            best, sets = None, []
            for S in itertools.combinations(order, k):
                s = f(G, set(S))
                if best is None or s > best + EPS:
                    best, sets = s, [list(S)]
                elif abs(s - best) <= EPS:
                    sets.append(list(S))
            optimum[objective][str(k)] = {"score": best, "sets": sets}
    rng = random.Random(name)
    fixed = []
    for k in (1, 2, 3, 4):
        members = sorted(rng.sample(order, k), key=order.index)
        entry = {"members": members}
        for objective, f in OBJECTIVES.items():
            entry[objective] = f(G, set(members))
        fixed.append(entry)
    doc = {"name": name, "about": about, "nodes": order, "edges": [list(e) for e in edges],
           "optimum": optimum, "sets": fixed}
    fixturekit.write(OUT, name, doc)


def main():
    fixturekit.check_networkx(nx)
    _, order, edges = fixturekit.load_graph("nordic-innovation-procurement.yaml")
    write("nordic-innovation-procurement", "Graphs/nordic-innovation-procurement.yaml, ties read as undirected",
          order, edges, [1, 2, 3])
    _, order, edges = fixturekit.load_graph("karate-club.yaml")
    write("karate-club", "Graphs/karate-club.yaml (Zachary's karate club)", order, edges, [1, 2, 3])
    F = nx.florentine_families_graph()
    order = sorted(F)
    write("florentine-families", "NetworkX's florentine_families_graph (Padgett's marriage ties), nodes sorted",
          order, sorted(tuple(sorted(e)) for e in F.edges()), [1, 2, 3])
    R = nx.gnp_random_graph(22, 0.12, seed=31)
    order = [f"n{v}" for v in R]
    write("gnp-22", "G(22, 0.12), seed 31: several components and isolates", order,
          [(f"n{u}", f"n{v}") for u, v in R.edges()], [1, 2, 3])


if __name__ == "__main__":
    main()
