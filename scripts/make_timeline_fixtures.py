#!/usr/bin/env python3
"""NetworkX reference fixtures for `partnergraph timeline` (issue 17).

Writes Tests/PartnerGraphAlgorithmsTests/Fixtures/timeline/<case>.json, and the dated test
network dated-random.yaml beside them. For every case the script cuts the slices itself (Python's
calendar), decides which ties and actors are in each slice from the file's dates, builds each
slice's graph in NetworkX, and computes:

- the network figures: number_of_nodes, number_of_edges, density, number of (weakly) connected
  components, the largest one's size, average_clustering (undirected graphs; null on directed),
  the diameter of the largest (weakly) connected component ignoring direction;
- modularity: NetworkX has no Leiden, so bounds: `louvain`, the modularity of
  nx.community.louvain_communities for seeds 0-9 (the test asks Leiden's, one seed, to be at
  least their mean less 0.03: a heuristic of the same quality), and for slices of at most 10
  nodes `optimum`, the exact maximum over every partition (Leiden's must not exceed it, and on
  such small slices must reach it within 0.03);
- with a measure: each active actor's value (NetworkX), its competition rank (1 = highest, equal
  values share the best rank, compared to 1e-12) and its change of rank since the previous slice
  (null when not active before);
- the changes: indices (0-based, file order) of ties that appeared and ended, ids of actors that
  joined and left, as set differences of consecutive slices.

A tie is in a slice when its since..until meets the slice (partial dates cover their whole
period; undated ties are in every slice); an actor when it has such a tie or its own dates meet
the slice. The graph's direction is the whole network's: directed when any relation in the file
is directed (symmetric ties then become two arcs), as `partnergraph` reads the native format.

Run from the repository root: python3 scripts/make_timeline_fixtures.py
"""

import fixturekit

fixturekit.deterministic()

import calendar
import itertools
import json
import os
import random

import networkx as nx

fixturekit.check_networkx(nx)
OUT = fixturekit.fixtures("timeline")


