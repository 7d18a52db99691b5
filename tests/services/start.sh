#!/usr/bin/env bash
# Start throwaway PostgreSQL, Redis and Elasticsearch for the integration tests: data in a
# fresh folder under /tmp, listening on 127.0.0.1 only, on free non-default ports. Waits
# until each answers, then writes var/test-services/env (KEY=value lines) for the tests.
# Any failure prints the failing service's log tail, stops what did start, and exits 1.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
source "$HERE/common.sh"

PG_TIMEOUT=60
REDIS_TIMEOUT=30
ES_TIMEOUT=180   # two shared cores: the JVM alone can take half a minute

started_at=$(date +%s)
[ -f "$ES_HOME/.unpacked" ] || die "Elasticsearch is not installed in $ES_HOME: run bash tests/services/install.sh"
PG_BIN="$(pg_bindir)" || die "PostgreSQL is not installed: run bash tests/services/install.sh"
if [ "$(id -u)" -eq 0 ]; then
    id -u "$SERVICE_USER" >/dev/null 2>&1 || die "user $SERVICE_USER is missing: run bash tests/services/install.sh"
fi

# --- One set of services per state folder -------------------------------------------
mkdir -p "$STATE_DIR"
if [ -f "$STATE_DIR/root" ]; then
    previous="$(cat "$STATE_DIR/root")"
    for pidfile in "$previous/postgres/data/postmaster.pid" "$previous/redis/redis.pid" "$previous/elasticsearch/elasticsearch.pid"; do
        if [ -f "$pidfile" ] && kill -0 "$(head -n1 "$pidfile")" 2>/dev/null; then
            die "test services from $previous are still running (another make test?). Stop them with: bash tests/services/stop.sh"
        fi
    done
    log "cleaning up leftovers of an earlier run in $previous"
    bash "$HERE/stop.sh"
fi

ROOT="$(mktemp -d /tmp/vrijhaven-services.XXXXXX)"
echo "$ROOT" > "$STATE_DIR/root"
rm -f "$STATE_DIR/env"
mkdir -p "$ROOT/postgres" "$ROOT/redis" "$ROOT/elasticsearch/config" "$ROOT/elasticsearch/data" \
    "$ROOT/elasticsearch/logs" "$ROOT/elasticsearch/tmp"
chmod 755 "$ROOT"
if [ "$(id -u)" -eq 0 ]; then
    chown -R "$SERVICE_USER:" "$ROOT"
fi

failed() {
    local service="$1" logfile="$2"
    log "$service did not become healthy; last lines of $logfile:"
    tail -n 60 "$logfile" >&2 2>/dev/null || true
    exit 1
}
# Whatever fails from here on, leave nothing running and no folder behind.
on_exit() {
    local status=$?
    if [ $status -ne 0 ]; then
        log "start failed, stopping what started"
        # Let a half-started Elasticsearch finish writing its pid file, or it would outlive us.
        [ -z "${es_launcher:-}" ] || wait "$es_launcher" 2>/dev/null || true
        bash "$HERE/stop.sh" || true
    fi
}
trap on_exit EXIT

# Free ports chosen by the kernel, all at once so they differ from each other.
read -r PG_PORT REDIS_PORT ES_HTTP_PORT ES_TRANSPORT_PORT < <(python3 - <<'PY'
import socket
socks = [socket.socket() for _ in range(4)]
for s in socks:
    s.bind(("127.0.0.1", 0))
print(*(s.getsockname()[1] for s in socks))
for s in socks:
    s.close()
PY
)
cat > "$STATE_DIR/ports" <<EOF
postgres=$PG_PORT
redis=$REDIS_PORT
elasticsearch_http=$ES_HTTP_PORT
elasticsearch_transport=$ES_TRANSPORT_PORT
EOF

# --- Elasticsearch: launched first, in the background, because it is the slowest ------
ES_DIR="$ROOT/elasticsearch"
cp -R "$ES_HOME/config/." "$ES_DIR/config/"
# The stock jvm.options writes gc.log, heap dumps and crash files into the working
# directory (the read-only cache); send them to the throwaway logs folder instead.
sed -i "s|file=gc.log|file=$ES_DIR/logs/gc.log|" "$ES_DIR/config/jvm.options"
cat > "$ES_DIR/config/jvm.options.d/vrijhaven.options" <<EOF
-Xms512m
-Xmx512m
-XX:HeapDumpPath=$ES_DIR/logs
-XX:ErrorFile=$ES_DIR/logs/hs_err_pid%p.log
EOF
# single-node discovery also means the production bootstrap checks (vm.max_map_count,
# file descriptors) only warn: containers cannot raise vm.max_map_count.
cat > "$ES_DIR/config/elasticsearch.yml" <<EOF
cluster.name: vrijhaven-test
node.name: vrijhaven-test
discovery.type: single-node
network.host: 127.0.0.1
http.port: $ES_HTTP_PORT
transport.port: $ES_TRANSPORT_PORT
path.data: $ES_DIR/data
path.logs: $ES_DIR/logs
xpack.security.enabled: false
# Shared machines are often nearly full; a disk watermark must not make indices read-only.
cluster.routing.allocation.disk.threshold_enabled: false
# Tests clean up with wildcards.
action.destructive_requires_name: false
EOF
if [ "$(id -u)" -eq 0 ]; then
    chown -R "$SERVICE_USER:" "$ES_DIR"
