# syntax=docker/dockerfile:1

# Written by wheelscout for alpine:3.19.
# alpine:3.19: 0 wheels and 2 source builds (psycopg2 and numpy compile native code and need
#   build-base, libpq-dev, python3-dev, gfortran, libbsd-dev, openblas-dev); 11.3 MB to download.
# psycopg2 2.9.11 builds from source (compiled): build packages build-base libpq-dev python3-dev;
#   runtime packages libpq; from Alpine's packaging of py3-psycopg2 2.9.9-r0 (Alpine 3.19-stable
#   (aports cb035ad8dd25, 2025-07-15), exact). Instead: py3-psycopg2 2.9.9-r0 satisfies psycopg2>=2.9:
#   apk add --no-cache py3-psycopg2 installs it without a build (pip sees it from a virtual
#   environment made with --system-site-packages).
# numpy 1.24.4 builds from source (compiled): build packages build-base gfortran libbsd-dev
#   openblas-dev python3-dev; runtime packages libgfortran libbsd openblas; from Alpine's packaging of
#   py3-numpy 1.25.2-r0 (Alpine 3.19-stable (aports cb035ad8dd25, 2025-07-15), exact).
# Not every requirement is pinned (psycopg2>=2.9), so the builder lets pip resolve the dependencies
#   and /wheels holds them all.
# The runtime stage mounts the builder's /wheels (RUN --mount): build with BuildKit, the default since
#   Docker 23.

FROM alpine:3.19 AS builder
# Build packages: compilers and headers for the source builds; this stage is discarded.
RUN apk add --no-cache \
        python3 \
        build-base \
        libpq-dev \
        python3-dev \
        gfortran \
        libbsd-dev \
        openblas-dev
RUN python3 -m venv /venv
ENV PATH="/venv/bin:$PATH"
WORKDIR /build
COPY distro.txt .
RUN pip wheel --no-cache-dir --wheel-dir /wheels -r distro.txt

FROM alpine:3.19
# Runtime packages: the shared libraries the built wheels link.
RUN apk add --no-cache \
        python3 \
        libpq \
        libgfortran \
        libbsd \
        openblas
RUN python3 -m venv /venv
ENV PATH="/venv/bin:$PATH"
RUN --mount=type=bind,from=builder,source=/wheels,target=/wheels \
    pip install --no-cache-dir --no-index --find-links /wheels /wheels/*.whl
RUN addgroup -S app \
    && adduser -S -G app -H -h /app app
WORKDIR /app
USER app
# Add the application and its command, e.g.:
# COPY --chown=app:app . .
# CMD ["python", "-m", "your_app"]
