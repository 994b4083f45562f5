#!/usr/bin/env python3
"""PartnerGraph against NetworkX, python-igraph and NetworKit, side by side in one run.

    python3 Benchmarks/run.py            # the full benchmark (about an hour on 2 cores)
    python3 Benchmarks/run.py --quick    # graphs up to 10,000 nodes, 120 s bound (about 20 minutes)

What it does:
  1. generates the graphs with a fixed seed into Benchmarks/.cache/ (once; not in git):
     Barabási–Albert n = 1,000 / 10,000 / 100,000 with m = 5 (networkx.barabasi_albert_graph),
     and organisations projected from an affiliation network (organisations × programmes,
     weight = number of shared programmes) for 10,000 and 100,000 organisations;
  2. builds the benchmark package in release mode (swift build -c release --package-path Benchmarks);
  3. runs each measure on each graph with PartnerGraph on 1 and 2 threads and with every peer
     that is installed (NetworKit on 1 and 2 threads), one process per run, timing only the
     algorithm (median of up to --repeats runs; a run over 2 s is not repeated; runs under
     0.25 s are first repeated untimed for 0.25 s, for every library alike — on this 2-core
     virtual machine the second processor runs two-thread work slowly for its first ~0.1 s);
  4. skips a run whose estimated time (from the same library on the next smaller graph, scaled
     by the algorithm's complexity) exceeds --time-bound, and says so;
  5. checks that the values agree (max absolute difference against NetworkX, or igraph when
     NetworkX was skipped) and prints one table with PartnerGraph's time divided by each peer's;
  6. also times loading a 1,000,000-edge CSV (ours against igraph's Graph.Read_Ncol on the same
     edges), the analysis graph's bytes per edge, approximate betweenness against exact on
     BA n=100,000, and rendering through libgvc against the `dot` command on the same DOT.

The table is also written to Benchmarks/.cache/results.md and every run to results.json.
"""

import argparse
import bisect
import itertools
import json
import math
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "Benchmarks"
SEED = 20240611
GENERATOR_VERSION = 1

# name, family, nodes; BA uses m=5.
GRAPHS = [
    ("ba-1k", "ba", 1_000),
    ("ba-10k", "ba", 10_000),
    ("affil-10k", "affiliation", 10_000),
    ("ba-100k", "ba", 100_000),
    ("affil-100k", "affiliation", 100_000),
]

# measure: (cost model, {family: weight mode}, name in PartnerGraphBenchmark, label)
# Weight modes: none; distance (the weight is a length, as NetworkX's weight= in path measures);
# strength (a tie strength: PageRank, eigenvector, modularity).
MEASURES = {
    "betweenness": ("nm", {"ba": "none"}, "betweenness", "betweenness"),
    "betweenness-weighted": ("nmlogn", {"affiliation": "distance"}, "betweenness", "betweenness (weighted)"),
    "closeness": ("nm", {"ba": "none"}, "closeness", "closeness"),
    "closeness-weighted": ("nmlogn", {"affiliation": "distance"}, "closeness", "closeness (weighted)"),
    "harmonic": ("nm", {"ba": "none"}, "harmonic", "harmonic"),
    "pagerank": ("m", {"ba": "none", "affiliation": "strength"}, "pagerank", "PageRank"),
    "eigenvector": ("m", {"ba": "none", "affiliation": "strength"}, "eigenvector", "eigenvector"),
    "components": ("m", {"ba": "none", "affiliation": "none"}, "components", "connected components"),
    "sssp": ("m", {"ba": "none", "affiliation": "distance"}, "sssp", "single-source shortest paths"),
    "core-number": ("m", {"ba": "none", "affiliation": "none"}, "core-number", "k-core"),
    "louvain": ("mlogn", {"ba": "none", "affiliation": "strength"}, "louvain", "Louvain"),
    "leiden": ("mlogn", {"ba": "none", "affiliation": "strength"}, "leiden", "Leiden"),
    "k-shortest-paths": ("kpaths", {"ba": "none"}, "k-shortest-paths", "k-shortest paths (k=10)"),
}

# (library, threads): the columns of the table.
CONFIGS = [("PartnerGraph", 1), ("PartnerGraph", 2), ("networkx", 1), ("igraph", 1),
           ("networkit", 1), ("networkit", 2)]
LABEL = {"PartnerGraph": "PartnerGraph", "networkx": "NetworkX", "igraph": "igraph", "networkit": "NetworKit"}
PARTITIONS = {"components", "louvain", "leiden"}
PEER_MODULES = {"networkx": "networkx", "igraph": "igraph", "networkit": "networkit"}


def log(*a):
    print(*a, file=sys.stderr, flush=True)


# ---------------------------------------------------------------- graphs

def write_edge_list(path, n, edges, weighted):
    tmp = path.with_suffix(".tmp")
    with open(tmp, "w") as f:
        f.write(f"# nodes={n} edges={len(edges)} weighted={1 if weighted else 0}\n")
        if weighted:
            f.writelines(f"{u} {v} {w}\n" for u, v, w in edges)
        else:
            f.writelines(f"{u} {v}\n" for u, v in edges)
    tmp.replace(path)


