# A throw-away PostgreSQL 15 server on loopback for tests: `source .ci/postgres.sh; start_postgres`.
# Sets PG_URL. Used by .ci/run and by developers (see README, "Tests").
PG_BIN=/usr/lib/postgresql/15/bin
PG_PORT="${PG_PORT:-55432}"
PG_DIR="${PG_DIR:-/tmp/pcmt-ci-postgres}"
PG_URL="postgres://postgres@127.0.0.1:${PG_PORT}/postgres"

start_postgres() {
  if [ "$(id -u)" = 0 ]; then as_pg=(runuser -u postgres --); else as_pg=(); fi
  stop_postgres   # a server left over from an earlier run in the same folder
  rm -rf "$PG_DIR"
  mkdir -p "$PG_DIR"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$PG_DIR"
  "${as_pg[@]}" "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  "${as_pg[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR -c max_connections=200 -c fsync=off" start >/dev/null
  echo "PostgreSQL 15 on 127.0.0.1:$PG_PORT"
}

stop_postgres() {
  if [ "$(id -u)" = 0 ]; then as_pg=(runuser -u postgres --); else as_pg=(); fi
  "${as_pg[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
}
