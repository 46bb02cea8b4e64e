# syntax=docker/dockerfile:1

# Written by wheelscout for debian:bookworm-slim.
# lxml builds from source with Debian's python3.
# lxml builds from source (packages from edge): build-essential libxml2-dev libxslt1-dev python3-dev
# requirements.txt must pin every package (pip-compile or uv pip compile): pip wheel --no-deps
# builds only what it lists.

FROM debian:bookworm-slim AS builder
# Build packages: compilers and headers for the source builds; this stage is discarded.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        python3 \
        python3-venv \
        build-essential \
        libxml2-dev \
        libxslt1-dev \
        python3-dev \
    && rm -rf /var/lib/apt/lists/*
RUN python3 -m venv /venv
ENV PATH="/venv/bin:$PATH"
WORKDIR /build
COPY requirements.txt .
RUN pip wheel --no-cache-dir --no-deps --wheel-dir /wheels -r requirements.txt

FROM debian:bookworm-slim
# Runtime packages: the shared libraries the built wheels link.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        python3 \
        python3-venv \
        libxml2 \
        libxslt1.1 \
    && rm -rf /var/lib/apt/lists/*
RUN python3 -m venv /venv
ENV PATH="/venv/bin:$PATH"
RUN --mount=type=bind,from=builder,source=/wheels,target=/wheels \
    pip install --no-cache-dir --no-index --find-links /wheels /wheels/*.whl
RUN groupadd --system app \
    && useradd --system --gid app --home-dir /app --no-create-home app
WORKDIR /app
USER app
# Add the application and its command, e.g.:
# COPY --chown=app:app . .
# CMD ["python", "-m", "your_app"]
