#!/usr/bin/env python3
"""Write the reference fixtures for groups and borders (issue 16).

Usage (from the repository root):

    python3 scripts/make_group_fixtures.py

Writes one JSON file per graph into Tests/PartnerGraphAlgorithmsTests/Fixtures/groups/.

Where each value comes from:
- NetworkX 3.6.1: the mixing counts (`attribute_mixing_dict`), attribute and numeric
  assortativity (`attribute_assortativity_coefficient`, `numeric_assortativity_coefficient`
  on the subgraph of the nodes that have a number), group degree and closeness centrality of
  each group (`group_degree_centrality`, `group_closeness_centrality`);
- this script's own brute-force code, written from the definitions and independent of
  PartnerGraph: tie counts and densities within and between groups, Krackhardt–Stern's E-I
  index (network, group, node), group betweenness from its definition (NetworkX 3.6.1's is wrong
  for groups of 3+ nodes and for directed graphs that are not strongly connected:
  networkx/networkx#8827 and #8559; its value is recorded beside ours as
  `networkxBetweenness`, and must agree for groups of one or two nodes), and the
  exact permutation distribution of E-I and assortativity on small graphs (every distinct
  assignment of the group labels to the nodes, enumerated).

Requirements: Python 3.10+, NetworkX 3.6.1 (refuses another version unless --any-version),
PyYAML (to read Graphs/*.yaml). Deterministic (re-runs itself with PYTHONHASHSEED=0; random
graphs use fixed seeds): re-running it rewrites identical bytes.

A fixture:
  {"name", "about", "directed", "nodes": [id…], "edges": [[u, v, weight|null]…],
   "group": {id: name|null}, "number": {id: number|null},
   "mixing": [[a, b, ties]…]            nx.attribute_mixing_dict (null = no value); undirected
                                          graphs count each edge in both orders, a self-loop once,
   "ties": [[a, b, count, weight]…]      edges within (a == b) and between groups, each edge once
                                          (undirected: a <= b by sorted name, null first),
   "density": [[a, b, value]…]           ties / possible pairs (self-loops not counted),
   "ei": {"network": x, "groups": {name: x|null}, "nodes": {id: x|null}},
   "assortativity": x|null, "numericAssortativity": x|null,
   "groupCentrality": {name: {"degree", "closeness", "closenessWeighted"?, "betweenness",
                              "betweennessRaw", "betweennessWeighted"?, "networkxBetweenness"?}},
   "permutation": {"count", "ei": {mean, sd, pGreater, pLess, pTwoSided},
                   "assortativity": {…}}   (small graphs only),
   "eiPermutation": {"count", "observed", "mean", "sd", "pGreater", "pLess", "pTwoSided"}
                                          the network's E-I over every assignment, enumerated
                                          as member sets (the Nordic network)}
E-I: each edge between two different nodes counts once for the network; a node's E and I are
its ties to nodes outside and inside its group (out-ties when directed); a group's are the sums
over its members (so an internal edge counts from both ends, as UCINET's row sums). Self-loops
are not ties across or within a border and are left out of E-I and density.
"""

import itertools
import math
import os
import random
from collections import Counter

import fixturekit  # noqa: E402  (scripts/fixturekit.py, beside this file)

fixturekit.deterministic()

import networkx as nx  # noqa: E402


ROOT = fixturekit.ROOT
OUT = fixturekit.fixtures("groups")
EPS = 1e-12


def key(name):
    """Sort order of group names: no value first, then by name."""
    return (name is not None, name or "")


def ei(e, i):
    return None if e + i == 0 else (e - i) / (e + i)


def ei_values(G, group):
    """Krackhardt–Stern E-I for the network, each group and each node (see the docstring)."""
    E = I = 0
    for u, v in G.edges():
        if u == v:
            continue
        if group[u] == group[v]:
            I += 1
        else:
            E += 1
    nodes = {}
    sums = {}
    for u in G:
        e = i = 0
        nbrs = G.successors(u) if G.is_directed() else G.neighbors(u)
        for v in nbrs:
            if v == u:
                continue
            if group[v] == group[u]:
                i += 1
            else:
                e += 1
        nodes[u] = ei(e, i)
        s = sums.setdefault(group[u], [0, 0])
        s[0] += e
        s[1] += i
    groups = {("" if g is None else g): ei(*sums[g]) for g in sorted(sums, key=key)}
    return {"network": ei(E, I), "groups": groups, "nodes": nodes}


