#!/usr/bin/env python3
"""Write the NetworkX reference fixtures for communities and two-mode projections.

Usage (from the repository root):

    python3 scripts/make_community_fixtures.py

Writes one JSON file per graph, plus README.md, into
Tests/PartnerGraphAlgorithmsTests/Fixtures/communities/. The format is documented in that
README (see README below).

Requirements: Python 3.10+ and NetworkX 3.6.1 (the version the fixtures were made with; the
script refuses to run under any other version unless --any-version is given). It imports
nothing but the standard library and networkx.

Determinism: Louvain and modularity iterate over Python sets, whose order depends on
PYTHONHASHSEED, so the script re-executes itself with PYTHONHASHSEED=0; random graphs and
partitions use fixed seeds. Two runs write identical bytes.
"""

import json
import os
import random
import sys

if os.environ.get("PYTHONHASHSEED") != "0":
    env = dict(os.environ, PYTHONHASHSEED="0")
    os.execve(sys.executable, [sys.executable] + sys.argv, env)

import networkx as nx  # noqa: E402
from networkx.algorithms import bipartite  # noqa: E402

NETWORKX_VERSION = "3.6.1"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Tests", "PartnerGraphAlgorithmsTests", "Fixtures", "communities")
SEEDS = list(range(10))


# --------------------------------------------------------------------------------------------
# Graphs
# --------------------------------------------------------------------------------------------

def relabel_str(G):
    """Relabel every node with str(node), keeping node and edge insertion order and data."""
    H = G.__class__()
    H.add_nodes_from((str(n), d) for n, d in G.nodes(data=True))
    for u, v, d in G.edges(data=True):
        H.add_edge(str(u), str(v), **d)
    return H


def spec_of(G):
    nodes = list(G)
    edges = [(u, v, None if w is None else float(w)) for u, v, w in G.edges(data="weight")]
    return nodes, edges


def canonical(G):
    """The graph rebuilt from its own node and edge lists (nodes, then edges, in list order),
    as a consumer of the fixture builds it; every value is computed on this graph."""
    nodes, edges = spec_of(G)
    H = nx.DiGraph() if G.is_directed() else nx.Graph()
    H.add_nodes_from(nodes)
    for u, v, w in edges:
        if w is None:
            H.add_edge(u, v)
        else:
            H.add_edge(u, v, weight=w)
    assert spec_of(H) == (nodes, edges)
    return H


def planted(sizes, p_in, p_out, seed, directed=False):
    """nx.stochastic_block_model with p_in on the diagonal and p_out elsewhere, nodes
    relabelled str(); returns the graph and its blocks."""
    k = len(sizes)
    p = [[p_in if i == j else p_out for j in range(k)] for i in range(k)]
    G = nx.stochastic_block_model(sizes, p, seed=seed, directed=directed)
    blocks = [[str(n) for n in sorted(b)] for b in G.graph["partition"]]
    H = nx.DiGraph() if directed else nx.Graph()
    H.add_nodes_from(str(n) for n in G)
    H.add_edges_from((str(u), str(v)) for u, v in G.edges())
    return H, blocks


