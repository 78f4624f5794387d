#!/usr/bin/env bash
# Writes deploy/mosquitto/passwd (hashed) from the MQTT passwords deploy/make-secrets.sh wrote into deploy/secrets/:
# the users of the acl file beside this script, plus any device users given as arguments (each prompts for its password).
#   deploy/mosquitto/make-passwd.sh                                      product, simulator, charting, gateway, healthcheck
#   deploy/mosquitto/make-passwd.sh pumps/pump-01 monitors/monitor-01    ... plus devices, named <type>/<id>
# Uses the local mosquitto_passwd (Debian: apt-get install mosquitto) or, without it, the eclipse-mosquitto image.
# SECRETS_DIR overrides where the passwords are read from (the deploy tests use a temporary one).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
secrets="${SECRETS_DIR:-$here/../secrets}"
[ -d "$secrets" ] || { echo "no $secrets: run deploy/make-secrets.sh first" >&2; exit 1; }

# The acl's device patterns expand %u into the topic levels <type>/<id>: any other shape would give a device the
# wrong topics (a bare "monitor-01" none at all; a "pumps/x/y" someone else's), so it is refused, before anything is written.
for device in "$@"; do
  [[ "$device" =~ ^(pumps|monitors)/[A-Za-z0-9._-]+$ ]] || { echo "device user '$device' must be pumps/<id> or monitors/<id> (id: letters, digits, . _ -)" >&2; exit 1; }
done

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
  [ -n "$2" ] || { echo "empty password for MQTT user $1" >&2; exit 1; }
  passwd_tool -b "$target" "$1" "$2"
}
secret() { # name: the password file's first line
  [ -r "$secrets/$1" ] || { echo "no $secrets/$1: run deploy/make-secrets.sh" >&2; exit 1; }
  head -n 1 "$secrets/$1"
}
add monitoring "$(secret mqtt-monitoring-password)"
add simulator "$(secret mqtt-simulator-password)"
add charting "$(secret mqtt-charting-password)"
add gateway "$(secret mqtt-gateway-password)"
add healthcheck "$(secret mqtt-healthcheck-password)"
for device in "$@"; do
  read -r -s -p "password for device $device: " password; echo
  add "$device" "$password"
done
# The broker runs as user mosquitto (uid 1883 in the image): it must be able to read the file.
chmod 644 "$file"
echo "wrote $file ($(wc -l < "$file") users)"
