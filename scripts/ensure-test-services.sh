#!/usr/bin/env bash
# Makes sure what the tests need runs on localhost: PostgreSQL (database "test", trust auth on loopback),
# Redis, and Debian's Chromium with a Japanese font for the browser tests. Starts what is installed but
# stopped; apt-get installs what is missing. Called by `npm test` (and so by .ci/run).
set -euo pipefail

log() { printf '\n== %s\n' "$*"; }
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"

apt_install() {
  log "apt-get install $*"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@" >/dev/null
}

pg_ready() { pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; }
redis_ready() { redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null | grep -q PONG; }

log "PostgreSQL"
if ! command -v pg_ctlcluster >/dev/null 2>&1; then apt_install postgresql postgresql-contrib; fi
if ! pg_ready; then
  ver=$(ls /etc/postgresql | sort -n | tail -1)
  $SUDO pg_ctlcluster --skip-systemctl-redirect "$ver" main start || true
  for _ in $(seq 1 30); do pg_ready && break; sleep 1; done
fi
pg_ready || { echo "PostgreSQL is not reachable on 127.0.0.1:5432" >&2; exit 1; }
# Tests connect as postgres without a password to database "test" (trust auth on loopback).
if ! psql -h 127.0.0.1 -U postgres -d test -c 'select 1' >/dev/null 2>&1; then
  hba=$($SUDO -u postgres psql -tAc 'show hba_file' 2>/dev/null || true)
  if [ -n "$hba" ] && ! grep -q '^host all all 127.0.0.1/32 trust' "$hba"; then
    $SUDO sed -i '1i host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust' "$hba"
    $SUDO -u postgres psql -tAc 'select pg_reload_conf()' >/dev/null
  fi
  $SUDO -u postgres createdb test 2>/dev/null || true
fi
psql -h 127.0.0.1 -U postgres -d test -c 'select 1' >/dev/null

log "Redis"
if ! command -v redis-server >/dev/null 2>&1; then apt_install redis-server; fi
if ! redis_ready; then
  mkdir -p /var/lib/redis /var/log/redis 2>/dev/null || true
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no --dir /tmp --logfile /tmp/redis-ci.log
  for _ in $(seq 1 20); do redis_ready && break; sleep 0.5; done
fi
redis_ready || { echo "Redis is not reachable on 127.0.0.1:6379" >&2; exit 1; }

log "Chromium (browser tests)"
if [ ! -x /usr/bin/chromium ]; then apt_install chromium; fi
# test/console drives this chromium with playwright-core (no browser download); screenshots land here (git-ignored).
mkdir -p test-artifacts/screenshots
# Without a CJK font the console's Japanese text renders as boxes in the screenshots (tests still pass).
if command -v fc-list >/dev/null 2>&1 && ! fc-list :lang=ja | grep -q .; then apt_install fonts-noto-cjk || true; fi

