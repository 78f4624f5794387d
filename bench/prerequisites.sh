# Sourced by bench/run.sh and bench/soak.sh: the repository root as working folder, quiet dotnet, and the servers the
# bench starts itself (Debian's packages) checked before anything is built.
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
for tool in mosquitto redis-server; do
  command -v "$tool" >/dev/null || { echo "$tool is required (apt-get install mosquitto redis-server postgresql)" >&2; exit 1; }
done
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || { echo "PostgreSQL is required (apt-get install postgresql)" >&2; exit 1; }
