#!/usr/bin/env python3
"""Write the reference fixtures for link prediction (`suggest`, issue 16).

Usage (from the repository root):

    python3 scripts/make_link_prediction_fixtures.py

Writes one JSON file per graph into Tests/PartnerGraphAlgorithmsTests/Fixtures/link-prediction/.

Every score comes from NetworkX 3.6.1, on the graph read as undirected and simple (NetworkX's
link prediction refuses directed graphs and multigraphs): `common_neighbor_centrality` with
alpha=1 (the count of common neighbours) and alpha=0.8, `jaccard_coefficient`,
`adamic_adar_index`, `resource_allocation_index`, `preferential_attachment`, over every pair
NetworkX's `non_edges` yields. The rankings are this script's: pairs with a score above 0,
highest first, ties broken by the first node's position and then the second's (positions in
the fixture's node order, each pair written first node first).

A fixture:
  {"name", "about", "nodes": [id…], "edges": [[u, v]…] (as given, maybe directed or repeated),
   "pairs": [[u, v]…]   every non-edge, u before v in node order,
   "scores": {method: [score…]}   aligned with "pairs",
   "top": {method: [[u, v, score]…]}   the first 10,
   "from": {"node": id, method: [[u, v, score]…]}   the first 5 pairs with that node (u),
   "cli": [{"arguments": […], "expected": [[u, v, score]…]}]   (Graphs/ files only): the
          ranking `partnergraph suggest` must print, with --pair-kinds and --across applied here
          from their definitions; pairs tied by any edge of the file are never candidates}
Methods: common-neighbours, ccpa-0.8 (common neighbours with --alpha 0.8), jaccard,
adamic-adar, resource-allocation, preferential-attachment.

Requirements: Python 3.10+, NetworkX 3.6.1 (refuses another version unless --any-version),
PyYAML. Deterministic: re-running it rewrites identical bytes.
"""


import fixturekit  # noqa: E402  (scripts/fixturekit.py, beside this file)

fixturekit.deterministic()

import networkx as nx  # noqa: E402


ROOT = fixturekit.ROOT
OUT = fixturekit.fixtures("link-prediction")

METHODS = {
    "common-neighbours": lambda G, b: nx.common_neighbor_centrality(G, b, alpha=1),
    "ccpa-0.8": lambda G, b: nx.common_neighbor_centrality(G, b, alpha=0.8),
    "jaccard": nx.jaccard_coefficient,
    "adamic-adar": nx.adamic_adar_index,
    "resource-allocation": nx.resource_allocation_index,
    "preferential-attachment": nx.preferential_attachment,
}


def all_scores(G, order):
    """NetworkX's score of every non-edge, keyed by (u, v) in node order."""
    position = {v: i for i, v in enumerate(order)}
    pairs = sorted({tuple(sorted((u, v), key=position.get)) for u, v in nx.non_edges(G)},
                   key=lambda p: (position[p[0]], position[p[1]]))
    scores = {}
    for name, f in METHODS.items():
        got = {}
        for u, v, s in f(G, pairs):
            got[(u, v)] = float(s)
        scores[name] = got
    return pairs, scores, position


def ranking(scores, position, allowed=lambda u, v: True, limit=10, node=None):
    rows = []
    for (u, v), s in scores.items():
        if node is not None:
            if node not in (u, v):
                continue
            if v == node:
                u, v = v, u
        if s > 0 and allowed(u, v):
            rows.append((u, v, s))
    rows.sort(key=lambda r: (-r[2], position[r[0]], position[r[1]]))
    return [[u, v, s] for u, v, s in rows[:limit]]


def write(name, about, order, edges, G, from_node, cli=None):
    pairs, scores, position = all_scores(G, order)
    doc = {
        "name": name,
        "about": about,
        "nodes": order,
        "edges": [[u, v] for u, v in edges],
        "pairs": [[u, v] for u, v in pairs],
        "scores": {m: [scores[m][p] for p in pairs] for m in METHODS},
        "top": {m: ranking(scores[m], position) for m in METHODS},
        "from": dict({"node": from_node}, **{m: ranking(scores[m], position, limit=5, node=from_node) for m in METHODS}),
    }
    if cli:
        doc["cli"] = [{"arguments": args, "expected": ranking(scores[m], position, allowed, limit, node)}
                      for args, m, allowed, limit, node in cli]
    fixturekit.write(OUT, name, doc)


