#!/usr/bin/env python3
"""Write the NetworkX reference fixtures for PartnerGraphAlgorithmsTests.

Usage (from the repository root):

    python3 scripts/make_fixtures.py

Writes one JSON file per graph, plus README.md, into
Tests/PartnerGraphAlgorithmsTests/Fixtures/. The format is documented in that README.

Requirements: Python 3.10+ and NetworkX 3.6.1 (the version the fixtures were made with; the
script refuses to run under any other version unless --any-version is given). NetworkX itself
needs NumPy and SciPy for pagerank, hits, constraint and effective_size; this script imports
nothing but the standard library and networkx.

Determinism: some NetworkX functions iterate over Python sets of strings (harmonic centrality,
clustering, ...), whose order depends on PYTHONHASHSEED and changes the last bits of sums. The
script therefore re-executes itself with PYTHONHASHSEED=0, so two runs write identical bytes.
All random graphs use fixed seeds.
"""

import json
import math
import os
import random
import sys
import warnings

if os.environ.get("PYTHONHASHSEED") != "0":
    env = dict(os.environ, PYTHONHASHSEED="0")
    os.execve(sys.executable, [sys.executable] + sys.argv, env)

import networkx as nx  # noqa: E402
from networkx.algorithms.link_analysis.hits_alg import _hits_python  # noqa: E402
from networkx.algorithms.structuralholes import normalized_mutual_weight  # noqa: E402

NETWORKX_VERSION = "3.6.1"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Tests", "PartnerGraphAlgorithmsTests", "Fixtures")

# Katz: alpha=0.1 is tried first; where the iteration cannot converge (alpha >= 1/rho(A)) the
# next smaller value is used and recorded in the case's params.
KATZ_ALPHAS = [0.1, 0.05, 0.02, 0.01, 0.005, 0.002, 0.001]
# Graphs that also get sampled-betweenness cases (k sources drawn by NetworkX with this seed).
SAMPLED = {"karate-club": (10, 42), "directed-gnp-50-weighted": (10, 42)}


# --------------------------------------------------------------------------------------------
# Graphs
# --------------------------------------------------------------------------------------------

def relabel_str(G):
    """Relabel every node with str(node), keeping node and edge insertion order."""
    H = G.__class__()
    H.add_nodes_from(str(n) for n in G)
    for u, v, d in G.edges(data=True):
        H.add_edge(str(u), str(v), **d)
    return H


def add_random_weights(G, rng):
    """Weight every edge, in G.edges order, with round(rng.uniform(0.5, 5), 3)."""
    for u, v in G.edges():
        G[u][v]["weight"] = round(rng.uniform(0.5, 5), 3)
    return G


def spec_of(G):
    nodes = list(G)
    edges = []
    for u, v, w in G.edges(data="weight"):
        edges.append((u, v, None if w is None else float(w)))
    return nodes, edges


def build(directed, nodes, edges):
    G = nx.DiGraph() if directed else nx.Graph()
    G.add_nodes_from(nodes)
    for u, v, w in edges:
        if w is None:
            G.add_edge(u, v)
        else:
            G.add_edge(u, v, weight=w)
    return G


def canonical(G):
    """The graph rebuilt from its own node and edge lists, as a consumer of the fixture would
    build it: nodes in list order, then edges in list order. All values are computed on this
    graph, so rebuilding it from the JSON in NetworkX reproduces them exactly."""
    nodes, edges = spec_of(G)
    for _ in range(5):
        H = build(G.is_directed(), nodes, edges)
        n2, e2 = spec_of(H)
        if n2 == nodes and e2 == edges:
            return H
        nodes, edges = n2, e2
    raise RuntimeError("edge order did not reach a fixed point")


