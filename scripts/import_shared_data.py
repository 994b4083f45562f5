#!/usr/bin/env python3
"""Convert the reference networks in shared/data into native PartnerGraph YAML.

Reads <shared>/data/<set>/{nodes.csv,edges.csv,SOURCE.md} for the four NetworkX data sets
(BSD-3, see shared/data/README.md) and the Texas EMON of R's network package (GPL-2+) and writes Graphs/<name>.yaml in the native format
(docs/FORMAT.md). Node and edge order follow the CSVs exactly; ids are always strings.

The YAML is formatted by hand (not yaml.dump) so that the files are readable and the output is
deterministic; every written file is loaded back with yaml.safe_load and its node and edge counts
are checked against the CSVs.

Usage:
    python3 scripts/import_shared_data.py [--shared DIR] [--out DIR]

Defaults: --shared ../shared (relative to the repository root), --out Graphs.
Needs only the standard library and PyYAML.
"""

import argparse
import csv
import os
import re
import sys
import textwrap

import yaml

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# One entry per data set. `node_kind` maps a CSV row to a kind; `node_attrs` lists CSV columns
# kept as node attributes (with their type); `weight` says whether edges.csv has a weight column.
DATASETS = [
    {
        "folder": "florentine_families_nx",
        "out": "florentine-families.yaml",
        "name": "Florentine families",
        "description": "Marriage alliances among Florentine families (Padgett), as in NetworkX: "
        "15 families, 20 undirected ties; the isolated Pucci family is omitted.",
        "source_id": "padgett-florentine",
        "kinds": [{"id": "family", "label": "Family"}],
        "relations": [{"id": "married-into", "directed": False, "verb": "is linked by marriage to"}],
        "node_kind": lambda row: "family",
        "node_attrs": [],
        "relation": "married-into",
        "weight": False,
    },
    {
        "folder": "karate_club",
        "out": "karate-club.yaml",
        "name": "Zachary's karate club",
        "description": "Friendship ties among 34 members of Zachary's karate club. "
        "Node attribute club: the faction after the split (Mr. Hi or Officer). Edge weight: "
        "Zachary's count of contexts in which the pair interacted.",
        "source_id": "zachary-karate",
        "kinds": [],
        "relations": [{"id": "friends-with", "directed": False, "verb": "is friends with"}],
        "node_kind": lambda row: "person",
        "node_attrs": [("club", str)],
        "relation": "friends-with",
        "weight": True,
    },
    {
        "folder": "davis_southern_women",
        "out": "davis-southern-women.yaml",
        "name": "Davis Southern Women",
        "description": "Two-mode network: 18 women and the 14 social events they attended in a "
        "Southern US town (Natchez, 1930s). Node attribute bipartite: 0 for women, 1 for events, "
        "as NetworkX sets it.",
        "source_id": "davis-southern-women",
        "kinds": [
            {"id": "woman", "label": "Woman"},
            {"id": "social-event", "label": "Social event"},
        ],
        "relations": [{"id": "attended", "directed": True, "verb": "attended"}],
        "node_kind": lambda row: {"woman": "woman", "event": "social-event"}[row["kind"]],
        "node_attrs": [("bipartite", int)],
        "relation": "attended",
        "weight": False,
    },
    {
        "folder": "les_miserables",
        "out": "les-miserables.yaml",
        "name": "Les Misérables co-appearances",
        "description": "Co-appearance of 77 characters in Victor Hugo's Les Misérables. Edge "
        "weight: the number of chapters in which both characters appear.",
        "source_id": "knuth-les-miserables",
        "kinds": [{"id": "character", "label": "Character"}],
        "relations": [
            {"id": "co-appears-with", "directed": False, "verb": "appears in the same chapter as"}
        ],
        "node_kind": lambda row: "character",
        "node_attrs": [],
        "relation": "co-appears-with",
        "weight": True,
    },
    {
        "folder": "emon_Texas",
        "out": "emon-texas.yaml",
        "name": "Texas search-and-rescue EMON",
        "description": "The emergent multi-organisational network (EMON) of the 25 organisations "
        "in one Texas Hill Country search-and-rescue operation (Drabek et al. 1981), as in R's "
        "network package: a tie i → j when organisation i reported interacting with j. Edge "
        "weight: 5 − Drabek's frequency code (4 = continuously, 3 = about once an hour, 2 = "
        "every few hours, 1 = about once a day or less). Node attributes as in R (a missing "
        "value is left out): Sponsorship (City, County, State, Federal, Private), Location (L "
        "local, NL non-local, B both), Paid.Staff, Volunteer.Staff, Formalization (0-4), "
        "Command.Rank.Score, Decision.Rank.Score.",
        "source_id": "drabek-emon",
        "kinds": [],
        "relations": [{"id": "interacted-with", "directed": True, "verb": "reported interacting with"}],
        "node_kind": lambda row: "organisation",
        "node_attrs": [("Sponsorship", str), ("Location", str), ("Paid.Staff", float),
                       ("Volunteer.Staff", float), ("Formalization", float),
                       ("Command.Rank.Score", float), ("Decision.Rank.Score", float)],
        "relation": "interacted-with",
        "weight": True,
    },
]

