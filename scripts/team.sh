#!/usr/bin/env bash
# A team's deployment on one host, from Debian and PyPI packages (docs/team.md): a PostgreSQL
# cluster (run as an unprivileged user: Postgres refuses root), Chroma's server (`chroma run`)
# and N `ragbot serve` replicas sharing them, behind Debian's HAProxy with sticky sessions
# (ragbot's deploy/haproxy.cfg, docs/team.md) when it is installed. Every address is loopback.
#
#   scripts/team.sh start [N]   # N replicas (default 2) on ports 7860, 7861, ...; the proxy on 7850
#   scripts/team.sh env         # the settings an ingesting machine exports
#   scripts/team.sh stop
#
# TEAM_DIR (default /var/tmp/ragbot-team) holds the data, logs and pid files; PG_PORT (5433),
# CHROMA_PORT (8000), WEB_PORT (7860) and PROXY_PORT (7850) choose the ports.
set -euo pipefail
cd "$(dirname "$0")/.."
TEAM_DIR=${TEAM_DIR:-/var/tmp/ragbot-team}
PG_PORT=${PG_PORT:-5433}
CHROMA_PORT=${CHROMA_PORT:-8000}
WEB_PORT=${WEB_PORT:-7860}
PROXY_PORT=${PROXY_PORT:-7850}
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
DATABASE_URL="postgresql+psycopg://ragbot@127.0.0.1:${PG_PORT}/ragbot"

as_pg() {  # run a Postgres program as an unprivileged user when we are root
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

settings() {
  echo "export RAGBOT_DATABASE_URL=$DATABASE_URL"
  echo "export RAGBOT_CHROMA_HOST=127.0.0.1 RAGBOT_CHROMA_PORT=$CHROMA_PORT"
}

start() {
  local replicas=${1:-2}
  [ -n "$PG_BIN" ] || { echo "PostgreSQL is not installed: apt-get install postgresql" >&2; exit 2; }
  mkdir -p "$TEAM_DIR/pg"
  [ "$(id -u)" != 0 ] || chown postgres "$TEAM_DIR/pg"
  if [ ! -f "$TEAM_DIR/pg/data/PG_VERSION" ]; then
    as_pg "$PG_BIN/initdb" -D "$TEAM_DIR/pg/data" -U ragbot --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    fresh=1
  fi
  as_pg "$PG_BIN/pg_ctl" -D "$TEAM_DIR/pg/data" -l "$TEAM_DIR/pg/log" -w start \
    -o "-p $PG_PORT -k $TEAM_DIR/pg -c listen_addresses=127.0.0.1" >/dev/null
  [ -z "${fresh:-}" ] || as_pg "$PG_BIN/psql" -q -h 127.0.0.1 -p "$PG_PORT" -U ragbot -d postgres -c "CREATE DATABASE ragbot"
  .venv/bin/chroma run --path "$TEAM_DIR/chroma" --host 127.0.0.1 --port "$CHROMA_PORT" >"$TEAM_DIR/chroma.log" 2>&1 &
  echo $! >"$TEAM_DIR/chroma.pid"
  for _ in $(seq 300); do .venv/bin/python -c "import socket,sys; sys.exit(socket.socket().connect_ex(('127.0.0.1', $CHROMA_PORT)))" && break; sleep 0.2; done
  eval "$(settings)"
  for i in $(seq 0 $((replicas - 1))); do
    RAGBOT_STORE_DIR="$TEAM_DIR/replica-$i" .venv/bin/ragbot serve --port $((WEB_PORT + i)) >"$TEAM_DIR/replica-$i.log" 2>&1 &
    echo $! >"$TEAM_DIR/replica-$i.pid"
    echo "replica $i: http://127.0.0.1:$((WEB_PORT + i))/ (log $TEAM_DIR/replica-$i.log)"
  done
  if command -v haproxy >/dev/null || [ -x /usr/sbin/haproxy ]; then
    .venv/bin/python -c "from ragbot.deploy import Replica, haproxy_config
print(haproxy_config([Replica(f'r{i}', '127.0.0.1', $WEB_PORT + i) for i in range($replicas)], $PROXY_PORT, '127.0.0.1'))" >"$TEAM_DIR/haproxy.cfg"
    "$(command -v haproxy || echo /usr/sbin/haproxy)" -db -f "$TEAM_DIR/haproxy.cfg" >"$TEAM_DIR/haproxy.log" 2>&1 &
    echo $! >"$TEAM_DIR/haproxy.pid"
    echo "the team's page: http://127.0.0.1:$PROXY_PORT/ (HAProxy, sticky sessions; $TEAM_DIR/haproxy.cfg)"
  else
    echo "no proxy: apt-get install haproxy to put the replicas behind one address" >&2
  fi
  echo "ingest from any machine with:"; settings; echo "export RAGBOT_NOTES_SCOPE=<this machine's folder name>"
}

stop() {
  for pidfile in "$TEAM_DIR"/*.pid; do
    [ -f "$pidfile" ] || continue
    kill "$(cat "$pidfile")" 2>/dev/null || true
    rm -f "$pidfile"
  done
  [ -z "$PG_BIN" ] || [ ! -d "$TEAM_DIR/pg/data" ] || as_pg "$PG_BIN/pg_ctl" -D "$TEAM_DIR/pg/data" -m fast -w stop >/dev/null || true
}

case "${1:-}" in
  start) start "${2:-2}" ;;
  stop) stop ;;
  env) settings ;;
  *) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
