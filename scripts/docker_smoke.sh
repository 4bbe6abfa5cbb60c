#!/usr/bin/env bash
# Build the Docker image and check that it works: /health, an ingest of the seed article,
# the pages, the non-root user (uid 10001) and the HEALTHCHECK turning healthy.
#
# Usage: scripts/docker_smoke.sh            (needs a running Docker daemon; root for the base)
#   DOCKER=/usr/bin/docker                  the client to use (default: Debian's, else PATH)
#   SMOKE_PORT=8590                         host port for the container (default: a free one)
#   SMOKE_KEEP_IMAGE=0                      also remove the built image (default: keep it as
#                                           the build cache of the next run)
#
# No image registry is reachable here, so when `python:3.11-slim` is missing the script makes a
# stand-in from Debian packages: debootstrap bookworm with python3.11, pip and venv, the
# machine's CA bundle, `python`/`pip` on PATH like the official image, then `docker import`.
# The Debian mirror is read from this machine's apt sources (no host is named here). The
# stand-in stays in Docker's image store, so later runs (CI on the same machine) reuse it.
set -euo pipefail
cd "$(dirname "$0")/.."

BASE=python:3.11-slim
IMAGE=claimtrail:smoke
NAME="claimtrail-smoke-$$"
DOCKER="${DOCKER:-$( [ -x /usr/bin/docker ] && echo /usr/bin/docker || command -v docker )}"
SEED=app/api/examples/gaza-truce-efforts.txt
step() { printf '\n== %s (%ss)\n' "$*" "$SECONDS"; }
fail() { echo "docker smoke: FAILED: $*" >&2; exit 1; }

"$DOCKER" info >/dev/null 2>&1 || fail "no Docker daemon (start dockerd; .ci/run does)"

# --- the base image ----------------------------------------------------------------------
debian_mirror() {
    # the first plain Debian archive (suite bookworm, not -security) of the apt sources
    local f
    for f in /etc/apt/sources.list.d/*.sources; do
        [ -r "$f" ] || continue
        awk 'BEGIN{RS=""; IGNORECASE=1}
             /(^|\n)Suites:[^\n]*bookworm( |\n|$)/ && !/(^|\n)Enabled: *no/ {
                 if (match($0, /(^|\n)URIs: *[^ \n]+/)) {
                     u = substr($0, RSTART, RLENGTH); sub(/.*URIs: */, "", u); print u; exit
                 }
             }' "$f"
    done
    for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
        [ -r "$f" ] || continue
        awk '$1 == "deb" { i = 2; if ($2 ~ /^\[/) { while ($i !~ /\]$/) i++; i++ }
                           if ($(i+1) == "bookworm") { print $i; exit } }' "$f"
    done
}

make_base() {
    command -v debootstrap >/dev/null || fail "debootstrap is missing (apt-get install debootstrap)"
    local mirror root
    mirror="$(debian_mirror | head -n1)"
    [ -n "$mirror" ] || fail "no Debian bookworm mirror in /etc/apt/sources.list(.d)"
    root="$(mktemp -d /tmp/claimtrail-base.XXXXXX)"
    trap 'rm -rf "$root"' RETURN
    echo "stand-in $BASE: debootstrap bookworm from the machine's apt mirror"
    debootstrap --variant=minbase --include=python3.11,python3-pip,python3-venv,ca-certificates \
        bookworm "$root" "$mirror" >/tmp/claimtrail-debootstrap.log 2>&1 ||
        { tail -20 /tmp/claimtrail-debootstrap.log; fail "debootstrap"; }
    # what the official image offers: python and pip on PATH, pip free to install (no PEP 668
    # marker), and TLS that trusts this machine's CA bundle (pip, uv and Python alike)
    ln -sf /usr/bin/python3.11 "$root/usr/local/bin/python"
    ln -sf /usr/bin/python3.11 "$root/usr/local/bin/python3"
    ln -sf /usr/bin/pip3 "$root/usr/local/bin/pip"
    rm -f "$root"/usr/lib/python3.11/EXTERNALLY-MANAGED
    cp /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/certs/ca-certificates.crt"
    rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
    tar -C "$root" -c . | "$DOCKER" import \
        --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
        --change 'ENV LANG=C.UTF-8' \
        --change 'ENV SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt' \
        --change 'ENV PIP_CERT=/etc/ssl/certs/ca-certificates.crt' \
        --change 'LABEL org.claimtrail.standin="debootstrap bookworm"' \
        --change 'CMD ["python3"]' \
        - "$BASE" >/dev/null
}

