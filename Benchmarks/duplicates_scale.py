#!/usr/bin/env python3
"""How `partnergraph duplicates` scales and what it finds: 95,000 random organisation names
(1 to 4 words from a vocabulary of 6,000 random words, a random Nordic country each) plus 5,000
planted duplicates of earlier names (40% with a company suffix, 40% with one letter changed,
20% in capitals), and 100,000 random ties. Prints the wall time, the peak memory and the share of
planted duplicates that appear in some candidate pair (--min-score 0, since the planted copies
often carry another country, which lowers their score).

Usage: python3 Benchmarks/duplicates_scale.py [--binary .build/release/partnergraph]
"""
import argparse
import csv
import os
import random
import resource
import subprocess
import sys
import tempfile
import time

parser = argparse.ArgumentParser()
parser.add_argument("--binary", default=os.path.join(os.path.dirname(__file__), "..", ".build", "release", "partnergraph"))
args = parser.parse_args()

rng = random.Random(1)
letters = "abcdefghijklmnopqrstuvwxyz"
vocab = sorted({"".join(rng.choice(letters) for _ in range(rng.randint(3, 10))).capitalize() for _ in range(6000)})
names = [" ".join(rng.choice(vocab) for _ in range(rng.randint(1, 4))) for _ in range(95000)]
for _ in range(5000):
    n, r = rng.choice(names[:95000]), rng.random()
    if r < 0.4:
        n = n + " " + rng.choice(["AS", "Oy", "Ltd", "AB", "GmbH"])
    elif r < 0.8:
        k = rng.randrange(len(n))
        n = n[:k] + rng.choice(letters) + n[k + 1:]
    else:
        n = n.upper()
    names.append(n)
with tempfile.TemporaryDirectory() as tmp:
    nodes, edges = os.path.join(tmp, "nodes.csv"), os.path.join(tmp, "edges.csv")
    with open(nodes, "w") as f:
        f.write("id,kind,label,country\n")
        for i, n in enumerate(names):
            f.write(f"n{i},organisation,{n},{rng.choice(['Norway', 'Finland', 'Denmark', 'Sweden'])}\n")
    with open(edges, "w") as f:
        f.write("source,target\n")
        for i in range(100000):
            f.write(f"n{i},n{rng.randrange(100000)}\n")
    start = time.time()
    out = subprocess.run([args.binary, "duplicates", edges, "--nodes", nodes, "--format", "csv", "--min-score", "0"],
                         capture_output=True, text=True, check=True).stdout
    seconds = time.time() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
rows = list(csv.DictReader(out.splitlines()))
ids = {r["keep"] for r in rows} | {r["duplicate"] for r in rows}
found = sum(f"n{i}" in ids for i in range(95000, 100000)) / 5000
print(f"100,000 nodes: {seconds:.1f} s, peak {peak:.0f} MiB, {len(rows)} pairs, planted duplicates found: {found:.1%}")
