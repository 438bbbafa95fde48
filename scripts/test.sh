#!/usr/bin/env bash
# Runs every test of the portal on a fresh machine, then prints one line: "N passed, N failed".
# Also generates the SQL Server migration script (idempotent) with the repository's dotnet-ef tool,
# so a SQL Server migration that cannot be scripted fails the run.
set -uo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# The integration tests start dozens of portals; polling file watchers spare the inotify instances (128 per user).
export DOTNET_USE_POLLING_FILE_WATCHER=1
results="TestResults"
rm -rf "$results" && mkdir -p "$results" artifacts

status=0
# Debian packages the tests need (real servers and a real browser, never downloaded ones), installed with apt-get when missing.
apt_updated=""
apt_install() { # apt_install "what fails without them" package...
  local why="$1"; shift
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "installing $* with apt-get (missing on this machine)"
  # A daemon in the packages (dovecot) is not started as a system service: the tests start their own on 127.0.0.1.
  local policy=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' | $sudo tee /usr/sbin/policy-rc.d >/dev/null && $sudo chmod +x /usr/sbin/policy-rc.d && policy=1
  fi
  { [ -n "$apt_updated" ] || { $sudo apt-get update -qq && apt_updated=1; }; } \
    && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null \
    || echo "could not install $*: $why"
  [ -z "$policy" ] || $sudo rm -f /usr/sbin/policy-rc.d
}

echo "== Debian packages for the PDF and browser tests (chromium, fonts-noto-cjk)"
# grep reads all of fc-list's output: with pipefail, grep -q would fail the pipeline through SIGPIPE
if command -v chromium >/dev/null && fc-list 2>/dev/null | grep -i "Noto.*CJK" >/dev/null; then
  echo "chromium and fonts-noto-cjk are installed"
else
  apt_install "the PDF and browser tests will fail" chromium fonts-noto-cjk
fi

echo "== Dovecot for the bounce mailbox test (dovecot-imapd: a real IMAP server on 127.0.0.1)"
if [ -x /usr/sbin/dovecot ]; then
  echo "dovecot is installed"
else
  apt_install "the IMAP bounce test will fail" dovecot-imapd
fi

echo "== Java and the Nu Html Checker for the HTML validation test (default-jre-headless, npm vnu-jar)"
if command -v java >/dev/null; then
  echo "java is installed"
else
  apt_install "the HTML validation test will fail" default-jre-headless
fi
vnu_jar="tools/html-check/node_modules/vnu-jar/build/dist/vnu.jar"
if [ -f "$vnu_jar" ]; then
  echo "$vnu_jar is installed"
else
  echo "installing vnu-jar with npm ci in tools/html-check (missing on this machine)"
  # --ignore-scripts: the package's postinstall would download a Java runtime; Debian's is used instead
  (cd tools/html-check && npm ci --ignore-scripts --no-audit --no-fund >/dev/null) \
    || echo "could not install vnu-jar: the HTML validation test will fail"
fi

echo "== restore and build"
if ! dotnet tool restore >/dev/null || ! dotnet build Newsletter.sln -c Release -nologo -v quiet; then
  echo "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

echo "== SQL Server migration script (idempotent)"
if dotnet tool run dotnet-ef migrations script --idempotent --no-build --configuration Release \
     --project src/Newsletter.Web --context SqlServerNewsletterDbContext \
     --output artifacts/sqlserver-migrations.sql >"$results/ef-script.log" 2>&1 \
   && grep -q "CREATE TABLE \[Issues\]" artifacts/sqlserver-migrations.sql; then
  echo "artifacts/sqlserver-migrations.sql: $(wc -l < artifacts/sqlserver-migrations.sql) lines"
else
  cat "$results/ef-script.log"
  echo "could not generate the SQL Server migration script"
  status=1
fi

echo "== tests"
for project in tests/*/*.csproj; do
  name=$(basename "$project" .csproj)
  dotnet test "$project" -c Release --no-build --nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" \
    --results-directory "$results" || status=1
done

passed=0
failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done
if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then
  failed=1
  status=1
fi

echo "$passed passed, $failed failed"
exit $status