def graphs():
    """(name, about, graph) for every fixture, in output order."""
    out = []

    G = relabel_str(nx.florentine_families_graph())
    out.append(("florentine-families",
                "Marriage ties between 15 Renaissance Florentine families (Padgett; Breiger & "
                "Pattison 1986), as nx.florentine_families_graph(). Undirected, unweighted.", G))

    G = relabel_str(nx.karate_club_graph())
    out.append(("karate-club",
                "Zachary's karate club (Zachary 1977): 34 members, 78 ties, as "
                "nx.karate_club_graph() with nodes relabelled str(). Undirected; weight = "
                "Zachary's count of contexts in which the two members interacted (1-7).", G))

    G = relabel_str(nx.davis_southern_women_graph())
    out.append(("davis-southern-women",
                "Davis, Gardner & Gardner (1941) 'Deep South': 18 women and the 14 social events "
                "they attended, as nx.davis_southern_women_graph(). Undirected bipartite, "
                "unweighted (women first, then events E1-E14).", G))

    G = relabel_str(nx.les_miserables_graph())
    out.append(("les-miserables",
                "Co-appearance network of the 77 characters of Victor Hugo's Les Miserables "
                "(Knuth 1993, The Stanford GraphBase), as nx.les_miserables_graph(). Undirected; "
                "weight = number of chapters in which the two characters appear together.", G))

    out.append(("p3", "Path on 3 nodes, nx.path_graph(3), relabelled str().",
                relabel_str(nx.path_graph(3))))
    out.append(("p5", "Path on 5 nodes, nx.path_graph(5), relabelled str().",
                relabel_str(nx.path_graph(5))))
    out.append(("star-5", "Star with centre 0 and 5 leaves, nx.star_graph(5), relabelled str().",
                relabel_str(nx.star_graph(5))))
    out.append(("complete-5", "Complete graph K5, nx.complete_graph(5), relabelled str().",
                relabel_str(nx.complete_graph(5))))

    G = nx.Graph()
    G.add_nodes_from(["0", "1", "2", "3", "4", "5"])
    G.add_edges_from([("0", "1"), ("1", "2"), ("2", "0"), ("3", "4")])
    out.append(("two-components",
                "Hand-made: a triangle 0-1-2, a separate edge 3-4 and an isolated node 5. "
                "Undirected, unweighted.", G))

    out.append(("directed-cycle-5", "Directed cycle 0->1->2->3->4->0, "
                "nx.cycle_graph(5, create_using=nx.DiGraph), relabelled str().",
                relabel_str(nx.cycle_graph(5, create_using=nx.DiGraph))))
    out.append(("directed-path-5", "Directed path 0->1->2->3->4, "
                "nx.path_graph(5, create_using=nx.DiGraph), relabelled str().",
                relabel_str(nx.path_graph(5, create_using=nx.DiGraph))))

    G = nx.Graph()
    G.add_nodes_from(["a", "b", "c", "d", "e", "f", "g"])
    G.add_weighted_edges_from([
        ("a", "b", 2.0), ("b", "c", 1.5), ("c", "a", 1.0), ("c", "d", 3.0),
        ("a", "a", 4.0),          # self-loop, the heaviest edge, on a node with other ties
        ("d", "d", 0.5),          # self-loop on a leaf
        ("e", "e", 2.5),          # a node whose only tie is a self-loop (weight != 1)
        ("g", "g", 1.0),          # a node whose only tie is a self-loop (weight 1)
    ])                            # f is isolated
    out.append(("self-loops",
                "Hand-made undirected weighted graph with self-loops: triangle a-b-c with a "
                "pendant d, self-loops on a (the heaviest edge, 4.0) and d, nodes e and g whose "
                "only tie is a self-loop, and an isolated node f. Measures NetworkX refuses on "
                "self-loops are skipped.", G))

    G = nx.DiGraph()
    G.add_nodes_from(["a", "b", "c", "d", "e"])
    G.add_weighted_edges_from([
        ("a", "b", 1.0), ("b", "c", 2.0), ("c", "a", 0.5), ("c", "d", 1.5), ("d", "c", 3.0),
        ("d", "e", 1.0), ("b", "b", 5.0),  # self-loop, the heaviest edge
    ])
    out.append(("directed-self-loop",
                "Hand-made directed weighted graph: cycle a->b->c->a, a reciprocated pair c<->d, "
                "d->e, and a self-loop b->b (the heaviest edge, 5.0).", G))

    G = nx.Graph()
    G.add_nodes_from(["a", "b", "c", "d", "e", "f"])
    G.add_weighted_edges_from([
        ("a", "b", 0.1), ("b", "c", 0.2), ("c", "d", 0.3), ("a", "e", 0.3), ("e", "d", 0.3),
        ("c", "f", 0.2), ("e", "f", 0.75), ("b", "f", 1.5), ("d", "f", 0.5),
    ])
    out.append(("weighted-6",
                "Hand-made undirected 6-node graph with non-integer weights that probe "
                "floating-point ties in weighted shortest paths (NetworkX sums lengths outward "
                "from the source, dist(v) + w(v, x), and counts equal paths with ==). d-f (0.5) "
                "and d-c-f (0.3 + 0.2 == 0.5) tie exactly in both directions. a-e-d and a-b-c-d "
                "are both 0.6 in real arithmetic, but from a the sums are 0.3 + 0.3 = 0.6 and "
                "(0.1 + 0.2) + 0.3 = 0.6000000000000001 (one shortest path), while from d they "
                "are 0.3 + 0.3 and (0.3 + 0.2) + 0.1, both 0.6 (two shortest paths): NetworkX's "
                "weighted betweenness counts the pair differently from its two ends.", G))

    G = relabel_str(nx.gnp_random_graph(60, 0.08, seed=1))
    add_random_weights(G, random.Random(2))
    out.append(("gnp-60-weighted",
                "nx.gnp_random_graph(60, 0.08, seed=1), nodes relabelled str(); each edge, in "
                "G.edges order, weighted round(random.Random(2).uniform(0.5, 5), 3). Undirected.",
                G))

    G = relabel_str(nx.gnp_random_graph(50, 0.06, seed=3, directed=True))
    add_random_weights(G, random.Random(5))
    out.append(("directed-gnp-50-weighted",
                "nx.gnp_random_graph(50, 0.06, seed=3, directed=True), nodes relabelled str(); "
                "each edge, in G.edges order, weighted round(random.Random(5).uniform(0.5, 5), 3).",
                G))

    out.append(("barabasi-albert-200",
                "nx.barabasi_albert_graph(200, 3, seed=4), nodes relabelled str(). Undirected, "
                "unweighted.", relabel_str(nx.barabasi_albert_graph(200, 3, seed=4))))

    A = nx.gnp_random_graph(15, 0.2, seed=7, directed=True)
    B = nx.gnp_random_graph(12, 0.25, seed=8, directed=True)
    G = nx.DiGraph()
    G.add_nodes_from(f"a{n}" for n in A)
    G.add_edges_from((f"a{u}", f"a{v}") for u, v in A.edges())
    G.add_nodes_from(f"b{n}" for n in B)
    G.add_edges_from((f"b{u}", f"b{v}") for u, v in B.edges())
    G.add_nodes_from(["x0", "x1", "x2"])
    add_random_weights(G, random.Random(9))
    out.append(("disconnected-directed-weighted",
                "Disjoint union of nx.gnp_random_graph(15, 0.2, seed=7, directed=True) (nodes "
                "a0-a14) and nx.gnp_random_graph(12, 0.25, seed=8, directed=True) (nodes b0-b11), "
                "plus isolated nodes x0, x1, x2; each edge, in G.edges order, weighted "
                "round(random.Random(9).uniform(0.5, 5), 3). Directed.", G))

    return [(name, about, canonical(G)) for name, about, G in out]


# --------------------------------------------------------------------------------------------
# Values
# --------------------------------------------------------------------------------------------

def num(x):
    """A JSON number: float (NaN -> None); ints stay ints only where asked."""
    x = float(x)
    if math.isnan(x):
        return None
    if math.isinf(x):
        raise ValueError("infinite value")
    return x


