#!/usr/bin/env bash
# The load bench: builds the host and the bench (Release), then starts Mosquitto, Redis, PostgreSQL and the host
# as separate processes, drives them with the simulators' load mode and writes bench/results/{results.md,
# results.json,bench.png}. Under 15 minutes on a 2-core machine. `--quick` checks the harness in about 3 minutes
# (small patient counts, short steps). Not part of ./build.sh test.
set -euo pipefail
source "$(dirname "$0")/prerequisites.sh"
started=$(date +%s)
dotnet build src/Monitoring.Host -c Release -v quiet -nologo
dotnet build bench/Monitoring.Bench -c Release -v quiet -nologo
dotnet bench/Monitoring.Bench/bin/Release/net10.0/Monitoring.Bench.dll "$@"
echo "bench/run.sh took $(( ($(date +%s) - started) / 60 )) min $(( ($(date +%s) - started) % 60 )) s (builds included)"