def graphs():
    """(name, about, graph, named partitions, Louvain resolutions) for every fixture."""
    out = []

    G = canonical(relabel_str(nx.karate_club_graph()))
    clubs = {}
    for n, d in relabel_str(nx.karate_club_graph()).nodes(data=True):
        clubs.setdefault(d["club"], []).append(n)
    out.append(("karate-club",
                "Zachary's karate club, nx.karate_club_graph() relabelled str() (the nodes and "
                "edges of Graphs/karate-club.yaml). Undirected; weight = Zachary's interaction "
                "count. Partition 'club' is the split into Mr. Hi's and the Officer's factions.",
                G, {"club": list(clubs.values())}, [1.0, 0.5, 2.0]))

    G = canonical(relabel_str(nx.les_miserables_graph()))
    out.append(("les-miserables",
                "Les Miserables co-appearances, nx.les_miserables_graph() (the nodes and edges "
                "of Graphs/les-miserables.yaml). Undirected; weight = chapters together.",
                G, {}, [1.0]))

    G = canonical(relabel_str(nx.florentine_families_graph()))
    out.append(("florentine-families",
                "Florentine marriage ties, nx.florentine_families_graph() (the nodes and edges "
                "of Graphs/florentine-families.yaml). Undirected, unweighted.",
                G, {}, [1.0]))

    D = relabel_str(nx.davis_southern_women_graph())
    G = canonical(D)
    modes = [[n for n, d in D.nodes(data=True) if d["bipartite"] == b] for b in (0, 1)]
    out.append(("davis-southern-women",
                "Davis southern women, nx.davis_southern_women_graph() (the nodes and edges of "
                "Graphs/davis-southern-women.yaml, edges taken as undirected). Unweighted. "
                "Partition 'modes' is women vs events.",
                G, {"modes": modes}, [1.0]))

    G, blocks = planted([30, 30, 30, 30], 0.25, 0.02, seed=42)
    out.append(("sbm-4x30",
                "Planted partition: nx.stochastic_block_model([30, 30, 30, 30], p, seed=42) with "
                "p = 0.25 within blocks and 0.02 between, nodes relabelled str(). Undirected, "
                "unweighted. Partition 'blocks' is the planted one.",
                canonical(G), {"blocks": blocks}, [1.0, 0.5, 2.0]))

    G, blocks = planted([40, 60, 80, 50, 70], 0.12, 0.01, seed=7)
    out.append(("sbm-300",
                "Planted partition: nx.stochastic_block_model([40, 60, 80, 50, 70], p, seed=7) "
                "with p = 0.12 within blocks and 0.01 between, nodes relabelled str(). "
                "Undirected, unweighted; weaker communities than sbm-4x30.",
                canonical(G), {"blocks": blocks}, [1.0]))

    G, blocks = planted([15, 20, 25], 0.3, 0.03, seed=3, directed=True)
    rng = random.Random(4)
    for u, v in G.edges():
        G[u][v]["weight"] = round(rng.uniform(0.5, 5), 3)
    out.append(("directed-sbm-60",
                "Directed planted partition: nx.stochastic_block_model([15, 20, 25], p, seed=3, "
                "directed=True), p = 0.3 within and 0.03 between, nodes relabelled str(); each "
                "arc, in G.edges order, weighted round(random.Random(4).uniform(0.5, 5), 3). "
                "Modularity and Louvain use the directed definition (Leicht & Newman).",
                canonical(G), {"blocks": blocks}, [1.0]))

    G = nx.Graph()
    G.add_nodes_from(["a", "b", "c", "d", "e", "f", "g", "h"])
    G.add_weighted_edges_from([
        ("a", "b", 2.0), ("b", "c", 1.5), ("c", "a", 1.0), ("c", "d", 0.5), ("d", "e", 3.0),
        ("e", "f", 1.0), ("f", "d", 2.5), ("a", "a", 4.0), ("e", "e", 0.75), ("g", "g", 1.0),
    ])  # h is isolated; g's only tie is a self-loop
    out.append(("self-loops",
                "Hand-made undirected weighted graph: triangles a-b-c and d-e-f joined by c-d, "
                "self-loops on a, e and g (g has no other tie), isolated node h. A self-loop "
                "adds twice its weight to the degree and once to the community's internal "
                "weight.",
                canonical(G), {"triangles": [["a", "b", "c"], ["d", "e", "f"], ["g"], ["h"]]},
                [1.0]))

    G = nx.DiGraph()
    G.add_nodes_from(["a", "b", "c", "d", "e"])
    G.add_weighted_edges_from([
        ("a", "b", 1.0), ("b", "c", 2.0), ("c", "a", 0.5), ("c", "d", 1.5), ("d", "c", 3.0),
        ("d", "e", 1.0), ("e", "d", 1.0), ("b", "b", 5.0),
    ])
    out.append(("directed-self-loop",
                "Hand-made directed weighted graph: cycle a->b->c->a, reciprocated pairs c<->d "
                "and d<->e, and a self-loop b->b (counted once in out- and in-strength).",
                canonical(G), {"cycle": [["a", "b", "c"], ["d", "e"]]}, [1.0]))
    return out