def close(a, b, rel):
    """Whether two value dicts agree (NaN == NaN) to rel relative to the largest |value|."""
    scale = max([abs(v) for v in a.values() if not math.isnan(v)] + [1e-300])
    for k in a:
        x, y = float(a[k]), float(b[k])
        if math.isnan(x) or math.isnan(y):
            if not (math.isnan(x) and math.isnan(y)):
                return False
        elif abs(x - y) > rel * scale:
            return False
    return True


class Skip(Exception):
    pass


def spectral_radius(G, weight):
    ev = nx.adjacency_spectrum(G, weight=weight)
    return max(abs(complex(z)) for z in ev) if len(ev) else 0.0


def unweighted_copy(G):
    H = G.__class__()
    H.add_nodes_from(G)
    H.add_edges_from(G.edges())
    return H


def hits_checked(G):
    """nx.hits with a uniform start vector, cross-checked against NetworkX's own power
    iteration from two different start vectors. When they disagree the dominant singular
    vector of A is not unique (bipartite graphs, cycles, ties between components) and
    nx.hits returns an arbitrary vector of that subspace, so the case is skipped."""
    n = len(G)
    nstart = {v: 1.0 / n for v in G}
    h, a = nx.hits(G, max_iter=10000, tol=1e-12, nstart=dict(nstart), normalized=True)
    for start in (dict(nstart), {v: float(i + 1) for i, v in enumerate(G)}):
        try:
            h2, a2 = _hits_python(G, max_iter=200000, tol=1e-12, nstart=start, normalized=True)
        except nx.PowerIterationFailedConvergence:
            raise Skip("HITS power iteration does not converge: the dominant singular value "
                       "of A is not unique; nx.hits would return an arbitrary vector")
        if not (close(h, h2, 1e-7) and close(a, a2, 1e-7)):
            raise Skip("the dominant singular value of A is not simple (e.g. bipartite graph, "
                       "cycle, or equal components), so hubs/authorities are not unique; "
                       "nx.hits returns an arbitrary vector of the singular subspace (different "
                       "from run to run without nstart)")
    if any(x < -1e-12 for x in list(h.values()) + list(a.values())):
        raise Skip("nx.hits returned negative scores (non-unique dominant singular vector)")
    return h, a


SELF_LOOP_STRUCTURAL_HOLES = (
    "graph has self-loops: NetworkX's two code paths for this measure (the SciPy matrix path "
    "taken by nx.{f}(G) and the pure-Python path taken with nodes=) disagree on nodes {nodes}. "
    "They count a self-loop as a tie of the ego to itself, and nodes whose only tie is a "
    "self-loop come out NaN or 4.0 depending on the path and on whether the loop weighs 1, so "
    "there is no reference value")


def sinks(G):
    """Directed graphs: nodes with in-neighbours but no out-neighbours (other than themselves).
    NetworkX's pure-Python constraint/effective-size paths test `G[v]` (successors only) for
    isolation and wrongly return NaN for these nodes."""
    if not G.is_directed():
        return set()
    return {v for v in G if all(u == v for u in G.succ[v])
            and any(u != v for u in G.pred[v])}


def disagreeing(a, b, G):
    return [v for v in G if not close({v: a[v]}, {v: b[v]}, 1e-9)]


def constraint_checked(G, weight):
    """nx.constraint(G) (SciPy matrix path), checked against the pure-Python path, which must
    agree everywhere except at directed sinks (where the Python path returns NaN)."""
    full = nx.constraint(G, weight=weight)
    per_node = nx.constraint(G, nodes=list(G), weight=weight)
    bad = disagreeing(full, per_node, G)
    if nx.number_of_selfloops(G) > 0:
        if bad:
            raise Skip(SELF_LOOP_STRUCTURAL_HOLES.format(f="constraint", nodes=bad))
        raise Skip("graph has self-loops; see README (constraint with self-loops is not "
                   "well defined in NetworkX)")
    for v in bad:
        assert v in sinks(G) and math.isnan(per_node[v]) and not math.isnan(full[v]), v
    return full


def burt_effective_size(G, weight):
    """Burt's effective size exactly as NetworkX documents it and as its pure-Python path
    computes it (nx.effective_size(G, nodes=list(G), weight=...)), written with NetworkX's own
    networkx.algorithms.structuralholes.normalized_mutual_weight so that it also covers
    directed sinks:
        e(u) = sum_{v in N(u)} (1 - sum_{w in N(u)} p_uw * m_vw)
    N(u) = predecessors and successors, p_uw = mutual weight / sum of u's mutual weights,
    m_vw = mutual weight / v's largest mutual weight. NaN when N(u) is empty."""
    nmw = normalized_mutual_weight
    out = {}
    for u in G:
        nbrs = set(nx.all_neighbors(G, u))
        if all(v == u for v in nbrs):
            out[u] = float("nan")
            continue
        out[u] = sum(1 - sum(nmw(G, u, w, weight=weight) * nmw(G, v, w, norm=max, weight=weight)
                             for w in nbrs)
                     for v in nbrs)
    return out


def effective_size_checked(G, weight, info):
    """Burt's effective size: the values of NetworkX's pure-Python path,
    nx.effective_size(G, nodes=list(G)), except at directed sinks, where that path returns NaN
    by mistake and burt_effective_size (the same formula) is used. Checked: the formula agrees
    with the Python path everywhere else, and on undirected unweighted graphs with
    nx.effective_size(G) (SciPy path) too. The SciPy path is not the reference because it
    divides by the wrong node's largest mutual weight on weighted and directed graphs
    (networkx PR #8906)."""
    full = nx.effective_size(G, weight=weight)
    per_node = nx.effective_size(G, nodes=list(G), weight=weight)
    if nx.number_of_selfloops(G) > 0:
        bad = disagreeing(full, per_node, G)
        raise Skip(SELF_LOOP_STRUCTURAL_HOLES.format(f="effective_size", nodes=bad))
    ref = burt_effective_size(G, weight)
    info["sinks"] = disagreeing(ref, per_node, G)
    for v in info["sinks"]:
        assert v in sinks(G) and math.isnan(per_node[v]) and not math.isnan(ref[v]), v
    info["matrix"] = disagreeing(ref, full, G)
    if not G.is_directed() and weight is None:
        assert not info["matrix"]
    # NetworkX's own numbers wherever its pure-Python path is right, the formula at sinks.
    return {v: (ref[v] if v in info["sinks"] else per_node[v]) for v in G}