def from_yaml(file):
    doc, order, edges = fixturekit.load_graph(file)
    G = nx.Graph()
    G.add_nodes_from(order)
    G.add_edges_from(edges)
    return doc, order, edges, G


def main():
    fixturekit.check_networkx(nx)

    doc, order, edges, G = from_yaml("nordic-innovation-procurement.yaml")
    kind = {str(n["id"]): n.get("kind") for n in doc["nodes"]}
    country = {str(n["id"]): n.get("country") for n in doc["nodes"]}
    file = "Graphs/nordic-innovation-procurement.yaml"
    organisations = lambda u, v: kind[u] == "organisation" and kind[v] == "organisation"  # noqa: E731
    across = lambda u, v: country[u] != country[v]  # noqa: E731 (no country is a group of its own)
    write("nordic-innovation-procurement", "Graphs/nordic-innovation-procurement.yaml, ties read as undirected",
          order, edges, G, "keino", cli=[
              (["suggest", file, "--format", "json"], "adamic-adar", lambda u, v: True, 10, None),
              (["suggest", file, "--method", "jaccard", "--top", "5", "--format", "json"], "jaccard", lambda u, v: True, 5, None),
              (["suggest", file, "keino", "--method", "common-neighbours", "--format", "json"], "common-neighbours", lambda u, v: True, 10, "keino"),
              (["suggest", file, "--pair-kinds", "organisation", "--method", "resource-allocation", "--format", "json"],
               "resource-allocation", organisations, 10, None),
              (["suggest", file, "--across", "country", "--top", "8", "--format", "json"], "adamic-adar", across, 8, None),
              (["suggest", file, "--across", "country", "--pair-kinds", "organisation", "--method",
                "preferential-attachment", "--format", "json"], "preferential-attachment",
               lambda u, v: across(u, v) and organisations(u, v), 10, None),
              (["suggest", file, "--across", "country", "--pair-kinds", "organisation,programme", "--top", "5", "--format", "json"],
               "adamic-adar", lambda u, v: across(u, v) and kind[u] in ("organisation", "programme")
               and kind[v] in ("organisation", "programme"), 5, None),
              (["suggest", file, "--method", "common-neighbours", "--alpha", "0.8", "--top", "6", "--format", "json"],
               "ccpa-0.8", lambda u, v: True, 6, None),
          ])

    doc, order, edges, G = from_yaml("karate-club.yaml")
    write("karate-club", "Graphs/karate-club.yaml (Zachary's karate club)", order, edges, G, "0", cli=[
        (["suggest", "Graphs/karate-club.yaml", "--method", "resource-allocation", "--format", "json"],
         "resource-allocation", lambda u, v: True, 10, None),
        (["suggest", "Graphs/karate-club.yaml", "--method", "preferential-attachment", "--top", "12", "--format", "json"],
         "preferential-attachment", lambda u, v: True, 12, None),
        (["suggest", "Graphs/karate-club.yaml", "33", "--method", "adamic-adar", "--top", "0", "--format", "json"],
         "adamic-adar", lambda u, v: True, None, "33"),
    ])

    doc, order, edges, G = from_yaml("les-miserables.yaml")
    write("les-miserables", "Graphs/les-miserables.yaml (Knuth's co-appearances), unweighted", order, edges, G, "Valjean")

    # A random graph with a self-loop, an isolate and a second component; given as a directed
    # list with both directions of some ties and a repeated one, read as undirected.
    R = nx.gnp_random_graph(40, 0.1, seed=23, directed=True)
    order = [f"n{v}" for v in range(43)]
    edges = [(f"n{u}", f"n{v}") for u, v in R.edges()] + [("n5", "n5"), ("n3", "n7"), ("n3", "n7"),
                                                         ("n40", "n41"), ("n41", "n42")]
    U = nx.Graph()
    U.add_nodes_from(order)
    U.add_edges_from(edges)
    write("gnp-directed-40", "directed G(40, 0.1), seed 23, with a self-loop on n5, a repeated tie, and a "
          "second component n40–n41–n42 (the isolates stay); read as undirected", order, edges, U, "n5")


if __name__ == "__main__":
    main()
