#!/usr/bin/env python3
"""Write the reference distributions for `partnergraph robustness` (issue 16).

Usage (from the repository root):

    python3 scripts/make_robustness_fixtures.py

Writes Tests/PartnerGraphAlgorithmsTests/Fixtures/robustness/<case>.json.

For each case, 2,000 copies of the network each lose a share of its ties (or actors), rounded
to the nearest whole number and drawn uniformly without replacement with random.Random(case
name); on each copy NetworkX 3.6.1 computes the measure (betweenness_centrality, normalised, or
degree_centrality) and scipy.stats.spearmanr compares it with the network's over the actors the
copy keeps (average ranks for ties; copies with constant values left out); the overlap is the
share of the network's top k (value, then node order) in the copy's top k. The fixture keeps
the mean and standard deviation of both and, per actor, the share of copies (that keep it) in
which it is in the top k: `partnergraph` draws its own copies, so these must agree within
sampling error.

A fixture: {"name", "file", "measure", "of", "drop", "top", "samples",
            "spearman": {"mean", "sd"}, "overlap": {"mean", "sd"}, "inTop": {id: share}}

Requirements: Python 3.10+, NetworkX 3.6.1 (refuses another version unless --any-version),
scipy, PyYAML. Deterministic: re-running it rewrites identical bytes.
"""

import math
import random

import fixturekit  # noqa: E402  (scripts/fixturekit.py, beside this file)

fixturekit.deterministic()

import networkx as nx  # noqa: E402
from scipy.stats import spearmanr  # noqa: E402


ROOT = fixturekit.ROOT
OUT = fixturekit.fixtures("robustness")
SAMPLES = 2000
MEASURES = {"betweenness": nx.betweenness_centrality, "degree": nx.degree_centrality}


def top_set(values, order, k):
    ranked = sorted(order, key=lambda v: (-values[v], order.index(v)))
    return set(ranked[:k])


def run(name, file, measure, of, drop, top):
    _, order, edges = fixturekit.load_graph(file)
    G = nx.Graph()
    G.add_nodes_from(order)
    G.add_edges_from(edges)
    f = MEASURES[measure]
    base = f(G)
    base_top = top_set(base, order, top)
    rng = random.Random(name)
    edges = list(G.edges())
    rhos, overlaps = [], []
    in_top = {v: 0 for v in order}
    kept = {v: 0 for v in order}
    for _ in range(SAMPLES):
        if of == "ties":
            k = round(drop / 100 * len(edges))
            H = G.copy()
            H.remove_edges_from(rng.sample(edges, k))
        else:
            k = round(drop / 100 * len(order))
            H = G.subgraph([v for v in order if v not in set(rng.sample(order, k))]).copy()
        values = f(H)
        keep = [v for v in order if v in H]
        a = [base[v] for v in keep]
        b = [values[v] for v in keep]
        if len(set(a)) > 1 and len(set(b)) > 1:
            rhos.append(float(spearmanr(a, b).statistic))
        copy_top = top_set(values, keep, min(top, len(keep)))
        overlaps.append(len(base_top & copy_top) / top)
        for v in keep:
            kept[v] += 1
            if v in copy_top:
                in_top[v] += 1

    def summary(x):
        m = sum(x) / len(x)
        return {"mean": m, "sd": math.sqrt(sum((v - m) ** 2 for v in x) / len(x)), "count": len(x)}
    doc = {"name": name, "file": "Graphs/" + file, "measure": measure, "of": of, "drop": drop, "top": top,
           "samples": SAMPLES, "spearman": summary(rhos), "overlap": summary(overlaps),
           "inTop": {v: in_top[v] / kept[v] for v in order if kept[v]}}
    fixturekit.write(OUT, name, doc)


def main():
    fixturekit.check_networkx(nx)
    run("karate-betweenness-ties-10", "karate-club.yaml", "betweenness", "ties", 10, 10)
    run("karate-degree-ties-30", "karate-club.yaml", "degree", "ties", 30, 5)
    run("lesmis-betweenness-nodes-10", "les-miserables.yaml", "betweenness", "nodes", 10, 10)


if __name__ == "__main__":
    main()