def effective_size_note(info):
    parts = []
    if info["matrix"]:
        parts.append(
            "Not nx.effective_size(G): with SciPy installed that call takes a matrix path which "
            "divides by the wrong node's largest mutual weight on weighted and directed graphs "
            f"(networkx PR #8906) and gives different values for {len(info['matrix'])} nodes "
            "here. These values are Burt's formula as NetworkX documents it and as its "
            "pure-Python path (nodes= given) computes it.")
    if info["sinks"]:
        parts.append(
            f"At the directed sinks {info['sinks']} (in-ties but no out-ties) the pure-Python "
            "path returns NaN by mistake (it tests successors only); the values there are the "
            "documented formula, computed with "
            "networkx.algorithms.structuralholes.normalized_mutual_weight.")
    return " ".join(parts) or None


def eigenvector_start_dependent(G, weight, x):
    """Whether NetworkX's power iteration lands elsewhere from another start vector (the
    dominant eigenvalue of A + I is not simple, e.g. equal components)."""
    ramp = {v: float(i + 1) for i, v in enumerate(G)}
    try:
        y = nx.eigenvector_centrality(G, max_iter=10000, tol=1e-12, nstart=ramp, weight=weight)
    except nx.PowerIterationFailedConvergence:
        return True
    return not close(x, y, 1e-7)


def check_sampled_sources(G, k, seed, sources):
    """The sources recorded for sampled betweenness are the ones NetworkX draws."""
    from networkx.algorithms.centrality.betweenness import (
        _accumulate_basic, _rescale, _single_source_shortest_path_basic)
    b = dict.fromkeys(G, 0.0)
    for s in sources:
        S, P, sigma, _ = _single_source_shortest_path_basic(G, s)
        b, _ = _accumulate_basic(b, S, P, sigma, s)
    b = _rescale(b, len(G), normalized=True, directed=G.is_directed(), endpoints=False,
                 sampled_nodes=sources)
    ref = nx.betweenness_centrality(G, k=k, seed=seed, normalized=True, endpoints=False)
    assert close(b, ref, 1e-12), "sampled sources do not match NetworkX's draw"