def ties_and_density(G, group):
    size = Counter(group[v] for v in G)
    names = sorted(size, key=key)
    count = Counter()
    weight = Counter()
    for u, v, d in G.edges(data=True):
        if u == v:
            continue
        a, b = group[u], group[v]
        if not G.is_directed() and key(b) < key(a):
            a, b = b, a
        count[(a, b)] += 1
        weight[(a, b)] += d.get("weight", 1.0)
    ties, density = [], []
    for a in names:
        for b in names:
            if not G.is_directed() and key(b) < key(a):
                continue
            if a == b:
                possible = size[a] * (size[a] - 1) // (1 if G.is_directed() else 2)
            else:
                possible = size[a] * size[b]
            ties.append([a, b, count[(a, b)], weight[(a, b)]])
            density.append([a, b, None if possible == 0 else count[(a, b)] / possible])
    return ties, density


def group_betweenness_by_definition(G, C, normalized, weight):
    """Σ over ordered pairs s ≠ t outside C of (shortest s–t paths through C) / (all of them);
    normalised by (n − |C|)(n − |C| − 1), else halved when undirected."""
    C = set(C)
    n = len(G)
    total = 0.0
    for s in G:
        if s in C:
            continue
        dist = nx.single_source_dijkstra_path_length(G, s, weight=weight) if weight else \
            nx.single_source_shortest_path_length(G, s)
        for t in dist:
            if t == s or t in C:
                continue
            allp = list(nx.all_shortest_paths(G, s, t, weight=weight))
            through = sum(1 for p in allp if any(x in C for x in p[1:-1]))
            total += through / len(allp)
    if normalized:
        d = (n - len(C)) * (n - len(C) - 1)
        return 0.0 if d == 0 else total / d
    return total if G.is_directed() else total / 2


def finite(x):
    return None if x is None or (isinstance(x, float) and math.isnan(x)) else x


def assortativity(G, attr):
    try:
        return finite(nx.attribute_assortativity_coefficient(G, attr))
    except (ZeroDivisionError, ValueError):
        return None


def numeric_assortativity(G, attr):
    H = G.subgraph([v for v in G if G.nodes[v].get(attr) is not None])
    if H.number_of_edges() == 0:
        return None
    try:
        with_values = nx.numeric_assortativity_coefficient(H, attr)
    except (ZeroDivisionError, ValueError):
        return None
    return finite(with_values)


def permutation_exact(G, group):
    """Every distinct assignment of the multiset of labels to the nodes, each equally likely."""
    nodes = list(G)
    labels = [group[v] for v in nodes]
    seen = set()
    eis, rs = [], []
    for perm in itertools.permutations(range(len(nodes))):
        assignment = tuple(labels[i] for i in perm)
        if assignment in seen:
            continue
        seen.add(assignment)
        g = dict(zip(nodes, assignment))
        eis.append(ei_values(G, g)["network"])
        H = G.copy()
        nx.set_node_attributes(H, g, "group")
        rs.append(assortativity(H, "group"))
    observed_ei = ei_values(G, group)["network"]
    observed_r = assortativity(G, "group")

    def summary(values, observed):
        vals = [v for v in values if v is not None]
        m = sum(vals) / len(vals)
        sd = math.sqrt(sum((v - m) ** 2 for v in vals) / len(vals))
        return {"observed": observed, "mean": m, "sd": sd, "samples": len(vals),
                "pGreater": sum(v >= observed - EPS for v in vals) / len(vals),
                "pLess": sum(v <= observed + EPS for v in vals) / len(vals),
                "pTwoSided": sum(abs(v - m) >= abs(observed - m) - EPS for v in vals) / len(vals)}
    return {"count": len(seen), "ei": summary(eis, observed_ei), "assortativity": summary(rs, observed_r)}


