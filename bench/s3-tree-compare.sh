#!/usr/bin/env bash
# Benchmark: a whole directory to S3Mock on loopback, same part size and concurrency for every client:
#   chunked-upload put --recursive  |  aws s3 cp --recursive  |  rclone copy
# Usage: [TOOLS="ours awscli rcl"] bench/s3-tree-compare.sh [TREE=small|mixed] [RUNS=3] [PART_MIB=16] [CONCURRENCY=8]
#   small: 1,000 files of 1 MiB;  mixed: 500 files of 64 KiB, 200 of 1 MiB and 2 of 1 GiB
# Needs: awscli and rclone. Each timed run starts a fresh S3Mock (empty store); every object is read
# back and compared byte for byte (rclone check --download) before the next run.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tree="${1:-small}"; runs="${2:-3}"; part_mib="${3:-16}"; conc="${4:-8}"
command -v aws >/dev/null && command -v rclone >/dev/null || { echo "install awscli and rclone first" >&2; exit 2; }
(cd "$here" && ./mvnw -q -B -DskipTests -pl cli,provider-s3 -am package && ./mvnw -q -B -pl provider-s3 -am generate-test-resources)
work="$(mktemp -d "${TMPDIR:-/tmp}/cu-s3tree.XXXXXX")"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
mock=""
start_mock() {
  [ -z "$mock" ] || { kill "$mock" 2>/dev/null; wait "$mock" 2>/dev/null || true; }
  rm -rf "$work/store"
  java -Xmx2g -jar "$here/provider-s3/target/emulators/s3mock-exec.jar" --server.port=0 \
    --com.adobe.testing.s3mock.http-port="$port" --com.adobe.testing.s3mock.store.root="$work/store" \
    --com.adobe.testing.s3mock.store.initial-buckets=bench > "$work/s3mock.log" 2>&1 &
  mock=$!
  until curl -s -o /dev/null "http://127.0.0.1:$port/"; do sleep 0.5; done
}
trap '[ -z "$mock" ] || kill $mock 2>/dev/null; rm -rf "$work"' EXIT
endpoint="http://127.0.0.1:$port"
mkdir -p "$work/src"
case "$tree" in
  small) for i in $(seq 1 1000); do d="$work/src/d$((i % 20))"; mkdir -p "$d"; head -c 1048576 /dev/urandom > "$d/f$i"; done ;;
  mixed) for i in $(seq 1 500); do d="$work/src/s$((i % 10))"; mkdir -p "$d"; head -c 65536 /dev/urandom > "$d/f$i"; done
         for i in $(seq 1 200); do d="$work/src/m$((i % 5))"; mkdir -p "$d"; head -c 1048576 /dev/urandom > "$d/f$i"; done
         for i in 1 2; do head -c $((1 << 30)) /dev/urandom > "$work/src/big$i"; done ;;
  *) echo "TREE must be small or mixed" >&2; exit 2 ;;
esac
files=$(find "$work/src" -type f | wc -l); bytes=$(du -sb "$work/src" | cut -f1)
echo "tree $tree: $files files, $((bytes >> 20)) MiB; part ${part_mib} MiB, concurrency $conc"
export AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench-secret AWS_DEFAULT_REGION=us-east-1
export AWS_CONFIG_FILE="$work/aws-config"
# request_checksum_calculation = when_required: the CLI's default CRC32 per part makes S3Mock refuse its complete
printf '[default]\nrequest_checksum_calculation = when_required\ns3 =\n  multipart_threshold = %dMB\n  multipart_chunksize = %dMB\n  max_concurrent_requests = %d\n' \
  "$part_mib" "$part_mib" "$conc" > "$AWS_CONFIG_FILE"
export RCLONE_CONFIG_MOCK_TYPE=s3 RCLONE_CONFIG_MOCK_PROVIDER=Other RCLONE_CONFIG_MOCK_ENDPOINT="$endpoint" \
  RCLONE_CONFIG_MOCK_ACCESS_KEY_ID=bench RCLONE_CONFIG_MOCK_SECRET_ACCESS_KEY=bench-secret RCLONE_CONFIG_MOCK_FORCE_PATH_STYLE=true
"$here/chunked-upload" providers >/dev/null
cmd_ours="env CHUNKED_UPLOAD_BUILD=never '$here/chunked-upload' put '$work/src' s3://bench/KEY --recursive -o endpoint=$endpoint \
  -o access-key-id=bench -o secret-access-key=bench-secret --part-size ${part_mib}MiB --concurrency $conc --quiet"
cmd_awscli="aws --endpoint-url $endpoint s3 cp '$work/src' s3://bench/KEY --recursive --only-show-errors"
cmd_rcl="env -u AWS_CA_BUNDLE rclone copy '$work/src' mock:bench/KEY --s3-chunk-size ${part_mib}M \
  --s3-upload-concurrency $conc --s3-upload-cutoff ${part_mib}M --transfers $conc --checkers $conc -q"
verify() { env -u AWS_CA_BUNDLE rclone check "$work/src" "mock:bench/$1" --one-way --download -q || { echo "$1: the tree differs" >&2; exit 1; }; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
tools="${TOOLS:-ours awscli rcl}"
for tool in $tools; do : > "$work/$tool.wall"; : > "$work/$tool.cpu"; done
for i in $(seq 0 "$runs"); do   # run 0 warms up, and is not counted
  for tool in $tools; do
    start_mock
    sync
    cmd_var="cmd_$tool"
    /usr/bin/time -f "%e %U %S" -o "$work/t" bash -c "${!cmd_var//KEY/$tool-$i}" >/dev/null
    read -r wall user sys < "$work/t"
    verify "$tool-$i"
    printf '%-8s run %d: wall %7.2fs  client cpu %7.2fs\n' "$tool" "$i" "$wall" "$(echo "$user + $sys" | bc)"
    [ "$i" -gt 0 ] || continue
    echo "$wall" >> "$work/$tool.wall"; echo "$user + $sys" | bc >> "$work/$tool.cpu"
  done
done
echo "medians of $runs runs ($tree tree: $files files, $((bytes >> 20)) MiB):"
for tool in $tools; do
  printf '%-8s wall %7.2fs  client cpu %7.2fs\n' "$tool" "$(median < "$work/$tool.wall")" "$(median < "$work/$tool.cpu")"
done
