#!/usr/bin/env bash
# Writes every secret docker-compose.yml mounts into deploy/secrets/ (never committed; docs/production.md):
#   passwords and tokens   redis-password, postgres-password, influxdb-admin-password, influxdb-admin-token,
#                          mqtt-{monitoring,simulator,charting,gateway,healthcheck}-password, charge-password
#   a ward CA              ca.crt (given to every client), ca.key (signs; never mounted into any container)
#   server certificates    mosquitto.crt/.key (MQTT over TLS), monitoring.crt/.key (the hosts' HTTPS)
#   Data Protection        dp-keys.pfx with dp-keys-password: encrypts the sign-in key ring at rest in Redis
#   Orleans cluster        orleans-cluster.pfx with orleans-cluster-password: mutual TLS between the hosts' silos
# Each file is made only if it is missing, so running the script again keeps what exists. Rotate one by deleting
# it, running the script again and restarting what reads it (a new CA means new server certificates too).
#   deploy/make-secrets.sh
#   MONITORING_TLS_NAMES="DNS:ward-monitoring.example.org" deploy/make-secrets.sh   # names the hosts are reached by
# SECRETS_DIR overrides the folder (the deploy tests use a temporary one).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dir="${SECRETS_DIR:-$here/secrets}"
command -v openssl >/dev/null || { echo "make-secrets.sh needs openssl (Debian: apt-get install openssl)" >&2; exit 1; }

# The folder is the operator's alone (0700): nobody else on the Docker host can read into it. The files in it are
# 0644 because compose bind-mounts each one into a container whose user (mosquitto 1883, the .NET images' app,
# postgres, influxdb) is not the operator; a bind-mounted file keeps its mode, and the folder is not mounted.
mkdir -p "$dir"
chmod 700 "$dir"
cd "$dir"
umask 022

made=()
random() { # name: 32 random bytes as hex (no character a connection string or config file would have to escape)
  [ -e "$1" ] && return
  openssl rand -hex 32 > "$1"
  made+=("$1")
}

for name in redis-password postgres-password influxdb-admin-password influxdb-admin-token \
            mqtt-monitoring-password mqtt-simulator-password mqtt-charting-password mqtt-gateway-password \
            mqtt-healthcheck-password charge-password dp-keys-password orleans-cluster-password; do
  random "$name"
done

if [ ! -e ca.crt ]; then
  openssl req -x509 -newkey rsa:3072 -nodes -sha256 -days 1825 -subj "/CN=Ward monitoring CA" \
    -keyout ca.key -out ca.crt \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
  chmod 600 ca.key
  made+=(ca.crt ca.key)
fi

server_cert() { # name common-name subject-alt-names
  [ -e "$1.crt" ] && return
  local ext
  ext="$(mktemp)"
  printf 'subjectAltName=%s\nbasicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n' "$3" > "$ext"
  openssl req -new -newkey rsa:2048 -nodes -sha256 -subj "/CN=$2" -keyout "$1.key" -out "$1.csr" 2>/dev/null
  # 397 days: the longest validity browsers accept for a server certificate.
  openssl x509 -req -sha256 -days 397 -in "$1.csr" -CA ca.crt -CAkey ca.key -CAcreateserial -extfile "$ext" -out "$1.crt" 2>/dev/null
  rm -f "$1.csr" "$ext"
  made+=("$1.crt" "$1.key")
}

# Clients check the name they connect to: the compose service names, and localhost for the published ports.
server_cert mosquitto mosquitto "DNS:mosquitto,DNS:localhost,IP:127.0.0.1${MOSQUITTO_TLS_NAMES:+,$MOSQUITTO_TLS_NAMES}"
server_cert monitoring monitoring "DNS:monitoring-1,DNS:monitoring-2,DNS:localhost,IP:127.0.0.1${MONITORING_TLS_NAMES:+,$MONITORING_TLS_NAMES}"

if [ ! -e dp-keys.pfx ]; then
  # Self-signed is enough: the certificate only wraps the key ring's keys (RSA), nobody validates a chain for it.
  openssl req -x509 -newkey rsa:3072 -nodes -sha256 -days 3650 -subj "/CN=Monitoring Data Protection" \
    -keyout dp-keys.key -out dp-keys.crt 2>/dev/null
  openssl pkcs12 -export -inkey dp-keys.key -in dp-keys.crt -out dp-keys.pfx -passout file:dp-keys-password
  rm -f dp-keys.key dp-keys.crt
  made+=(dp-keys.pfx)
fi

if [ ! -e orleans-cluster.pfx ]; then
  # One certificate every host presents and accepts (pinned by thumbprint, Orleans:Tls): self-signed is enough, and
  # both usages, since each silo is server and client of the others.
  openssl req -x509 -newkey rsa:3072 -nodes -sha256 -days 825 -subj "/CN=monitoring-cluster" \
    -addext "extendedKeyUsage=serverAuth,clientAuth" -keyout orleans-cluster.key -out orleans-cluster.crt 2>/dev/null
  openssl pkcs12 -export -inkey orleans-cluster.key -in orleans-cluster.crt -out orleans-cluster.pfx -passout file:orleans-cluster-password
  rm -f orleans-cluster.key orleans-cluster.crt
  made+=(orleans-cluster.pfx)
fi

# Readable by the containers' users (see above); the CA's signing key stays the operator's alone.
chmod 644 -- *-password *-token ca.crt mosquitto.crt mosquitto.key monitoring.crt monitoring.key dp-keys.pfx orleans-cluster.pfx
echo "secrets in $dir: made ${#made[@]} (${made[*]:-none}), kept the rest"