def measures_for(name, G):
    directed = G.is_directed()
    weighted = any(w is not None for _, _, w in G.edges(data="weight"))
    selfloops = nx.number_of_selfloops(G) > 0
    nodes = list(G)
    cases, skipped = [], []

    def case(measure, weight, weight_as, params, call, fn, kind="node", integer=False,
             note=None):
        entry = {"measure": measure, "weight": weight, "weightAs": weight_as,
                 "params": params, "networkx": call}
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                result = fn()
        except (nx.NetworkXException, Skip, ZeroDivisionError) as e:
            reason = str(e) if isinstance(e, Skip) else f"{type(e).__name__}: {e}"
            skipped.append(dict(entry, reason=reason))
            return None
        if callable(note):
            note = note(result)
        if note:
            entry["note"] = note
        if kind == "node":
            assert set(result) == set(nodes), (name, measure)
            entry["values"] = {v: (int(result[v]) if integer else num(result[v])) for v in nodes}
        else:
            edges = list(G.edges())
            assert set(result) == set(edges), (name, measure)
            entry["edgeValues"] = [[u, v, num(result[(u, v)])] for u, v in edges]
        cases.append(entry)
        return result

    W = "weight"
    WEIGHTS = [(None, None)] + ([(W, "distance")] if weighted else [])
    STRENGTHS = [(None, None)] + ([(W, "strength")] if weighted else [])

    def wstr(w):
        return "None" if w is None else "'weight'"

    # Degree.
    case("degree", None, None, {}, "nx.degree_centrality(G)", lambda: nx.degree_centrality(G))
    if directed:
        case("in-degree", None, None, {}, "nx.in_degree_centrality(G)",
             lambda: nx.in_degree_centrality(G))
        case("out-degree", None, None, {}, "nx.out_degree_centrality(G)",
             lambda: nx.out_degree_centrality(G))
    for w, wa in STRENGTHS:
        case("strength", w, wa, {}, f"dict(G.degree(weight={wstr(w)}))",
             lambda w=w: dict(G.degree(weight=w)))

    # Closeness and harmonic (weights are lengths).
    for w, wa in WEIGHTS:
        case("closeness", w, wa, {"wf_improved": True},
             f"nx.closeness_centrality(G, distance={wstr(w)}, wf_improved=True)",
             lambda w=w: nx.closeness_centrality(G, distance=w, wf_improved=True))
    for w, wa in WEIGHTS:
        case("harmonic", w, wa, {}, f"nx.harmonic_centrality(G, distance={wstr(w)})",
             lambda w=w: nx.harmonic_centrality(G, distance=w))

    # Betweenness (weights are lengths).
    for w, wa in WEIGHTS:
        for norm, ends in ((True, False), (False, False), (True, True)):
            case("betweenness", w, wa, {"normalized": norm, "endpoints": ends},
                 f"nx.betweenness_centrality(G, normalized={norm}, endpoints={ends}, "
                 f"weight={wstr(w)})",
                 lambda w=w, norm=norm, ends=ends: nx.betweenness_centrality(
                     G, normalized=norm, endpoints=ends, weight=w))
    for w, wa in WEIGHTS:
        for norm in (True, False):
            case("edge-betweenness", w, wa, {"normalized": norm},
                 f"nx.edge_betweenness_centrality(G, normalized={norm}, weight={wstr(w)})",
                 lambda w=w, norm=norm: nx.edge_betweenness_centrality(
                     G, normalized=norm, weight=w),
                 kind="edge")
    if name in SAMPLED:
        k, seed = SAMPLED[name]
        sources = random.Random(seed).sample(list(G.nodes()), k)  # what NetworkX draws
        check_sampled_sources(G, k, seed, sources)
        for norm, ends in ((True, False), (False, False), (True, True)):
            case("betweenness", None, None,
                 {"normalized": norm, "endpoints": ends, "k": k, "seed": seed,
                  "sources": sources},
                 f"nx.betweenness_centrality(G, k={k}, seed={seed}, normalized={norm}, "
                 f"endpoints={ends})",
                 lambda norm=norm, ends=ends: nx.betweenness_centrality(
                     G, k=k, seed=seed, normalized=norm, endpoints=ends))
        for norm in (True, False):
            case("edge-betweenness", None, None,
                 {"normalized": norm, "k": k, "seed": seed, "sources": sources},
                 f"nx.edge_betweenness_centrality(G, k={k}, seed={seed}, normalized={norm})",
                 lambda norm=norm: nx.edge_betweenness_centrality(
                     G, k=k, seed=seed, normalized=norm),
                 kind="edge")

    # Spectral measures (weights are strengths).
    def eigenvector(w):
        try:
            return nx.eigenvector_centrality(G, max_iter=10000, tol=1e-12, weight=w)
        except nx.PowerIterationFailedConvergence:
            raise Skip("nx.eigenvector_centrality did not converge in 10000 iterations "
                       "(tol=1e-12)")
    for w, wa in STRENGTHS:
        case("eigenvector", w, wa, {},
             f"nx.eigenvector_centrality(G, max_iter=10000, tol=1e-12, weight={wstr(w)})",
             lambda w=w: eigenvector(w),
             note=lambda x, w=w: (
                 "The dominant eigenvalue of A + I is not simple here, so the result depends "
                 "on the start vector: NetworkX starts from the uniform vector and iterates "
                 "x <- (A^T + I) x, normalised to unit Euclidean length."
                 if eigenvector_start_dependent(G, w, x) else None))

    for w, wa in STRENGTHS:
        case("pagerank", w, wa, {"alpha": 0.85},
             f"nx.pagerank(G, alpha=0.85, tol=1e-12, max_iter=10000, weight={wstr(w)})",
             lambda w=w: nx.pagerank(G, alpha=0.85, tol=1e-12, max_iter=10000, weight=w))
    pers = [nodes[0], nodes[-1]]
    w, wa = STRENGTHS[-1]
    case("pagerank", w, wa, {"alpha": 0.85, "personalization": pers},
         f"nx.pagerank(G, alpha=0.85, personalization={{{pers[0]!r}: 1, {pers[1]!r}: 1}}, "
         f"tol=1e-12, max_iter=10000, weight={wstr(w)})",
         lambda: nx.pagerank(G, alpha=0.85, personalization={pers[0]: 1, pers[1]: 1},
                             tol=1e-12, max_iter=10000, weight=w))

    for w, wa in STRENGTHS:
        rho = spectral_radius(G, w)
        alpha = next((a for a in KATZ_ALPHAS if a * rho < 1 - 1e-9), None)
        call = (f"nx.katz_centrality(G, alpha={alpha}, beta=1.0, tol=1e-12, max_iter=100000, "
                f"normalized=True, weight={wstr(w)})")

        def katz(w=w, alpha=alpha, rho=rho):
            if alpha is None:
                raise Skip(f"spectral radius of A is {rho}: every alpha in {KATZ_ALPHAS} is "
                           ">= 1/rho, so the Katz iteration diverges")
            try:
                return nx.katz_centrality(G, alpha=alpha, beta=1.0, tol=1e-12, max_iter=100000,
                                          normalized=True, weight=w)
            except nx.PowerIterationFailedConvergence:
                raise Skip(f"nx.katz_centrality did not converge (alpha={alpha})")
        case("katz", w, wa, {"alpha": alpha, "beta": 1.0, "normalized": True}, call, katz,
             note=(None if alpha in (None, 0.1) else
                   f"alpha=0.1 cannot converge here: the spectral radius of A is {rho!r} "
                   f"(1/rho = {1 / rho!r}); the largest alpha in {KATZ_ALPHAS} below 1/rho "
                   "is used."))

    # HITS. nx.hits always reads the 'weight' attribute; the unweighted case runs on a copy
    # without weights.
    hits_variants = [(None, None, unweighted_copy(G) if weighted else G)]
    if weighted:
        hits_variants.append((W, "strength", G))
    for w, wa, H in hits_variants:
        gname = "G_unweighted" if (weighted and w is None) else "G"
        call = (f"nx.hits({gname}, max_iter=10000, tol=1e-12, nstart={{n: 1/len(G) for n in G}},"
                f" normalized=True)")
        box = {}

        def run_hits(H=H, box=box):
            if "r" not in box:
                try:
                    box["r"] = hits_checked(H)
                except Skip as e:
                    box["r"] = e
            if isinstance(box["r"], Exception):
                raise box["r"]
            return box["r"]
        hnote = ("nx.hits always reads the 'weight' edge attribute; this unweighted case ran on "
                 "G_unweighted, a copy of G without weights." if gname == "G_unweighted"
                 else None)
        case("hubs", w, wa, {"normalized": True}, call + "[0]", lambda f=run_hits: f()[0],
             note=hnote)
        case("authorities", w, wa, {"normalized": True}, call + "[1]",
             lambda f=run_hits: f()[1], note=hnote)

    # Structural holes (weights are strengths).
    for w, wa in STRENGTHS:
        case("constraint", w, wa, {}, f"nx.constraint(G, weight={wstr(w)})",
             lambda w=w: constraint_checked(G, w))
        info = {}
        case("effective-size", w, wa, {},
             f"nx.effective_size(G, nodes=list(G), weight={wstr(w)})",
             lambda w=w, info=info: effective_size_checked(G, w, info),
             note=lambda r, info=info: effective_size_note(info))

    # Clustering (weights are strengths, scaled by the largest weight).
    for w, wa in STRENGTHS:
        case("clustering", w, wa, {}, f"nx.clustering(G, weight={wstr(w)})",
             lambda w=w: nx.clustering(G, weight=w))

    # k-cores.
    case("core-number", None, None, {}, "nx.core_number(G)", lambda: nx.core_number(G),
         integer=True)

    assert not (selfloops and any(c["measure"] == "core-number" for c in cases))
    return cases, skipped