def barabasi_albert(n):
    import networkx as nx
    g = nx.barabasi_albert_graph(n, 5, seed=SEED)
    return sorted((min(u, v), max(u, v)) for u, v in g.edges())


def affiliation_projection(n_org, sector_size=200, programmes_per_org=0.5):
    """Organisations × programmes, projected onto organisations (weight = shared programmes).

    Organisations fall into sectors of 200 and have a heavy-tailed activity (Pareto, shape 2);
    each programme has a size from a truncated Pareto (2 to 30 members) and draws 85% of its
    members from one sector, weighted by activity, the rest from anywhere. Seeded, so the same
    graph every time. The projection equals networkx's bipartite.weighted_projected_graph of
    that two-mode network (computed here directly: NetworkX takes minutes on 100,000).
    """
    rng = random.Random(SEED + n_org)
    n_sec = max(1, n_org // sector_size)
    activity = [rng.paretovariate(2.0) for _ in range(n_org)]
    sectors = []
    for s in range(n_sec):
        lo, hi = s * n_org // n_sec, (s + 1) * n_org // n_sec
        sectors.append((lo, list(itertools.accumulate(activity[lo:hi]))))
    everyone = list(itertools.accumulate(activity))
    weight = {}
    for _ in range(int(n_org * programmes_per_org)):
        size = max(2, min(30, int(2 * rng.paretovariate(1.6))))
        lo, cum = sectors[rng.randrange(n_sec)]
        members = set()
        while len(members) < size:
            if rng.random() < 0.85:
                v = lo + bisect.bisect_left(cum, rng.random() * cum[-1])
            else:
                v = bisect.bisect_left(everyone, rng.random() * everyone[-1])
            members.add(min(v, n_org - 1))
        ms = sorted(members)
        for i, a in enumerate(ms):
            for b in ms[i + 1:]:
                weight[(a, b)] = weight.get((a, b), 0) + 1
    return sorted((u, v, w) for (u, v), w in weight.items())


def ensure_graph(cache, name, family, n):
    path = cache / f"{name}.edges"
    meta_path = cache / f"{name}.json"
    if path.exists() and meta_path.exists():
        meta = json.loads(meta_path.read_text())
        if meta.get("version") == GENERATOR_VERSION and meta.get("seed") == SEED:
            return meta
    log(f"generating {name} ...")
    t = time.perf_counter()
    if family == "ba":
        edges = barabasi_albert(n)
        weighted = False
    else:
        edges = affiliation_projection(n)
        weighted = True
    write_edge_list(path, n, edges, weighted)
    meta = {"name": name, "family": family, "nodes": n, "edges": len(edges), "weighted": weighted,
            "path": str(path), "seed": SEED, "version": GENERATOR_VERSION,
            "generator": "networkx.barabasi_albert_graph(n, 5, seed)" if family == "ba"
            else "affiliation_projection (seeded; see run.py)"}
    meta_path.write_text(json.dumps(meta))
    log(f"  {name}: {n} nodes, {len(edges)} edges ({time.perf_counter() - t:.1f} s)")
    return meta


def ensure_load_files(cache):
    """A 1,000,000-edge network as CSV (ours) and as NCOL (igraph's Read_Ncol): the same edges."""
    csv_path, ncol_path = cache / "load-1m.csv", cache / "load-1m.ncol"
    if csv_path.exists() and ncol_path.exists():
        return csv_path, ncol_path
    import networkx as nx
    log("generating the 1,000,000-edge load file ...")
    g = nx.barabasi_albert_graph(200_005, 5, seed=SEED)   # 5 (n - 5) = 1,000,000 edges
    rng = random.Random(SEED)
    # Organisation-like ids (strings), as analysts' spreadsheets have them.
    names = [f"org{v:06d}" for v in range(g.number_of_nodes())]
    edges = [(names[u], names[v], rng.randint(1, 9)) for u, v in g.edges()]
    with open(csv_path.with_suffix(".tmp"), "w") as f:
        f.write("source,target,weight\n")
        f.writelines(f"{a},{b},{w}\n" for a, b, w in edges)
    with open(ncol_path.with_suffix(".tmp2"), "w") as f:
        f.writelines(f"{a} {b} {w}\n" for a, b, w in edges)
    csv_path.with_suffix(".tmp").replace(csv_path)
    ncol_path.with_suffix(".tmp2").replace(ncol_path)
    return csv_path, ncol_path


# ---------------------------------------------------------------- running

def installed_peers():
    found = []
    for lib, module in PEER_MODULES.items():
        r = subprocess.run([sys.executable, "-c", f"import {module}; print({module}.__version__)"],
                           capture_output=True, text=True)
        if r.returncode == 0:
            found.append((lib, r.stdout.strip()))
    return found


def build(args):
    if args.no_build:
        return find_binary()
    log("building the benchmark (swift build -c release --package-path Benchmarks) ...")
    r = subprocess.run(["swift", "build", "-c", "release", "--package-path", str(BENCH)], cwd=ROOT)
    if r.returncode != 0:
        sys.exit("the release build failed")
    return find_binary()


def find_binary():
    r = subprocess.run(["swift", "build", "-c", "release", "--package-path", str(BENCH), "--show-bin-path"],
                       cwd=ROOT, capture_output=True, text=True)
    binary = Path(r.stdout.strip()) / "PartnerGraphBenchmark"
    if not binary.exists():
        sys.exit(f"{binary} is missing: run without --no-build")
    return binary


def run_json(cmd, timeout):
    """Runs a command that prints one JSON object; returns (dict, status)."""
    try:
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, f"timed out after {timeout:.0f} s"
    lines = [l for l in r.stdout.splitlines() if l.startswith("{")]
    if not lines:
        err = (r.stderr.strip().splitlines() or ["no output"])[-1]
        return None, f"failed: {err[:200]}"
    out = json.loads(lines[-1])
    if "error" in out:
        return out, out["error"]
    if r.returncode != 0:
        return out, f"exit {r.returncode}"
    return out, "ok"


def cost(model, nodes, edges, k=10):
    n, m = max(nodes, 2), max(edges, 1)
    return {"nm": n * (n + m), "nmlogn": n * (n + m) * math.log2(n), "m": n + m,
            "mlogn": (n + m) * math.log2(n), "kpaths": k * (n + m) * math.log2(n) * math.log2(n)}[model]


# A measure with no run of its own yet is estimated from a related one: (measure, slowdown),
# Dijkstra with a heap being a few times slower than breadth-first search.
ESTIMATE_FROM = {"betweenness-weighted": ("betweenness", 3.0), "closeness-weighted": ("closeness", 3.0)}


def estimate(results, lib, threads, measure, graph, graphs_by_name):
    """Estimated seconds from the same library's largest smaller run (same family first),
    or from a related measure's run when the measure has none yet."""
    est = _estimate(results, lib, threads, measure, measure, graph, graphs_by_name)
    if est[0] is None and measure in ESTIMATE_FROM:
        related, slowdown = ESTIMATE_FROM[measure]
        secs, base = _estimate(results, lib, threads, related, measure, graph, graphs_by_name)
        if secs is not None:
            est = (secs * slowdown, f"{base} ({related})")
    return est


def _estimate(results, lib, threads, source_measure, measure, graph, graphs_by_name):
    model = MEASURES[measure][0]
    g = graphs_by_name[graph]
    best = None
    for key, res in results.items():
        if len(key) != 4:
            continue
        l, t, ms, gname = key
        if (l, t, ms) != (lib, threads, source_measure) or gname == graph:
            continue
        prev = graphs_by_name[gname]
        if res.get("status") == "skipped" or res.get("status", "").startswith("timed out"):
            if prev["nodes"] <= g["nodes"]:
                return math.inf, gname
            continue
        if res.get("status") != "ok" or prev["edges"] > g["edges"]:
            continue
        rank = (prev["family"] == g["family"], prev["edges"])
        if best is None or rank > best[0]:
            best = (rank, gname, res["seconds"])
    if best is None:
        return None, None
    _, gname, secs = best
    prev = graphs_by_name[gname]
    return secs * cost(model, g["nodes"], g["edges"]) / cost(model, prev["nodes"], prev["edges"]), gname


def run_one(args, binary, lib, threads, measure, meta, values_path):
    ours = MEASURES[measure][2]
    mode = MEASURES[measure][1][meta["family"]]
    common = ["--graph", meta["path"], "--threads", str(threads), "--repeats", str(args.repeats),
              "--values", str(values_path)]
    extra = []
    if measure in ("sssp", "k-shortest-paths"):
        extra += ["--source", "0"]
    if measure == "k-shortest-paths":
        extra += ["--target", str(meta["nodes"] - 1), "--k", "10"]
    if lib == "PartnerGraph":
        cmd = [str(binary), "run", "--measure", ours, "--weighted", mode] + common + extra
        if measure in ("pagerank", "eigenvector"):
            cmd += ["--tolerance", str(args.tolerance)]
    else:
        cmd = [sys.executable, str(BENCH / "peers.py"), "--library", lib, "--measure", measure,
               "--weighted", mode, "--tolerance", str(args.tolerance)] + common + extra
    return run_json(cmd, timeout=1.5 * args.time_bound + 30)


def read_values(path):
    import numpy as np
    return np.fromfile(path, dtype="<f8")


def canonical_partition(labels):
    import numpy as np
    mapping = {}
    out = np.empty(len(labels), dtype=np.int64)
    for i, x in enumerate(labels.tolist()):
        out[i] = mapping.setdefault(x, len(mapping))
    return out


def compare(measure, ref, val):
    """A short text: how far `val` is from `ref`."""
    import numpy as np
    if ref.shape != val.shape:
        return f"{val.size} vs {ref.size} values"
    if measure == "components":
        diff = int((canonical_partition(ref) != canonical_partition(val)).sum())
        return "same" if diff == 0 else f"{diff} nodes differ"
    if measure == "eigenvector":
        ref = ref / np.linalg.norm(ref) * np.sign(ref.sum())
        val = val / np.linalg.norm(val) * np.sign(val.sum())
    both_inf = np.isinf(ref) & np.isinf(val) & (np.sign(ref) == np.sign(val))
    with np.errstate(invalid="ignore"):
        d = np.where(both_inf, 0.0, np.abs(ref - val))
    return f"{float(np.nanmax(d)) if d.size else 0.0:.1e}"


def modularity(meta, labels, weighted):
    """Modularity of a partition, by igraph (or NetworkX) on the same graph."""
    import numpy as np
    sys.path.insert(0, str(BENCH))
    import peers
    try:
        import igraph  # noqa: F401
        g, _ = peers.load("igraph", meta["path"], weighted)
        return g.modularity(canonical_partition(labels).tolist(), weights="weight" if weighted else None)
    except ImportError:
        import networkx as nx
        g, n = peers.load("networkx", meta["path"], weighted)
        lab = canonical_partition(labels)
        parts = [set(np.flatnonzero(lab == c).tolist()) for c in range(lab.max() + 1)]
        return nx.community.modularity(g, parts, weight="weight" if weighted else None)


def fmt_time(s):
    if s is None:
        return "—"
    if s < 0.001:
        return f"{s * 1e6:.0f} µs"
    if s < 1:
        return f"{s * 1e3:.1f} ms"
    return f"{s:.2f} s"


def fmt_ratio(a, b):
    if a is None or b is None or b <= 0:
        return None
    return f"{a / b:.2f}"


# ---------------------------------------------------------------- main

def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--quick", action="store_true", help="graphs up to 10,000 nodes, 120 s bound")
    p.add_argument("--time-bound", type=float, help="skip runs estimated over this many seconds (default 300, quick 120)")
    p.add_argument("--repeats", type=int, default=3, help="repeats of runs under 2 s (median reported)")
    p.add_argument("--graphs", help="comma-separated graph names (default: all, or up to 10k with --quick)")
    p.add_argument("--measures", help="comma-separated measures (default: all)")
    p.add_argument("--libraries", help="comma-separated: PartnerGraph,networkx,igraph,networkit")
    p.add_argument("--tolerance", type=float, default=1e-9, help="PageRank/eigenvector tolerance for every library")
    p.add_argument("--epsilon", type=float, default=0.002, help="approximate betweenness error bound on ba-100k")
    p.add_argument("--no-build", action="store_true", help="use the existing release build")
    p.add_argument("--resume", action="store_true", help="keep the finished runs of an interrupted benchmark (cache/progress.json)")
    p.add_argument("--skip-extras", action="store_true", help="no load, approximation or render timings")
    p.add_argument("--cache", default=str(BENCH / ".cache"))
    args = p.parse_args()
    if args.time_bound is None:
        args.time_bound = 120.0 if args.quick else 300.0
    cache = Path(args.cache)
    (cache / "values").mkdir(parents=True, exist_ok=True)
    started = time.time()

    graphs = [g for g in GRAPHS if not args.quick or g[2] <= 10_000]
    if args.graphs:
        wanted = args.graphs.split(",")
        graphs = [g for g in GRAPHS if g[0] in wanted]
    measures = list(MEASURES) if not args.measures else args.measures.split(",")
    for m in measures:
        if m not in MEASURES:
            sys.exit(f"unknown measure {m} (have: {', '.join(MEASURES)})")

    peers_found = installed_peers()
    wanted_libs = set(args.libraries.split(",")) if args.libraries else None
    available = {"PartnerGraph"} | {lib for lib, _ in peers_found}
    for lib in ("networkx", "igraph", "networkit"):
        if lib not in available:
            log(f"{LABEL[lib]} is not installed (pip install {'python-igraph' if lib == 'igraph' else lib}): its columns stay empty")
    configs = [c for c in CONFIGS if c[0] in available and (wanted_libs is None or c[0] in wanted_libs)]

    binary = build(args)
    listing, _ = run_json([str(binary), "list"], timeout=60)
    ours_has = set(listing["measures"]) if listing else set()
    metas = [ensure_graph(cache, *g) for g in graphs]
    by_name = {m["name"]: m for m in metas}

    results = {}
    notes = []
    progress_path = cache / "progress.json"
    if args.resume and progress_path.exists():
        for k, v in json.loads(progress_path.read_text()).items():
            lib, threads, measure, gname = k.split("|")
            st = v.get("status", "")
            if st == "ok" and not Path(v.get("values_file", "")).exists():
                continue
            if st in ("ok", "n/a", "skipped") or st.startswith("timed out"):
                results[(lib, int(threads), measure, gname)] = v
                if st == "skipped":
                    notes.append(f"skipped {LABEL[lib]} {threads}t {measure} on {gname}: estimated "
                                 f"{v['estimate']:.0f} s > bound (kept from the interrupted run)")
                elif st != "ok" and st != "n/a":
                    notes.append(f"{LABEL[lib]} {threads}t {measure} on {gname}: {st}")
        log(f"resuming: {len(results)} runs kept from {progress_path}")

    def save_progress():
        progress_path.write_text(json.dumps({"|".join(map(str, k)): v for k, v in results.items()}, default=str))
    for meta in metas:
        for measure in measures:
            if meta["family"] not in MEASURES[measure][1]:
                continue
            for lib, threads in configs:
                key = (lib, threads, measure, meta["name"])
                if key in results:
                    continue
                if lib == "PartnerGraph" and MEASURES[measure][2] not in ours_has:
                    results[key] = {"status": "n/a"}
                    if threads == 1:
                        notes.append(f"PartnerGraph: {measure} is not in this build yet (skipped)")
                    continue
                if lib != "networkit" and lib != "PartnerGraph" and threads > 1:
                    continue
                est, base = estimate(results, lib, threads, measure, meta["name"], by_name)
                if est is not None and est > args.time_bound:
                    results[key] = {"status": "skipped", "estimate": est}
                    why = f"estimated {est:.0f} s from {base}" if math.isfinite(est) else f"over the bound on {base} already"
                    notes.append(f"skipped {LABEL[lib]} {threads}t {measure} on {meta['name']}: {why} > bound {args.time_bound:.0f} s")
                    log(notes[-1])
                    continue
                vpath = cache / "values" / f"{meta['name']}.{measure}.{lib}.{threads}.f64"
                if vpath.exists():
                    vpath.unlink()
                log(f"{meta['name']:>10} {measure:<22} {LABEL[lib]:<12} {threads}t ...")
                out, status = run_one(args, binary, lib, threads, measure, meta, vpath)
                res = dict(out or {})
                res["status"] = status
                if status == "ok":
                    log(f"{'':>10} {'':<22} {'':<12}    {fmt_time(res['seconds'])}")
                elif "not installed" in status or "has no" in status or "unknown measure" in status:
                    res["status"] = "n/a"
                    if "unknown measure" not in status:
                        notes.append(f"{LABEL[lib]}: {status}")
                else:
                    notes.append(f"{LABEL[lib]} {threads}t {measure} on {meta['name']}: {status}")
                    log(notes[-1])
                results[key] = res
                save_progress()

    # ---- agreement
    agreement = {}
    for meta in metas:
        for measure in measures:
            if meta["family"] not in MEASURES[measure][1]:
                continue
            weighted = MEASURES[measure][1][meta["family"]] != "none"
            ok = {(l, t): results.get((l, t, measure, meta["name"])) for l, t in configs}
            ok = {k: v for k, v in ok.items() if v and v.get("status") == "ok" and v.get("values_file")}
            if measure in ("louvain", "leiden"):
                for k, v in ok.items():
                    try:
                        q = modularity(meta, read_values(v["values_file"]), weighted)
                        v["modularity"] = q
                        agreement[(k, measure, meta["name"])] = f"Q={q:.4f}"
                    except Exception as e:  # a peer without a partition
                        agreement[(k, measure, meta["name"])] = f"Q: {e}"
                continue
            ref_key = next((k for k in [("networkx", 1), ("igraph", 1), ("networkit", 1)] if k in ok), None)
            if ref_key is None:
                continue
            ref = read_values(ok[ref_key]["values_file"])
            for k, v in ok.items():
                agreement[(k, measure, meta["name"])] = "ref" if k == ref_key else compare(measure, ref, read_values(v["values_file"]))

    # ---- the table
    def cell(lib, threads, measure, gname):
        r = results.get((lib, threads, measure, gname))
        if r is None:
            return None, "—"
        if r["status"] == "ok":
            return r["seconds"], fmt_time(r["seconds"])
        if r["status"] == "skipped":
            return None, "skip" if not math.isfinite(r["estimate"]) else f"skip (~{r['estimate']:.0f} s)"
        if r["status"] == "n/a":
            return None, "n/a"
        return None, "timeout" if r["status"].startswith("timed out") else "error"

    header = ["measure", "graph"] + [f"{LABEL[l]}{' ' + str(t) + 't' if l in ('PartnerGraph', 'networkit') else ''}" for l, t in configs]
    peer_cols = [l for l in ("networkx", "igraph", "networkit") if any(c[0] == l for c in configs)]
    header += [f"PG÷{LABEL[l]}" for l in peer_cols] + ["max abs diff (1t, 2t) / modularity"]
    rows = []
    for meta in metas:
        for measure in measures:
            if meta["family"] not in MEASURES[measure][1]:
                continue
            times = {}
            row = [MEASURES[measure][3], meta["name"]]
            for l, t in configs:
                s, text = cell(l, t, measure, meta["name"])
                times[(l, t)] = s
                row.append(text)
            for l in peer_cols:
                if l == "networkit":
                    r1 = fmt_ratio(times.get(("PartnerGraph", 1)), times.get(("networkit", 1)))
                    r2 = fmt_ratio(times.get(("PartnerGraph", 2)), times.get(("networkit", 2)))
                else:
                    r1 = fmt_ratio(times.get(("PartnerGraph", 1)), times.get((l, 1)))
                    r2 = fmt_ratio(times.get(("PartnerGraph", 2)), times.get((l, 1)))
                row.append(" / ".join(x or "—" for x in (r1, r2)) if (r1 or r2) else "—")
            agree = []
            if measure in ("louvain", "leiden"):
                for l, t in configs:
                    a = agreement.get(((l, t), measure, meta["name"]))
                    if a:
                        short = {"PartnerGraph": "PG", "networkx": "NX", "igraph": "ig", "networkit": "NK"}[l]
                        agree.append(f"{short}{t if l in ('PartnerGraph', 'networkit') else ''} {a[2:]}")
                row.append(", ".join(agree) or "—")
            else:
                a1 = agreement.get((("PartnerGraph", 1), measure, meta["name"]))
                a2 = agreement.get((("PartnerGraph", 2), measure, meta["name"]))
                row.append(", ".join(x for x in (a1, a2) if x) or "—")
            rows.append(row)

    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    table = "\n".join(lines)

    extras = [] if args.skip_extras else run_extras(args, binary, cache, by_name, results, configs)

    host = f"{platform.node()}: {os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}"
    versions = ", ".join(f"{LABEL[l]} {v}" for l, v in peers_found)
    summary = [
        f"# PartnerGraph benchmark ({time.strftime('%Y-%m-%d %H:%M')}, {host}; {versions})",
        "",
        f"Seconds are the median of up to {args.repeats} runs of the algorithm alone (loading excluded;",
        "runs under 0.25 s follow 0.25 s of untimed warm-up runs, for every library);",
        "PG÷X is PartnerGraph's time divided by X's (1 thread / 2 threads; NetworKit 1t/1t and 2t/2t);",
        "modularity: PG = PartnerGraph, NX = NetworkX, ig = igraph, NK = NetworKit (1/2 threads), all computed by igraph;",
        f"max abs diff is against NetworkX (igraph where NetworkX was skipped); runs estimated over {args.time_bound:.0f} s are skipped.",
        "",
        table,
        "",
    ]
    if extras:
        summary += extras + [""]
    if notes:
        summary += ["Notes:"] + [f"- {n}" for n in dict.fromkeys(notes)] + [""]
    summary += targets(results, agreement, by_name)
    summary.append(f"\nTotal wall time {time.time() - started:.0f} s.")
    text = "\n".join(summary)
    print(text)
    (cache / "results.md").write_text(text + "\n")
    (cache / "results.json").write_text(json.dumps(
        {"|".join(map(str, k)): v for k, v in results.items()}, indent=1, default=str))


def run_extras(args, binary, cache, by_name, results, configs):
    import numpy as np
    out = []
    # ---- load a 1,000,000-edge CSV
    csv_path, ncol_path = ensure_load_files(cache)
    ours, status = run_json([str(binary), "load-csv", str(csv_path), "--weight", "weight", "--repeats", "3"], timeout=900)
    out.append("Loading a 1,000,000-edge CSV (string ids, a weight column):")
    out.append("")
    out.append("| library | how | seconds | peak RSS |")
    out.append("|---|---|---|---|")
    if status == "ok":
        out.append(f"| PartnerGraph | `partnergraph` CSV reader → network → view → CompactGraph | {fmt_time(ours['seconds'])} "
                   f"(read {fmt_time(ours['read_seconds'])}, view {fmt_time(ours['view_seconds'])}, graph {fmt_time(ours['build_seconds'])}) "
                   f"| {ours['peak_rss_bytes'] / 2**20:.0f} MiB |")
    else:
        out.append(f"| PartnerGraph | CSV reader | {status} | |")
    for lib, how in (("igraph", "Graph.Read_Ncol on the same edges (space-separated)"),
                     ("networkx", "nx.read_weighted_edgelist on the same edges"),
                     ("networkit", "EdgeListReader on the same edges")):
        if not any(c[0] == lib for c in configs):
            continue
        res, st = run_json([sys.executable, str(BENCH / "peers.py"), "load", lib, str(ncol_path)], timeout=900)
        out.append(f"| {LABEL[lib]} | {how} | {fmt_time(res['seconds']) if st == 'ok' else st} | "
                   f"{res['peak_rss_bytes'] / 2**20:.0f} MiB |" if st == "ok" else f"| {LABEL[lib]} | {how} | {st} | |")
        if lib == "igraph" and st == "ok":
            results[("load", "igraph")] = res
    if status == "ok":
        results[("load", "PartnerGraph")] = ours
    out.append("")

    # ---- bytes per edge of the analysis graph
    out.append("Analysis graph (CompactGraph, CSR with Int32 indices), bytes per undirected edge, and peak RSS of the whole run:")
    out.append("")
    out.append("| graph | nodes | edges | weighted | bytes/edge | peak RSS (PageRank run) |")
    out.append("|---|---|---|---|---|---|")
    for name, meta in by_name.items():
        r = results.get(("PartnerGraph", 1, "pagerank", name))
        if r and r.get("status") == "ok":
            out.append(f"| {name} | {meta['nodes']:,} | {meta['edges']:,} | {'yes' if r['weighted'] else 'no'} | "
                       f"{r['graph_bytes_per_edge']:.1f} | {r['peak_rss_bytes'] / 2**20:.0f} MiB |")
    if status == "ok":
        out.append(f"| load-1m (weighted) | {ours['nodes']:,} | {ours['edges']:,} | yes | {ours['graph_bytes_per_edge']:.1f} | "
                   f"{ours['peak_rss_bytes'] / 2**20:.0f} MiB |")
    out.append("")

    # ---- approximate betweenness on BA n=100,000
    if "ba-100k" in by_name:
        meta = by_name["ba-100k"]
        exact_path = cache / "exact-betweenness-ba-100k.f64"
        r2 = results.get(("PartnerGraph", 2, "betweenness", "ba-100k"))
        if r2 and r2.get("status") == "ok":
            shutil.copy(r2["values_file"], exact_path)
        if not exact_path.exists():
            log("computing exact betweenness on ba-100k once (cached; not timed) ...")
            run_json([str(binary), "run", "--graph", meta["path"], "--measure", "betweenness", "--threads", "2",
                      "--repeats", "1", "--values", str(exact_path)], timeout=7200)
        if exact_path.exists():
            exact = read_values(exact_path)
            apath = cache / "values" / "ba-100k.betweenness-approx.f64"
            for threads in (1, 2):
                res, st = run_json([str(binary), "run", "--graph", meta["path"], "--measure", "betweenness-approx",
                                    "--epsilon", str(args.epsilon), "--delta", "0.1", "--threads", str(threads),
                                    "--repeats", "1", "--values", str(apath)], timeout=600)
                if st != "ok":
                    out.append(f"Approximate betweenness ({threads}t): {st}")
                    continue
                approx = read_values(apath)
                top_exact = set(np.argsort(-exact, kind="stable")[:20].tolist())
                top_approx = set(np.argsort(-approx, kind="stable")[:20].tolist())
                err = float(np.max(np.abs(exact - approx)))
                results[("approx", threads)] = {"seconds": res["seconds"], "top20": len(top_exact & top_approx), "err": err}
                out.append(f"Approximate betweenness on ba-100k, {threads} thread{'s' if threads > 1 else ''} "
                           f"(Riondato–Kornaropoulos, ε={args.epsilon}, δ=0.1, {res['sample_size']:,} sampled paths): "
                           f"{fmt_time(res['seconds'])}; top-20 agree with exact: {len(top_exact & top_approx)}/20; "
                           f"max |error| {err:.1e} (bound {args.epsilon}).")
            out.append("")

    # ---- rendering through libgvc against the dot command
    if shutil.which("dot"):
        out.append("Rendering to SVG: in-process libgvc (parse + layout + render) against the `dot` command on the same DOT:")
        out.append("")
        out.append("| network | layout | PartnerGraph (libgvc) | `dot -K… -Tsvg` | ratio |")
        out.append("|---|---|---|---|---|")
        render_inputs = [(ROOT / "Graphs" / "les-miserables.yaml", "dot"), (ROOT / "Graphs" / "karate-club.yaml", "neato")]
        # 300 nodes is where `render` switches from dot to sfdp by default. (sfdp with our
        # splines=true spends minutes routing edges on 1,000 nodes, in libgvc and `dot` alike.)
        ba_csv = cache / "render-ba-300.csv"
        if not ba_csv.exists():
            import networkx as nx
            g = nx.barabasi_albert_graph(300, 2, seed=SEED)
            ba_csv.write_text("source,target\n" + "".join(f"n{u},n{v}\n" for u, v in g.edges()))
        render_inputs.append((ba_csv, "dot"))
        for network, layout in render_inputs:
            dot_path = cache / f"{network.stem}.dot" if network.stem.startswith("render-") else cache / f"render-{network.stem}.dot"
            r = subprocess.run([str(binary), "dot", str(network), "-o", str(dot_path)], capture_output=True, text=True)
            if r.returncode != 0:
                out.append(f"| {network.name} | {layout} | dot export failed: {r.stderr.strip()[:100]} | | |")
                continue
            ours, st = run_json([str(binary), "render", str(dot_path), "--layout", layout, "--format", "svg",
                                 "--repeats", "5"], timeout=600)
            times = []
            for _ in range(5):
                s = time.perf_counter()
                try:
                    subprocess.run(["dot", f"-K{layout}", "-Tsvg", str(dot_path), "-o", os.devnull], check=True, timeout=600)
                except (subprocess.SubprocessError, OSError):
                    break
                times.append(time.perf_counter() - s)
                if times[-1] > 5:
                    break
            theirs = statistics.median(times) if times else None
            if theirs is None:
                out.append(f"| {network.name} | {layout} | {fmt_time(ours['seconds']) if st == 'ok' else st} | failed | |")
                continue
            if st == "ok":
                out.append(f"| {network.name} | {layout} | {fmt_time(ours['seconds'])} | {fmt_time(theirs)} | {ours['seconds'] / theirs:.2f} |")
            else:
                out.append(f"| {network.name} | {layout} | {st} | {fmt_time(theirs)} | |")
        out.append("")
    return out


def targets(results, agreement, by_name):
    """Issue 8's targets, checked against this run."""
    lines = ["Targets (issue 8), from this run:"]

    def t(lib, threads, measure, graph):
        r = results.get((lib, threads, measure, graph))
        return r["seconds"] if r and r.get("status") == "ok" else None

    g = "ba-10k"
    for m in ("betweenness", "closeness", "harmonic"):
        p1, p2, ig = t("PartnerGraph", 1, m, g), t("PartnerGraph", 2, m, g), t("igraph", 1, m, g)
        if None in (p1, p2, ig):
            lines.append(f"- {m} on {g}: not measured")
            continue
        ok = p1 <= 0.5 * ig and p2 <= 0.3 * ig
        lines.append(f"- {m} on {g}: {p1 / ig:.2f}× igraph on 1 thread (target ≤ 0.5), {p2 / ig:.2f}× on 2 (target ≤ 0.3): {'met' if ok else 'MISSED'}")
    for m in ("pagerank", "eigenvector", "components", "core-number", "sssp"):
        for gname in by_name:
            ours = [x for x in (t("PartnerGraph", 1, m, gname), t("PartnerGraph", 2, m, gname)) if x is not None]
            peers = {f"{LABEL[l]} {th}t": x for (l, th) in [("networkx", 1), ("igraph", 1), ("networkit", 1), ("networkit", 2)]
                     if (x := t(l, th, m, gname)) is not None}
            if not ours or not peers:
                continue
            best_name = min(peers, key=peers.get)
            ratio = min(ours) / peers[best_name]
            lines.append(f"- {m} on {gname}: {ratio:.2f}× the fastest peer ({best_name}, {fmt_time(peers[best_name])}; ours {fmt_time(min(ours))}): {'met' if ratio <= 1 else 'MISSED'}")
    for m in ("louvain", "leiden"):
        for gname in by_name:
            r = results.get(("PartnerGraph", 1, m, gname))
            if not r or r.get("status") != "ok":
                if r and r.get("status") == "n/a":
                    lines.append(f"- {m} on {gname}: not in this build yet")
                    break
                continue
            nxq = results.get(("networkx", 1, "louvain", gname), {}).get("modularity")
            nk = t("networkit", 1, m, gname)
            q = r.get("modularity")
            parts = [f"modularity {q:.4f}" if q is not None else "modularity ?"]
            if nxq is not None and q is not None:
                parts.append(f"NetworkX Louvain {nxq:.4f} ({'met' if q >= nxq - 0.005 else 'MISSED'})")
            if nk is not None:
                parts.append(f"{r['seconds'] / nk:.2f}× NetworKit 1t ({'met' if r['seconds'] <= nk else 'MISSED'})")
            lines.append(f"- {m} on {gname}: " + ", ".join(parts))
    for th in (1, 2):
        a = results.get(("approx", th))
        if a:
            ok = a["top20"] == 20 and a["seconds"] < 10
            lines.append(f"- approximate betweenness on ba-100k, {th}t: {a['seconds']:.1f} s, top-20 {a['top20']}/20 (target: 20/20 under 10 s): {'met' if ok else 'MISSED'}")
    ours, ig = results.get(("load", "PartnerGraph")), results.get(("load", "igraph"))
    if ours and ig:
        lines.append(f"- load a 1,000,000-edge CSV: {ours['seconds']:.2f} s against igraph Read_Ncol {ig['seconds']:.2f} s = "
                     f"{ours['seconds'] / ig['seconds']:.2f}× (target ≤ 1): {'met' if ours['seconds'] <= ig['seconds'] else 'MISSED'}")
    bpe = [(k[3], r["graph_bytes_per_edge"], r["weighted"]) for k, r in results.items()
           if len(k) == 4 and k[0] == "PartnerGraph" and k[1] == 1 and k[2] == "pagerank" and r.get("status") == "ok"]
    for name, b, w in bpe:
        lines.append(f"- analysis graph on {name}{' (weighted)' if w else ''}: {b:.1f} bytes per edge (target ≤ 40): {'met' if b <= 40 else 'MISSED'}")
    return lines


if __name__ == "__main__":
    main()
