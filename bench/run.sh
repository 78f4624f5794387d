#!/usr/bin/env bash
# The load bench: builds the host and the bench (Release), then starts Mosquitto, Redis, PostgreSQL and the host
# as separate processes, drives them with the simulators' load mode and writes bench/results/{results.md,
# results.json,bench.png}. Under 15 minutes on a 2-core machine. `--quick` checks the harness in about 3 minutes
# (small patient counts, short steps). Not part of ./build.sh test.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
for tool in mosquitto redis-server; do
  command -v "$tool" >/dev/null || { echo "$tool is required (apt-get install mosquitto redis-server postgresql)" >&2; exit 1; }
done
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || { echo "PostgreSQL is required (apt-get install postgresql)" >&2; exit 1; }
started=$(date +%s)
dotnet build src/Monitoring.Host -c Release -v quiet -nologo
dotnet build bench/Monitoring.Bench -c Release -v quiet -nologo
dotnet bench/Monitoring.Bench/bin/Release/net10.0/Monitoring.Bench.dll "$@"
echo "bench/run.sh took $(( ($(date +%s) - started) / 60 )) min $(( ($(date +%s) - started) % 60 )) s (builds included)"
