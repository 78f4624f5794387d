#!/usr/bin/env bash
# Entry point of the monitoring-host and monitoring-sim images: replaces every {file:/path} in an environment
# variable's value with that file's first line, then runs the command it is given.
#   Mqtt__Password={file:/run/secrets/mqtt-monitoring-password}
#   ConnectionStrings__Redis=redis:6379,password={file:/run/secrets/redis-password},abortConnect=false
# Why: the host and the simulator read their settings from environment variables only (the host has no key-per-file
# configuration source), and a password written into docker-compose.yml or .env is in every `docker inspect` and
# `docker-compose config`. With this, compose names a secret file and the value exists only in the process's own
# environment. A variable without {file:...} passes through untouched, so the image runs as before without secrets.
# A named file that is missing, unreadable or empty stops the start (exit 78, EX_CONFIG) naming the variable and the file:
# starting with a password missing would only fail later, less clearly.
set -euo pipefail

pattern='\{file:([^}]+)\}'
while IFS= read -r -d '' entry; do
  name="${entry%%=*}"
  value="${entry#*=}"
  [[ "$value" =~ $pattern ]] || continue
  resolved=""
  rest="$value"
  while [[ "$rest" =~ $pattern ]]; do
    token="${BASH_REMATCH[0]}"
    path="${BASH_REMATCH[1]}"
    if [[ ! -r "$path" ]]; then
      echo "with-secret-files: $name names $path, which is missing or unreadable" >&2
      exit 78
    fi
    secret=""
    IFS= read -r secret < "$path" || true   # a last line without a newline is still read
    if [[ -z "$secret" ]]; then
      echo "with-secret-files: $name names $path, which is empty" >&2
      exit 78
    fi
    # Quoted patterns and replacement: a secret's characters are taken literally (no glob, no & substitution).
    resolved+="${rest%%"$token"*}$secret"
    rest="${rest#*"$token"}"
  done
  export "$name=$resolved$rest"
done < <(env -0)

exec "$@"
