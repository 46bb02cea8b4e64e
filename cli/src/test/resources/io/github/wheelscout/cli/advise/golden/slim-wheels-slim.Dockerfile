# syntax=docker/dockerfile:1

# Written by wheelscout for python:3.11-slim, pinned to python:3.11.16-slim-trixie.
# python:3.11-slim: every requirement installs from a wheel (7 wheels; 71.0 MB to download).

FROM python:3.11.16-slim-trixie
WORKDIR /app
COPY slim-wheels.txt .
RUN pip install --no-cache-dir -r slim-wheels.txt
RUN groupadd --system app \
    && useradd --system --gid app --home-dir /app --no-create-home app
USER app
# Add the application and its command, e.g.:
# COPY --chown=app:app . .
# CMD ["python", "-m", "your_app"]