# --------------------------------------------------------------------------------------------
# Cases
# --------------------------------------------------------------------------------------------

def as_lists(G, communities):
    """Communities as lists of node ids, each in node order, listed by first member."""
    order = {n: i for i, n in enumerate(G)}
    lists = [sorted(c, key=order.__getitem__) for c in communities]
    return sorted(lists, key=lambda c: order[c[0]])


def modularity_cases(name, G, named, weighted):
    """Modularity of several partitions, with and without weights, at several resolutions."""
    nodes = list(G)
    rng = random.Random(11)
    parts = dict(named)
    parts["singletons"] = [[n] for n in nodes]
    parts["whole"] = [nodes]
    groups = {}
    for n in nodes:
        groups.setdefault(rng.randrange(4), []).append(n)
    parts["random-4"] = list(groups.values())
    parts["louvain-seed-0"] = as_lists(G, nx.community.louvain_communities(G, seed=0))
    cases = []
    for pname, communities in parts.items():
        communities = as_lists(G, communities)
        for weight in ([None, "weight"] if weighted else [None]):
            for resolution in [1.0, 0.5, 2.0]:
                q = nx.community.modularity(G, communities, weight=weight, resolution=resolution)
                cases.append({
                    "partition": pname,
                    "weight": weight,
                    "resolution": resolution,
                    "networkx": f"nx.community.modularity(G, communities, weight={weight!r}, "
                                f"resolution={resolution!r})",
                    "modularity": q,
                    "communities": communities,
                })
    return cases


def louvain_cases(G, weighted, resolutions):
    """NetworkX's Louvain over seeds 0..9: the modularity of each result (same weight and
    resolution) and their mean."""
    cases = []
    for weight in (["weight", None] if weighted else [None]):
        for resolution in resolutions:
            qs, counts = [], []
            for seed in SEEDS:
                parts = nx.community.louvain_communities(G, weight=weight, resolution=resolution,
                                                         seed=seed)
                qs.append(nx.community.modularity(G, parts, weight=weight, resolution=resolution))
                counts.append(len(parts))
            cases.append({
                "weight": weight,
                "resolution": resolution,
                "seeds": SEEDS,
                "networkx": f"nx.community.louvain_communities(G, weight={weight!r}, "
                            f"resolution={resolution!r}, seed=seed)",
                "modularities": qs,
                "counts": counts,
                "mean": sum(qs) / len(qs),
            })
    return cases


