#!/usr/bin/env python3
"""Write Graphs/coleman-high-school.yaml: Coleman's high-school friendships of 1957 and 1958.

Coleman (1964) asked the 73 boys of a small Illinois high school, twice a year apart, "What
fellows here in school do you go around with most often?". R's sna package ships the answers as
the array `coleman` (2 × 73 × 73: Fall 1957, Spring 1958; entry [k, i, j] = 1 when boy i named
boy j in wave k); Debian packages it as r-cran-sna (GPL-2+). ggraph's `highschool` (MIT) holds
the same ties as an edge list with the years 1957 and 1958.

This script downloads the Debian package (apt-get download, no installation), unpacks it into a
temporary folder, reads the .RData file with the PyPI package `rdata`, and writes the network:
one node per boy (ids "1".."73", as R's row numbers; 3 boys named no one and were named by no
one), one directed edge `goes-around-with` per pair named in at least one wave: since 1957 until
1957 (Fall 1957 only), since 1958 until 1958 (Spring 1958 only), or since 1957 until 1958
(both). The waves are given years only, as the two R packages' documentation disagree on the
seasons (sna: "Fall, 1957" and "Spring, 1958"; ggraph: "1957 and 1958").

Usage:
    python3 scripts/import_coleman.py [--out Graphs/coleman-high-school.yaml]

Needs apt-get (Debian), dpkg-deb, and `pip install rdata pyyaml`.
"""

import argparse
import glob
import os
import subprocess
import sys
import tempfile

import yaml

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PACKAGE = "r-cran-sna"


def load_waves():
    try:
        import rdata
    except ImportError:
        sys.exit("import_coleman.py needs the PyPI package rdata: pip install rdata")
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["apt-get", "download", PACKAGE], cwd=tmp, check=True, stdout=subprocess.DEVNULL)
        deb = glob.glob(os.path.join(tmp, PACKAGE + "_*.deb"))[0]
        version = os.path.basename(deb).split("_")[1]
        subprocess.run(["dpkg-deb", "-x", deb, os.path.join(tmp, "x")], check=True)
        path = os.path.join(tmp, "x/usr/lib/R/site-library/sna/data/coleman.RData")
        array = rdata.read_rda(path)["coleman"]
        waves = [str(w) for w in array.coords["dim_0"].values]
        values = array.values
    if values.shape != (2, 73, 73) or waves != ["Fall", "Spring"]:
        sys.exit(f"unexpected coleman array: shape {values.shape}, waves {waves}")
    return version, values


def quote(s):
    return '"' + s + '"'


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default=os.path.join(REPO, "Graphs", "coleman-high-school.yaml"))
    args = parser.parse_args()
    version, a = load_waves()
    n = a.shape[1]
    fall = {(i, j) for i in range(n) for j in range(n) if a[0, i, j]}
    spring = {(i, j) for i in range(n) for j in range(n) if a[1, i, j]}
    if any(i == j for i, j in fall | spring):
        sys.exit("unexpected self-nomination")

    out = []
    out.append("partnergraph: 1")
    out.append("name: Coleman's high-school friendships, 1957 and 1958")
    out.append("description: >-")
    out.append("  The 73 boys of a small Illinois high school, asked twice a year apart \"What fellows here")
    out.append("  in school do you go around with most often?\" (Coleman 1964). A tie i → j when boy i named")
    out.append("  boy j: since 1957 until 1957 when named in the first wave only, 1958 in the second only,")
    out.append("  1957 to 1958 in both. Boys are numbered as in R's sna package (data coleman); boys 25, 72")
    out.append("  and 73 named no one and were named by no one.")
    out.append("")
    out.append("sources:")
    out.append("  - id: coleman-1964")
    out.append("    title: >-")
    out.append("      Coleman, J. S. (1964). Introduction to Mathematical Sociology. New York: Free Press,")
    out.append("      pp. 450-451.")
    out.append('    date: "1964"')
    out.append("    language: en")
    out.append("    note: >-")
    out.append(f"      Obtained from: Debian package {PACKAGE} {version} (bookworm), file")
    out.append("      /usr/lib/R/site-library/sna/data/coleman.RData, the array coleman (waves Fall, Spring;")
    out.append("      R's sna documentation: Fall 1957 and Spring 1958). Licence: the sna package (and the")
    out.append("      Debian package) is GPL-2+; the same ties are in R's ggraph package (data highschool,")
    out.append("      MIT, years 1957 and 1958). Converted by scripts/import_coleman.py.")
    out.append("")
    out.append("relations:")
    out.append("  - id: goes-around-with")
    out.append("    directed: true")
    out.append("    verb: goes around with")
    out.append("")
    out.append("nodes:")
    for i in range(n):
        out.append(f"  - id: {quote(str(i + 1))}")
        out.append("    kind: person")
        out.append(f"    label: Boy {i + 1}")
        out.append("    sources: [coleman-1964]")
    out.append("")
    out.append("edges:")
    count = 0
    for i, j in sorted(fall | spring):
        since = "1957" if (i, j) in fall else "1958"
        until = "1958" if (i, j) in spring else "1957"
        out.append(f"  - from: {quote(str(i + 1))}")
        out.append(f"    to: {quote(str(j + 1))}")
        out.append("    relation: goes-around-with")
        out.append(f"    since: {quote(since)}")
        out.append(f"    until: {quote(until)}")
        out.append("    sources: [coleman-1964]")
        count += 1
    text = "\n".join(out) + "\n"
    doc = yaml.safe_load(text)
    assert len(doc["nodes"]) == n and len(doc["edges"]) == count == len(fall | spring)
    tmp = args.out + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, args.out)
    print(f"wrote {os.path.relpath(args.out, REPO)}: {n} boys, {count} ties "
          f"({len(fall)} in 1957, {len(spring)} in 1958, {len(fall & spring)} in both)")


if __name__ == "__main__":
    main()
