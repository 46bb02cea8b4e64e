"""Dump what pip reads from requirements files, as JSON, for wheelscout's comparison test.

Run with a Python that has pip 26.2.1 installed, from the directory that holds the files
(core/src/test/resources/requirements/real), naming the files relative to it:

    cd core/src/test/resources/requirements/real
    python ../../../../../../tools/requirements/dump_pip.py FILE... > ../pip-dump.json

For every file it records each requirement pip yields (through pip's own
parse_requirements and install_req_from_parsed_requirement) and, if pip stops with an
error, that error. Paths of this machine are replaced: the current directory by "$CWD".
"""

import json
import os
import re
import sys

from pip._internal.exceptions import InstallationError
from pip._internal.network.session import PipSession
from pip._internal.req.constructors import install_req_from_parsed_requirement
from pip._internal.req.req_file import parse_requirements

CWD = os.getcwd()
COMES_FROM = re.compile(r"^-[rc] (?P<file>.*) \(line (?P<line>\d+)\)$")


def scrub(text):
    if text is None:
        return None
    return text.replace(CWD + os.sep, "").replace(CWD, "$CWD")


def dump(filename):
    requirements = []
    error = None
    try:
        for parsed in parse_requirements(filename, session=PipSession()):
            ireq = install_req_from_parsed_requirement(parsed)
            origin = COMES_FROM.match(parsed.comes_from)
            options = parsed.options or {}
            hashes = [
                f"{algorithm}:{digest}"
                for algorithm, digests in (options.get("hashes") or {}).items()
                for digest in digests
            ]
            requirements.append(
                {
                    "name": ireq.req.name if ireq.req is not None else None,
                    "extras": sorted(ireq.extras),
                    "specifier": str(ireq.req.specifier) if ireq.req is not None else "",
                    "marker": str(ireq.markers) if ireq.markers is not None else None,
                    "url": scrub(ireq.link.url) if ireq.link is not None else None,
                    "file": scrub(origin["file"]),
                    "line": int(origin["line"]),
                    "editable": parsed.is_editable,
                    "constraint": parsed.constraint,
                    "hashes": hashes,
                }
            )
    except InstallationError as e:
        error = scrub(str(e))
    return {"file": filename, "requirements": requirements, "error": error}


if __name__ == "__main__":
    json.dump([dump(f) for f in sys.argv[1:]], sys.stdout, indent=1, sort_keys=True)
    sys.stdout.write("\n")
