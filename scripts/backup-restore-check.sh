#!/usr/bin/env bash
# Backup and restore, tested: a new database with the Helmond demo, backed up with pg_dump, restored with
# pg_restore into another new database, and Wijkwerk started on the copy must still serve the data and let
# a demo user log in. The same pg_dump/pg_restore commands as docs/production.md ("Backups").
#
# Usage: scripts/backup-restore-check.sh [server url]   (default postgres://postgres@127.0.0.1:5432/postgres)
# Needs pg_dump, pg_restore, psql and curl, and `npm ci` done (the server runs on the project's Node 24).
# Creates databases named wijkwerk_backup_check_<random>_{source,restored} and drops them again, also on failure.
set -euo pipefail
cd "$(dirname "$0")/.."

server_url=${1:-postgres://postgres@127.0.0.1:5432/postgres}
node=node_modules/.bin/node
if [ ! -x "$node" ]; then
  echo "run npm ci first: $node (Node 24) is missing" >&2
  exit 1
fi

suffix=$(od -An -N4 -tx1 /dev/urandom | tr -d ' \n')
source_db="wijkwerk_backup_check_${suffix}_source"
restored_db="wijkwerk_backup_check_${suffix}_restored"
work=$(mktemp -d /tmp/wijkwerk-backup-check.XXXXXX)
server_pid=""
# A password every demo login gets, so the check can log in; only for this throw-away database.
demo_password="Backup-controle-${suffix}"

url_of() { # the server url with another database name
  printf '%s/%s' "${server_url%/*}" "$1"
}
on_server() {
  psql --no-psqlrc --quiet --set ON_ERROR_STOP=1 --dbname "$server_url" "$@"
}

stop_server() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid"
    # The server exits within SHUTDOWN_TIMEOUT_SECONDS (5 here); after that it is killed.
    for _ in $(seq 1 60); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  server_pid=""
}

clean_up() {
  local status=$?
  stop_server
  on_server -c "drop database if exists $source_db with (force)" -c "drop database if exists $restored_db with (force)" || true
  if [ "$status" -ne 0 ] && [ -f "$work/server.log" ]; then
    echo "--- last lines of the server's log ---" >&2
    tail -n 30 "$work/server.log" >&2
  fi
  rm -rf "$work"
  exit "$status"
}
trap clean_up EXIT
trap 'exit 130' INT TERM

fail() {
  echo "backup and restore check failed: $*" >&2
  exit 1
}

free_port() {
  "$node" -e 'const server = require("node:net").createServer().listen(0, "127.0.0.1", () => { console.log(server.address().port); server.close(); });'
}

# Starts Wijkwerk on a database and waits until /readyz says ready (migrated and reachable), for at most 90 s.
# DEMO_SEED (the second argument) is off on the restored copy: an empty restore must not pass for a good one.
start_server() {
  local database_url=$1 demo_seed=$2 port
  port=$(free_port)
  base="http://127.0.0.1:$port"
  DATABASE_URL=$database_url MIGRATION_DATABASE_URL='' PORT=$port HOST=127.0.0.1 PUBLIC_URL=$base \
    NODE_ENV=test DEMO_SEED=$demo_seed DEMO_PASSWORD=$demo_password DATA_DIR="$work/data" WEB_DIST_DIR="$work/no-web-app" \
    SCHEDULER_INTERVAL_SECONDS=0 SHUTDOWN_TIMEOUT_SECONDS=5 LOG_LEVEL=warn \
    "$node" server/main.ts >>"$work/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 900); do
    kill -0 "$server_pid" 2>/dev/null || fail "the server on $database_url stopped during its start"
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/readyz")" = 200 ]; then return 0; fi
    sleep 0.1
  done
  fail "the server on $database_url was not ready within 90 s"
}

neighbourhood_count() {
  curl -sf "$base/api/v1/municipalities/helmond/neighbourhoods?pageSize=100" | "$node" -e 'let body = ""; process.stdin.on("data", (chunk) => (body += chunk)).on("end", () => console.log(JSON.parse(body).total));'
}

# A demo login that needs no second factor (an officer), as a person would log in on the restored copy.
login_status() {
  curl -s -o /dev/null -w '%{http_code}' -H 'content-type: application/json' \
    --data "{\"email\":\"koen.verhoeven@helmond.example\",\"password\":\"$demo_password\"}" \
    "$base/api/v1/municipalities/helmond/sessions"
}

echo "creating $source_db and starting Wijkwerk on it (migrations and the Helmond demo)"
on_server -c "create database $source_db"
start_server "$(url_of "$source_db")" on
[ "$(neighbourhood_count)" = 11 ] || fail "the new database does not hold the demo's 11 neighbourhoods"
stop_server

echo "pg_dump, then pg_restore into $restored_db"
pg_dump --format=custom --file="$work/wijkwerk.dump" "$(url_of "$source_db")"
on_server -c "create database $restored_db"
pg_restore --no-owner --exit-on-error --dbname="$(url_of "$restored_db")" "$work/wijkwerk.dump"
# Row for row, before a server touches the copy: the audit log (every change the demo made) and the people.
fingerprint() {
  psql --no-psqlrc --quiet --set ON_ERROR_STOP=1 --dbname "$(url_of "$1")" -Atc \
    "select (select count(*) || ':' || md5(string_agg(row_hash, ',' order by id)) from audit_log) || ' ' || (select count(*) || ':' || md5(string_agg(email || coalesce(password_hash, ''), ',' order by municipality_id, email)) from user_account)"
}
backed_up=$(fingerprint "$source_db")
restored=$(fingerprint "$restored_db")
[ -n "$backed_up" ] && [ "$backed_up" = "$restored" ] || fail "the restored audit log or people differ from the backed-up ones ($restored, not $backed_up)"

echo "starting Wijkwerk on the restored database"
start_server "$(url_of "$restored_db")" off
count=$(neighbourhood_count)
[ "$count" = 11 ] || fail "the restored database answers $count neighbourhoods instead of 11"
status=$(login_status)
[ "$status" = 201 ] || fail "a demo user cannot log in on the restored database (HTTP $status)"
stop_server

echo "backup and restore: the restored database serves the 11 neighbourhoods and a demo user logs in"