def structure(G):
    directed = G.is_directed()
    U = nx.Graph()
    U.add_nodes_from(G)
    U.add_edges_from(G.edges())
    comps = list(nx.connected_components(U))
    largest = max(comps, key=len)  # first largest in NetworkX's component order
    L = U.subgraph(largest)
    s = {
        "nodes": G.number_of_nodes(),
        "edges": G.number_of_edges(),
        "density": float(nx.density(G)),
        "components": (nx.number_weakly_connected_components(G) if directed
                       else nx.number_connected_components(G)),
    }
    if directed:
        s["strongComponents"] = nx.number_strongly_connected_components(G)
    s["largestComponent"] = len(largest)
    s["isolates"] = [v for v in G if G.degree(v) == 0]
    assert s["isolates"] == sorted(nx.isolates(G), key=list(G).index)
    s["articulationPoints"] = sorted(nx.articulation_points(U))
    s["bridges"] = sorted(sorted([u, v]) for u, v in nx.bridges(U))
    if not directed:
        s["averageClustering"] = float(nx.average_clustering(G))
        s["transitivity"] = float(nx.transitivity(G))
    s["diameter"] = nx.diameter(L)
    s["radius"] = nx.radius(L)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            r = nx.degree_assortativity_coefficient(G)
        s["degreeAssortativity"] = num(r)
    except (nx.NetworkXException, ZeroDivisionError, ValueError):
        s["degreeAssortativity"] = None
    return s


# --------------------------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------------------------

def dumps(obj, level=0):
    """JSON with one element per line, except that any array or object whose compact form fits
    in 100 characters stays on one line (edges, params, ...) and long arrays of plain values
    (node lists) are packed several to a line. Floats use repr."""
    compact = json.dumps(obj, ensure_ascii=False, allow_nan=False, separators=(", ", ": "))
    if not isinstance(obj, (dict, list)) or len(compact) <= 100 or not obj:
        return compact
    pad = " " * (level + 1)
    if isinstance(obj, dict):
        items = [f"{pad}{json.dumps(k, ensure_ascii=False)}: {dumps(v, level + 1)}"
                 for k, v in obj.items()]
        return "{\n" + ",\n".join(items) + "\n" + " " * level + "}"
    if all(not isinstance(v, (dict, list)) for v in obj):  # pack scalars, ~100 per line
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


def main():
    if nx.__version__ != NETWORKX_VERSION and "--any-version" not in sys.argv:
        sys.exit(f"NetworkX {NETWORKX_VERSION} required, found {nx.__version__} "
                 "(pass --any-version to run anyway)")
    os.makedirs(OUT, exist_ok=True)
    summary = []
    for name, about, G in graphs():
        nodes, edges = spec_of(G)
        measures, skipped = measures_for(name, G)
        doc = {
            "name": name,
            "about": about,
            "directed": G.is_directed(),
            "nodes": nodes,
            "edges": [[u, v, w] for u, v, w in edges],
            "measures": measures,
            "skipped": skipped,
            "structure": structure(G),
        }
        text = dumps(doc) + "\n"
        assert json.loads(text) == json.loads(json.dumps(doc, allow_nan=False))
        with open(os.path.join(OUT, name + ".json"), "w", encoding="utf-8") as f:
            f.write(text)
        weighted = any(w is not None for _, _, w in edges)
        assert all((w is not None) == weighted for _, _, w in edges), name
        summary.append((name, len(nodes), len(edges), len(measures), len(skipped),
                        G.is_directed(), weighted))
    table = ["", "| file | directed | weighted | nodes | edges | cases | skipped |",
             "|---|---|---|---|---|---|---|"]
    for name, n, m, c, k, directed, weighted in summary:
        table.append(f"| `{name}.json` | {'yes' if directed else 'no'} | "
                     f"{'yes' if weighted else 'no'} | {n} | {m} | {c} | {k} |")
    with open(os.path.join(OUT, "README.md"), "w", encoding="utf-8") as f:
        f.write(README.format(version=nx.__version__) + "\n".join(table) + "\n\n"
                "Each file's `about` says where the graph comes from; each skipped case "
                "carries its reason.\n")
    for name, n, m, c, k, _, _ in summary:
        print(f"{name:32s} nodes {n:4d} edges {m:4d} cases {c:3d} skipped {k:2d}")