# ---------------------------------------------------------------------------------------------
# YAML scalars

_PLAIN = re.compile(r"^[^\W\d_][\w .'()/-]*$")
_WIDTH = 96


def scalar(value):
    """Render one scalar as YAML. Strings stay plain only when they load back unchanged."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        text = repr(value)
        return text if ("." in text or "e" in text) else text + ".0"
    text = str(value)
    if _PLAIN.match(text) and not text.endswith(" ") and yaml.safe_load(text) == text:
        return text
    return quoted(text)


def quoted(text):
    """Double-quoted YAML string; non-ASCII characters are kept as they are."""
    out = ['"']
    for ch in text:
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append("\\x%02X" % ord(ch))
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def text_field(key, text, indent):
    """`key: value` for prose; long single-line text becomes a wrapped folded scalar (>-)."""
    pad = " " * indent
    line = "%s%s: %s" % (pad, key, scalar(text))
    foldable = text == text.strip() and "\n" not in text and "  " not in text
    if len(line) <= _WIDTH or not foldable:
        return line
    body = textwrap.wrap(text, width=_WIDTH - indent - 2,
                         break_long_words=False, break_on_hyphens=False)
    block = "%s%s: >-\n" % (pad, key) + "\n".join(pad + "  " + b for b in body)
    if yaml.safe_load(textwrap.dedent(block))[key] != text:
        return line
    return block


def number(text):
    """Parse a CSV weight: integers stay integers, others become floats."""
    try:
        return int(text)
    except ValueError:
        return float(text)


# ---------------------------------------------------------------------------------------------
# SOURCE.md


def read_source(path):
    """Return the `- Field: value` bullets of a shared/data SOURCE.md as a dict."""
    fields = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = re.match(r"^- ([A-Za-z][A-Za-z ]*): (.*)$", line.rstrip("\n"))
            if m and m.group(1) not in fields:
                fields[m.group(1)] = m.group(2).strip()
    return fields


def plain_markdown(text):
    """Drop Markdown emphasis and code marks, keep the words."""
    return text.replace("*", "").replace("`", "")


# ---------------------------------------------------------------------------------------------
# Conversion


def ensure(condition, where, what):
    if not condition:
        raise SystemExit("%s: check failed: %s" % (where, what))


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def convert(ds, shared_dir, out_dir):
    folder = os.path.join(shared_dir, "data", ds["folder"])
    nodes = read_csv(os.path.join(folder, "nodes.csv"))
    edges = read_csv(os.path.join(folder, "edges.csv"))
    fields = read_source(os.path.join(folder, "SOURCE.md"))

    citation = plain_markdown(fields["Original citation"])
    obtained = plain_markdown(fields["Obtained from"])
    licence = plain_markdown(fields.get("Licence", ""))
    year = re.search(r"\((\d{4})\)", citation)
    note = "Obtained from: %s. Licence: %s Converted from shared/data/%s/ by " \
        "scripts/import_shared_data.py." % (obtained.rstrip("."), licence, ds["folder"])
    sid = ds["source_id"]

    out = []
    w = out.append
    w("partnergraph: 1")
    w("name: %s" % scalar(ds["name"]))
    w(text_field("description", ds["description"], 0))
    w("")
    w("sources:")
    w("  - id: %s" % sid)
    w(text_field("title", citation, 4))
    if year:
        w("    date: %s" % quoted(year.group(1)))
    w("    language: en")
    w(text_field("note", note, 4))
    if ds["kinds"]:
        w("")
        w("kinds:")
        for k in ds["kinds"]:
            w("  - id: %s" % scalar(k["id"]))
            w("    label: %s" % scalar(k["label"]))
    w("")
    w("relations:")
    for r in ds["relations"]:
        w("  - id: %s" % scalar(r["id"]))
        w("    directed: %s" % scalar(r["directed"]))
        w("    verb: %s" % scalar(r["verb"]))
    w("")
    w("nodes:")
    for row in nodes:
        parts = ["id: %s" % scalar(row["id"]), "kind: %s" % ds["node_kind"](row)]
        attrs = [(col, typ(row[col])) for col, typ in ds["node_attrs"] if row[col] != ""]
        if attrs:
            parts.append("attributes: {%s}" % ", ".join("%s: %s" % (k, scalar(v)) for k, v in attrs))
        parts.append("sources: [%s]" % sid)
        w("  - " + parts[0])
        for p in parts[1:]:
            w("    " + p)
    w("")
    w("edges:")
    for row in edges:
        w("  - {from: %s, to: %s, relation: %s%s, sources: [%s]}" % (
            scalar(row["source"]), scalar(row["target"]), ds["relation"],
            ", weight: %s" % scalar(number(row["weight"])) if ds["weight"] else "", sid))
    text = "\n".join(out) + "\n"

    # Verify before writing: the text loads, and it holds exactly the CSVs' nodes and edges, in
    # order, with the counts that SOURCE.md states.
    data = yaml.safe_load(text)
    where = ds["folder"]
    ensure([n["id"] for n in data["nodes"]] == [r["id"] for r in nodes], where, "node ids/order")
    ensure([(e["from"], e["to"]) for e in data["edges"]] ==
           [(r["source"], r["target"]) for r in edges], where, "edges/order")
    ensure(all(isinstance(n["id"], str) for n in data["nodes"]), where, "ids are strings")
    if ds["weight"]:
        ensure([e["weight"] for e in data["edges"]] == [number(r["weight"]) for r in edges],
               where, "weights")
    ids = {n["id"] for n in data["nodes"]}
    ensure(all(e["from"] in ids and e["to"] in ids for e in data["edges"]), where, "endpoints")
    for key, count in (("nodes", len(data["nodes"])), ("edges", len(data["edges"]))):
        if key in fields:
            ensure(int(fields[key].replace(",", "")) == count, where, "%s count" % key)

    path = os.path.join(out_dir, ds["out"])
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    return path, len(data["nodes"]), len(data["edges"])


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", default=os.path.join(os.path.dirname(REPO), "shared"))
    parser.add_argument("--out", default=os.path.join(REPO, "Graphs"))
    args = parser.parse_args(argv)
    os.makedirs(args.out, exist_ok=True)
    for ds in DATASETS:
        path, n, m = convert(ds, args.shared, args.out)
        print("%s: %d nodes, %d edges" % (os.path.relpath(path, REPO), n, m))
    return 0


if __name__ == "__main__":
    sys.exit(main())
