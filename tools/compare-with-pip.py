#!/usr/bin/env python3
"""Compares wheelscout's picks with pip's own finder, requirement by requirement, image by image.

A development tool (needs a Python with pip; see pip-finder.py beside it). For each image it asks
`wheelscout tags` for the image's supported tags, runs pip's finder with them against the same index, and
compares the file each one picks with what `wheelscout check --format json` reports.

    compare-with-pip.py --wheelscout ./wheelscout --index-url fixtures/mirror \
        --image python:3.12-alpine --image python:3.12-slim [--pre] [--prefer-binary]
        [--only-binary NAMES] [--no-binary NAMES] REQUIREMENT...

Only requirements with no marker and no URL are compared (pip-finder takes plain PEP 508 requirements).
Prints one line per difference and a total; exits 1 when any pick differs.
"""
import argparse
import json
import os
import shlex
import subprocess
import sys
import tempfile

from pip._vendor.packaging.requirements import Requirement

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--wheelscout", default=os.path.join(HERE, "..", "wheelscout"),
                   help="the command that runs wheelscout (split like a shell would)")
    p.add_argument("--index-url", required=True, help="a mirror folder (bandersnatch layout) or a Simple API URL")
    p.add_argument("--image", action="append", required=True)
    p.add_argument("--python", default=sys.executable, help="the Python whose pip is the reference")
    p.add_argument("--arch", help="the images' architecture (default x86_64)")
    p.add_argument("--pre", action="store_true")
    p.add_argument("--prefer-binary", action="store_true")
    p.add_argument("--only-binary", action="append", default=[])
    p.add_argument("--no-binary", action="append", default=[])
    p.add_argument("requirements", nargs="+")
    args = p.parse_args()
    # The options that change pip's pick, passed alike to both.
    selection = (["--pre"] if args.pre else []) + (["--prefer-binary"] if args.prefer_binary else []) \
        + sum((["--only-binary", v] for v in args.only_binary), []) \
        + sum((["--no-binary", v] for v in args.no_binary), [])
    arch = ["--arch", args.arch] if args.arch else []

    index = args.index_url
    pip_index = index
    if os.path.isdir(index):
        pip_index = "file://" + os.path.abspath(os.path.join(index, "simple"))

    # wheelscout gives every line naming one project a single pick (pip installs one version of it), so
    # requirements naming the same project are checked in separate runs to compare each with pip alone.
    batches = []
    for req in args.requirements:
        name = Requirement(req).name.lower().replace("_", "-").replace(".", "-")
        batch = next((b for b in batches if name not in b), None)
        if batch is None:
            batch = {}
            batches.append(batch)
        batch[name] = req
    ours = {}
    targets = None
    for batch in batches:
        report = json.loads(subprocess.run(
            shlex.split(args.wheelscout) + ["check", "--format", "json", "--fail-on", "none", "--index-url", index]
            + sum((["--image", i] for i in args.image), []) + arch + selection + list(batch.values()),
            check=False, capture_output=True, text=True).stdout)
        targets = report["targets"]
        for r in report["requirements"]:
            for o in r["outcomes"]:
                ours[(r["requirement"], o["target"])] = o["file"]

    differences = 0
    compared = 0
    for image in args.image:
        tags = subprocess.run(shlex.split(args.wheelscout) + ["tags", "--image", image] + arch, check=True, capture_output=True,
                              text=True).stdout
        target = next(t for t in targets if t["image"] == image)
        full = target["python_full"] or target["python"] + ".0"
        full = ".".join(full.split("rc")[0].split("a")[0].split("b")[0].split(".")[:3])
        with tempfile.NamedTemporaryFile("w", suffix=".tags", delete=False) as f:
            f.write(tags)
        picks = subprocess.run([args.python, os.path.join(HERE, "pip-finder.py"), "--index-url", pip_index,
                                "--tags", f.name, "--python", full] + selection + args.requirements,
                               check=True, capture_output=True, text=True).stdout.splitlines()
        os.unlink(f.name)
        for line in picks:
            pip = json.loads(line)
            mine = ours.get((str(Requirement(pip["requirement"])), target["id"]))
            compared += 1
            if mine != pip["filename"]:
                differences += 1
                print(f"DIFF {image}: {pip['requirement']}: wheelscout {mine}, pip {pip['filename']}")
    print(f"{compared} picks compared, {differences} differ")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
