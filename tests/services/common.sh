# Shared by install.sh, start.sh and stop.sh: where things live. Sourced, not run.

ES_VERSION=8.19.7
ES_ARTIFACT="org.elasticsearch.distribution.integ-test-zip:elasticsearch:${ES_VERSION}:zip"

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# State of the running services (pids, ports, the throwaway folder's path, the env file
# the Makefile sources). Inside the repository but ignored by git (var/).
STATE_DIR="${VRIJHAVEN_TEST_SERVICES_STATE:-$REPO_ROOT/var/test-services}"

# PostgreSQL and Elasticsearch refuse to run as root. When we are root (containers, CI
# images) they run as this unprivileged system user, which install.sh creates.
SERVICE_USER=vrijhaven-services

# The unpacked Elasticsearch lives outside the repository so `make clean` and fresh
# clones keep it. As root the cache cannot sit in ~/.cache: /root is mode 700 and the
# service user must read it, so root uses the system-wide cache folder instead.
if [ "$(id -u)" -eq 0 ]; then
    CACHE_DIR="${VRIJHAVEN_CACHE_DIR:-/var/cache/vrijhaven}"
else
    CACHE_DIR="${VRIJHAVEN_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/vrijhaven}"
fi
ES_HOME="$CACHE_DIR/elasticsearch-$ES_VERSION"
M2_REPO="${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}"
ES_ZIP="$M2_REPO/org/elasticsearch/distribution/integ-test-zip/elasticsearch/$ES_VERSION/elasticsearch-$ES_VERSION.zip"

log() { printf '[test-services] %s\n' "$*" >&2; }
die() { printf '[test-services] ERROR: %s\n' "$*" >&2; exit 1; }

# Run a command as the service user when we are root, else as ourselves.
as_service_user() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u "$SERVICE_USER" -- "$@"
    else
        "$@"
    fi
}

# The newest PostgreSQL server installed by Debian's packages.
pg_bindir() {
    local dir
    for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        if [ -x "$dir/initdb" ] && [ -x "$dir/postgres" ]; then
            echo "$dir"
            return 0
        fi
    done
    return 1
}
