# Sourced by the benchmark scripts: a fresh versitygw (posix backend, signatures checked) per call.
# Needs: $work (a scratch directory), $port, $endpoint (http://127.0.0.1:$port); sets $gw (its pid).
# Installs versitygw 1.8.0 with `go install` on first use, cached where the tests cache it.
vgw="$HOME/.cache/chunked-upload/go-github.com-versity-versitygw-cmd-versitygw-v1.8.0/bin/versitygw"
gw=""
ensure_versitygw() {
  [ -x "$vgw" ] || GOBIN="$(dirname "$vgw")" go install github.com/versity/versitygw/cmd/versitygw@v1.8.0
}
# stops the previous gateway, empties the store, starts one with bucket "bench" (user bench/bench-secret)
fresh_versitygw() {
  [ -z "$gw" ] || { kill "$gw" 2>/dev/null; wait "$gw" 2>/dev/null || true; }
  rm -rf "$work/store"; mkdir -p "$work/store/data" "$work/store/meta"
  ROOT_ACCESS_KEY=bench ROOT_SECRET_KEY=bench-secret "$vgw" --port "127.0.0.1:$port" posix \
    --sidecar "$work/store/meta" "$work/store/data" > "$work/vgw.log" 2>&1 &
  gw=$!
  until curl -s -o /dev/null "$endpoint/"; do sleep 0.2; done
  AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench-secret AWS_DEFAULT_REGION=us-east-1 \
    aws --endpoint-url "$endpoint" s3 mb s3://bench >/dev/null
  sync
}