step "base image $BASE"
if "$DOCKER" image inspect "$BASE" >/dev/null 2>&1; then
    echo "present (cached)"
else
    make_base
fi

# --- build -------------------------------------------------------------------------------
step "docker build"
# The build stage is tagged too: its layers (the dependencies above all) are the next run's
# cache, and only what no tag holds any more, earlier runs' images, is pruned.
{ "$DOCKER" build --network host --target build -t "$IMAGE-build" . &&
    "$DOCKER" build --network host -t "$IMAGE" .; } >/tmp/claimtrail-docker-build.log 2>&1 ||
    { tail -40 /tmp/claimtrail-docker-build.log; fail "docker build"; }
grep -c "Using cache" /tmp/claimtrail-docker-build.log | sed 's/$/ steps from the cache/'
tail -2 /tmp/claimtrail-docker-build.log
"$DOCKER" image prune -f >/dev/null

# --- run ---------------------------------------------------------------------------------
PORT="${SMOKE_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}"
cleanup() {
    "$DOCKER" rm -f "$NAME" >/dev/null 2>&1 || true
    if [ "${SMOKE_KEEP_IMAGE:-1}" = 0 ]; then
        "$DOCKER" rmi "$IMAGE" "$IMAGE-build" >/dev/null 2>&1 || true
    fi
}
trap cleanup EXIT
step "docker run on 127.0.0.1:$PORT"
# Host networking (no bridge or NAT needed); the image's own command, listening on loopback
# only. CLAIMTRAIL_PORT moves the server and, read at check time, the HEALTHCHECK with it.
# Only the check's interval is shortened, so that "healthy" shows within seconds.
"$DOCKER" run -d --name "$NAME" --network host \
    -e CLAIMTRAIL_PORT="$PORT" --health-interval=2s --health-start-period=120s \
    "$IMAGE" claimtrail serve --host 127.0.0.1 >/dev/null
BASE_URL="http://127.0.0.1:$PORT"

step "GET /health"
for _ in $(seq 1 180); do
    if curl -fsS "$BASE_URL/health" >/dev/null 2>&1; then break; fi
    [ "$("$DOCKER" inspect -f '{{.State.Running}}' "$NAME")" = true ] ||
        { "$DOCKER" logs "$NAME" | tail -30; fail "the container exited"; }
    sleep 1
done
curl -fsS "$BASE_URL/health" || { "$DOCKER" logs "$NAME" | tail -30; fail "/health"; }
echo

step "non-root user"
# the server process itself (PID 1 of the container), not only `docker exec`'s default user
uid="$("$DOCKER" exec "$NAME" awk '/^Uid:/ {print $2}' /proc/1/status)"
[ "$uid" = 10001 ] || fail "the server runs as uid $uid, not 10001"
[ "$("$DOCKER" exec "$NAME" id -u)" = 10001 ] || fail "the image's USER is not uid 10001"
echo "server uid $uid"

step "POST /articles (the seed article)"
python3 - "$BASE_URL" "$SEED" <<'PY'
import json, sys, urllib.request
base, seed = sys.argv[1], sys.argv[2]
title, _, text = open(seed, encoding="utf-8").read().partition("\n")
body = {"title": title.strip(), "text": text.lstrip("\n"), "published_at": "2024-09-17"}
req = urllib.request.Request(base + "/articles", json.dumps(body).encode(),
                             {"Content-Type": "application/json"})
with urllib.request.urlopen(req, timeout=120) as r:
    article = json.load(r)
    assert r.status == 201, r.status
claims = json.load(urllib.request.urlopen(f"{base}/articles/{article['id']}/claims?limit=500"))
attributed = [c for c in claims["items"] if c["kind"] != "editorial"]
names = {c["source"]["name"] for c in attributed if c["source"]}
assert len(attributed) >= 10, len(attributed)
assert "Matthew Miller" in names, names
for path in ("/ui/", f"/ui/articles/{article['id']}", "/docs"):
    with urllib.request.urlopen(base + path, timeout=30) as r:
        assert r.status == 200 and b"<html" in r.read().lower(), path
print(f"article {article['id']}: {len(attributed)} attributed claims; /ui and /docs answer")
PY

step "HEALTHCHECK"
for _ in $(seq 1 90); do
    health="$("$DOCKER" inspect -f '{{.State.Health.Status}}' "$NAME")"
    [ "$health" = healthy ] && break
    [ "$health" = unhealthy ] && { "$DOCKER" inspect -f '{{json .State.Health}}' "$NAME"; fail unhealthy; }
    sleep 1
done
[ "$health" = healthy ] || fail "health is still '$health'"
echo "healthy"

step "docker smoke: OK"
