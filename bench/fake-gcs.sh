# Sourced by the benchmark scripts and cli/cds/generate.sh: a fresh fake-gcs-server (memory backend)
# per call. Needs: $here (the repository), $work (a scratch directory), $gcs_port; sets $gcs (its pid).
# Installs the version pom.xml pins (fake.gcs.version) with `go install` on first use, cached where
# the tests cache it.
gcs_module="github.com/fsouza/fake-gcs-server@$(sed -n 's:.*<fake.gcs.version>\(.*\)</fake.gcs.version>.*:\1:p' "$here/pom.xml")"
gcs_bin="$HOME/.cache/chunked-upload/go-$(echo "$gcs_module" | sed 's/[^A-Za-z0-9.]\{1,\}/-/g')/bin/fake-gcs-server"
gcs=""
ensure_fake_gcs() {
  [ -x "$gcs_bin" ] || GOBIN="$(dirname "$gcs_bin")" CGO_ENABLED=0 go install "$gcs_module"
}
# stops the previous server, starts one with bucket "bench"; $1 (optional): a command prefix (taskset)
fresh_fake_gcs() {
  [ -z "$gcs" ] || { kill "$gcs" 2>/dev/null; wait "$gcs" 2>/dev/null || true; }
  local url="http://127.0.0.1:$gcs_port"
  ${1:-} "$gcs_bin" -scheme http -host 127.0.0.1 -port "$gcs_port" -backend memory \
    -external-url "$url" -public-host "127.0.0.1:$gcs_port" -log-level error > "$work/gcs.log" 2>&1 &
  gcs=$!
  until curl -s -o /dev/null "$url/storage/v1/b"; do sleep 0.2; done
  curl -s -X POST -H 'Content-Type: application/json' -d '{"name":"bench"}' "$url/storage/v1/b" >/dev/null
}