def first_day(d):
    parts = [int(p) for p in d.split("-")]
    return (parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def last_day(d):
    parts = [int(p) for p in d.split("-")]
    y = parts[0]
    m = parts[1] if len(parts) > 1 else 12
    day = parts[2] if len(parts) > 2 else calendar.monthrange(y, m)[1]
    return (y, m, day)


def iso(t):
    return "%04d-%02d-%02d" % t


def periods(step, start, end):
    """Whole calendar periods from the one containing `start` to the one containing `end`."""
    out = []
    y, m = start[0], start[1]
    if step == "year":
        for year in range(start[0], end[0] + 1):
            out.append(("%04d" % year, (year, 1, 1), (year, 12, 31)))
    elif step == "quarter":
        q = (m - 1) // 3
        while (y, q) <= (end[0], (end[1] - 1) // 3):
            fm, lm = 3 * q + 1, 3 * q + 3
            out.append(("%04d-Q%d" % (y, q + 1), (y, fm, 1), (y, lm, calendar.monthrange(y, lm)[1])))
            q += 1
            if q == 4:
                y, q = y + 1, 0
    elif step == "month":
        while (y, m) <= (end[0], end[1]):
            out.append(("%04d-%02d" % (y, m), (y, m, 1), (y, m, calendar.monthrange(y, m)[1])))
            m += 1
            if m == 13:
                y, m = y + 1, 1
    return out


def windows(ps, size):
    out = []
    for i in range(len(ps)):
        a, b = ps[max(0, i - size + 1)], ps[i]
        out.append((b[0] if a == b else a[0] + "–" + b[0], a[1], b[2]))
    return out


def cumulative(ps):
    return [("…" + p[0], ps[0][1], p[2]) for p in ps]


def meets(since, until, a, b):
    if since is not None and first_day(since) > b:
        return False
    if until is not None and last_day(until) < a:
        return False
    return True


def ranks(values, order):
    keyed = sorted(order, key=lambda u: (-values[u], order.index(u)))
    out = {}
    for k, u in enumerate(keyed):
        prev = keyed[k - 1] if k else None
        out[u] = out[prev] if prev is not None and abs(values[prev] - values[u]) <= 1e-12 else k + 1
    return out


def partitions(items):
    if not items:
        yield []
        return
    first, rest = items[0], items[1:]
    for p in partitions(rest):
        for i in range(len(p)):
            yield p[:i] + [[first] + p[i]] + p[i + 1:]
        yield [[first]] + p


BUILTIN_SYMMETRIC = {"partners-with", "collaborates-with"}


def relation_directed(doc, relation):
    """Declared relations say; of the built-in ones only partners-with and collaborates-with are symmetric."""
    for r in doc.get("relations") or []:
        if r["id"] == relation:
            return bool(r.get("directed", True))
    return relation not in BUILTIN_SYMMETRIC


def slice_graph(doc, directed, a, b):
    G = nx.DiGraph() if directed else nx.Graph()
    order = [str(n["id"]) for n in doc["nodes"]]
    active, ties = set(), []
    for k, e in enumerate(doc.get("edges") or []):
        if not meets(e.get("since"), e.get("until"), a, b):
            continue
        ties.append(k)
        u, v = str(e["from"]), str(e["to"])
        active.update([u, v])
    for n in doc["nodes"]:
        if (n.get("since") or n.get("until")) and meets(n.get("since"), n.get("until"), a, b):
            active.add(str(n["id"]))
    for u in order:
        if u in active:
            G.add_node(u)
    for k in ties:
        e = doc["edges"][k]
        u, v = str(e["from"]), str(e["to"])
        sym = not relation_directed(doc, e["relation"])
        G.add_edge(u, v)
        if directed and sym:
            G.add_edge(v, u)
    return G, [u for u in order if u in active], ties


def figures(G):
    U = G.to_undirected() if G.is_directed() else G
    comps = list(nx.weakly_connected_components(G)) if G.is_directed() else list(nx.connected_components(G))
    largest = max(comps, key=len) if comps else set()
    out = {
        "nodes": G.number_of_nodes(),
        "ties": G.number_of_edges(),
        "density": nx.density(G) if G.number_of_nodes() > 1 else None,
        "components": len(comps),
        "largestComponent": len(largest),
        "averageClustering": None if G.is_directed() else (nx.average_clustering(G) if G.number_of_nodes() else None),
        "diameter": nx.diameter(U.subgraph(largest)) if largest else None,
    }
    if G.number_of_edges() == 0:
        out["louvain"] = None
    else:
        out["louvain"] = [nx.community.modularity(G, nx.community.louvain_communities(G, seed=s)) for s in range(10)]
        if G.number_of_nodes() <= 10:
            out["optimum"] = max(nx.community.modularity(G, p) for p in partitions(list(G.nodes)))
    return out


def measure(G, name):
    if name == "betweenness":
        return nx.betweenness_centrality(G)
    if name == "degree":
        return nx.degree_centrality(G)
    raise ValueError(name)


def run_case(name, graph_file, doc, slices, arguments, measure_name=None):
    directed = any(relation_directed(doc, e["relation"]) for e in doc.get("edges") or [])
    out_slices, previous = [], None
    for label, a, b in slices:
        G, active, ties = slice_graph(doc, directed, a, b)
        s = {"label": label, "from": iso(a), "until": iso(b), "figures": figures(G), "active": active, "ties": ties}
        if previous is None:
            s["changes"] = None
        else:
            s["changes"] = {
                "tiesAppeared": [k for k in ties if k not in set(previous["ties"])],
                "tiesEnded": [k for k in previous["ties"] if k not in set(ties)],
                "actorsJoined": [u for u in active if u not in set(previous["active"])],
                "actorsLeft": [u for u in previous["active"] if u not in set(active)],
            }
        if measure_name:
            values = measure(G, measure_name) if G.number_of_nodes() else {}
            r = ranks(values, active)
            s["values"] = {u: values[u] for u in active}
            s["ranks"] = r
            s["rankChanges"] = None if previous is None else {
                u: (previous["ranks"][u] - r[u] if u in previous["ranks"] else None) for u in active}
        out_slices.append(s)
        previous = s
    fixturekit.write(OUT, name, {
        "name": name,
        "graphFile": graph_file,
        "arguments": arguments,
        "directed": directed,
        "measure": measure_name,
        "networkx": "slices cut by the script; figures by nx.density, nx.number_connected_components "
                    "(weakly on directed), nx.average_clustering, nx.diameter of the largest component "
                    "(undirected), nx.community.louvain_communities + modularity (seeds 0-9), "
                    "nx.betweenness_centrality / nx.degree_centrality",
        "slices": out_slices,
    })


def dated_random():
    """A dated network: 24 organisations, 70 symmetric ties with random years 2000-2009 (some
    open-ended, some undated), and node dates on a few (two actors exist only by their dates)."""
    rng = random.Random(17)
    lines = ["partnergraph: 1", "name: Dated random partnerships", "relations:",
             "  - {id: cooperates-with, directed: false, verb: cooperates with}", "nodes:"]
    for i in range(24):
        extra = ""
        if i in (3, 7):
            extra = ', since: "%d", until: "%d"' % (2001 + i // 2, 2004 + i // 2)
        if i in (22, 23):  # no ties at all: active only by their own dates
            extra = ', since: "%d-%02d", until: "%d"' % (2002 + i - 22, 3 + i - 22, 2006 + i - 22)
        lines.append('  - {id: "o%d", kind: organisation%s}' % (i, extra))
    lines.append("edges:")
    for k in range(70):
        a, b = rng.sample(range(22), 2)
        s = rng.randint(2000, 2009)
        kind = rng.random()
        dates = ""
        if kind < 0.15:
            dates = ""  # undated: in every slice
        elif kind < 0.3:
            dates = ', since: "%d"' % s
        elif kind < 0.4:
            dates = ', since: "%d-%02d", until: "%d-%02d"' % (s, rng.randint(1, 12), min(2009, s + 1), rng.randint(1, 12))
        else:
            dates = ', since: "%d", until: "%d"' % (s, min(2009, s + rng.randint(0, 3)))
        lines.append('  - {from: "o%d", to: "o%d", relation: cooperates-with%s}' % (a, b, dates))
    text = "\n".join(lines) + "\n"
    import yaml
    doc = yaml.safe_load(text)
    # A since-month after the until-month in the same year would be invalid: fix by dropping until.
    for e in doc["edges"]:
        if e.get("since") and e.get("until") and first_day(e["since"]) > last_day(e["until"]):
            raise SystemExit("generated an invalid tie; change the seed")
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "dated-random.yaml"), "w", encoding="utf-8") as f:
        f.write(text)
    print("wrote", os.path.relpath(os.path.join(OUT, "dated-random.yaml"), fixturekit.ROOT))
    return doc


def span(doc):
    days = []
    for x in list(doc["nodes"]) + list(doc.get("edges") or []):
        for key in ("since", "until"):
            if x.get(key):
                days += [first_day(x[key]), last_day(x[key])]
    return min(days), max(days)


def main():
    nordic, _, _ = fixturekit.load_graph("nordic-innovation-procurement.yaml")
    a, b = span(nordic)
    run_case("nordic-by-year", "Graphs/nordic-innovation-procurement.yaml", nordic, periods("year", a, b), [], "betweenness")
    run_case("nordic-at-dates", "Graphs/nordic-innovation-procurement.yaml", nordic,
             [("2018", (2018, 1, 1), (2018, 12, 31)), ("2022-10", (2022, 10, 1), (2022, 10, 31))], ["--dates", "2018,2022-10"])
    run_case("nordic-quarters-2022", "Graphs/nordic-innovation-procurement.yaml", nordic,
             periods("quarter", (2022, 1, 1), (2022, 12, 31)), ["--every", "quarter", "--from", "2022", "--until", "2022"])

    coleman, _, _ = fixturekit.load_graph("coleman-high-school.yaml")
    a, b = span(coleman)
    run_case("coleman-by-year", "Graphs/coleman-high-school.yaml", coleman, periods("year", a, b), [], "betweenness")

    doc = dated_random()
    a, b = span(doc)
    file = "Tests/PartnerGraphAlgorithmsTests/Fixtures/timeline/dated-random.yaml"
    years = periods("year", a, b)
    run_case("dated-random-by-year", file, doc, years, [], "degree")
    run_case("dated-random-window-3", file, doc, windows(years, 3), ["--window", "3"], "betweenness")
    run_case("dated-random-cumulative", file, doc, cumulative(years), ["--cumulative"])
    run_case("dated-random-months-2004", file, doc, periods("month", (2004, 1, 1), (2004, 12, 31)),
             ["--every", "month", "--from", "2004", "--until", "2004"])


if __name__ == "__main__":
    main()
