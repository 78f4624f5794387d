# monitoring-sim (simulated pumps, monitors and nurses; a test bench, never on a real ward). From the repository root:
#   docker build -f deploy/docker/simulator.Dockerfile -t monitoring-sim .
#   docker run --rm monitoring-sim --help

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /repo
COPY Directory.Build.props Directory.Packages.props .editorconfig ./
COPY simulators/ simulators/
RUN dotnet publish simulators/Monitoring.Simulators.Cli/Monitoring.Simulators.Cli.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/runtime:10.0 AS final
WORKDIR /app
COPY --from=build /app ./
# Resolves {file:/run/secrets/...} in the environment (the MQTT and charge passwords), then runs the simulator.
COPY deploy/docker/with-secret-files.sh /app/
USER $APP_UID
ENTRYPOINT ["bash", "/app/with-secret-files.sh", "dotnet", "monitoring-sim.dll"]
