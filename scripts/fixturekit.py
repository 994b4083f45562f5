"""What the fixture scripts of issue 16 share: a deterministic run, the NetworkX version
check, reading a Graphs/ file, and writing a fixture.

Each script starts with

    import fixturekit
    fixturekit.deterministic()

before it imports anything whose output could depend on string hashing.
"""

import json
import os
import sys

NETWORKX_VERSION = "3.6.1"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def deterministic():
    """Re-run the script with PYTHONHASHSEED=0, so set and dict orders are the same every run."""
    if os.environ.get("PYTHONHASHSEED") != "0":
        env = dict(os.environ, PYTHONHASHSEED="0")
        os.execve(sys.executable, [sys.executable] + sys.argv, env)


def fixtures(name):
    """The folder of one family of fixtures."""
    return os.path.join(ROOT, "Tests", "PartnerGraphAlgorithmsTests", "Fixtures", name)


def check_networkx(nx):
    """Refuse another NetworkX than the one the fixtures name, unless --any-version."""
    if nx.__version__ != NETWORKX_VERSION and "--any-version" not in sys.argv:
        sys.exit(f"NetworkX {NETWORKX_VERSION} expected, found {nx.__version__} (--any-version to go on)")


def load_graph(file):
    """A Graphs/ file: (document, node ids in file order, (from, to) of every edge in order)."""
    try:
        import yaml
    except ImportError:  # pragma: no cover
        sys.exit(f"{os.path.basename(sys.argv[0])} needs PyYAML: pip install pyyaml")
    with open(os.path.join(ROOT, "Graphs", file), encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    order = [str(n["id"]) for n in doc["nodes"]]
    edges = [(str(e["from"]), str(e["to"])) for e in doc.get("edges") or []]
    return doc, order, edges


def write(folder, name, doc):
    """The fixture as JSON (keys sorted, one-space indent, final newline), identical bytes on
    every run."""
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, name + ".json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=1, sort_keys=True)
        f.write("\n")
    print("wrote", os.path.relpath(path, ROOT))
