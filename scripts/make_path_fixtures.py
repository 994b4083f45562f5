#!/usr/bin/env python3
"""Write the NetworkX reference fixtures for cooperation paths (issue 4).

Usage (from the repository root):

    python3 scripts/make_path_fixtures.py

Writes one JSON file per graph, plus README.md, into
Tests/PartnerGraphAlgorithmsTests/Fixtures/paths/. The format is documented in that README
(written by this script, see README_TEXT below).

Requirements: Python 3.10+, NetworkX 3.6.1 (the script refuses any other version unless
--any-version is given) and PyYAML (to read Graphs/*.yaml). Deterministic: it re-runs itself
with PYTHONHASHSEED=0, random graphs and samples use fixed seeds, so re-running it rewrites
identical bytes.

How a network becomes a NetworkX graph (this is what PartnerGraph's PathFinder must match):
- traversal "undirected": nx.Graph, one edge per pair of nodes joined by any edge;
- traversal "follow-direction": nx.DiGraph, a directed relation gives u -> v, a symmetric one
  u -> v and v -> u;
- self-loops are dropped (no shortest or simple path uses them; ego_graph members do not
  depend on them);
- parallel edges (or, undirected, arcs both ways) between the same pair: the pair's length is
  the smallest of theirs;
- a hop's length: 1 unweighted; the weight for weightAs "distance"; 1.0 / weight for
  weightAs "strength" (edges without a weight weigh 1).
"""

import itertools
import json
import os
import random
import sys

if os.environ.get("PYTHONHASHSEED") != "0":
    env = dict(os.environ, PYTHONHASHSEED="0")
    os.execve(sys.executable, [sys.executable] + sys.argv, env)

import networkx as nx  # noqa: E402

try:
    import yaml  # noqa: E402
except ImportError:  # pragma: no cover
    sys.exit("make_path_fixtures.py needs PyYAML: pip install pyyaml")

NETWORKX_VERSION = "3.6.1"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Tests", "PartnerGraphAlgorithmsTests", "Fixtures", "paths")

BUILT_IN_SYMMETRIC = {"partners-with", "collaborates-with"}
BUILT_IN_DIRECTED = {"founded", "member-of", "part-of", "works-at", "leads", "manages", "hosted",
                     "participated-in", "funds", "inspired-by"}

SIMPLE_PATH_COUNT = 10      # first N lengths of shortest_simple_paths
ALL_SHORTEST_MAX = 200      # pairs with more shortest paths than this are not recorded


# --------------------------------------------------------------------------------------------
# Networks
# --------------------------------------------------------------------------------------------

