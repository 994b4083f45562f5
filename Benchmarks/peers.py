#!/usr/bin/env python3
"""Runs one measure with one peer library (NetworkX, python-igraph or NetworKit) on one edge list.

Called by Benchmarks/run.py, one process per run so that a slow run can be stopped and memory
does not pile up. Loading is not timed; only the algorithm call is. Prints one JSON object.

    python3 peers.py --library igraph --graph FILE --measure betweenness [--weighted distance]
        [--threads 1] [--repeats 3] [--repeat-below 2] [--warm-up 0.25] [--values OUT.f64] [--source 0]

Values are written as float64 in node order, on the same scale as PartnerGraph's (NetworkX's
conventions: normalised betweenness, Wasserman–Faust closeness, unnormalised harmonic ...), so
that run.py can compare them directly.
"""

import argparse
import json
import math
import os
import resource
import statistics
import sys
import time

import numpy as np

LIBRARIES = ("networkx", "igraph", "networkit")


def read_edge_list(path, weighted):
    """The edge list written by run.py: a '# nodes=N ...' header, then 'u v [w]' lines."""
    with open(path) as f:
        header = f.readline()
        n = int(header.split("nodes=")[1].split()[0])
        data = np.array(f.read().split(), dtype=np.float64)
    cols = 3 if "weighted=1" in header else 2
    data = data.reshape(-1, cols)
    u = data[:, 0].astype(np.int64)
    v = data[:, 1].astype(np.int64)
    w = data[:, 2].copy() if (weighted and cols == 3) else None
    return n, u, v, w


def load(library, path, weighted):
    n, u, v, w = read_edge_list(path, weighted)
    if library == "networkx":
        import networkx as nx
        g = nx.Graph()
        g.add_nodes_from(range(n))
        if w is None:
            g.add_edges_from(zip(u.tolist(), v.tolist()))
        else:
            g.add_weighted_edges_from(zip(u.tolist(), v.tolist(), w.tolist()))
        return g, n
    if library == "igraph":
        import igraph as ig
        g = ig.Graph(n=n, edges=np.column_stack([u, v]).tolist(), directed=False)
        if w is not None:
            g.es["weight"] = w.tolist()
        return g, n
    if library == "networkit":
        import networkit as nk
        g = nk.Graph(n, weighted=w is not None, directed=False)
        if w is None:
            g.addEdges((u, v))
        else:
            g.addEdges((w, (u, v)))
        return g, n
    raise SystemExit(f"unknown library {library}")


def component_sizes(membership):
    counts = np.bincount(membership)
    return counts[membership]


def run_networkx(g, n, measure, weighted, args):
    import networkx as nx
    wt = "weight" if weighted else None
    if measure in ("betweenness", "betweenness-weighted"):
        return lambda: nx.betweenness_centrality(g, weight=wt), "dict"
    if measure in ("closeness", "closeness-weighted"):
        return lambda: nx.closeness_centrality(g, distance=wt), "dict"
    if measure == "harmonic":
        return lambda: nx.harmonic_centrality(g, distance=wt), "dict"
    if measure == "pagerank":
        return lambda: nx.pagerank(g, weight=wt, tol=args.tolerance), "dict"
    if measure == "eigenvector":
        return lambda: nx.eigenvector_centrality(g, weight=wt, max_iter=10000, tol=args.tolerance), "dict"
    if measure == "components":
        def f():
            label = np.empty(n)
            for i, c in enumerate(nx.connected_components(g)):
                for x in c:
                    label[x] = i
            return label
        return f, "array"
    if measure == "sssp":
        if weighted:
            return lambda: nx.single_source_dijkstra_path_length(g, args.source, weight="weight"), "dict-inf"
        return lambda: nx.single_source_shortest_path_length(g, args.source), "dict-inf"
    if measure == "core-number":
        return lambda: nx.core_number(g), "dict"
    if measure == "louvain":
        def f():
            parts = nx.community.louvain_communities(g, weight=wt, seed=args.seed)
            label = np.empty(n)
            for i, c in enumerate(parts):
                for x in c:
                    label[x] = i
            return label
        return f, "array"
    if measure == "k-shortest-paths":
        import itertools
        def f():
            paths = itertools.islice(nx.shortest_simple_paths(g, args.source, args.target, weight=wt), args.k)
            if wt is None:
                return np.array([len(p) - 1 for p in paths], dtype=float)
            return np.array([nx.path_weight(g, p, "weight") for p in paths], dtype=float)
        return f, "array"
    return None, None


