#!/usr/bin/env bash
# Install what the integration and browser tests need, and only what is missing:
# PostgreSQL, Redis, Chromium and its fonts, wrk, poppler and zbar from Debian; Elasticsearch's test
# distribution from Maven Central, unpacked into a cache outside the repository.
# Idempotent: a second run changes nothing and touches no network.
set -euo pipefail
source "$(dirname "$0")/common.sh"

if [ "$(id -u)" -eq 0 ]; then
    SUDO=()
elif command -v sudo >/dev/null; then
    SUDO=(sudo -n)
else
    SUDO=()
fi

# --- Debian packages ---------------------------------------------------------------
missing=()
pg_bindir >/dev/null || missing+=(postgresql)
command -v redis-server >/dev/null || missing+=(redis-server)
[ -x /usr/bin/chromium ] || missing+=(chromium)
for package in fonts-liberation fonts-dejavu-core; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
command -v java >/dev/null || missing+=(openjdk-17-jre-headless)
command -v mvn >/dev/null || missing+=(maven)
command -v unzip >/dev/null || missing+=(unzip)
command -v wrk >/dev/null || missing+=(wrk)  # the load generator of tests/bench/bench_crisis_spike.py
command -v pdfinfo >/dev/null || missing+=(poppler-utils)  # pdfinfo, pdffonts, pdftotext, pdftoppm: print edition checks
command -v zbarimg >/dev/null || missing+=(zbar-tools)  # decodes the print edition's QR codes in tests

if [ ${#missing[@]} -gt 0 ]; then
    log "installing with apt-get: ${missing[*]}"
    "${SUDO[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
pg_bindir >/dev/null || die "PostgreSQL's initdb not found under /usr/lib/postgresql/*/bin after installing"

# --- The unprivileged user PostgreSQL and Elasticsearch run as when we are root -------
if [ "$(id -u)" -eq 0 ] && ! id -u "$SERVICE_USER" >/dev/null 2>&1; then
    log "creating system user $SERVICE_USER"
    useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$SERVICE_USER"
fi

# --- Elasticsearch test distribution --------------------------------------------------
if [ ! -f "$ES_HOME/.unpacked" ]; then
    if [ ! -f "$ES_ZIP" ]; then
        log "fetching $ES_ARTIFACT from Maven Central"
        mvn -q -B -Dstyle.color=never dependency:get -Dartifact="$ES_ARTIFACT" -Dtransitive=false \
            ${MAVEN_REPO_LOCAL:+-Dmaven.repo.local="$MAVEN_REPO_LOCAL"}
        [ -f "$ES_ZIP" ] || die "Maven reported success but $ES_ZIP is missing (is localRepository set in settings.xml? set MAVEN_REPO_LOCAL)"
    fi
    log "unpacking Elasticsearch $ES_VERSION into $ES_HOME"
    mkdir -p "$CACHE_DIR"
    unpacking="$(mktemp -d "$CACHE_DIR/.unpack.XXXXXX")"
    unzip -q "$ES_ZIP" -d "$unpacking"
    rm -rf "$ES_HOME"
    mv "$unpacking/elasticsearch-$ES_VERSION" "$ES_HOME"
    rmdir "$unpacking"
    # The service user reads it; nobody but the installer writes it.
    chmod -R go+rX,go-w "$ES_HOME"
    chmod go+rx "$CACHE_DIR"
    touch "$ES_HOME/.unpacked"
fi

log "ready: $("$(pg_bindir)/postgres" --version), $(redis-server --version | cut -d' ' -f1-3), $(/usr/bin/chromium --version 2>/dev/null), Elasticsearch $ES_VERSION in $ES_HOME"
