# Claimtrail production image: `docker build -t claimtrail .`
#   docker run -p 8000:8000 -e CLAIMTRAIL_DATABASE_URL=postgresql+psycopg://... claimtrail
# Without CLAIMTRAIL_DATABASE_URL it uses SQLite in /data (mount a volume there).

# --- build: resolve everything from uv.lock into /opt/venv (the spaCy model included) ---
FROM python:3.11-slim AS build
ENV UV_PYTHON_DOWNLOADS=never \
    UV_COMPILE_BYTECODE=1 \
    UV_LINK_MODE=copy \
    UV_PROJECT_ENVIRONMENT=/opt/venv
RUN pip install --no-cache-dir "uv==0.13.9"
WORKDIR /src
# dependencies first (cached layer while only the code, or the README, changes)
COPY pyproject.toml uv.lock ./
RUN uv sync --frozen --no-dev --no-install-project
# then the project itself, installed as a regular (non-editable) package
COPY README.md ./
COPY app ./app
COPY migrations ./migrations
RUN uv sync --frozen --no-dev --no-editable

# --- runtime: the same slim base, the venv, an unprivileged user ---
FROM python:3.11-slim
RUN groupadd --system --gid 10001 claimtrail \
    && useradd --system --uid 10001 --gid claimtrail --home-dir /home/claimtrail \
       --create-home claimtrail \
    && mkdir -p /data && chown claimtrail:claimtrail /data
COPY --from=build /opt/venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    CLAIMTRAIL_HOST=0.0.0.0 \
    CLAIMTRAIL_PORT=8000 \
    CLAIMTRAIL_DATABASE_URL=sqlite:////data/claimtrail.db
USER claimtrail
WORKDIR /home/claimtrail
VOLUME ["/data"]
EXPOSE 8000
# Liveness: /health answers without touching the database (the image has no curl).
# The port is read at check time: `-e CLAIMTRAIL_PORT=9000` moves the server, and a fixed
# 8000 here would mark a healthy container unhealthy.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/health' % os.environ.get('CLAIMTRAIL_PORT', '8000'), timeout=4)"]
# Applies the migrations to CLAIMTRAIL_DATABASE_URL, then serves.
CMD ["claimtrail", "serve", "--host", "0.0.0.0"]