def run_igraph(g, n, measure, weighted, args):
    wt = "weight" if weighted else None
    scale = 2.0 / ((n - 1) * (n - 2)) if n > 2 else 1.0
    if measure in ("betweenness", "betweenness-weighted"):
        return lambda: np.array(g.betweenness(directed=False, weights=wt)) * scale, "array"
    if measure in ("closeness", "closeness-weighted"):
        # igraph's closeness uses the reached nodes only; NetworkX's wf_improved scales by
        # (r - 1) / (n - 1). Component sizes are part of the call so that the timing is fair.
        def f():
            c = np.nan_to_num(np.array(g.closeness(weights=wt), dtype=float))
            r = component_sizes(np.array(g.connected_components().membership))
            return c * (r - 1) / (n - 1)
        return f, "array"
    if measure == "harmonic":
        return lambda: np.array(g.harmonic_centrality(weights=wt, normalized=False)), "array"
    if measure == "pagerank":
        return lambda: np.array(g.pagerank(weights=wt)), "array"
    if measure == "eigenvector":
        return lambda: np.array(g.eigenvector_centrality(weights=wt, scale=True)), "array"
    if measure == "components":
        return lambda: np.array(g.connected_components().membership, dtype=float), "array"
    if measure == "sssp":
        return lambda: np.array(g.distances(source=args.source, weights=wt)[0], dtype=float), "array"
    if measure == "core-number":
        return lambda: np.array(g.coreness(), dtype=float), "array"
    if measure == "louvain":
        return lambda: np.array(g.community_multilevel(weights=wt).membership, dtype=float), "array"
    if measure == "leiden":
        # Two passes, igraph's default and PartnerGraph's.
        return lambda: np.array(g.community_leiden(objective_function="modularity", weights=wt,
                                                   n_iterations=2).membership, dtype=float), "array"
    if measure == "k-shortest-paths":
        def f():
            paths = g.get_k_shortest_paths(args.source, to=args.target, k=args.k, weights=wt, output="epath")
            if wt is None:
                return np.array([len(p) for p in paths], dtype=float)
            ws = g.es["weight"]
            return np.array([sum(ws[e] for e in p) for p in paths], dtype=float)
        return f, "array"
    return None, None


def run_networkit(g, n, measure, weighted, args):
    import networkit as nk
    nk.setNumberOfThreads(args.threads)
    if measure in ("betweenness", "betweenness-weighted"):
        return lambda: np.array(nk.centrality.Betweenness(g, normalized=True).run().scores()), "array"
    if measure in ("closeness", "closeness-weighted"):
        return lambda: np.array(nk.centrality.Closeness(g, True, nk.centrality.ClosenessVariant.GENERALIZED).run().scores()), "array"
    if measure == "harmonic":
        return lambda: np.array(nk.centrality.HarmonicCloseness(g, normalized=False).run().scores()), "array"
    if measure == "pagerank":
        return lambda: np.array(nk.centrality.PageRank(g, damp=0.85, tol=args.tolerance).run().scores()), "array"
    if measure == "eigenvector":
        return lambda: np.array(nk.centrality.EigenvectorCentrality(g, tol=args.tolerance).run().scores()), "array"
    if measure == "components":
        def f():
            cc = nk.components.ConnectedComponents(g)
            cc.run()
            return np.array(cc.getPartition().getVector(), dtype=float)
        return f, "array"
    if measure == "sssp":
        def f():
            algo = nk.distance.Dijkstra(g, args.source, storePaths=False) if weighted else nk.distance.BFS(g, args.source, storePaths=False)
            d = np.array(algo.run().getDistances(), dtype=float)
            d[d > 1e300] = math.inf
            return d
        return f, "array"
    if measure == "core-number":
        return lambda: np.array(nk.centrality.CoreDecomposition(g).run().scores()), "array"
    if measure == "louvain":
        return lambda: np.array(nk.community.PLM(g, refine=False).run().getPartition().getVector(), dtype=float), "array"
    if measure == "leiden":
        return lambda: np.array(nk.community.ParallelLeiden(g).run().getPartition().getVector(), dtype=float), "array"
    return None, None


