#!/usr/bin/env python3
"""Compares `wheelscout check --deep` with pip's own resolver on random dependency graphs.

A development tool (needs a Python with pip 26.2.1). For each case it generates a small random index -- projects
with a few versions each, pure-Python wheels whose core metadata (served beside each file, PEP 658) has random
Requires-Dist entries (version ranges, pins, exclusions, markers true or false on this machine, extras, cycles,
now and then a Requires-Python this Python fails or an unparsable entry) -- and random root requirements. It serves
the index on 127.0.0.1, asks pip for the install set:

    pip install --dry-run --ignore-installed --report - --index-url URL REQUIREMENT...

and asks wheelscout for the resolution of the same requirements on the same machine (this Python's full version
and this machine's platform tag), then compares: the same packages at the same versions, or both failing. pip
never downloads a wheel: with PEP 658 metadata and --dry-run it reads the metadata files only. PIP_* variables and
pip's configuration files are left out of both runs.

    compare-resolution-with-pip.py --wheelscout ./wheelscout --cases 200 --seed 1

With --mirror FOLDER it resolves real requirements (the arguments, each a space-separated list of requirements;
by default the lines of tools/mirror-cases.txt) against the fixtures' mirror folder instead, served with PEP 658
metadata rendered from its per-release JSON documents (plus Provides-Extra for every extra a Requires-Dist marker
names, as real metadata declares them).

With --named FILE it runs the cases written in FILE instead (tools/resolution-cases.json holds the ones the unit
tests in core's io.github.wheelscout.resolve.ResolverTest reproduce), printing pip's result for each.

Prints every difference (with the case's index kept on disk for replay) and a total; exits 1 on any difference.
Cases where pip needs a file the test index does not serve (a release without metadata), or where pip crashes
after resolving (RecursionError in resolvelib on a cycle left unconnected), are counted as not comparable.
"""
import argparse
import functools
import http.server
import json
import os
import platform
import random
import re
import shlex
import subprocess
import sys
import tempfile
import threading

HERE = os.path.dirname(os.path.abspath(__file__))

# Markers as they evaluate on the machine running pip (CPython on linux x86_64): (marker, holds here).
PY = "%d.%d" % sys.version_info[:2]
# This machine's platform tag, so that wheelscout's target is the machine pip runs on.
_libc, _libc_version = platform.libc_ver()
PLATFORM = ("manylinux_%s_%s" % (_libc_version.replace(".", "_"), platform.machine()) if _libc == "glibc"
            else "linux_" + platform.machine())
MARKERS = [
    ('python_version < "%s"' % PY, False),
    ('python_version >= "%s"' % PY, True),
    ('platform_machine == "aarch64"', False),
    ('platform_machine == "x86_64"', True),
    ('sys_platform == "win32"', False),
    ('implementation_name == "cpython"', True),
]


def version_list(rng):
    n = rng.randint(1, 5)
    majors = sorted(rng.sample(range(1, 7), n))
    versions = ["%d.0" % m for m in majors]
    if rng.random() < 0.2:
        # A pre-release: pip takes it only when a specifier names one, or when nothing else matches.
        versions.append("%d.0rc1" % (majors[-1] + 1))
    return versions


def specifier(rng, versions):
    v = rng.choice(versions)
    kind = rng.random()
    if kind < 0.25:
        return ""
    if kind < 0.45:
        return ">=" + v
    if kind < 0.6:
        return "<" + v
    if kind < 0.66:
        return "==" + v
    if kind < 0.78:
        return "!=" + v
    if kind < 0.86:
        return "~=" + v
    lo, hi = sorted(rng.sample(versions, 2), key=lambda x: (int(x.split(".")[0]), x)) if len(versions) > 1 \
        else (v, v)
    return ">=%s,<%s" % (lo, hi) if lo != hi else "<=" + hi


def generate(rng):
    """A random index: {project: {version: (requires_dist, requires_python, provided_extras)}}, and roots."""
    names = ["p%d" % i for i in range(rng.randint(3, 9))]
    versions = {n: version_list(rng) for n in names}
    extras = {n: (["x"] if rng.random() < 0.4 else []) for n in names}
    index = {}
    for n in names:
        index[n] = {}
        for v in versions[n]:
            deps = []
            for _ in range(rng.randint(0, 3)):
                d = rng.choice(names)
                if d == n and rng.random() < 0.7:
                    continue
                text = d
                if extras[d] and rng.random() < 0.3:
                    text += "[x]"
                text += specifier(rng, versions[d])
                markers = []
                if rng.random() < 0.25:
                    markers.append(rng.choice(MARKERS)[0])
                deps.append(text + ("; " + " and ".join(markers) if markers else ""))
            for _ in range(rng.randint(0, 2) if extras[n] else 0):
                d = rng.choice(names)
                deps.append(d + specifier(rng, versions[d]) + '; extra == "x"')
            if rng.random() < 0.03:
                deps.append("broken >= ==1")
            requires_python = None
            if rng.random() < 0.06:
                requires_python = ">=%d.%d" % (sys.version_info[0], sys.version_info[1] + 1)  # excludes this Python
            index[n][v] = (deps, requires_python, extras[n])
    roots = []
    for n in rng.sample(names, rng.randint(1, min(3, len(names)))):
        text = n
        if extras[n] and rng.random() < 0.3:
            text += "[x]"
        text += specifier(rng, versions[n])
        roots.append(text)
    return index, roots


