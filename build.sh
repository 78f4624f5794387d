#!/usr/bin/env bash
# One entry point for building, running and testing.
#   ./build.sh test   restore, build (warnings are errors) and run every test project;
#                     prints "N passed, N failed" last and exits non-zero on any failure.
#   ./build.sh run    run the product with its embedded defaults and a simulated demo ward of 12 beds
#                     (http://localhost:5000 unless ASPNETCORE_URLS says otherwise; Simulator__Beds=0 turns
#                     the demo ward off). Ctrl+C stops it.
#   ./build.sh bench  the load benchmark (bench/run.sh; --quick for a short check): results in bench/results.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

command="${1:-test}"

# Debian packages the tests start themselves (each test fixture runs its own server on a free port).
TEST_PACKAGES=(mosquitto mosquitto-clients chromium postgresql redis-server victoria-metrics docker-compose)

install_prerequisites() {
  command -v dotnet >/dev/null || { echo "The .NET 10 SDK is required (dotnet not found)" >&2; exit 1; }
  local missing=()
  command -v mosquitto >/dev/null || missing+=(mosquitto)
  command -v mosquitto_passwd >/dev/null || missing+=(mosquitto-clients)
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
  command -v redis-server >/dev/null || missing+=(redis-server)
  command -v victoria-metrics >/dev/null || missing+=(victoria-metrics)
  command -v docker-compose >/dev/null || missing+=(docker-compose)
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "Installing test servers: ${TEST_PACKAGES[*]}"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${TEST_PACKAGES[@]}"
  fi
}

run_tests() {
  install_prerequisites
  local results="${TEST_RESULTS_DIR:-$PWD/TestResults}"
  rm -rf "$results"
  mkdir -p "$results"
  dotnet restore Monitoring.sln
  dotnet build Monitoring.sln --no-restore -c Release
  local status=0
  dotnet test Monitoring.sln --no-build -c Release \
    --logger "trx" --results-directory "$results" || status=$?
  # dotnet test's own summary is per project; CI reads one plain line summed from the TRX files.
  local passed=0 failed=0 p f
  for trx in "$results"/*.trx; do
    [ -e "$trx" ] || continue
    p=$(grep -o '<Counters [^>]*' "$trx" | grep -o ' passed="[0-9]*"' | grep -o '[0-9]*' || echo 0)
    f=$(grep -o '<Counters [^>]*' "$trx" | grep -o ' failed="[0-9]*"' | grep -o '[0-9]*' || echo 0)
    passed=$((passed + p)); failed=$((failed + f))
  done
  if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then
    echo "no test ran" >&2; status=1
  fi
  if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    failed=1 # the run failed outside a test (build, crash, timeout): never report it green
  fi
  echo "${passed} passed, ${failed} failed"
  [ "$failed" -eq 0 ] && [ "$status" -eq 0 ]
}

case "$command" in
  test) run_tests ;;
  run)
    command -v dotnet >/dev/null || { echo "The .NET 10 SDK is required (dotnet not found)" >&2; exit 1; }
    export ASPNETCORE_URLS="${ASPNETCORE_URLS:-http://localhost:5000}"
    # Embedded development mode: the demo users load only in Development (or Test).
    export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
    exec dotnet run --project src/Monitoring.Host -c Release ;;
  bench) shift; exec bench/run.sh "$@" ;;
  *) echo "usage: $0 test|run|bench" >&2; exit 2 ;;
esac
