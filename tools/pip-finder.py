#!/usr/bin/env python3
"""What pip's own finder picks for each requirement on a given target: the reference wheelscout is
compared with. A development tool, not a dependency of wheelscout: it needs a Python with pip installed
(the comparisons in the README were made with pip 26.2.1) and imports pip's internal modules, which
have no stable API.

The target's supported tags are given, most preferred first (one per line, as `wheelscout tags` prints
them), so that pip judges wheels exactly as that machine's interpreter would; pip then applies its own
rules: requires-python, yanked files (PEP 592), pre-releases, --only-binary/--no-binary,
--prefer-binary, build tags, and the resolver's "newest version first" order.

    pip-finder.py --index-url URL --tags FILE --python 3.12.3 [--pre] [--prefer-binary]
                  [--only-binary SPEC]... [--no-binary SPEC]... REQUIREMENT...

Prints one JSON object per requirement: {"requirement", "name", "version", "filename", "yanked"},
with null version and filename when pip finds nothing installable.
"""
import argparse
import json
import sys

from pip._internal.index.collector import LinkCollector
from pip._internal.index.package_finder import PackageFinder
from pip._internal.models.format_control import FormatControl
from pip._internal.models.release_control import ReleaseControl
from pip._internal.models.search_scope import SearchScope
from pip._internal.models.selection_prefs import SelectionPreferences
from pip._internal.models.target_python import TargetPython
from pip._internal.network.session import PipSession
from pip._vendor.packaging.requirements import Requirement
from pip._vendor.packaging.tags import Tag


def is_pinned(specifier):
    # The resolver's own test (pip/_internal/resolution/resolvelib/factory.py).
    for sp in specifier:
        if sp.operator == "===":
            return True
        if sp.operator == "==" and not sp.version.endswith(".*"):
            return True
    return False


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--index-url", required=True)
    parser.add_argument("--tags", required=True, help="file of supported tags, most preferred first")
    parser.add_argument("--python", required=True, help="full Python version of the target, e.g. 3.12.3")
    parser.add_argument("--pre", action="store_true")
    parser.add_argument("--prefer-binary", action="store_true")
    parser.add_argument("--only-binary", action="append", default=[])
    parser.add_argument("--no-binary", action="append", default=[])
    parser.add_argument("requirements", nargs="+")
    args = parser.parse_args()

    with open(args.tags, encoding="utf-8") as f:
        tags = [Tag(*line.strip().split("-")) for line in f if line.strip()]
    target = TargetPython(py_version_info=tuple(int(p) for p in args.python.split(".")))
    target._valid_tags = tags  # the target machine's tags, instead of pip's guess from --platform

    format_control = FormatControl(set(), set())
    for value in args.no_binary:
        FormatControl.handle_mutual_excludes(value, format_control.no_binary, format_control.only_binary)
    for value in args.only_binary:
        FormatControl.handle_mutual_excludes(value, format_control.only_binary, format_control.no_binary)
    release_control = ReleaseControl(all_releases={":all:"}) if args.pre else None

    session = PipSession()
    collector = LinkCollector(session=session,
                              search_scope=SearchScope.create(find_links=[], index_urls=[args.index_url],
                                                              no_index=False))
    prefs = SelectionPreferences(allow_yanked=True, format_control=format_control,
                                 prefer_binary=args.prefer_binary, release_control=release_control)
    finder = PackageFinder.create(collector, prefs, target_python=target)

    for text in args.requirements:
        req = Requirement(text)
        result = finder.find_best_candidate(req.name, req.specifier)
        candidates = result.applicable_candidates
        all_yanked = all(c.link.is_yanked for c in candidates)
        pinned = is_pinned(req.specifier)
        pick = None
        for candidate in reversed(candidates):  # the resolver tries the most preferred first
            if candidate.link.is_yanked and not (all_yanked and pinned):
                continue
            pick = candidate
            break
        print(json.dumps({
            "requirement": text,
            "name": req.name,
            "version": str(pick.version) if pick else None,
            "filename": pick.link.filename if pick else None,
            "yanked": bool(pick and pick.link.is_yanked),
        }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