def load_yaml_network(path):
    with open(os.path.join(ROOT, path), encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    directed_of = {r: True for r in BUILT_IN_DIRECTED}
    directed_of.update({r: False for r in BUILT_IN_SYMMETRIC})
    for r in doc.get("relations") or []:
        directed_of[r["id"]] = bool(r["directed"])
    nodes = []
    for n in doc["nodes"]:
        if str(n["id"]) not in nodes:
            nodes.append(str(n["id"]))
    edges = []
    for e in doc.get("edges") or []:
        w = e.get("weight")
        edges.append((str(e["from"]), str(e["to"]), directed_of[e["relation"]], None if w is None else float(w)))
    return nodes, edges


def random_network(n, p, seed, directed, weights):
    """A G(n, p) graph as a network: nodes "0".."n-1"; edges in NetworkX's order."""
    rng = random.Random(seed)
    G = nx.gnp_random_graph(n, p, seed=seed, directed=directed)
    nodes = [str(v) for v in G]
    edges = []
    for u, v in G.edges():
        if weights == "uniform":
            w = round(rng.uniform(0.5, 5), 3)
        elif weights == "ties":
            w = float(rng.choice([1, 2]))
        else:
            w = None
        edges.append((str(u), str(v), directed, w))
    return nodes, edges


def nx_graph(nodes, edges, traversal, weight_as):
    """The NetworkX graph PartnerGraph's paths must agree with (see the module docstring)."""
    G = nx.DiGraph() if traversal == "follow-direction" else nx.Graph()
    G.add_nodes_from(nodes)

    def length(w):
        if weight_as is None:
            return 1
        w = 1.0 if w is None else w
        return w if weight_as == "distance" else 1.0 / w

    def strength(w):
        if weight_as is None:
            return 1
        w = 1.0 if w is None else w
        return w if weight_as == "strength" else 1.0 / w

    def add(u, v, l, s):
        if u == v:
            return
        if G.has_edge(u, v):
            if l < G[u][v]["length"]:
                G[u][v]["length"] = l
                G[u][v]["strength"] = s
        else:
            G.add_edge(u, v, length=l, strength=s)

    for u, v, directed, w in edges:
        add(u, v, length(w), strength(w))
        if traversal == "follow-direction" and not directed:
            add(v, u, length(w), strength(w))
    return G


def widest(G, s, t):
    """The largest bottleneck (smallest tie strength on the path) over all s-t paths, and the
    fewest hops of a path reaching it: a reference independent of PartnerGraph's method.
    Undirected: the bottleneck is the weakest tie on the s-t path of a maximum spanning tree
    (Hu 1961); directed: the largest threshold at which t stays reachable, by trying each
    distinct strength. Then BFS among ties at least that strong."""
    if G.is_directed():
        best = None
        for b in sorted({d["strength"] for _, _, d in G.edges(data=True)}, reverse=True):
            H = nx.DiGraph((u, v) for u, v, d in G.edges(data=True) if d["strength"] >= b)
            H.add_nodes_from(G)
            if nx.has_path(H, s, t):
                best = b
                break
    else:
        T = nx.maximum_spanning_tree(G, weight="strength")
        p = nx.shortest_path(T, s, t)
        best = min(T[u][v]["strength"] for u, v in zip(p, p[1:]))
    H = G.__class__()
    H.add_nodes_from(G)
    H.add_edges_from((u, v) for u, v, d in G.edges(data=True) if d["strength"] >= best)
    return num(best), nx.shortest_path_length(H, s, t)


# --------------------------------------------------------------------------------------------
# Cases
# --------------------------------------------------------------------------------------------

def num(x):
    """Integers stay integers (unweighted lengths), floats are written in shortest repr."""
    return x if isinstance(x, int) else float(x)


def make_case(name, nodes, edges, traversal, weight_as, seed):
    G = nx_graph(nodes, edges, traversal, weight_as)
    wkey = None if weight_as is None else "length"
    rng = random.Random(f"{name}/{traversal}/{weight_as}/{seed}")
    order = list(G)

    sources = order if len(order) <= 20 else sorted(rng.sample(order, 12), key=order.index)
    lengths = {}
    for s in sources:
        if wkey is None:
            d = nx.single_source_shortest_path_length(G, s)
        else:
            d = nx.single_source_dijkstra_path_length(G, s, weight=wkey)
        lengths[s] = {t: num(d[t]) for t in order if t in d}

    reach = {s: set(nx.single_source_shortest_path_length(G, s)) for s in order}
    reachable_pairs = [(s, t) for s in order for t in order if s != t and t in reach[s]]
    pairs = sorted(rng.sample(reachable_pairs, min(30, len(reachable_pairs))),
                   key=lambda p: (order.index(p[0]), order.index(p[1])))
    all_shortest = []
    for s, t in pairs:
        paths = []
        for p in nx.all_shortest_paths(G, s, t, weight=wkey):
            paths.append(p)
            if len(paths) > ALL_SHORTEST_MAX:
                break
        if len(paths) > ALL_SHORTEST_MAX:
            continue
        all_shortest.append({"from": s, "to": t, "paths": sorted(paths, key=lambda p: [order.index(v) for v in p])})

    simple = []
    for s, t in pairs[:10]:
        ls = []
        for p in itertools.islice(nx.shortest_simple_paths(G, s, t, weight=wkey), SIMPLE_PATH_COUNT):
            ls.append(num(len(p) - 1) if wkey is None else nx.path_weight(G, p, wkey))
        simple.append({"from": s, "to": t, "lengths": ls})

    strongest = []
    for s, t in pairs:
        b, h = widest(G, s, t)
        strongest.append({"from": s, "to": t, "bottleneck": b, "hops": h})

    ego = []
    centers = sorted(rng.sample(order, min(6, len(order))), key=order.index)
    if wkey is None:
        radii = [1, 2]
    else:
        ls = sorted(d["length"] for _, _, d in G.edges(data=True))
        median = ls[len(ls) // 2]
        radii = [round(median, 3), round(2 * median, 3)]
    for c in centers:
        for r in radii:
            E = nx.ego_graph(G, c, radius=r, undirected=False, distance=wkey)
            ego.append({"center": c, "radius": r, "members": [v for v in order if v in E]})

    if wkey is None:
        how = "unweighted (every hop 1)"
    elif weight_as == "distance":
        how = "length = weight"
    else:
        how = "length = 1.0 / weight"
    return {
        "traversal": traversal,
        "weight": None if weight_as is None else "weight",
        "weightAs": weight_as,
        "networkx": f"G = {type(G).__name__}, {how}; single_source_(dijkstra_)path_length, all_shortest_paths, "
                    f"shortest_simple_paths (first {SIMPLE_PATH_COUNT}, lengths by path_weight), "
                    f"ego_graph(G, c, radius, undirected=False, distance={wkey!r}); widest: maximum_spanning_tree "
                    f"(or thresholds when directed) on 'strength', then shortest_path_length",
        "lengths": lengths,
        "allShortest": all_shortest,
        "simplePaths": simple,
        "strongest": strongest,
        "ego": ego,
    }


GRAPHS = [
    # name, about, source, cases (traversal, weightAs)
    ("nordic-innovation-procurement", "The Nordic network of Graphs/, all relations.",
     "Graphs/nordic-innovation-procurement.yaml",
     [("undirected", None), ("follow-direction", None)]),
    ("florentine-families", "Padgett's Florentine marriages, Graphs/.", "Graphs/florentine-families.yaml",
     [("undirected", None)]),
    ("karate-club", "Zachary's karate club with its interaction counts as weights, Graphs/.",
     "Graphs/karate-club.yaml",
     [("undirected", None), ("undirected", "distance"), ("undirected", "strength")]),
    ("davis-southern-women", "Davis' women and events (two-mode), Graphs/.", "Graphs/davis-southern-women.yaml",
     [("undirected", None)]),
    ("les-miserables", "Les Misérables co-appearances weighted by count, Graphs/.", "Graphs/les-miserables.yaml",
     [("undirected", None), ("undirected", "distance"), ("undirected", "strength")]),
    ("gnp-40-weighted", "nx.gnp_random_graph(40, 0.1, seed=7), weights round(uniform(0.5, 5), 3) drawn "
     "with random.Random(7) in edge order; symmetric relation.", ("gnp", 40, 0.1, 7, False, "uniform"),
     [("undirected", None), ("undirected", "distance"), ("undirected", "strength")]),
    ("gnp-30-ties", "nx.gnp_random_graph(30, 0.15, seed=11), weights 1 or 2 (many equal lengths) drawn "
     "with random.Random(11); symmetric relation.", ("gnp", 30, 0.15, 11, False, "ties"),
     [("undirected", None), ("undirected", "distance")]),
    ("directed-gnp-30-weighted", "nx.gnp_random_graph(30, 0.08, seed=5, directed=True), weights "
     "round(uniform(0.5, 5), 3) drawn with random.Random(5); directed relation (reciprocal arcs may "
     "weigh differently: walked both ways, the shorter counts).", ("gnp", 30, 0.08, 5, True, "uniform"),
     [("follow-direction", None), ("follow-direction", "distance"), ("undirected", None),
      ("undirected", "distance")]),
]


README_TEXT = """# NetworkX reference fixtures for cooperation paths

Written by `scripts/make_path_fixtures.py` (run `python3 scripts/make_path_fixtures.py` from the
repository root; do not edit by hand). Values come from NetworkX {version}. Deterministic: the
script re-runs itself with `PYTHONHASHSEED=0` and uses fixed seeds.

## File format

One JSON file per network:

- `name`, `about`.
- `graphFile`: the network file in `Graphs/` the cases were computed on (the test loads that
  file), or absent for a generated graph, which is given by `nodes` and `edges`
  (`[from, to, directed, weight]`; `directed` says whether the relation is directed; the test
  uses `funds` for directed and `partners-with` for symmetric, each edge's weight as the edge's
  `weight`).
- `nodeCount`, `edgeCount`: of the network (to check the test reads the same one).
- `cases`: one per traversal and weighting:
  - `traversal`: `undirected` (ties walked both ways) or `follow-direction`.
  - `weight`: null (every hop 1) or `"weight"` (the edges' weights; edges without one weigh 1).
  - `weightAs`: null, `"distance"` (hop length = weight) or `"strength"` (hop length = 1 / weight).
  - `networkx`: what was called.
  - `lengths`: `{{source: {{target: length}}}}` for a sample of sources (every node on graphs of 20
    nodes or fewer, else 12), every node the source reaches (itself with 0); nodes absent are
    unreachable. Unweighted lengths are integers.
  - `allShortest`: `[{{from, to, paths}}]`, `nx.all_shortest_paths` for 30 reachable pairs (fewer
    when a pair has more than {max_all} paths), each path a node list; paths sorted by the
    position of their nodes in the network's node order.
  - `simplePaths`: `[{{from, to, lengths}}]`, the lengths of the first {k} paths of
    `nx.shortest_simple_paths` (fewer when fewer exist), in order.
  - `strongest`: `[{{from, to, bottleneck, hops}}]` for the same 30 pairs: the largest weakest tie
    over all paths (tie strength: 1 unweighted, the weight for `strength`, 1 / weight for
    `distance`), from a maximum spanning tree (`nx.maximum_spanning_tree`, undirected) or by
    trying each threshold (directed), and the fewest hops among paths whose ties are all at
    least that strong (`nx.shortest_path_length` on that subgraph).
  - `ego`: `[{{center, radius, members}}]`, the nodes of `nx.ego_graph(G, center, radius,
    distance=...)` in node order.

## How a network becomes the NetworkX graph

- `undirected`: `nx.Graph`, one edge per pair joined by any edge; `follow-direction`:
  `nx.DiGraph`, a directed relation gives u → v, a symmetric one u → v and v → u.
- Self-loops are dropped. Parallel edges between a pair (or arcs both ways, walked undirected)
  give the pair the smallest of their lengths — as PartnerGraph's paths use the shortest of
  parallel edges.

## Files

| file | traversal / weightAs cases |
|---|---|
{table}
"""


def main():
    if nx.__version__ != NETWORKX_VERSION and "--any-version" not in sys.argv:
        sys.exit(f"NetworkX {NETWORKX_VERSION} required (found {nx.__version__}); --any-version to override")
    os.makedirs(OUT, exist_ok=True)
    rows = []
    for name, about, source, cases in GRAPHS:
        if isinstance(source, str):
            nodes, edges = load_yaml_network(source)
            doc = {"name": name, "about": about, "graphFile": source}
        else:
            _, n, p, seed, directed, weights = source
            nodes, edges = random_network(n, p, seed, directed, weights)
            doc = {"name": name, "about": about, "nodes": nodes,
                   "edges": [[u, v, d, w] for u, v, d, w in edges]}
        doc["nodeCount"] = len(nodes)
        doc["edgeCount"] = len(edges)
        doc["cases"] = [make_case(name, nodes, edges, t, w, i) for i, (t, w) in enumerate(cases)]
        path = os.path.join(OUT, name + ".json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(doc, f, ensure_ascii=False, indent=1)
            f.write("\n")
        rows.append(f"| `{name}.json` | " + ", ".join(f"{t} / {w or '–'}" for t, w in cases) + " |")
        print(f"wrote {os.path.relpath(path, ROOT)}")
    with open(os.path.join(OUT, "README.md"), "w", encoding="utf-8") as f:
        f.write(README_TEXT.format(version=NETWORKX_VERSION, max_all=ALL_SHORTEST_MAX, k=SIMPLE_PATH_COUNT,
                                   table="\n".join(rows)))


if __name__ == "__main__":
    main()