def ei_exact_by_subsets(G, group):
    """The exact permutation distribution of the network's E-I on a graph too large to list
    every permutation (the Nordic network: 17!/(1!·2!·7!·7!) = 7,001,280 assignments): every
    distinct assignment is a choice of a member set for each group in turn, and E-I depends only
    on the number of ties inside the sets, counted once per set from bit masks."""
    nodes = list(G)
    index = {v: i for i, v in enumerate(nodes)}
    pairs = [(index[u], index[v]) for u, v in G.edges() if u != v]
    total = len(pairs)
    sizes = sorted(Counter(group[v] for v in nodes).values())
    inside = {}

    def within(mask):
        if mask not in inside:
            inside[mask] = sum(1 for a, b in pairs if mask >> a & 1 and mask >> b & 1)
        return inside[mask]

    counts = Counter()  # ties within all groups -> number of assignments

    def assign(k, free, ties):
        if k == len(sizes) - 1:
            counts[ties + within(free)] += 1
            return
        members = [i for i in range(len(nodes)) if free >> i & 1]
        for chosen in itertools.combinations(members, sizes[k]):
            mask = sum(1 << i for i in chosen)
            assign(k + 1, free & ~mask, ties + within(mask))

    assign(0, (1 << len(nodes)) - 1, 0)
    n = sum(counts.values())
    ei = {w: (total - 2 * w) / total for w in counts}
    mean = sum(ei[w] * c for w, c in counts.items()) / n
    sd = math.sqrt(sum((ei[w] - mean) ** 2 * c for w, c in counts.items()) / n)
    observed = ei_values(G, group)["network"]
    return {"count": n, "observed": observed, "mean": mean, "sd": sd,
            "pGreater": sum(c for w, c in counts.items() if ei[w] >= observed - EPS) / n,
            "pLess": sum(c for w, c in counts.items() if ei[w] <= observed + EPS) / n,
            "pTwoSided": sum(c for w, c in counts.items() if abs(ei[w] - mean) >= abs(observed - mean) - EPS) / n}


def fixture(name, about, G, group, number=None, weighted=False, permutation=False, ei_permutation=False):
    number = number or {}
    nx.set_node_attributes(G, group, "group")
    nx.set_node_attributes(G, {v: number.get(v) for v in G}, "number")
    mixing = nx.attribute_mixing_dict(G, "group")
    mix = sorted(([a, b, c] for a, row in mixing.items() for b, c in row.items()),
                 key=lambda t: (key(t[0]), key(t[1])))
    ties, density = ties_and_density(G, group)
    names = sorted(set(group.values()), key=key)
    central = {}
    strongly = nx.is_strongly_connected(G) if G.is_directed() else True
    for g in names:
        members = [v for v in G if group[v] == g]
        c = {"degree": nx.group_degree_centrality(G, members),
             "closeness": nx.group_closeness_centrality(G, members)}
        # Group betweenness from the definition; NetworkX 3.6.1's Puzis-style algorithm is
        # wrong for groups of three or more nodes and for directed graphs that are not strongly
        # connected (networkx/networkx#8827, #8559, fixed after 3.6.1), so its value is kept
        # beside ours only to show where it agrees.
        c["betweenness"] = group_betweenness_by_definition(G, members, True, None)
        c["betweennessRaw"] = group_betweenness_by_definition(G, members, False, None)
        if strongly:
            theirs = nx.group_betweenness_centrality(G, members, normalized=True)
            c["networkxBetweenness"] = theirs
            if len(members) <= 2:
                assert abs(theirs - c["betweenness"]) < 1e-9, (name, g, theirs, c["betweenness"])
        if weighted:
            c["closenessWeighted"] = nx.group_closeness_centrality(G, members, weight="weight")
            c["betweennessWeighted"] = group_betweenness_by_definition(G, members, True, "weight")
        central["" if g is None else g] = c
    doc = {
        "name": name,
        "about": about,
        "directed": G.is_directed(),
        "nodes": [str(v) for v in G],
        "edges": [[str(u), str(v), d.get("weight") if weighted else None] for u, v, d in G.edges(data=True)],
        "group": {str(v): group[v] for v in G},
        "number": {str(v): number.get(v) for v in G},
        "mixing": mix,
        "ties": ties,
        "density": density,
        "ei": {"network": None, "groups": {}, "nodes": {}},
        "assortativity": assortativity(G, "group"),
        "numericAssortativity": numeric_assortativity(G, "number") if number else None,
        "groupCentrality": central,
    }
    e = ei_values(G, group)
    doc["ei"] = {"network": e["network"], "groups": e["groups"], "nodes": {str(k): v for k, v in e["nodes"].items()}}
    if permutation:
        doc["permutation"] = permutation_exact(G, group)
    if ei_permutation:
        doc["eiPermutation"] = ei_exact_by_subsets(G, group)
    fixturekit.write(OUT, name, doc)


