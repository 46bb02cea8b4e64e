# syntax=docker/dockerfile:1

# Written by wheelscout for python:3.12-alpine3.20.
# 2 of 14 packages build from source on this image.
# psycopg2 builds from source (packages from 3.19-stable): build-base libpq-dev
# cryptography builds from source (Rust; packages from 3.19-stable): build-base libffi-dev openssl-dev cargo
# requirements.txt must pin every package (pip-compile or uv pip compile): pip wheel --no-deps
# builds only what it lists.

FROM python:3.12-alpine3.20 AS builder
# Build packages: compilers and headers for the source builds; this stage is discarded.
RUN apk add --no-cache \
        build-base \
        libpq-dev \
        libffi-dev \
        openssl-dev \
        cargo
WORKDIR /build
COPY requirements.txt .
RUN pip wheel --no-cache-dir --no-deps --wheel-dir /wheels -r requirements.txt

FROM python:3.12-alpine3.20
# Runtime packages: the shared libraries the built wheels link.
RUN apk add --no-cache \
        libpq \
        libffi \
        libssl3 \
        libcrypto3 \
        libgcc
RUN --mount=type=bind,from=builder,source=/wheels,target=/wheels \
    pip install --no-cache-dir --no-index --find-links /wheels /wheels/*.whl
RUN addgroup -S app \
    && adduser -S -G app -H -h /app app
WORKDIR /app
USER app
# Add the application and its command, e.g.:
# COPY --chown=app:app . .
# CMD ["python", "-m", "your_app"]
