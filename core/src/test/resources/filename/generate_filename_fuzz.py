"""Writes filename-fuzz-reference.jsonl: random, mostly hostile wheel filenames and packaging's verdict on each.

Test-data generator, not part of the build. Run it with a Python that has packaging 26.3 installed:

    python generate_filename_fuzz.py > filename-fuzz-reference.jsonl

Each line: the input and either its parse (normalised name, str(version), build as [number, rest], tags sorted by
code point) or packaging's exact error message. Inputs on which packaging raises anything other than
InvalidWheelFilename are skipped (as in the shared vectors).
"""

import json
import random

import packaging
from packaging.utils import InvalidWheelFilename, parse_wheel_filename

assert packaging.__version__ == "26.3", packaging.__version__

random.seed(11)
ALPHABET = list("abcXYZ019_.+ !") + [
    "é", "İ", "Σ", "ς", "²", "Ⅰ", "\u212a", "\u0301", "\u200b", "\t", "\n", "\r", "日", "😀", "'", '"', "\\",
    "\x00", "\u2028", "\u00a0", "ß", "ǅ", "ʰ", "\u2e2f", "\uff9e",
]
NAMES = ["foo", "Foo_Bar", "a.b", "x__y", "_x", "AΣ.B", "AΣ_", "İx", "ǅz", "x²", "Ⅰ", "é.é", ".", "_", "a..b"]
VERSIONS = ["1.0", "v1.0", " 1.0 ", "1.0.post1", "1!2", "1.0+loc", "1a", "1.0.dev", "１.0", "1_0", "V1.0RC1",
            "1.0\u00a0"]
BUILDS = ["1", "1abc", "0x", "123456789012345678901234", "1\nx", "1\r", "1\u2028z", "a1", "", "7 "]
INTERPRETERS = ["py3", "cp312", "py2.py3", "CP312", "3py", "py3.", "py3..py2", "İ", "Σ", "pp73", "py3\u200b", "_x",
                "py\u0301", "ｐy3", "\uff9ex", "x\uff9e", "\u2e2f"]
ABIS = ["none", "abi3", "cp312", "ABI3", "", "a.b", "x y", "Σ", "ς.Σ"]
PLATFORMS = ["any", "manylinux_2_17_x86_64", "win_amd64", "manylinux_2_17_x86_64.manylinux2014_x86_64", "",
             "x..y", "İ", "ANY", "linux_x86_64.", "\t"]


def pick(choices):
    if random.random() < 0.85:
        return random.choice(choices)
    return "".join(random.choice(ALPHABET) for _ in range(random.randint(0, 4)))


def main():
    for _ in range(6000):
        parts = [pick(NAMES), pick(VERSIONS)]
        if random.random() < 0.4:
            parts.append(pick(BUILDS))
        parts += [pick(INTERPRETERS), pick(ABIS), pick(PLATFORMS)]
        filename = "-".join(parts) + (".whl" if random.random() < 0.97 else ".WHL")
        try:
            name, version, build, tags = parse_wheel_filename(filename)
            line = {"input": filename, "valid": True, "name": name, "version": str(version),
                    "build": [str(build[0]), build[1]] if build else None,
                    "tags": sorted(str(t) for t in tags)}
        except InvalidWheelFilename as e:
            line = {"input": filename, "valid": False, "error": str(e)}
        except Exception:  # noqa: BLE001 - e.g. int() limits: not packaging's filename error
            continue
        print(json.dumps(line, ensure_ascii=True))


if __name__ == "__main__":
    main()
