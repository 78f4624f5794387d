#!/usr/bin/env bash
# The chaos soak (issue 13): builds the host and the bench (Release), then starts Mosquitto, Redis, PostgreSQL and two
# host processes forming one cluster, admits 200 beds, drives their pumps and monitors over MQTT in real time for
# 30 minutes while one fault at a time (SIGKILL of a host, SIGKILL of the broker, Redis or PostgreSQL unreachable)
# follows a seeded schedule, and checks that no acknowledged message was lost and every labelled event raised its
# alert. Writes bench/results/soak.{md,json}; exits non-zero if anything was lost or missed.
#   bench/soak.sh [--minutes N] [--beds N] [--seed N] [--events N] [--out FOLDER]
# A shorter or smaller soak writes to bench/results/soak-short/ unless --out says otherwise. Not part of ./build.sh test.
set -euo pipefail
source "$(dirname "$0")/prerequisites.sh"
started=$(date +%s)
dotnet build src/Monitoring.Host -c Release -v quiet -nologo
dotnet build bench/Monitoring.Bench -c Release -v quiet -nologo
status=0
dotnet bench/Monitoring.Bench/bin/Release/net10.0/Monitoring.Bench.dll soak "$@" || status=$?
echo "bench/soak.sh took $(( ($(date +%s) - started) / 60 )) min $(( ($(date +%s) - started) % 60 )) s (builds included)"
exit "$status"
