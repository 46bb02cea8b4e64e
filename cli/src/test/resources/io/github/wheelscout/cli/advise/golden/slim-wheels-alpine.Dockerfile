# syntax=docker/dockerfile:1

# Written by wheelscout for python:3.11-alpine, pinned to python:3.11.16-alpine3.24.
# python:3.11-alpine: 2 wheels, 4 source builds (numpy, psutil and shapely compile native code and
#   need build-base, gfortran, libbsd-dev, openblas-dev, linux-headers, geos-dev; duckdb compiles
#   native code, but what it needs beyond a compiler is not known) and 1 package that cannot install
#   (onnxruntime: 1.23.2 has no source distribution, none of its wheels fits (manylinux for cp310,
#   cp311, cp312, cp313; macOS; Windows)); 44.6 MB to download.
# numpy 1.24.4 builds from source (compiled): build packages build-base gfortran libbsd-dev
#   openblas-dev; runtime packages libgfortran libbsd openblas; from Alpine's packaging of py3-numpy
#   2.3.1-r0 (Alpine edge (aports e91eb271fb92, 2025-07-16), nearest).
# psutil 5.9.8 builds from source (compiled): build packages build-base linux-headers; from Alpine's
#   packaging of py3-psutil 7.0.0-r0 (Alpine edge (aports e91eb271fb92, 2025-07-16), nearest).
# shapely 2.0.6 builds from source (compiled): build packages build-base geos-dev; runtime packages
#   geos; from Alpine's packaging of py3-shapely 2.1.1-r0 (Alpine edge (aports e91eb271fb92,
#   2025-07-16), nearest).
# duckdb 1.4.4 builds from source (compiled): build packages build-base; it compiles (other platforms
#   have platform-specific wheels of 1.4.4), but Alpine does not package duckdb (Alpine edge (aports
#   e91eb271fb92, 2025-07-16)): which headers and libraries it needs beyond the compiler is not known.
# onnxruntime==1.23.2 cannot install on this image (1.23.2 has no source distribution, none of its
#   wheels fits (manylinux for cp310, cp311, cp312, cp313; macOS; Windows)): the build fails until it
#   is removed or replaced.
# Every requirement is pinned (slim-wheels.txt), so the builder runs pip wheel --no-deps: every
#   dependency must be listed too, pinned (as pip-compile or uv pip compile write it).
# The runtime stage mounts the builder's /wheels (RUN --mount): build with BuildKit, the default since
#   Docker 23.

FROM python:3.11.16-alpine3.24 AS builder
# Build packages: compilers and headers for the source builds; this stage is discarded.
RUN apk add --no-cache \
        build-base \
        gfortran \
        libbsd-dev \
        openblas-dev \
        linux-headers \
        geos-dev
WORKDIR /build
COPY slim-wheels.txt .
RUN pip wheel --no-cache-dir --no-deps --wheel-dir /wheels -r slim-wheels.txt

FROM python:3.11.16-alpine3.24
# Runtime packages: the shared libraries the built wheels link.
RUN apk add --no-cache \
        libgfortran \
        libbsd \
        openblas \
        geos
RUN --mount=type=bind,from=builder,source=/wheels,target=/wheels \
    pip install --no-cache-dir --no-index --find-links /wheels /wheels/*.whl
RUN addgroup -S app \
    && adduser -S -G app -H -h /app app
WORKDIR /app
USER app
# Add the application and its command, e.g.:
# COPY --chown=app:app . .
# CMD ["python", "-m", "your_app"]
