# syntax=docker/dockerfile:1

# Written by wheelscout for python:3.12-alpine, pinned to python:3.12.14-alpine3.24.
# python:3.12-alpine (linux/arm/v7): 1 wheel and 2 source builds (cryptography and pydantic-core need
#   a Rust toolchain (build-base, cargo, libffi-dev, openssl-dev)); 1.2 MB to download.
# cryptography 46.0.4 builds from source (compiled, Rust): build packages build-base cargo libffi-dev
#   openssl-dev; runtime packages libgcc libffi libssl3 libcrypto3; from Alpine's packaging of
#   py3-cryptography 44.0.3-r0 (Alpine edge (aports e91eb271fb92, 2025-07-16), nearest).
# pydantic-core 2.23.4 builds from source (compiled, Rust): build packages build-base cargo; runtime
#   packages libgcc; from Alpine's packaging of py3-pydantic-core 2.27.2-r0 (Alpine edge (aports
#   e91eb271fb92, 2025-07-16), nearest).
# Every requirement is pinned (rust.txt), so the builder runs pip wheel --no-deps: every dependency
#   must be listed too, pinned (as pip-compile or uv pip compile write it).
# The runtime stage mounts the builder's /wheels (RUN --mount): build with BuildKit, the default since
#   Docker 23.
# Analysed for linux/arm/v7: build with docker build --platform linux/arm/v7.

FROM python:3.12.14-alpine3.24 AS builder
# Build packages: compilers and headers for the source builds; this stage is discarded.
RUN apk add --no-cache \
        build-base \
        cargo \
        libffi-dev \
        openssl-dev
WORKDIR /build
COPY rust.txt .
RUN pip wheel --no-cache-dir --no-deps --wheel-dir /wheels -r rust.txt

FROM python:3.12.14-alpine3.24
# Runtime packages: the shared libraries the built wheels link.
RUN apk add --no-cache \
        libgcc \
        libffi \
        libssl3 \
        libcrypto3
RUN --mount=type=bind,from=builder,source=/wheels,target=/wheels \
    pip install --no-cache-dir --no-index --find-links /wheels /wheels/*.whl
RUN addgroup -S app \
    && adduser -S -G app -H -h /app app
WORKDIR /app
USER app
# Add the application and its command, e.g.:
# COPY --chown=app:app . .
# CMD ["python", "-m", "your_app"]
