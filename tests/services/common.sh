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

# How many Elasticsearch nodes start.sh starts: 1 (single-node discovery, the integration
# run) or more (a cluster on loopback, `make test-cluster`). Node N of a cluster lives in
# $ROOT/elasticsearch-N, a single node in $ROOT/elasticsearch.
ES_NODES="${VRIJHAVEN_ES_NODES:-1}"
# Redis keeps its data across a restart only with an append-only file, as in production
# (docker/compose.yaml); the fault tests restart Redis mid-broadcast, so they turn it on.
REDIS_APPENDONLY="${VRIJHAVEN_REDIS_APPENDONLY:-no}"

es_node_dirs() {  # the node folders of the running set, one per line
    local root="$1"
    ls -d "$root"/elasticsearch "$root"/elasticsearch-[0-9]* 2>/dev/null || true
}

# es_node_launch DIR: start the node configured in DIR/config in the background (`-d`),
# returning once it has started or failed; its pid goes to DIR/elasticsearch.pid.
es_node_launch() {
    local dir="$1" java_bin
    java_bin="$(readlink -f "$(command -v java)")"
    (
        cd "$dir"
        as_service_user env ES_JAVA_HOME="${ES_JAVA_HOME:-${java_bin%/bin/java}}" ES_PATH_CONF="$dir/config" \
            ES_TMPDIR="$dir/tmp" "$ES_HOME/bin/elasticsearch" -d -p "$dir/elasticsearch.pid"
    ) >"$dir/logs/start.log" 2>&1
}

# redis_launch DIR PORT APPENDONLY: a Redis on loopback, its files in DIR (pid, log, AOF).
redis_launch() {
    local dir="$1" port="$2" appendonly="$3"
    as_service_user redis-server --bind 127.0.0.1 --port "$port" --save '' --appendonly "$appendonly" \
        --dir "$dir" --daemonize yes --pidfile "$dir/redis.pid" --logfile "$dir/redis.log"
}

# wait_redis PORT TIMEOUT: until Redis answers PING; fails after TIMEOUT seconds.
wait_redis() {
    local port="$1" deadline=$(( $(date +%s) + $2 ))
    until [ "$(redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null)" = PONG ]; do
        [ "$(date +%s)" -lt "$deadline" ] || return 1
        sleep 0.2
    done
}
