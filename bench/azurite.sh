# Sourced by the benchmark scripts and cli/cds/generate.sh: a fresh Azurite blob service (in memory,
# telemetry off: with it on, Azurite 3.37 reports to Microsoft and ignores SIGTERM) per call.
# Needs: $here (the repository), $work (a scratch directory), and $az_port when sourced; sets $az_cs
# (the connection string) and $azurite (its pid). Installs the version pom.xml pins (azurite.version)
# with `npm install` on first use, cached where the tests cache it.
az_pkg="azurite@$(sed -n 's:.*<azurite.version>\(.*\)</azurite.version>.*:\1:p' "$here/pom.xml")"
az_bin="$HOME/.cache/chunked-upload/npm-$(echo "$az_pkg" | sed 's/[^A-Za-z0-9.]\{1,\}/-/g')/node_modules/.bin/azurite-blob"
# Azurite's published development account: not a secret
az_cs="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:$az_port/devstoreaccount1;"
azurite=""
ensure_azurite() {
  [ -x "$az_bin" ] || npm install --no-audit --no-fund --prefix "${az_bin%/node_modules/.bin/azurite-blob}" "$az_pkg"
}
# stops the previous server and starts one (no container); $1 (optional): a command prefix (taskset)
fresh_azurite() {
  [ -z "$azurite" ] || { kill "$azurite" 2>/dev/null; wait "$azurite" 2>/dev/null || true; }
  ${1:-} "$az_bin" --blobHost 127.0.0.1 --blobPort "$az_port" --inMemoryPersistence \
    --skipApiVersionCheck --loose --silent --disableTelemetry > "$work/azurite.log" 2>&1 &
  azurite=$!
  until curl -s -o /dev/null "http://127.0.0.1:$az_port/"; do sleep 0.2; done
}
