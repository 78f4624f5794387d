#!/usr/bin/env bash
# Writes deploy/mosquitto/passwd (hashed) from the passwords in .env: the users of the acl file beside this
# script, plus any device users given as arguments (each prompts for its password).
#   deploy/mosquitto/make-passwd.sh                 product, simulator, charting, gateway, healthcheck
#   deploy/mosquitto/make-passwd.sh pump-01 monitor-01
# Uses the local mosquitto_passwd (Debian: apt-get install mosquitto) or, without it, the eclipse-mosquitto image.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
env_file="${ENV_FILE:-$root/.env}"
[ -f "$env_file" ] || { echo "no $env_file: copy .env.example to .env and set the passwords first" >&2; exit 1; }
set -a
# shellcheck disable=SC1090
. "$env_file"
set +a

passwd_tool() {
  if command -v mosquitto_passwd >/dev/null; then
    mosquitto_passwd "$@"
  else
    docker run --rm -i -v "$here:/mosquitto/config" eclipse-mosquitto:2 mosquitto_passwd "$@"
  fi
}

file="$here/passwd"
target="$file"
command -v mosquitto_passwd >/dev/null || target="/mosquitto/config/passwd"
: > "$file"
chmod 600 "$file"
add() { # user password
  [ -n "$2" ] || { echo "no password for MQTT user $1 in $env_file" >&2; exit 1; }
  passwd_tool -b "$target" "$1" "$2"
}
add monitoring "${MQTT_MONITORING_PASSWORD:-}"
add simulator "${MQTT_SIMULATOR_PASSWORD:-}"
add charting "${MQTT_CHARTING_PASSWORD:-}"
add gateway "${MQTT_GATEWAY_PASSWORD:-}"
add healthcheck "${MQTT_HEALTHCHECK_PASSWORD:-}"
for device in "$@"; do
  read -r -s -p "password for device $device: " secret; echo
  add "$device" "$secret"
done
# The broker runs as user mosquitto (uid 1883 in the image): it must be able to read the file.
chmod 644 "$file"
echo "wrote $file ($(wc -l < "$file") users)"
