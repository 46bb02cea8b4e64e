# syntax=docker/dockerfile:1

# Written by wheelscout for python:3.12-slim, pinned to python:3.12.14-slim-trixie.
# python:3.12-slim (linux/arm/v7): every requirement installs from a wheel (3 wheels; 5.8 MB to
#   download).
# Analysed for linux/arm/v7: build with docker build --platform linux/arm/v7.

FROM python:3.12.14-slim-trixie
WORKDIR /app
COPY rust.txt .
RUN pip install --no-cache-dir -r rust.txt
RUN groupadd --system app \
    && useradd --system --gid app --home-dir /app --no-create-home app
USER app
# Add the application and its command, e.g.:
# COPY --chown=app:app . .
# CMD ["python", "-m", "your_app"]
