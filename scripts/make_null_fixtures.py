#!/usr/bin/env python3
"""Write the reference null distributions of degree-preserving rewiring (`--null N` with
rewiring in groups, structure and communities; issue 16).

Usage (from the repository root):

    python3 scripts/make_null_fixtures.py

Writes one JSON file per case into Tests/PartnerGraphAlgorithmsTests/Fixtures/null/.

Each null network is NetworkX 3.6.1's double_edge_swap(G, nswap=10 * m, max_tries=1000 * m)
of the network (m ties), seeded from random.Random(case name); on each, the figures are
NetworkX's: attribute_assortativity_coefficient and this script's E-I (ties across minus ties
within, over all ties) for groups; average_clustering, transitivity, diameter of the largest
component and degree_assortativity_coefficient for structure; the modularity of
louvain_communities (seed 0) for communities. The summaries (mean, population standard
deviation, shares of null values at least, at most and at least as far from the mean as the
observed value, ties within 1e-12) are what `partnergraph` must reproduce within sampling
error: PartnerGraph draws its own swaps with its own generator, so only the distributions are
shared, not the samples.

A fixture:
  {"name", "about", "samples", "swapsPerTie": 10,
   "figures": {figure: {"observed", "mean", "sd", "pGreater", "pLess", "pTwoSided"}}}

Requirements: Python 3.10+, NetworkX 3.6.1 (refuses another version unless --any-version),
PyYAML. Deterministic: re-running it rewrites identical bytes. Takes about a minute.
"""

import math
import random

import fixturekit  # noqa: E402  (scripts/fixturekit.py, beside this file)

fixturekit.deterministic()

import networkx as nx  # noqa: E402


ROOT = fixturekit.ROOT
OUT = fixturekit.fixtures("null")
EPS = 1e-12
SAMPLES = 1000


def summary(observed, values):
    vals = [v for v in values if v is not None]
    n = len(vals)
    mean = sum(vals) / n
    sd = math.sqrt(sum((v - mean) ** 2 for v in vals) / n)
    return {"observed": observed, "mean": mean, "sd": sd, "samples": n,
            "pGreater": sum(v >= observed - EPS for v in vals) / n,
            "pLess": sum(v <= observed + EPS for v in vals) / n,
            "pTwoSided": sum(abs(v - mean) >= abs(observed - mean) - EPS for v in vals) / n}


def run(name, about, G, figures):
    rng = random.Random(name)
    m = G.number_of_edges()
    observed = figures(G)
    values = {k: [] for k in observed}
    for _ in range(SAMPLES):
        H = G.copy()
        nx.double_edge_swap(H, nswap=10 * m, max_tries=1000 * m, seed=rng)
        for k, v in figures(H).items():
            values[k].append(v)
    doc = {"name": name, "about": about, "samples": SAMPLES, "swapsPerTie": 10,
           "figures": {k: summary(observed[k], values[k]) for k in observed}}
    fixturekit.write(OUT, name, doc)


def load(file):
    doc, _, _ = fixturekit.load_graph(file)
    G = nx.Graph()
    for n in doc["nodes"]:
        G.add_node(str(n["id"]), country=n.get("country") or "(none)", **{k: v for k, v in (n.get("attributes") or {}).items() if k == "club"})
    for e in doc.get("edges") or []:
        G.add_edge(str(e["from"]), str(e["to"]))
    return G


def groups(G):
    within = sum(1 for u, v in G.edges() if u != v and G.nodes[u]["country"] == G.nodes[v]["country"])
    across = sum(1 for u, v in G.edges() if u != v) - within
    return {"ei": (across - within) / (across + within),
            "assortativity": nx.attribute_assortativity_coefficient(G, "country")}


def structure(G):
    largest = G.subgraph(max(nx.connected_components(G), key=len))
    return {"averageClustering": nx.average_clustering(G), "transitivity": nx.transitivity(G),
            "diameter": float(nx.diameter(largest)), "degreeAssortativity": nx.degree_assortativity_coefficient(G)}


def communities(G):
    return {"modularity": nx.community.modularity(G, nx.community.louvain_communities(G, seed=0))}


def main():
    fixturekit.check_networkx(nx)
    nordic = load("nordic-innovation-procurement.yaml")
    run("nordic-groups-rewired", "Graphs/nordic-innovation-procurement.yaml undirected, grouped by country "
        "(no country: the group (none)); E-I and assortativity over rewired networks", nordic, groups)
    karate = load("karate-club.yaml")
    run("karate-structure-rewired", "Graphs/karate-club.yaml; clustering, transitivity, diameter and degree "
        "assortativity over rewired networks", karate, structure)
    run("karate-communities-rewired", "Graphs/karate-club.yaml (unweighted); modularity of NetworkX's Louvain "
        "partition (seed 0) over rewired networks", karate, communities)


if __name__ == "__main__":
    main()
