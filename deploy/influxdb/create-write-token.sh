#!/bin/bash
# InfluxDB's first setup runs this (docker-compose.yml mounts this folder at /docker-entrypoint-initdb.d; the image
# runs *.sh there once, after creating the org and bucket, as user influxdb, with the influx CLI signed in as admin).
# It creates the token the monitoring hosts write the archive with: write access to the one bucket and nothing else
# (issue 13 item 17: the hosts had the admin token, which may read, delete and reconfigure everything). The token is
# written to the archive-token volume, which the hosts mount read-only; they never see the admin token.
# InfluxDB makes the token's value (it cannot be chosen), which is why it is handed over in a file and not in .env.
# By hand, for an InfluxDB set up before this script existed (then restart the hosts):
#   docker-compose exec influxdb influx auth create --org ward --write-bucket <bucket id> --description monitoring-hosts
set -euo pipefail
out_dir=/etc/influxdb2/archive-token
out="$out_dir/token"
[ -w "$out_dir" ] || { echo "create-write-token.sh: $out_dir is not writable by $(id -un): is the archive-token volume mounted there?" >&2; exit 1; }

# Columns of `influx auth create --hide-headers`: ID, Description, Token, User Name, User ID, Permissions (tab-separated).
token="$(influx auth create \
  --org "$DOCKER_INFLUXDB_INIT_ORG" \
  --write-bucket "$DOCKER_INFLUXDB_INIT_BUCKET_ID" \
  --description "monitoring hosts: write bucket $DOCKER_INFLUXDB_INIT_BUCKET only" \
  --hide-headers | cut -f 3)"
[ -n "$token" ] || { echo "create-write-token.sh: influx auth create gave no token" >&2; exit 1; }

# Written whole or not at all (the hosts' start waits for InfluxDB's health check, which waits for this file); 0644
# because the hosts run as another user (the .NET image's app), and the volume is mounted only where it is needed.
umask 022
printf '%s\n' "$token" > "$out.tmp"
mv "$out.tmp" "$out"
echo "create-write-token.sh: wrote the hosts' write-only token for bucket $DOCKER_INFLUXDB_INIT_BUCKET to $out"
