# syntax=docker/dockerfile:1

# Written by wheelscout for python:3.12, pinned to python:3.12.14-trixie.
# python:3.12: 0 wheels and 2 source builds (psycopg2 compiles native code with what the image already
#   has; langdetect is pure Python (no compiler)); 1.4 MB to download.
# psycopg2 2.9.11 builds from source (compiled): nothing to install, the image has what it needs; from
#   Alpine's packaging of py3-psycopg2 2.9.10-r0 (Alpine edge (aports e91eb271fb92, 2025-07-16),
#   nearest), mapped to Debian package names.
# langdetect 1.0.9 builds from source (pure Python); from Alpine's packaging of py3-langdetect
#   1.0.9-r1 (Alpine edge (aports e91eb271fb92, 2025-07-16), nearest), mapped to Debian package names.

FROM python:3.12.14-trixie
WORKDIR /app
COPY psycopg2.txt .
RUN pip install --no-cache-dir -r psycopg2.txt
RUN groupadd --system app \
    && useradd --system --gid app --home-dir /app --no-create-home app
USER app
# Add the application and its command, e.g.:
# COPY --chown=app:app . .
# CMD ["python", "-m", "your_app"]