def nordic():
    """Graphs/nordic-innovation-procurement.yaml seen undirected (`--undirected`): one edge per
    pair of nodes joined by any tie, grouped by each node's country (none where it has none)."""
    doc, _, _ = fixturekit.load_graph("nordic-innovation-procurement.yaml")
    G = nx.Graph()
    group = {}
    for n in doc["nodes"]:
        G.add_node(str(n["id"]))
        group[str(n["id"])] = n.get("country")
    for e in doc.get("edges") or []:
        G.add_edge(str(e["from"]), str(e["to"]))
    return G, group


def main():
    fixturekit.check_networkx(nx)
    os.makedirs(OUT, exist_ok=True)

    K = nx.karate_club_graph()
    K = nx.relabel_nodes(K, {v: str(v) for v in K})
    fixture("karate-club", "Zachary's karate club (nx.karate_club_graph, unweighted), grouped by "
            "the club each member joined after the split (Mr. Hi / Officer)", nx.Graph(K.edges()),
            {v: K.nodes[v]["club"] for v in K})

    G, group = nordic()
    fixture("nordic-innovation-procurement", nordic.__doc__.strip().replace("\n    ", " "), G, group,
            ei_permutation=True)

    rng = random.Random(16)
    R = nx.gnp_random_graph(40, 0.12, seed=16)
    R = nx.relabel_nodes(R, {v: str(v) for v in R})
    for u, v in R.edges():
        R[u][v]["weight"] = float(rng.randint(1, 4))
    R.add_edge("3", "3", weight=2.0)
    grp = {v: rng.choice(["Denmark", "Norway", "Sweden", "Ísland", None]) for v in R}
    num = {v: (None if rng.random() < 0.15 else rng.randint(0, 9)) for v in R}
    fixture("gnp-40-weighted", "G(40, 0.12), seed 16, integer weights 1–4 read as lengths, one "
            "self-loop; five groups (one: no value) and a number on 85% of the nodes", R, grp, num,
            weighted=True)

    D = nx.gnp_random_graph(30, 0.1, seed=7, directed=True)
    D = nx.relabel_nodes(D, {v: str(v) for v in D})
    grp = {v: rng.choice(["public", "private", "research"]) for v in D}
    num = {v: rng.randint(1, 5) for v in D}
    fixture("directed-gnp-30", "directed G(30, 0.1), seed 7, three groups, not strongly connected",
            D, grp, num)

    S = nx.DiGraph()
    S.add_edges_from([("a", "b"), ("b", "c"), ("c", "a"), ("c", "d"), ("d", "e"), ("e", "c"), ("e", "f"), ("f", "d")])
    fixture("directed-strong-6", "a strongly connected directed graph of six nodes, two groups",
            S, {"a": "x", "b": "x", "c": "y", "d": "y", "e": "x", "f": "y"})

    T = nx.Graph()
    T.add_edges_from([("a", "b"), ("b", "c"), ("a", "c"), ("c", "d"), ("e", "f"), ("f", "g"), ("g", "h"), ("e", "h"), ("e", "g")])
    T.add_node("i")
    fixture("two-components", "two components and an isolate, three groups; the permutation "
            "distribution enumerated exactly (all 1,680 assignments)", T,
            {"a": "p", "b": "p", "c": "q", "d": "q", "e": "r", "f": "p", "g": "r", "h": "q", "i": "r"},
            {"a": 1, "b": 2, "c": 3, "d": 3, "e": 5, "f": 1, "g": 4, "h": 2, "i": 0}, permutation=True)


if __name__ == "__main__":
    main()