fi
JAVA_BIN="$(readlink -f "$(command -v java)")"
ES_JAVA_HOME="${ES_JAVA_HOME:-${JAVA_BIN%/bin/java}}"
ES_START_LOG="$ES_DIR/logs/start.log"
(
    cd "$ES_DIR"
    as_service_user env ES_JAVA_HOME="$ES_JAVA_HOME" ES_PATH_CONF="$ES_DIR/config" ES_TMPDIR="$ES_DIR/tmp" \
        "$ES_HOME/bin/elasticsearch" -d -p "$ES_DIR/elasticsearch.pid"
) >"$ES_START_LOG" 2>&1 &
es_launcher=$!

# --- PostgreSQL ------------------------------------------------------------------------
PG_DIR="$ROOT/postgres"
as_service_user "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust --encoding=UTF8 \
    --locale=C.UTF-8 --no-sync >"$PG_DIR/initdb.log" 2>&1 || failed PostgreSQL "$PG_DIR/initdb.log"
# Durability is pointless for a throwaway database and costs the tests time.
cat >> "$PG_DIR/data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$PG_DIR'
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
as_service_user "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/postgres.log" -w -t "$PG_TIMEOUT" start \
    >/dev/null || failed PostgreSQL "$PG_DIR/postgres.log"
"$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -t "$PG_TIMEOUT" || failed PostgreSQL "$PG_DIR/postgres.log"
"$PG_BIN/psql" -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres \
    -c "CREATE ROLE vrijhaven LOGIN CREATEDB PASSWORD 'vrijhaven'" \
    -c "CREATE DATABASE vrijhaven OWNER vrijhaven" || failed PostgreSQL "$PG_DIR/postgres.log"
log "PostgreSQL ready on 127.0.0.1:$PG_PORT after $(( $(date +%s) - started_at ))s"

# --- Redis: no persistence at all -----------------------------------------------------
REDIS_DIR="$ROOT/redis"
as_service_user redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save '' --appendonly no \
    --dir "$REDIS_DIR" --daemonize yes --pidfile "$REDIS_DIR/redis.pid" --logfile "$REDIS_DIR/redis.log" \
    || failed Redis "$REDIS_DIR/redis.log"
deadline=$(( $(date +%s) + REDIS_TIMEOUT ))
until [ "$(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null)" = PONG ]; do
    [ "$(date +%s)" -lt "$deadline" ] || failed Redis "$REDIS_DIR/redis.log"
    sleep 0.2
done
log "Redis ready on 127.0.0.1:$REDIS_PORT after $(( $(date +%s) - started_at ))s"

# --- Wait for Elasticsearch -------------------------------------------------------------
# `elasticsearch -d` returns once the node has started (or failed to); then the cluster
# must reach at least yellow.
wait "$es_launcher" || { cat "$ES_START_LOG" >&2; failed Elasticsearch "$ES_DIR/logs/vrijhaven-test.log"; }
deadline=$(( $(date +%s) + ES_TIMEOUT ))
until curl -fsS "http://127.0.0.1:$ES_HTTP_PORT/_cluster/health?wait_for_status=yellow&timeout=5s" >/dev/null 2>&1; do
    [ "$(date +%s)" -lt "$deadline" ] || failed Elasticsearch "$ES_DIR/logs/vrijhaven-test.log"
    sleep 1
done
log "Elasticsearch ready on 127.0.0.1:$ES_HTTP_PORT after $(( $(date +%s) - started_at ))s"

cat > "$STATE_DIR/env.partial" <<EOF
DATABASE_URL=postgres://vrijhaven:vrijhaven@127.0.0.1:$PG_PORT/vrijhaven
REDIS_URL=redis://127.0.0.1:$REDIS_PORT/0
CELERY_BROKER_URL=redis://127.0.0.1:$REDIS_PORT/1
ELASTICSEARCH_URL=http://127.0.0.1:$ES_HTTP_PORT
EOF
mv "$STATE_DIR/env.partial" "$STATE_DIR/env"
log "all services up in $(( $(date +%s) - started_at ))s; environment in ${STATE_DIR#$REPO_ROOT/}/env"