README = """\
# NetworkX reference fixtures

Written by `scripts/make_fixtures.py` (run `python3 scripts/make_fixtures.py` from the repository
root; do not edit these files by hand). Values come from NetworkX {version}; they define
correctness for PartnerGraphAlgorithms: closed-form measures must agree to 1e-9 relative,
iterative ones (eigenvector, PageRank, Katz, HITS) to 1e-6 relative. The script is
deterministic (it re-runs itself with `PYTHONHASHSEED=0`; random graphs use fixed seeds), so
re-running it rewrites identical bytes.

## File format

One JSON file per graph, `<name>.json`:

```
{{
  "name": "karate-club",
  "about": "what the graph is and where it comes from",
  "directed": false,
  "nodes": ["0", "1", ...],
  "edges": [["0", "1", 4.0], ...],
  "measures": [ case, ... ],
  "skipped": [ skipped case, ... ],
  "structure": {{ ... }}
}}
```

- `nodes`: node ids (always strings; integer-labelled NetworkX graphs were relabelled with
  `str()` before anything was computed), in NetworkX's node order.
- `edges`: `[source, target, weight]` in NetworkX's `G.edges` order; `weight` is a number, or
  `null` on unweighted graphs (a graph is weighted when every edge has a weight). Undirected
  edges appear once, in the orientation `G.edges` reports. Self-loops appear as `[u, u, w]`.
  There are no parallel edges. Building a NetworkX graph by adding `nodes`, then `edges`, in
  list order reproduces exactly the graph every value was computed on.
- `measures`: one object per case:
  - `measure`: `degree`, `in-degree`, `out-degree`, `strength`, `closeness`, `harmonic`,
    `betweenness`, `edge-betweenness`, `eigenvector`, `pagerank`, `katz`, `hubs`,
    `authorities`, `constraint`, `effective-size`, `clustering`, `core-number`.
  - `weight`: `null` (every edge counts 1) or `"weight"` (the edges' third item is used).
  - `weightAs`: `null` when unweighted; `"distance"` when NetworkX reads the weight as a length
    (closeness, harmonic, betweenness, edge-betweenness: path length = sum of weights);
    `"strength"` when it reads it as a tie strength (strength, eigenvector, PageRank, Katz,
    HITS, constraint, effective size, clustering). A PartnerGraph test builds its
    `CompactGraph` with the matching `WeightMeaning`.
  - `params`: every parameter that changes the result, spelled as NetworkX spells it
    (`normalized`, `endpoints`, `wf_improved`, `alpha`, `beta`, `personalization`, `k`,
    `seed`, `sources`). Several cases may share `measure` and `weight`; tell them apart by
    `params`. Convergence settings (`tol`, `max_iter`) are only in `networkx`.
  - `networkx`: the NetworkX expression that produced the values.
  - `note` (optional): anything unusual about this case; read it.
  - `values` (node measures): `{{"node id": number or null}}` for every node, in node order.
  - `edgeValues` (edge-betweenness): `[[source, target, number], ...]`, one per edge, in the
    order and orientation of `edges`.
- `skipped`: cases NetworkX refuses or for which it has no trustworthy value, each with the
  case's `measure`, `weight`, `weightAs`, `params`, `networkx` and a `reason`.
- `structure`: `nodes`, `edges` (self-loops count), `density` (`nx.density(G)`, self-loops
  count as edges), `components` (connected, or weakly connected when directed),
  `strongComponents` (directed only), `largestComponent` (its size), `isolates` (degree-0
  nodes in node order; a node whose only edge is a self-loop is not an isolate),
  `articulationPoints` (sorted ids), `bridges` (`[u, v]` pairs with u < v, sorted),
  `averageClustering` and `transitivity` (undirected only; unweighted), `diameter` and
  `radius` (of the largest connected component of the undirected, unweighted version; when two
  components tie for largest, the one containing the earlier node in node order), and
  `degreeAssortativity` (`nx.degree_assortativity_coefficient(G)`, on directed graphs with
  NetworkX's default x='out', y='in'; `null` where it is undefined, e.g. regular graphs).
  Articulation points and bridges are computed on the undirected version. "Sorted" means
  sorted by Unicode code point (all ids are ASCII, so Swift's `String <` agrees).

Numbers are written with Python's `repr` (shortest round-trip form), so they parse back to the
exact doubles NetworkX computed. Integers (counts, core numbers) are written without a decimal
point. NaN is not valid JSON: where NetworkX returns NaN (constraint and effective size of a node
without neighbours) the value is `null`. No value is infinite.

## Cases on every graph

| measure | weight | params | NetworkX |
|---|---|---|---|
| degree | – | | `nx.degree_centrality(G)` |
| in-degree, out-degree (directed) | – | | `nx.in_degree_centrality(G)`, `nx.out_degree_centrality(G)` |
| strength | –, strength | | `dict(G.degree(weight=...))` |
| closeness | –, distance | wf_improved | `nx.closeness_centrality(G, distance=..., wf_improved=True)` |
| harmonic | –, distance | | `nx.harmonic_centrality(G, distance=...)` |
| betweenness | –, distance | normalized, endpoints: (T,F), (F,F), (T,T) | `nx.betweenness_centrality` |
| edge-betweenness | –, distance | normalized: T, F | `nx.edge_betweenness_centrality` |
| betweenness / edge-betweenness, sampled (karate-club, directed-gnp-50-weighted) | – | k=10, seed=42, sources | same, with `k` and `seed` |
| eigenvector | –, strength | | `nx.eigenvector_centrality(G, max_iter=10000, tol=1e-12)` |
| pagerank | –, strength | alpha; one case with personalization | `nx.pagerank(G, alpha=0.85, tol=1e-12, max_iter=10000)` |
| katz | –, strength | alpha, beta, normalized | `nx.katz_centrality(G, alpha, beta=1.0, tol=1e-12, max_iter=100000)` |
| hubs, authorities | –, strength | normalized | `nx.hits(G, max_iter=10000, tol=1e-12, nstart=uniform)` |
| constraint | –, strength | | `nx.constraint(G)` |
| effective-size | –, strength | | Burt's formula; see below |
| clustering | –, strength | | `nx.clustering(G, weight=...)` (directed graphs too) |
| core-number | – | | `nx.core_number(G)` (graphs without self-loops) |

"–" is the unweighted case; weighted cases exist only on weighted graphs. `personalization` is a
list of node ids, each given weight 1 (NetworkX then normalises the vector to sum 1); the
personalized case uses the graph's weights if it has any. Katz uses `alpha` = 0.1 unless that
diverges (alpha must be below 1/spectral radius of A), in which case the next of 0.05, 0.02,
0.01, ... that converges; the alpha used is in `params` and a `note` gives the spectral radius.

## What NetworkX does (read before implementing)

Degree and strength
- `degree_centrality` = degree / (n - 1) (total degree in + out on directed graphs). A
  self-loop adds 2 to the degree (1 to in-degree and 1 to out-degree), so values can exceed 1.
  A graph with one node gets 1.
- `strength` = `G.degree(weight=...)`: sum of incident weights; a self-loop's weight counts
  twice. Unweighted strength is the plain degree.

Closeness and harmonic
- Directed graphs use *incoming* distances: closeness and harmonic of u are computed from
  d(v, u), the distance from every other node v *to* u (NetworkX reverses the graph).
- closeness(u) = (r - 1) / sum of distances, times (r - 1) / (n - 1) (`wf_improved=True`),
  where r counts the nodes that reach u, u included. 0 when no other node reaches u.
- harmonic(u) = sum over v != u of 1 / d(v, u) (unreachable nodes add 0); not normalised.
- Weighted variants use the weight as the length (Dijkstra).

Betweenness
- Shortest paths are counted per ordered pair (s, t) by BFS/Dijkstra from each source s.
  Weighted: lengths are summed outward from the source (`dist(v) + w(v, x)`) in doubles and
  equal lengths are detected with `==`. Do the same (no epsilon, no symmetry shortcut): see
  `weighted-6`, where the pair a, d has one shortest path from a and two from d.
- Node betweenness, endpoints=False: normalized = raw / ((n-1)(n-2)) on directed *and*
  undirected graphs, where raw sums over ordered pairs; unnormalized = raw / 2 on undirected,
  raw on directed. endpoints=True adds the path endpoints (s gets r - 1 for each source, every
  reached t gets 1) and normalized uses n(n-1) instead of (n-1)(n-2). No rescaling when
  N < 2 (N = n - 1 without endpoints, n with).
- Edge betweenness: normalized = raw / (n(n-1)) on both directed and undirected graphs
  (raw over ordered pairs; for undirected this equals the unordered count / (n(n-1)/2));
  unnormalized = raw / 2 on undirected, raw on directed. Self-loop edges get 0.
- Sampled (`k` sources; NetworkX draws them with `random.Random(seed).sample(list(G), k)`,
  recorded in `params.sources`; feed those sources, don't try to reproduce the draw). Only
  those sources are run, then: edge betweenness, and node betweenness with endpoints=True:
  normalized = raw / (k(n-1)), unnormalized = raw * n / k, halved on undirected graphs (all
  nodes alike). Node betweenness with endpoints=False: a node that was itself a source is scaled by
  1 / ((k-1)(n-2)) and any other node by 1 / (k(n-2)) (normalized), or by (n-1) / (k-1) and
  (n-1) / k, halved on undirected graphs (unnormalized).
- Self-loops never lie on a shortest path.

Eigenvector
- Directed graphs use in-edges: x(v) grows with the scores of nodes pointing *to* v
  (x <- A^T x). NetworkX iterates x <- (A^T + I) x from the uniform vector, normalising to unit
  Euclidean length each step, until sum |change| < n * tol; the result has Euclidean norm 1.
  The + I shift makes bipartite graphs converge. A self-loop adds w * x(v) to x(v) once.
- DAGs do not converge (directed-path-5 is skipped).

PageRank
- An undirected edge is two arcs. A self-loop is one arc u -> u (its weight counts once in the
  out-weight, unlike in `strength`). Dangling nodes (out-weight 0) spread their score by the
  personalization vector (uniform when there is none). Scores sum to 1.

Katz
- x <- alpha * A^T x + beta from x = 0 (in-edges on directed graphs), then the vector is scaled
  to unit Euclidean length (`normalized=True`). A self-loop counts once.

HITS
- `nx.hits` computes the dominant singular vectors of A with ARPACK and then divides hubs and
  authorities each by their sum. It always reads the `weight` attribute (so the unweighted case
  on a weighted graph ran on a copy without weights). Without `nstart` ARPACK starts from a
  random vector, so the script passes a uniform `nstart`. Where the dominant singular value is
  not simple (bipartite undirected graphs such as paths, stars and davis-southern-women;
  directed cycles and paths) HITS is not unique and NetworkX returns an arbitrary vector (even
  negative scores); those cases are skipped. Every kept case was checked against NetworkX's
  power iteration (`_hits_python`) from two different start vectors. On undirected graphs hubs
  equal authorities.

Constraint and effective size (Burt)
- N(u) = predecessors and successors of u. The mutual weight of u and v is
  a(u,v) + a(v,u) (so 2w on an undirected edge, w + w' on a reciprocated arc pair, w on a
  one-way arc); p(u,v) = mutual weight / sum of u's mutual weights.
- constraint(u) = sum over v in N(u) of (p(u,v) + sum over w in N(u) of p(u,w) p(w,v))^2.
  Values are `nx.constraint(G)`. (NetworkX's pure-Python path, used when `nodes=` is given,
  wrongly returns NaN at directed sinks; the matrix path used here does not.)
- effective size(u) = sum over v in N(u) of (1 - sum over w in N(u) of p(u,w) m(v,w)), with
  m(v,w) = mutual weight of v and w / v's largest mutual weight. Values are this formula, as
  NetworkX documents it and as its pure-Python path computes it. They are **not**
  `nx.effective_size(G)`: with SciPy installed that call takes a matrix path that divides by
  w's largest mutual weight instead of v's (an open NetworkX bug, networkx PR #8906), which
  changes the result on weighted graphs and on directed graphs with reciprocated arcs. On
  undirected unweighted graphs the two agree (checked). At directed sinks the pure-Python path
  returns NaN by mistake; the formula is used there too (see the case's `note`).
- Nodes without neighbours give NaN, written `null`.
- Self-loops: NetworkX counts a self-loop as a tie of the ego to itself, and its two code
  paths disagree on graphs with self-loops (nodes whose only tie is a self-loop come out NaN
  or 4.0 depending on the path and on whether the loop weighs 1). Both measures are skipped on
  `self-loops` and `directed-self-loop`.
- Weights are strengths.

Clustering
- Self-loops are ignored when finding neighbours and triangles.
- Undirected: c(u) = 2T / (d(d-1)). Weighted (Onnela): T is the sum over triangles of the cube
  root of the product of the three weights, each divided by the largest weight of *any* edge in
  the graph, self-loops included (see `self-loops`, where the heaviest edge is a self-loop).
- Directed (Fagiolo): c(u) = T / (2 (d_tot (d_tot - 1) - 2 d_bi)), d_tot = in + out degree,
  d_bi = reciprocated neighbours, T = directed triangles through u (weighted: cube roots of
  normalised weight products, same largest-weight scaling).
- 0 when there is no triangle.

Core number
- Degree = in + out on directed graphs, neighbours are predecessors and successors. NetworkX
  refuses graphs with self-loops (skipped there).

## Graphs
"""


if __name__ == "__main__":
    main()