def write_index(root, index):
    os.makedirs(os.path.join(root, "files"), exist_ok=True)
    for name, releases in index.items():
        page = ["<!DOCTYPE html><html><body>"]
        for version, (deps, requires_python, extras) in releases.items():
            filename = "%s-%s-py3-none-any.whl" % (name, version)
            meta = ["Metadata-Version: 2.1", "Name: " + name, "Version: " + version]
            if requires_python:
                meta.append("Requires-Python: " + requires_python)
            for e in extras:
                meta.append("Provides-Extra: " + e)
            for d in deps:
                meta.append("Requires-Dist: " + d)
            with open(os.path.join(root, "files", filename + ".metadata"), "w") as f:
                f.write("\n".join(meta) + "\n\n")
            page.append('<a href="../../files/%s" data-dist-info-metadata="true" data-core-metadata="true">%s</a>'
                        % (filename, filename))
        page.append("</body></html>")
        os.makedirs(os.path.join(root, "simple", name), exist_ok=True)
        with open(os.path.join(root, "simple", name, "index.html"), "w") as f:
            f.write("\n".join(page))


def run_pip(python, url, roots):
    # Only the index given: no configuration file, no PIP_* variables (a PIP_FIND_LINKS would add other files).
    env = {k: v for k, v in os.environ.items() if not k.startswith("PIP_")}
    env.update(PIP_CONFIG_FILE=os.devnull, PIP_NO_INPUT="1")
    p = subprocess.run([python, "-m", "pip", "install", "--dry-run", "--ignore-installed", "--no-cache-dir",
                        "--disable-pip-version-check", "--quiet", "--report", "-", "--index-url", url] + roots,
                       capture_output=True, text=True, env=env)
    if p.returncode != 0:
        return None, p.stderr.strip().splitlines()[-1:] if p.stderr.strip() else ["exit %d" % p.returncode]
    report = json.loads(p.stdout)
    return {i["metadata"]["name"].lower(): i["metadata"]["version"] for i in report["install"]}, None


def run_wheelscout(command, url, roots):
    p = subprocess.run(shlex.split(command) + [
        "check", "--deep", "--format", "json", "--fail-on", "none", "--no-progress", "--index-url", url,
        "--python", platform.python_version(), "--platform", PLATFORM] + roots, capture_output=True, text=True,
        env={k: v for k, v in os.environ.items() if not k.startswith("PIP_")})
    if not p.stdout.strip():
        return None, "wheelscout failed: " + p.stderr.strip()[-500:]
    report = json.loads(p.stdout)
    resolution = report["resolutions"][0]
    if resolution["status"] != "resolved":
        return None, resolution["conflict"]["summary"]
    run_wheelscout.rounds = resolution["rounds"]
    unknown = [pkg["name"] for pkg in resolution["packages"] if pkg["dependencies"] != "known"]
    if unknown:
        return {pkg["name"]: pkg["version"] for pkg in resolution["packages"]}, "dependencies unknown: " + ", ".join(
            unknown)
    return {pkg["name"]: pkg["version"] for pkg in resolution["packages"]}, None


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def canonical(name):
    return re.sub(r"[-_.]+", "-", name).lower()