def projection_doc():
    """The Davis southern women projected onto women and onto events, every weighting."""
    B = relabel_str(nx.davis_southern_women_graph())
    women = [n for n, d in B.nodes(data=True) if d["bipartite"] == 0]
    events = [n for n, d in B.nodes(data=True) if d["bipartite"] == 1]

    def jaccard(G, u, v):
        unbrs, vnbrs = set(G[u]), set(G[v])
        return len(unbrs & vnbrs) / len(unbrs | vnbrs)

    weightings = [
        ("count", "bipartite.weighted_projected_graph(B, nodes)",
         lambda nodes: bipartite.weighted_projected_graph(B, nodes)),
        ("newman", "bipartite.collaboration_weighted_projected_graph(B, nodes)",
         lambda nodes: bipartite.collaboration_weighted_projected_graph(B, nodes)),
        ("jaccard", "bipartite.generic_weighted_projected_graph(B, nodes, weight_function=jaccard)",
         lambda nodes: bipartite.generic_weighted_projected_graph(B, nodes, weight_function=jaccard)),
        ("overlap", "bipartite.overlap_weighted_projected_graph(B, nodes, jaccard=False)",
         lambda nodes: bipartite.overlap_weighted_projected_graph(B, nodes, jaccard=False)),
    ]
    projections = []
    for onto, kind, nodes in [("women", "woman", women), ("events", "social-event", events)]:
        for weighting, expression, project in weightings:
            P = project(nodes)
            assert list(P) == nodes
            edges = []
            for u, v, w in P.edges(data="weight"):
                shared = len(set(B[u]) & set(B[v]))
                edges.append([u, v, float(w), shared])
            projections.append({
                "onto": onto,
                "kind": kind,
                "weighting": weighting,
                "networkx": expression,
                "nodes": list(P),
                "edges": edges,
            })
    return {
        "name": "davis-projections",
        "about": "One-mode projections of nx.davis_southern_women_graph() (Graphs/"
                 "davis-southern-women.yaml: kinds 'woman' and 'social-event', relation "
                 "'attended') onto the women and onto the events, for every weighting. Each "
                 "edge is [u, v, weight, shared neighbours]; jaccard is "
                 "|N(u) & N(v)| / |N(u) | N(v)|.",
        "nodes": list(B),
        "edges": [[u, v] for u, v in B.edges()],
        "projections": projections,
    }


# --------------------------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------------------------

def dumps(obj, level=0):
    """JSON with one element per line, except that any array or object whose compact form fits
    in 100 characters stays on one line and long arrays of plain values are packed several to
    a line. Floats use repr."""
    compact = json.dumps(obj, ensure_ascii=False, allow_nan=False, separators=(", ", ": "))
    if not isinstance(obj, (dict, list)) or len(compact) <= 100 or not obj:
        return compact
    pad = " " * (level + 1)
    if isinstance(obj, dict):
        items = [f"{pad}{json.dumps(k, ensure_ascii=False)}: {dumps(v, level + 1)}"
                 for k, v in obj.items()]
        return "{\n" + ",\n".join(items) + "\n" + " " * level + "}"
    if all(not isinstance(v, (dict, list)) for v in obj):
        lines, line = [], ""
        for v in obj:
            item = json.dumps(v, ensure_ascii=False, allow_nan=False)
            if line and len(pad) + len(line) + len(item) + 2 > 100:
                lines.append(line + ",")
                line = ""
            line = item if not line else line + ", " + item
        lines.append(line)
        return "[\n" + "\n".join(pad + x for x in lines) + "\n" + " " * level + "]"
    items = [pad + dumps(v, level + 1) for v in obj]
    return "[\n" + ",\n".join(items) + "\n" + " " * level + "]"


def write(name, doc):
    text = dumps(doc) + "\n"
    assert json.loads(text) == json.loads(json.dumps(doc, allow_nan=False))
    with open(os.path.join(OUT, name + ".json"), "w", encoding="utf-8") as f:
        f.write(text)


def main():
    if nx.__version__ != NETWORKX_VERSION and "--any-version" not in sys.argv:
        sys.exit(f"NetworkX {NETWORKX_VERSION} required, found {nx.__version__} "
                 "(pass --any-version to run anyway)")
    os.makedirs(OUT, exist_ok=True)
    table = ["| file | directed | weighted | nodes | edges | modularity cases | Louvain mean (resolution 1, weights as in the file) |",
             "|---|---|---|---|---|---|---|"]
    for name, about, G, named, resolutions in graphs():
        nodes, edges = spec_of(G)
        weighted = any(w is not None for _, _, w in edges)
        assert all((w is not None) == weighted for _, _, w in edges), name
        doc = {
            "name": name,
            "about": about,
            "directed": G.is_directed(),
            "weighted": weighted,
            "nodes": nodes,
            "edges": [[u, v, w] for u, v, w in edges],
            "modularity": modularity_cases(name, G, named, weighted),
            "louvain": louvain_cases(G, weighted, resolutions),
        }
        write(name, doc)
        mean = doc["louvain"][0]["mean"]
        table.append(f"| `{name}.json` | {'yes' if G.is_directed() else 'no'} | "
                     f"{'yes' if weighted else 'no'} | {len(nodes)} | {len(edges)} | "
                     f"{len(doc['modularity'])} | {mean:.6f} |")
        print(f"{name:24s} nodes {len(nodes):4d} edges {len(edges):4d} "
              f"louvain mean {mean:.6f}")
    write("davis-projections", projection_doc())
    table.append("| `davis-projections.json` | no | no | 32 | 89 | projections: 8 | – |")
    with open(os.path.join(OUT, "README.md"), "w", encoding="utf-8") as f:
        f.write(README.format(version=nx.__version__) + "\n".join(table) + "\n")


