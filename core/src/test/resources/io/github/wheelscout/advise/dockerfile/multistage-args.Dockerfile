# syntax=docker/dockerfile:1.7
# A multi-stage build whose base images are chosen with build arguments.
ARG PYTHON_VERSION=3.12
ARG DISTRO=slim-bookworm
ARG RUNTIME_IMAGE="python:${PYTHON_VERSION}-${DISTRO}"
ARG REGISTRY

FROM python:${PYTHON_VERSION}-alpine3.20 AS wheels
WORKDIR /src
COPY requirements/ requirements/
RUN apk add --no-cache build-base libpq-dev \
    && python -m pip wheel \
        --wheel-dir /wheels \
        -r requirements/base.txt \
        # the lock file pins everything
        -c requirements/constraints.txt

FROM $RUNTIME_IMAGE AS runtime
ENV PIP_ONLY_BINARY=:all: \
    APP=/srv/app
WORKDIR ${APP}
COPY --from=wheels /wheels /tmp/wheels
RUN pip install --no-index --find-links=/tmp/wheels /tmp/wheels/*.whl \
 && pip3 install "gunicorn==22.0.0" 'uvicorn[standard]>=0.30'

FROM runtime AS test
COPY requirements-dev.txt .
RUN --mount=type=cache,target=/tmp/pip-cache \
    pip install -r requirements-dev.txt --no-binary=coverage

FROM ${REGISTRY}/python:${PYTHON_VERSION:-3.11}-slim AS mirror
RUN pip install -r /requirements.txt