class MirrorHandler(http.server.BaseHTTPRequestHandler):
    """The mirror's Simple pages, and each file's core metadata rendered from pypi/NAME/VERSION/json."""
    mirror = None

    def log_message(self, *args):
        pass

    def do_GET(self):
        parts = [p for p in self.path.split("?")[0].split("/") if p]
        body, kind = None, "text/html"
        if len(parts) == 2 and parts[0] == "simple":
            path = os.path.join(self.mirror, "simple", parts[1], "index.html")
            if os.path.isfile(path):
                with open(path, "rb") as f:
                    body = f.read()
        elif parts and parts[0] == "packages" and parts[-1].endswith(".metadata"):
            body, kind = self.metadata(parts[-1][:-len(".metadata")]), "application/octet-stream"
        if body is None:
            self.send_response(404)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def metadata(self, filename):
        if filename.endswith(".whl"):
            name, version = filename.split("-")[:2]
        else:
            stem = re.sub(r"(\.tar\.gz|\.tar\.bz2|\.zip|\.tgz|\.tar)$", "", filename)
            name, _, version = stem.rpartition("-")
        path = os.path.join(self.mirror, "pypi", canonical(name), version, "json")
        if not os.path.isfile(path):
            return None
        with open(path) as f:
            info = json.load(f)["info"]
        lines = ["Metadata-Version: 2.1", "Name: " + info["name"], "Version: " + info["version"]]
        if info.get("requires_python"):
            lines.append("Requires-Python: " + info["requires_python"])
        extras = []
        for r in info.get("requires_dist") or []:
            for e in re.findall(r"extra\s*==\s*['\"]([^'\"]+)['\"]", r):
                if e not in extras:
                    extras.append(e)
        lines += ["Provides-Extra: " + e for e in extras]
        lines += ["Requires-Dist: " + r for r in info.get("requires_dist") or []]
        return ("\n".join(lines) + "\n\n").encode()


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--wheelscout", default=os.path.join(HERE, "..", "wheelscout"))
    p.add_argument("--python", default=sys.executable, help="the Python whose pip is the reference")
    p.add_argument("--cases", type=int, default=100)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--mirror", help="a mirror folder: resolve the requirement lists given as arguments against it")
    p.add_argument("requirement_lists", nargs="*", help="with --mirror: each a space-separated requirement list"
                   " (default: the lines of tools/mirror-cases.txt)")
    p.add_argument("--named", help="a JSON file of named cases: {name: {requirements: [...], index: {project:"
                   " {version: {requires_dist: [...], requires_python: str|null, provides_extra: [...]}}}}}")
    args = p.parse_args()

    base = tempfile.mkdtemp(prefix="wheelscout-resolve-")
    if args.mirror:
        MirrorHandler.mirror = os.path.abspath(args.mirror)
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), MirrorHandler)
    else:
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=base))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]

    if args.mirror:
        lists = args.requirement_lists
        if not lists:
            with open(os.path.join(HERE, "mirror-cases.txt")) as f:
                lists = [line.strip() for line in f if line.strip() and not line.startswith("#")]
        cases = [("mirror%d" % i, None, lst.split()) for i, lst in enumerate(lists)]
    elif args.named:
        with open(args.named) as f:
            named = json.load(f)
        cases = [(name, {p: {v: (r["requires_dist"], r["requires_python"], r["provides_extra"])
                             for v, r in releases.items()} for p, releases in c["index"].items()},
                  c["requirements"]) for name, c in named.items()]
    else:
        rng = random.Random(args.seed)
        cases = [("case%d" % i,) + generate(rng) for i in range(args.cases)]
    same = differ = incomparable = 0
    outcomes = {"resolved": 0, "failed": 0}
    for case, index, roots in cases:
        if index is None:
            root = args.mirror
            url = "http://127.0.0.1:%d/simple/" % port
        else:
            root = os.path.join(base, case)
            write_index(root, index)
            url = "http://127.0.0.1:%d/%s/simple/" % (port, case)
        pip_set, pip_error = run_pip(args.python, url, roots)
        ours, our_error = run_wheelscout(args.wheelscout, url, roots)
        if args.named or args.mirror:
            print("%s: %s -> pip: %s" % (case, " ".join(roots), pip_set if pip_set is not None else "fails"))
        if pip_set is None and "404" in str(pip_error) and str(our_error).startswith("dependencies unknown"):
            # pip needed a file's metadata the index does not serve (it tried to download the file): wheelscout
            # resolves such a release without dependencies and says so; the two cannot be compared.
            incomparable += 1
            print("  (not comparable: %s; pip needed a file the test index does not have)" % our_error)
            continue
        if pip_set is None and "RecursionError" in str(pip_error):
            # pip 26.2.1 resolves, then crashes building the result: resolvelib's _has_route_to_root recurses
            # forever on a cycle of packages no longer connected to the requirements.
            incomparable += 1
            print("%s: %s\n  (not comparable: pip crashes with RecursionError after resolving; wheelscout: %s)"
                  % (case, " ".join(roots), ours if ours is not None else our_error))
            continue
        if pip_set == ours:
            same += 1
            outcomes["resolved" if pip_set is not None else "failed"] += 1
            if pip_set is not None and getattr(run_wheelscout, "rounds", 0) > len(pip_set) + 1:
                outcomes["backtracked"] = outcomes.get("backtracked", 0) + 1
            continue
        differ += 1
        print("%s: %s" % (case, " ".join(roots)))
        print("  index: %s" % root)
        print("  pip:        %s" % (pip_set if pip_set is not None else "fails: %s" % pip_error))
        print("  wheelscout: %s" % (ours if ours is not None else "fails: %s" % our_error))
    server.shutdown()
    print("%d cases: %d agree (%d resolved, %d of them after backtracking; %d fail in both), %d differ, %d not"
          " comparable; pip %s, Python %s"
          % (len(cases), same, outcomes["resolved"], outcomes.get("backtracked", 0), outcomes["failed"], differ,
             incomparable,
             subprocess.run([args.python, "-m", "pip", "--version"], capture_output=True, text=True).stdout.split()[1],
             platform.python_version()))
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