def load_file(library, path, repeats=3):
    """Times reading a whitespace-separated 'name name weight' file (NCOL) into a graph."""
    times = []
    for _ in range(repeats):
        s = time.perf_counter()
        if library == "igraph":
            import igraph as ig
            g = ig.Graph.Read_Ncol(path, names=True, weights=True, directed=False)
            size = (g.vcount(), g.ecount())
        elif library == "networkx":
            import networkx as nx
            g = nx.read_weighted_edgelist(path)
            size = (g.number_of_nodes(), g.number_of_edges())
        else:
            import networkit as nk
            g = nk.graphio.EdgeListReader(" ", 0, continuous=False, directed=False).read(path)
            size = (g.numberOfNodes(), g.numberOfEdges())
        times.append(time.perf_counter() - s)
        del g
        if times[-1] > 10:
            break
    print(json.dumps({"library": library, "measure": "load", "file": path, "seconds": statistics.median(times),
                      "times": times, "nodes": size[0], "edges": size[1],
                      "peak_rss_bytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024}))
    return 0


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "load":
        return load_file(sys.argv[2], sys.argv[3])
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--library", required=True, choices=LIBRARIES)
    p.add_argument("--graph", required=True)
    p.add_argument("--measure", required=True)
    p.add_argument("--weighted", default="none", choices=["none", "strength", "distance"])
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--repeats", type=int, default=3)
    p.add_argument("--repeat-below", type=float, default=2.0)
    p.add_argument("--warm-up", type=float, default=0.25,
                   help="repeat a first run shorter than this many seconds untimed until they pass")
    p.add_argument("--values")
    p.add_argument("--source", type=int, default=0)
    p.add_argument("--target", type=int, default=1)
    p.add_argument("--k", type=int, default=10)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--tolerance", type=float, default=1e-9)
    args = p.parse_args()

    weighted = args.weighted != "none"
    t0 = time.perf_counter()
    try:
        g, n = load(args.library, args.graph, weighted)
    except ImportError as e:
        print(json.dumps({"error": f"{args.library} is not installed ({e})", "code": "missing"}))
        return 3
    load_seconds = time.perf_counter() - t0
    runner = {"networkx": run_networkx, "igraph": run_igraph, "networkit": run_networkit}[args.library]
    call, kind = runner(g, n, args.measure, weighted, args)
    if call is None:
        print(json.dumps({"error": f"{args.library} has no {args.measure}", "code": "unsupported"}))
        return 3

    times = []
    result = None
    # Warm-up, as PartnerGraphBenchmark: a first run shorter than --warm-up seconds is repeated
    # untimed until that much time has passed; a longer one is the first timed repeat.
    warmed = 0.0
    while warmed < args.warm_up:
        s = time.perf_counter()
        result = call()
        e = time.perf_counter() - s
        if warmed == 0 and e >= args.warm_up:
            times.append(e)
            break
        warmed += e
    while len(times) < max(1, args.repeats) and not (len(times) == 1 and times[0] > args.repeat_below):
        s = time.perf_counter()
        result = call()
        times.append(time.perf_counter() - s)

    if kind in ("dict", "dict-inf"):
        values = np.full(n, math.inf if kind == "dict-inf" else 0.0)
        for k, x in result.items():
            values[k] = x
    else:
        values = np.asarray(result, dtype=float)
    report = {
        "library": args.library, "measure": args.measure, "graph": args.graph, "threads": args.threads,
        "seconds": statistics.median(times), "times": times, "load_seconds": load_seconds,
        "peak_rss_bytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
        "value_count": int(values.size),
    }
    if args.values:
        values.astype("<f8").tofile(args.values)
        report["values_file"] = args.values
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
