#!/usr/bin/env bash
# The long fuzz through the real path (issue 13): >= 100,000 generated MQTT payloads published to a running host's
# broker (MqttPathFuzzTests) and >= 20,000 generated REST requests to its write routes (RestFuzzTests), both with
# the suite's own oracles, at BADINPUT_SCALE times the default budgets. Writes bench/results/fuzz.md. Not part of
# ./build.sh test (that runs the same tests at the default budgets: 3,000 and 5,000).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
out=bench/results/fuzz.md
log=$(mktemp)
dotnet build tests/Monitoring.BadInput.Tests -c Release -v quiet -nologo
run() { # scale, filter
  BADINPUT_SCALE="$1" dotnet test tests/Monitoring.BadInput.Tests -c Release --no-build --filter "FullyQualifiedName~$2" \
    --logger "console;verbosity=detailed" 2>&1 | tee -a "$log" | grep -E "^\s+(Passed|Failed) |Passed!|Failed!" || true
}
started=$(date +%s)
run 34 MqttPathFuzzTests
run 4 RestFuzzTests
{
  echo "# Fuzz through the real path"
  echo
  echo "Run by \`bench/fuzz.sh\` on $(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD), $(nproc) cores; $(( $(date +%s) - started )) s in all."
  echo "Method: \`MqttPathFuzzTests\` at BADINPUT_SCALE=34 (3,000 x 34 payloads of every generated family, published at QoS 1"
  echo "to the in-process host's embedded broker; each checked against the parser's verdict by ingest's refusal counter and"
  echo "monitoring/rejected; no Error logged; a real bed still raises CEILING afterwards) and \`RestFuzzTests\` at"
  echo "BADINPUT_SCALE=4 (5,000 x 4 mutated requests to every write route, as charge nurse and nurse; never a 5xx, every 4xx"
  echo "a problem naming the field; no Error logged)."
  echo
  echo '```'
  grep -E "^\s+(Passed|Failed) Monitoring|payloads published|refused by field|monitoring/rejected:|requests in|Passed!|Failed!" "$log" | sed -E 's/^\s+//'
  echo '```'
} > "$out"
cat "$out"
