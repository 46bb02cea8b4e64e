#!/usr/bin/env python3
"""Derives the Debian rows of wheelscout's advise tables for another Debian release from that release's
Packages index (dists/RELEASE/main/binary-amd64/Packages.xz of the Debian archive, downloaded by hand and
checked against the sha256 its Release file lists).

Usage: debian_release_rows.py PACKAGES[.xz] RELEASE "PROVENANCE TEXT"

Reads core/src/main/resources/io/github/wheelscout/advise/debian/{runtime-libraries,apk-to-debian}.tsv and prints,
for RELEASE:
  1. runtime-libraries rows: for every development package with a derived (not curated, not '*') row, its
     Depends pinned to its own version ('= VERSION': binary packages of the same source, i.e. its libraries),
     the rule the bookworm rows were made with;
  2. apk-to-debian rows for the release-specific runtime names: the package of that name if it is a real
     package in RELEASE, else the one real package that Provides and Replaces it (the 64-bit time_t renames:
     libssl3 -> libssl3t64);
  3. on stderr: every name the tables use on every release ('*' rows) that is not a real package in RELEASE, and
     every curated row, to be redone by hand.
Nothing is written; review the output and add it to the tables.
"""
import lzma
import re
import sys
from pathlib import Path

TABLES = Path(__file__).resolve().parents[2] / "core/src/main/resources/io/github/wheelscout/advise/debian"


def stanzas(path):
    opener = lzma.open if str(path).endswith(".xz") else open
    packages = {}
    current, key = {}, None
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line == "\n":
                if current:
                    packages[current["Package"]] = current
                current, key = {}, None
            elif line[0] in " \t":
                current[key] += line.rstrip("\n")
            else:
                key, _, value = line.partition(":")
                current[key] = value.strip()
    if current:
        packages[current["Package"]] = current
    return packages


def relations(field):
    """[(name, op, version)] of a Depends/Provides/Replaces field; alternatives are kept in order."""
    out = []
    for part in re.split(r"[,|]", field or ""):
        m = re.match(r"\s*([a-z0-9][a-z0-9+.-]*)(?::[a-z0-9]+)?\s*(?:\(\s*(<<|<=|=|>=|>>)\s*([^)]+?)\s*\))?", part)
        if m:
            out.append((m.group(1), m.group(2), m.group(3)))
    return out


def rows(name):
    with open(TABLES / name, encoding="utf-8") as f:
        lines = [l.rstrip("\n") for l in f if not l.startswith("#")]
    return [l.split("\t") for l in lines[1:] if l]


def main():
    packages = stanzas(sys.argv[1])
    release, provenance = sys.argv[2], sys.argv[3]
    provided = {}
    for p in packages.values():
        for name, _, _ in relations(p.get("Provides")):
            provided.setdefault(name, []).append(p["Package"])

    print("# runtime-libraries.tsv rows")
    for build, runtime, releases, why in rows("runtime-libraries.tsv"):
        if releases == "*" or release in releases.split(","):
            continue
        if why.startswith("curated"):
            print(f"curated row to redo by hand: {build} -> {runtime} ({why})", file=sys.stderr)
            continue
        p = packages.get(build)
        if p is None:
            print(f"{build}: not a package in {release}", file=sys.stderr)
            continue
        pinned = [n for n, op, v in relations(p.get("Depends")) if op == "=" and v == p["Version"]]
        libs = " ".join(dict.fromkeys(pinned)) or "-"
        print(f"{build}\t{libs}\t{release}\tDepends pinned to the same version ({provenance})")

    print("# apk-to-debian.tsv rows")
    for apk, debian, releases, why in rows("apk-to-debian.tsv"):
        if releases == "*":
            for d in debian.split():
                if d != "-" and d not in packages:
                    print(f"'*' row {apk} -> {debian}: {d} is not a package in {release}", file=sys.stderr)
            continue
        if release in releases.split(","):
            continue
        out = []
        for d in debian.split():
            if d in packages:
                out.append(d)
                continue
            renamed = [q for q in provided.get(d, []) if d in [n for n, _, _ in relations(packages[q].get("Replaces"))]]
            if len(renamed) != 1:
                print(f"{apk} -> {d}: no single package provides and replaces it in {release}: {renamed}",
                      file=sys.stderr)
                break
            out.append(renamed[0])
        else:
            note = "runtime library package" if out == debian.split() else "renamed from " + debian + \
                " (it Provides and Replaces the old name)"
            print(f"{apk}\t{' '.join(out)}\t{release}\t{note} ({provenance})")


if __name__ == "__main__":
    main()
