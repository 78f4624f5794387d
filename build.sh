#!/usr/bin/env bash
# One entry point for building, running and testing.
#   ./build.sh test   restore, build (warnings are errors) and run every test project;
#                     prints "N passed, N failed" last and exits non-zero on any failure.
#   ./build.sh run    run the product with its embedded defaults and, beside it, a simulated demo ward of
#                     12 beds (the simulators' CLI; http://localhost:5000 unless ASPNETCORE_URLS says
#                     otherwise; Simulator__Beds=0 turns the demo ward off). Ctrl+C stops both.
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

# The product and, beside it, the demo ward: the simulators' CLI playing a ward against the host from outside
# (REST and MQTT only), as dotnet/orleans' GPSTracker runs its device gateway. Ctrl+C stops both.
run_product() {
  command -v dotnet >/dev/null || { echo "The .NET 10 SDK is required (dotnet not found)" >&2; exit 1; }
  export ASPNETCORE_URLS="${ASPNETCORE_URLS:-http://localhost:5000}"
  # Embedded development mode: the demo users load only in Development (or Test).
  export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
  local configuration="${RUN_CONFIGURATION:-Release}"
  if [ "${RUN_NO_BUILD:-}" != "1" ]; then
    dotnet build src/Monitoring.Host -c "$configuration" -v quiet -nologo
    dotnet build simulators/Monitoring.Simulators.Cli -c "$configuration" -v quiet -nologo
  fi

  local beds="${Simulator__Beds:-12}" why_off=""
  if [ "$beds" -le 0 ] 2>/dev/null; then why_off="Simulator__Beds is $beds"
  elif ! [ "$beds" -gt 0 ] 2>/dev/null; then echo "Simulator__Beds must be a whole number, not '$beds'" >&2; exit 2
  elif [ "${Simulator__Enabled:-}" = "false" ]; then why_off="Simulator__Enabled is false"
  elif [ "${Simulator__Enabled:-}" != "true" ] && { [ -n "${Mqtt__Host:-}" ] || [ "${Storage__Provider:-Memory}" != "Memory" ]; }; then
    why_off="not in embedded mode (Simulator__Enabled=true turns it on)"
  fi

  # A non-interactive shell starts background jobs deaf to Ctrl+C, so the script forwards it: both stop.
  local host="" ward="" status interrupted=0
  stop() { interrupted=1; kill -TERM ${host:+"$host"} ${ward:+"$ward"} 2>/dev/null || true; }
  trap stop INT TERM

  dotnet "src/Monitoring.Host/bin/$configuration/net10.0/Monitoring.Host.dll" &
  host=$!
  if [ -z "$why_off" ]; then
    # The first http address the host listens on, as loopback.
    local url
    url=$(echo "$ASPNETCORE_URLS" | tr ';' '\n' | grep -m1 '^http://' || echo "$ASPNETCORE_URLS" | cut -d';' -f1)
    url=$(echo "$url" | sed -E 's#://(\+|\*|0\.0\.0\.0|\[::\]|localhost)#://127.0.0.1#')
    # With an outside broker (Simulator__Enabled=true) the ward connects as the host does.
    local broker=(--mqtt-host "${Mqtt__Host:-127.0.0.1}" --mqtt-port "${Mqtt__Port:-1883}")
    [ -n "${Mqtt__Username:-}" ] && broker+=(--mqtt-username "$Mqtt__Username")
    [ "${Mqtt__UseTls:-}" = "true" ] && broker+=(--mqtt-tls)
    MONITORING_MQTT_PASSWORD="${Mqtt__Password:-}" \
    dotnet "simulators/Monitoring.Simulators.Cli/bin/$configuration/net10.0/monitoring-sim.dll" ward \
      --beds "$beds" --admit --wait-ready "${Simulator__ReadyTimeout:-2m}" --host-url "$url" \
      "${broker[@]}" --connections 1 \
      --charge-user "${Simulator__ChargeUsername:-charge}" --charge-password "${Simulator__ChargePassword:-charge-demo}" \
      > >(sed -u 's/^/[demo ward] /') 2>&1 &
    ward=$!
  else
    echo "[demo ward] off: $why_off"
  fi

  while :; do
    status=0
    wait "$host" || status=$?
    # A trapped signal cuts wait short (128+n): wait again for the host's own exit status.
    if [ "$status" -gt 128 ] && [ "$interrupted" -eq 1 ]; then interrupted=0; continue; fi
    break
  done
  [ -n "$ward" ] && { kill -TERM "$ward" 2>/dev/null || true; wait "$ward" 2>/dev/null || true; }
  exit "$status"
}

case "$command" in
  test) run_tests ;;
  run) run_product ;;
  bench) shift; exec bench/run.sh "$@" ;;
  *) echo "usage: $0 test|run|bench" >&2; exit 2 ;;
esac
