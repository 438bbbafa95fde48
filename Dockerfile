# The portal as a container: built with the .NET 10 SDK, run on Debian 12 — the system the tests run on — so the PDF
# is printed by Debian's chromium with fonts-noto-cjk exactly as on a host without Docker. Microsoft ships .NET 10
# images on Ubuntu only, where `chromium` is a snap that cannot run in a container: the app is published
# self-contained instead and needs no .NET runtime in the image. docker-compose.yml runs it beside SQL Server 2022.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Build.targets Directory.Packages.props Newsletter.sln ./
COPY src/Newsletter.Web/Newsletter.Web.csproj src/Newsletter.Web/
RUN dotnet restore src/Newsletter.Web/Newsletter.Web.csproj -r linux-x64
COPY src/ src/
# ReadyToRun: precompiled code, so the first page after a (re)start is served in about 2 s instead of 3.
RUN dotnet publish src/Newsletter.Web/Newsletter.Web.csproj -c Release -r linux-x64 --self-contained true \
    -p:PublishReadyToRun=true -o /app --no-restore

FROM debian:bookworm-slim
# What a self-contained .NET app needs (ICU for zh-CN and SmartCn, OpenSSL, CA certificates for SMTP over TLS),
# time zones, Chromium and the CJK fonts for the PDF, and curl for the health check.
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
       ca-certificates libicu72 libssl3 tzdata curl chromium fonts-noto-cjk \
    && rm -rf /var/lib/apt/lists/*
# Its own user, not root: it owns the data folder and nothing else.
RUN groupadd --system --gid 10001 newsletter \
    && useradd --system --uid 10001 --gid newsletter --home-dir /home/newsletter --create-home --shell /usr/sbin/nologin newsletter \
    && mkdir -p /data && chown newsletter:newsletter /data
WORKDIR /app
COPY --from=build /app ./
COPY seeds/ /app/seeds/
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    DataPath=/data \
    Seed__IssuesPath=/app/seeds \
    Pdf__ChromiumPath=/usr/bin/chromium \
    TZ=Asia/Shanghai
VOLUME /data
EXPOSE 8080
USER newsletter
# /healthz answers 200 while the database is reachable (Degraded while the search index is built is still 200).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD curl -fsS -o /dev/null http://127.0.0.1:8080/healthz || exit 1
ENTRYPOINT ["/app/Newsletter.Web"]
