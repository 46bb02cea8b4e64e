# syntax=docker/dockerfile:1

# Written by wheelscout for python:3.12-slim-bookworm.
# 1 pure-Python source build; it loads libmagic at run time.
# python-magic builds from source (packages from edge): no build packages
# requirements.txt must pin every package (pip-compile or uv pip compile): pip wheel --no-deps
# builds only what it lists.

FROM python:3.12-slim-bookworm
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libmagic1 \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
RUN groupadd --system app \
    && useradd --system --gid app --home-dir /app --no-create-home app
USER app
# Add the application and its command, e.g.:
# COPY --chown=app:app . .
# CMD ["python", "-m", "your_app"]
