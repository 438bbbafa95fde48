#!/usr/bin/env bash
# Load benchmark or soak of the published portal, run by hand (see bench/README.md):
#   bash bench/load.sh                      # load benchmark: six addresses, 32 connections, 15 s each
#   bash bench/load.sh soak                 # soak: 10 minutes at 64 connections, an issue published at minute 3
#   bash bench/load.sh soak --duration 1m   # a short soak to try it
# Installs Debian's wrk with apt-get when missing. Exit code 0 when every target is met.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if ! command -v wrk >/dev/null; then
  echo "installing wrk with apt-get (missing on this machine)" >&2
  apt-get update -qq && apt-get install -y -qq wrk >/dev/null
fi

dotnet build bench/Newsletter.LoadBench -c Release -nologo -v quiet >&2
exec dotnet run -c Release --no-build --project bench/Newsletter.LoadBench -- "$@"
