#!/usr/bin/env bash
# Benchmark: a 1 GiB file to fake-gcs-server (memory backend) on loopback, same part size and
# concurrency for every client:
#   chunked-upload put gs://  |  the GCS client's TransferManager with parallel composite upload  |
#   rclone copyto (one resumable upload, MD5 checked; anonymous; rclone 1.60 has no chunk size for GCS)
# Usage: [TOOLS="ours tm rcl"] bench/gcs-put-compare.sh [SIZE_MIB=1024] [RUNS=3] [PART_MIB=16] [CONCURRENCY=8]
# Each timed run starts a fresh fake-gcs-server; tools are interleaved run by run. PIN=1 runs the server on CPU 0 and the client on
# CPU 1. Prints wall and client CPU (user+sys) per run and medians; every object is read back and
# its SHA-256 compared with the source's.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
size_mib="${1:-1024}"; runs="${2:-3}"; part_mib="${3:-16}"; conc="${4:-8}"
# shellcheck source=bench/fake-gcs.sh
. "$here/bench/fake-gcs.sh"
ensure_fake_gcs
(cd "$here" && ./mvnw -q -B -DskipTests -pl bench,cli -am package)
"$here/chunked-upload" providers >/dev/null   # builds the jar's class-data archive; timed runs exec java directly
work="$(mktemp -d "${TMPDIR:-/tmp}/cu-gcsbench.XXXXXX")"
gcs_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
endpoint="http://127.0.0.1:$gcs_port"
server_pin=""; client_pin=""
[ "${PIN:-0}" = 1 ] && { server_pin="taskset -c 0"; client_pin="taskset -c 1"; }
trap '[ -z "$gcs" ] || kill $gcs 2>/dev/null; rm -rf "$work"' EXIT
head -c "$((size_mib * 1024 * 1024))" /dev/urandom > "$work/src"
want="$(sha256sum "$work/src" | cut -d' ' -f1)"
cp_bench="$(cat "$here/bench/target/classpath.txt"):$here/bench/target/classes"
cmd_ours="env CHUNKED_UPLOAD_BUILD=never '$here/chunked-upload' put '$work/src' gs://bench/KEY -o host=$endpoint \
  --part-size ${part_mib}MiB --concurrency $conc --quiet"
cmd_tm="java -cp '$cp_bench' org.chunkedupload.bench.GcsTransferManagerUpload $endpoint bench KEY '$work/src' \
  $((part_mib * 1024 * 1024)) $conc"
export RCLONE_CONFIG_FGCS_TYPE="google cloud storage" RCLONE_CONFIG_FGCS_ANONYMOUS=true \
  RCLONE_CONFIG_FGCS_ENDPOINT="$endpoint/storage/v1/"
cmd_rcl="rclone copyto '$work/src' fgcs:bench/KEY -q"
verify() {
  curl -s "$endpoint/download/storage/v1/b/bench/o/$1?alt=media" | sha256sum | cut -d' ' -f1 | grep -qx "$want" \
    || { echo "$1: SHA-256 mismatch" >&2; exit 1; }
  left="$(curl -s "$endpoint/storage/v1/b/bench/o" | python3 -c 'import json,sys; print(len(json.load(sys.stdin).get("items",[])))')"
  [ "$left" = 1 ] || { echo "$1: $left objects in the bucket after the upload (temporaries left behind)" >&2; exit 1; }
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
tools="${TOOLS:-ours tm rcl}"
for tool in $tools; do : > "$work/$tool.wall"; : > "$work/$tool.cpu"; done
for i in $(seq 0 "$runs"); do   # run 0 warms up, and is not counted; tools interleaved run by run
  for tool in $tools; do
    fresh_fake_gcs "$server_pin"
    cmd_var="cmd_$tool"
    /usr/bin/time -f "%e %U %S" -o "$work/t" $client_pin bash -c "${!cmd_var//KEY/$tool-$i}" >/dev/null
    read -r wall user sys < "$work/t"
    verify "$tool-$i"
    printf '%-7s run %d: wall %6.2fs  client cpu %6.2fs\n' "$tool" "$i" "$wall" "$(echo "$user + $sys" | bc)"
    [ "$i" -gt 0 ] || continue
    echo "$wall" >> "$work/$tool.wall"; echo "$user + $sys" | bc >> "$work/$tool.cpu"
  done
done
echo "median of $runs, $size_mib MiB, parts of $part_mib MiB, concurrency $conc:"
for tool in $tools; do
  [ -s "$work/$tool.wall" ] || continue
  printf '  %-7s wall %6.2fs  client cpu %6.2fs\n' "$tool" "$(median < "$work/$tool.wall")" "$(median < "$work/$tool.cpu")"
done
