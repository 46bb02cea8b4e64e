# syntax=docker/dockerfile:1

# Written by wheelscout for python:3.12-alpine, pinned to python:3.12.14-alpine3.24.
# python:3.12-alpine: 0 wheels and 2 source builds (psycopg2 compiles native code and needs
#   build-base, libpq-dev; langdetect is pure Python (no compiler)); 1.4 MB to download.
# psycopg2 2.9.11 builds from source (compiled): build packages build-base libpq-dev; runtime packages
#   libpq; from Alpine's packaging of py3-psycopg2 2.9.10-r0 (Alpine edge (aports e91eb271fb92,
#   2025-07-16), nearest).
# langdetect 1.0.9 builds from source (pure Python); from Alpine's packaging of py3-langdetect
#   1.0.9-r1 (Alpine edge (aports e91eb271fb92, 2025-07-16), nearest).
# Every requirement is pinned (psycopg2.txt), so the builder runs pip wheel --no-deps: every
#   dependency must be listed too, pinned (as pip-compile or uv pip compile write it).
# The runtime stage mounts the builder's /wheels (RUN --mount): build with BuildKit, the default since
#   Docker 23.

FROM python:3.12.14-alpine3.24 AS builder
# Build packages: compilers and headers for the source builds; this stage is discarded.
RUN apk add --no-cache \
        build-base \
        libpq-dev
WORKDIR /build
COPY psycopg2.txt .
RUN pip wheel --no-cache-dir --no-deps --wheel-dir /wheels -r psycopg2.txt

FROM python:3.12.14-alpine3.24
# Runtime packages: the shared libraries the built wheels link.
RUN apk add --no-cache \
        libpq
RUN --mount=type=bind,from=builder,source=/wheels,target=/wheels \
    pip install --no-cache-dir --no-index --find-links /wheels /wheels/*.whl
RUN addgroup -S app \
    && adduser -S -G app -H -h /app app
WORKDIR /app
USER app
# Add the application and its command, e.g.:
# COPY --chown=app:app . .
# CMD ["python", "-m", "your_app"]
