# The monitoring host (silo, MQTT ingest, REST, hub, dashboard). Built from the repository root:
#   docker build -f deploy/docker/monitoring-host.Dockerfile -t monitoring-host .
# Configuration comes from the environment (docs/production.md); nothing secret is baked in.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /repo
# Project files first, so a code change does not redo the restore.
COPY Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Monitoring.Protocol/Monitoring.Protocol.csproj src/Monitoring.Protocol/
COPY src/Monitoring.Contracts/Monitoring.Contracts.csproj src/Monitoring.Contracts/
COPY src/Monitoring.Ingest/Monitoring.Ingest.csproj src/Monitoring.Ingest/
COPY src/Monitoring.Application/Monitoring.Application.csproj src/Monitoring.Application/
COPY src/Monitoring.VirtualTime/Monitoring.VirtualTime.csproj src/Monitoring.VirtualTime/
COPY src/Monitoring.Audit.Postgres/Monitoring.Audit.Postgres.csproj src/Monitoring.Audit.Postgres/
COPY src/Monitoring.Archive/Monitoring.Archive.csproj src/Monitoring.Archive/
COPY src/Monitoring.Host/Monitoring.Host.csproj src/Monitoring.Host/
COPY grains/Monitoring.Grains/Monitoring.Grains.csproj grains/Monitoring.Grains/
COPY dashboard/Monitoring.Dashboard/Monitoring.Dashboard.csproj dashboard/Monitoring.Dashboard/
RUN dotnet restore src/Monitoring.Host/Monitoring.Host.csproj
COPY src/ src/
COPY grains/ grains/
COPY dashboard/ dashboard/
COPY seeds/ seeds/
RUN dotnet publish src/Monitoring.Host/Monitoring.Host.csproj -c Release --no-restore -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS final
WORKDIR /app
COPY --from=build /app ./
# Resolves {file:/run/secrets/...} in the environment (compose's secrets), then starts the host: see the script.
COPY deploy/docker/with-secret-files.sh /app/
ENV ASPNETCORE_URLS=http://+:8080 \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
# 8080: dashboard, REST, hub, health (plain HTTP: the image's default). 8443: the same over HTTPS when compose
# gives Kestrel a certificate (docker-compose.yml listens on 8443 and keeps 8080 on the container's loopback).
# 11111: Orleans silo-to-silo. 30000: Orleans gateway.
EXPOSE 8080 8443 11111 30000
# The image's non-root user.
USER $APP_UID
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=6 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /health/ready HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["bash", "/app/with-secret-files.sh", "dotnet", "Monitoring.Host.dll"]
