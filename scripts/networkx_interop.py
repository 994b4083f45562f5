#!/usr/bin/env python3
"""NetworkX side of PartnerGraph's interchange tests (Tests/PartnerGraphFormatsTests).

Two commands:

  networkx_interop.py write FORMAT SPEC.json OUT [SPEC.json OUT ...]
      Builds a graph from SPEC (JSON: {"directed": bool, "multigraph": bool, "graph": {...},
      "nodes": [[id, {attrs}], ...], "edges": [[u, v, {attrs}], ...]}) and writes it with
      NetworkX: graphml (write_graphml), gexf (write_gexf, GEXF 1.2draft, NetworkX's default),
      gexf13 (write_gexf version="1.3"), gml (write_gml), node-link (json.dump of
      node_link_data), pajek (write_pajek), edgelist (write_weighted_edgelist when every edge has
      a weight, else write_edgelist with data=False). Then prints the summary of NetworkX reading
      that file back, so a caller can compare its own reading with NetworkX's.

  networkx_interop.py read FORMAT FILE [FILE ...]
      Reads each FILE with NetworkX (read_graphml, read_gexf, read_gml, node_link_graph, read_pajek,
      read_edgelist) and prints its summary, one line per file.

The summary is canonical JSON on one line: {"directed": bool, "graph": {...}, "header": bool,
"nodes": {id: {attrs}}, "edges": [[u, v, {attrs}], ...]} with keys sorted (PartnerGraph's
header, graph attribute "partnergraph", is only said to be there or not), edges sorted (the two ends sorted
for undirected graphs), tuples as lists, None values dropped. For GEXF the edge "id" and
"networkx_key" and a node "label" equal to None are dropped (NetworkX adds them itself).
"""
import json
import sys

import networkx as nx


def clean(value):
    if isinstance(value, tuple):
        return [clean(v) for v in value]
    if isinstance(value, list):
        return [clean(v) for v in value]
    if isinstance(value, dict):
        return {str(k): clean(v) for k, v in value.items() if v is not None}
    return value


def summary(G, fmt):
    directed = G.is_directed()
    nodes = {}
    for n, d in G.nodes(data=True):
        d = {k: clean(v) for k, v in d.items() if v is not None}
        if fmt == "pajek":
            d.pop("id", None)  # the vertex number NetworkX keeps
        nodes[str(n)] = d
    edges = []
    for u, v, d in G.edges(data=True):
        d = {k: clean(x) for k, x in d.items() if x is not None}
        if fmt.startswith("gexf"):
            d.pop("id", None)
            d.pop("networkx_key", None)
        a, b = str(u), str(v)
        if not directed and b < a:
            a, b = b, a
        edges.append([a, b, d])
    edges.sort(key=lambda e: json.dumps(e, sort_keys=True, ensure_ascii=False))
    graph = {k: clean(v) for k, v in G.graph.items()
             if k not in ("node_default", "edge_default", "mode", "partnergraph")}
    return {"directed": directed, "graph": graph, "header": "partnergraph" in G.graph,
            "nodes": nodes, "edges": edges}


def read(fmt, path):
    if fmt == "graphml":
        return nx.read_graphml(path)
    if fmt in ("gexf", "gexf13"):
        return nx.read_gexf(path)
    if fmt == "gml":
        return nx.read_gml(path)
    if fmt == "node-link":
        with open(path, encoding="utf-8") as f:
            return nx.node_link_graph(json.load(f))
    if fmt == "pajek":
        return nx.read_pajek(path)
    if fmt == "edgelist":
        directed = False
        delimiter = None
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("# partnergraph edgelist: directed"):
                    directed = True
                if line.strip() == "# delimiter: tab":
                    delimiter = "\t"
        return nx.read_edgelist(path, delimiter=delimiter, nodetype=str, data=(("weight", float),),
                                create_using=nx.MultiDiGraph if directed else nx.MultiGraph)
    raise SystemExit(f"unknown format {fmt}")


def build(spec):
    if spec.get("multigraph"):
        G = nx.MultiDiGraph() if spec["directed"] else nx.MultiGraph()
    else:
        G = nx.DiGraph() if spec["directed"] else nx.Graph()
    G.graph.update(spec.get("graph", {}))
    for n, d in spec["nodes"]:
        G.add_node(n, **d)
    for u, v, d in spec["edges"]:
        G.add_edge(u, v, **d)
    return G


def write(fmt, G, path):
    if fmt == "graphml":
        nx.write_graphml(G, path)
    elif fmt == "gexf":
        nx.write_gexf(G, path)
    elif fmt == "gexf13":
        nx.write_gexf(G, path, version="1.3")
    elif fmt == "gml":
        nx.write_gml(G, path)
    elif fmt == "node-link":
        with open(path, "w", encoding="utf-8") as f:
            json.dump(nx.node_link_data(G), f, ensure_ascii=False)
    elif fmt == "pajek":
        nx.write_pajek(G, path)
    elif fmt == "edgelist":
        if all("weight" in d for _, _, d in G.edges(data=True)):
            nx.write_weighted_edgelist(G, path)
        else:
            nx.write_edgelist(G, path, data=False)
    else:
        raise SystemExit(f"unknown format {fmt}")


def main(argv):
    if len(argv) >= 4 and argv[1] == "read":
        fmt = argv[2]
        graphs = [read(fmt, path) for path in argv[3:]]
    elif len(argv) >= 5 and len(argv) % 2 == 1 and argv[1] == "write":
        fmt = argv[2]
        graphs = []
        for spec_path, out in zip(argv[3::2], argv[4::2]):
            with open(spec_path, encoding="utf-8") as f:
                spec = json.load(f)
            write(fmt, build(spec), out)
            graphs.append(read(fmt, out))
    else:
        raise SystemExit(__doc__)
    for G in graphs:
        json.dump(summary(G, fmt), sys.stdout, sort_keys=True, ensure_ascii=False)
        sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv)
