# syntax=docker/dockerfile:1

# Written by wheelscout for python:3.12-slim-bookworm.
# Every package installs from a wheel: no build tools needed.

FROM python:3.12-slim-bookworm
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
RUN groupadd --system app \
    && useradd --system --gid app --home-dir /app --no-create-home app
USER app
# Add the application and its command, e.g.:
# COPY --chown=app:app . .
# CMD ["python", "-m", "your_app"]