README = """\
# NetworkX reference fixtures: communities and projections

Written by `scripts/make_community_fixtures.py` (run `python3 scripts/make_community_fixtures.py`
from the repository root; do not edit by hand). Values come from NetworkX {version}. The script
re-runs itself with `PYTHONHASHSEED=0` and uses fixed seeds, so re-running it rewrites
identical bytes.

## Graph files (`<name>.json`)

```
{{
  "name": "karate-club", "about": "...", "directed": false, "weighted": true,
  "nodes": ["0", "1", ...],
  "edges": [["0", "1", 4.0], ...],            // [source, target, weight or null]
  "modularity": [ case, ... ],
  "louvain": [ case, ... ]
}}
```

- `nodes`, `edges`: as in `../README.md` (nodes in NetworkX order; adding the nodes, then the
  edges, in list order rebuilds the graph every value was computed on). Self-loops appear as
  `[u, u, w]`.
- `modularity` cases: `partition` (a name: a partition from the data such as `club` or
  `blocks`, `singletons`, `whole`, `random-4` drawn with `random.Random(11)`, or
  `louvain-seed-0`), `weight` (`null`: every edge counts 1; `"weight"`: the edges' third item),
  `resolution`, `communities` (lists of node ids), `networkx` (the expression) and
  `modularity` (its value). Ours must agree to 1e-9.
- `louvain` cases: `weight`, `resolution`, `seeds` (0-9), `networkx` (the call, run once per
  seed), `modularities` (the modularity of each seed's result, same weight and resolution),
  `counts` (number of communities) and `mean`. Our Louvain's mean modularity over seeds must be
  at least `mean - 0.005`; Leiden's at least our Louvain's.

NetworkX's modularity (`nx.community.modularity`): undirected,
Q = sum over communities c of L_c / m - resolution * (K_c / 2m)^2, with L_c the weight of the
edges inside c (a self-loop once), K_c the sum of the degrees in c (a self-loop counts twice)
and m the total edge weight. Directed (Leicht & Newman),
Q = sum over c of L_c / m - resolution * K_c^out K_c^in / m^2, with m the total arc weight
(a self-loop counts once in out- and in-strength).

## `davis-projections.json`

`nodes` and `edges` of the two-mode graph, and `projections`: one per (onto, weighting) with
`onto` (`women` or `events`), `kind` (the node kind in Graphs/davis-southern-women.yaml),
`weighting` (`count`, `newman`, `jaccard`, `overlap`), `networkx` (the expression), `nodes`
(every node of the kind, isolated or not) and `edges`, each `[u, v, weight, shared]` with
`shared` the number of common neighbours.

| weighting | NetworkX | weight of u-v |
|---|---|---|
| count | `bipartite.weighted_projected_graph(B, nodes)` | shared neighbours |
| newman | `bipartite.collaboration_weighted_projected_graph(B, nodes)` | sum over shared neighbours b of 1 / (deg(b) - 1) |
| jaccard | `bipartite.generic_weighted_projected_graph(B, nodes, weight_function=jaccard)` | shared / size of the union of the neighbourhoods |
| overlap | `bipartite.overlap_weighted_projected_graph(B, nodes, jaccard=False)` | shared / the smaller degree |

## Files

"""


if __name__ == "__main__":
    main()
