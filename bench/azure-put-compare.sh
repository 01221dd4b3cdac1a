#!/usr/bin/env bash
# Benchmark: a 1 GiB file to Azurite (in memory) on loopback, same block size and concurrency for
# every client:
#   chunked-upload put az://  |  the Azure SDK's BlobClient.uploadFromFile with ParallelTransferOptions  |
#   rclone copyto (azureblob, use_emulator)
# Usage: [TOOLS="ours oursnock sdk rcl"] bench/azure-put-compare.sh [SIZE_MIB=1024] [RUNS=3] [PART_MIB=16] [CONCURRENCY=8]
# Each timed run starts a fresh Azurite; tools are interleaved run by run. PIN=1 runs the server on CPU 0 and the client on CPU 1.
# Prints wall and client CPU (user+sys) per run and medians; every blob is read back and its
# SHA-256 compared with the source's, and no blob or uncommitted block may be left beside it.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
size_mib="${1:-1024}"; runs="${2:-3}"; part_mib="${3:-16}"; conc="${4:-8}"
az_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
# shellcheck source=bench/azurite.sh
. "$here/bench/azurite.sh"
ensure_azurite
(cd "$here" && ./mvnw -q -B -DskipTests -pl bench,cli -am package)
"$here/chunked-upload" providers >/dev/null   # builds the jar's class-data archive; timed runs exec java directly
work="$(mktemp -d "${TMPDIR:-/tmp}/cu-azbench.XXXXXX")"
cs="$az_cs"
export CHUNKED_UPLOAD_AZ_CONNECTION_STRING="$cs"
server_pin=""; client_pin=""
[ "${PIN:-0}" = 1 ] && { server_pin="taskset -c 0"; client_pin="taskset -c 1"; }
cp_bench="$(cat "$here/bench/target/classpath.txt"):$here/bench/target/classes"
trap '[ -z "$azurite" ] || kill $azurite 2>/dev/null; rm -rf "$work"' EXIT
head -c "$((size_mib * 1024 * 1024))" /dev/urandom > "$work/src"
want="$(sha256sum "$work/src" | cut -d' ' -f1)"
cmd_ours="env CHUNKED_UPLOAD_BUILD=never '$here/chunked-upload' put '$work/src' az://bench/KEY \
  --part-size ${part_mib}MiB --concurrency $conc --quiet"
cmd_oursnock="$cmd_ours --checksum none"   # no per-part MD5: the SDK's default integrity level
cmd_sdk="java -cp '$cp_bench' org.chunkedupload.bench.AzureSdkUpload '$cs' bench KEY '$work/src' \
  $((part_mib * 1024 * 1024)) $conc"
export RCLONE_CONFIG_AZ_TYPE=azureblob RCLONE_CONFIG_AZ_USE_EMULATOR=true \
  RCLONE_CONFIG_AZ_ENDPOINT="http://127.0.0.1:$az_port/devstoreaccount1"
cmd_rcl="rclone copyto '$work/src' az:bench/KEY --azureblob-chunk-size ${part_mib}M --azureblob-upload-concurrency $conc \
  --azureblob-upload-cutoff ${part_mib}M -q"
verify() {
  read -r sha blobs blocks <<< "$(java -cp "$cp_bench" org.chunkedupload.bench.AzureCheck "$cs" bench "$1")"
  [ "$sha" = "$want" ] || { echo "$1: SHA-256 mismatch" >&2; exit 1; }
  [ "$blobs" = 1 ] && [ "$blocks" = 0 ] || { echo "$1: $blobs blobs and $blocks uncommitted blocks left" >&2; exit 1; }
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
tools="${TOOLS:-ours sdk rcl}"
for tool in $tools; do : > "$work/$tool.wall"; : > "$work/$tool.cpu"; done
for i in $(seq 0 "$runs"); do   # run 0 warms up, and is not counted; tools interleaved run by run
  for tool in $tools; do
    fresh_azurite "$server_pin"
    java -cp "$cp_bench" org.chunkedupload.bench.AzureCheck "$cs" bench -   # creates the container
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
