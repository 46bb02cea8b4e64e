"""Writes sys-tags-reference.jsonl: packaging's real sys_tags() for machines the shared vectors do not cover.

Test-data generator, not part of the build. Run it with a Python that has packaging 26.3 installed:

    python generate_sys_tags_reference.py > sys-tags-reference.jsonl

It does not compute tags itself: it replaces what packaging *detects* about the running machine (interpreter
name and version, sysconfig variables, sysconfig platform, 32-bit-ness, glibc and musl versions, the ELF checks)
and then calls packaging.tags.sys_tags(). Every line: the machine's description and the ordered tag list.
"""

import json
import sys
import types

import packaging
from packaging import _manylinux, _musllinux, tags

assert packaging.__version__ == "26.3", packaging.__version__

# (python minor, free-threaded, implementation, libc, libc version, kernel arch, 32-bit interpreter, note)
MACHINES = [
    (11, False, "cpython", "glibc", (2, 36), "ppc64", False, "big-endian ppc64"),
    (12, False, "cpython", "glibc", (2, 39), "loongarch64", False, "loongarch64"),
    (11, False, "cpython", "glibc", (2, 36), "armv6l", False, "Raspberry Pi OS armv6l: no manylinux for armv6l"),
    (12, False, "cpython", "musl", (1, 2), "armv6l", False, "python:3.12-alpine arm32v6"),
    (13, False, "cpython", "glibc", (2, 41), "armv5tel", False, "python:3.13-slim arm32v5"),
    (14, False, "cpython", "glibc", (2, 41), "mips64", False, "mips64le"),
    (10, False, "cpython", "musl", (1, 1), "x86_64", False, "musl 1.1"),
    (9, False, "cpython", "musl", (1, 1), "x86_64", True, "musl 1.1, i686 on x86_64"),
    (8, False, "cpython", "glibc", (2, 5), "x86_64", False, "glibc 2.5: the x86_64 floor"),
    (8, False, "cpython", "glibc", (2, 4), "x86_64", False, "glibc older than the floor"),
    (8, False, "cpython", "glibc", (2, 12), "x86_64", True, "manylinux2010 i686"),
    (11, False, "cpython", "glibc", (2, 17), "aarch64", False, "glibc 2.17: the aarch64 floor"),
    (11, False, "cpython", "glibc", (2, 16), "aarch64", False, "glibc older than the aarch64 floor"),
    (13, False, "cpython", "glibc", (2, 17), "aarch64", True, "armv8l at the floor"),
    (8, False, "cpython", "glibc", (2, 17), "s390x", False, "s390x manylinux2014"),
    (15, False, "cpython", "glibc", (2, 41), "aarch64", False, "3.15 arm64"),
    (15, False, "cpython", "musl", (1, 2), "riscv64", False, "3.15 riscv64 Alpine"),
    (16, True, "cpython", "glibc", (2, 41), "x86_64", False, "free-threaded 3.16t"),
    (16, False, "cpython", "musl", (1, 2), "x86_64", False, "3.16 Alpine"),
    (13, True, "cpython", "musl", (1, 2), "aarch64", False, "free-threaded 3.13t Alpine arm64"),
    (20, False, "cpython", "glibc", (2, 43), "x86_64", False, "3.20"),
    (12, False, "cpython", "glibc", (3, 1), "x86_64", False, "hypothetical glibc 3.1"),
    (11, False, "graalpy", "glibc", (2, 36), "aarch64", False, "GraalPy 24.2 arm64"),
    (12, False, "graalpy", "glibc", (2, 41), "x86_64", False, "GraalPy 25.0"),
    (11, False, "pypy", "glibc", (2, 41), "x86_64", True, "pypy:3.11 i386"),
    (10, False, "pypy", "glibc", (2, 41), "aarch64", False, "PyPy 3.10 arm64"),
    (11, False, "pypy", "musl", (1, 2), "x86_64", False, "PyPy on musl"),
]

EXT_SUFFIX = {
    "cpython": ".cpython-3{minor}-{arch}-linux-gnu.so",
    "pypy": ".pypy3{minor}-pp73-{arch}-linux-gnu.so",
    "graalpy": ".graalpy{graal}-3{minor}-native-{arch}-linux.so",
}
GRAALPY_RELEASE = {11: "242", 12: "250"}


def run(minor, free_threaded, impl, libc, libc_version, kernel_arch, is_32bit):
    config = {
        "Py_DEBUG": 0,
        "Py_GIL_DISABLED": 1 if free_threaded else 0,
        "WITH_PYMALLOC": 1,
        "py_version_nodot": f"3{minor}",
        "EXT_SUFFIX": EXT_SUFFIX[impl].format(minor=minor, arch=kernel_arch, graal=GRAALPY_RELEASE.get(minor)),
    }
    fake_sys = types.SimpleNamespace(
        version_info=(3, minor, 0, "final", 0),
        implementation=types.SimpleNamespace(name=impl),
        executable=sys.executable,
        maxunicode=sys.maxunicode,
    )
    tags.sys = fake_sys
    tags._get_config_var = lambda name, warn=False: config.get(name)
    tags.interpreter_name = lambda: tags.INTERPRETER_SHORT_NAMES.get(impl) or impl
    tags.platform.system = lambda: "Linux"
    tags.sysconfig.get_platform = lambda: f"linux-{kernel_arch}"
    tags._linux_platforms.__defaults__ = (is_32bit,)
    # What the ELF header of a real interpreter would say: i686 and hard-float ARM.
    _manylinux._is_linux_armhf = lambda executable: True
    _manylinux._is_linux_i686 = lambda executable: True
    _manylinux._get_manylinux_module = lambda: None
    glibc = _manylinux._GLibCVersion(*libc_version) if libc == "glibc" else _manylinux._GLibCVersion(-1, -1)
    _manylinux._get_glibc_version = lambda: glibc
    musl = _musllinux._MuslVersion(*libc_version) if libc == "musl" else None
    _musllinux._get_musl_version = lambda executable: musl
    return [str(t) for t in tags.sys_tags()]


def main():
    for minor, free_threaded, impl, libc, libc_version, kernel_arch, is_32bit, note in MACHINES:
        result = run(minor, free_threaded, impl, libc, libc_version, kernel_arch, is_32bit)
        arch = {"x86_64": "i686", "aarch64": "armv8l"}[kernel_arch] if is_32bit else kernel_arch
        line = {
            "python": f"3.{minor}" + ("t" if free_threaded else ""),
            "impl": impl,
            "libc": f"{libc} {libc_version[0]}.{libc_version[1]}",
            "arch": arch,
            "note": note,
            "tags": result,
        }
        print(json.dumps(line, ensure_ascii=True))


if __name__ == "__main__":
    main()
