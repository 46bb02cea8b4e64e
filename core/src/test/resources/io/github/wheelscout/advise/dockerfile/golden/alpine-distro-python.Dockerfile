# syntax=docker/dockerfile:1

# Written by wheelscout for alpine:3.19.
# numpy builds from source with Alpine's python3 (apk add py3-numpy would give 1.25.2).
# numpy builds from source (packages from 3.19-stable): build-base gfortran libbsd-dev openblas-dev python3-dev
# requirements.txt must pin every package (pip-compile or uv pip compile): pip wheel --no-deps
# builds only what it lists.

FROM alpine:3.19 AS builder
# Build packages: compilers and headers for the source builds; this stage is discarded.
RUN apk add --no-cache \
        python3 \
        build-base \
        gfortran \
        libbsd-dev \
        openblas-dev \
        python3-dev
RUN python3 -m venv /venv
ENV PATH="/venv/bin:$PATH"
WORKDIR /build
COPY requirements.txt .
RUN pip wheel --no-cache-dir --no-deps --wheel-dir /wheels -r requirements.txt

FROM alpine:3.19
# Runtime packages: the shared libraries the built wheels link.
RUN apk add --no-cache \
        python3 \
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
