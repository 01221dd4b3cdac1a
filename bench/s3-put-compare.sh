#!/usr/bin/env bash
# Benchmark: a 1 GiB file to S3Mock (or SERVER=versitygw: Versity's production S3 gateway, posix
# backend, signatures checked; or SERVER=moto: moto's server mode, in memory) on loopback, same part size and concurrency for every client:
#   chunked-upload put  |  AWS SDK v2 S3TransferManager  |  aws s3 cp  |  rclone copyto
# Usage: [TOOLS="ours oursnock tm awscli rcl"] bench/s3-put-compare.sh [SIZE_MIB=1024] [RUNS=3] [PART_MIB=16] [CONCURRENCY=8]
# (oursnock = ours with -o checksum-mode=none --checksum none: no server-verified CRC-32C;
#  ours itself sends UNSIGNED-PAYLOAD (payload-signing=auto, the endpoint is loopback), integrity from the verified CRC-32C;
#  ourssdk = ours with -o payload-signing=sdk: the SDK's SHA-256 of every part over plain HTTP (aws-chunked);
#  oursunsigned = ours with -o payload-signing=off (the same as the default on loopback);
#  oursc2default = ours with the JVM's own C2 thresholds (the launcher raises them tenfold); oursc1 = C1 only;
#  oursnoexpect = ours without 'Expect: 100-continue'; ourslean = both; oursbare = unsigned, no checksums;
#  oursnozc = ours with -o zero-copy=false: file parts through the SDK's Apache client instead of sendfile;
#  oursc1x10 = ours with C1's thresholds ten times higher as well; ourssgc = ours on the serial garbage collector,
#  oursg1 = ours on G1, the JVM's choice on this machine, whatever the launcher picks)
# Needs: awscli and rclone (Debian packages); for versitygw, Go (go install, cached like the tests do).
# Each timed run starts a fresh server (empty store).
# PIN=1 runs S3Mock on CPU 0 and the client on CPU 1 (taskset), so that neither steals the other's
# core: the nearest this machine gets to "server on its own machine".
# Prints wall and client CPU (user+sys) per run and medians.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
size_mib="${1:-1024}"; runs="${2:-3}"; part_mib="${3:-16}"; conc="${4:-8}"
command -v aws >/dev/null && command -v rclone >/dev/null || { echo "install awscli and rclone first" >&2; exit 2; }
(cd "$here" && ./mvnw -q -B -DskipTests -pl bench,cli,provider-s3 -am package && ./mvnw -q -B -pl provider-s3 generate-test-resources)
work="$(mktemp -d "${TMPDIR:-/tmp}/cu-s3bench.XXXXXX")"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
mock=""
server_pin=""; client_pin=""
[ "${PIN:-0}" = 1 ] && { server_pin="taskset -c 0"; client_pin="taskset -c 1"; }
# every timed run gets a fresh S3Mock with an empty store: its speed drifts as it accumulates data
server="${SERVER:-s3mock}"
vgw="$HOME/.cache/chunked-upload/go-github.com-versity-versitygw-cmd-versitygw-v1.8.0/bin/versitygw"
if [ "$server" = versitygw ] && [ ! -x "$vgw" ]; then
  GOBIN="$(dirname "$vgw")" go install github.com/versity/versitygw/cmd/versitygw@v1.8.0
fi
moto="$HOME/.cache/chunked-upload/venv-moto-server-5.2.1/bin/python"   # the venv the tests create
if [ "$server" = moto ] && [ ! -x "$moto" ]; then
  python3 -m venv "$(dirname "$(dirname "$moto")")" && "$moto" -m pip install -q 'moto[server]==5.2.1'
fi
start_mock() {
  [ -z "$mock" ] || { kill "$mock" 2>/dev/null; wait "$mock" 2>/dev/null || true; }
  rm -rf "$work/store"
  if [ "$server" = versitygw ]; then
    mkdir -p "$work/store/data" "$work/store/meta"
    ROOT_ACCESS_KEY=bench ROOT_SECRET_KEY=bench-secret $server_pin "$vgw" --port "127.0.0.1:$port" posix \
      --sidecar "$work/store/meta" "$work/store/data" > "$work/vgw.log" 2>&1 &
    mock=$!
    until curl -s -o /dev/null "http://127.0.0.1:$port/"; do sleep 0.2; done
    aws --endpoint-url "http://127.0.0.1:$port" s3 mb s3://bench >/dev/null
    return
  fi
  if [ "$server" = moto ]; then
    $server_pin "$moto" -m moto.server -H 127.0.0.1 -p "$port" > "$work/moto.log" 2>&1 &
    mock=$!
    until curl -s -o /dev/null "http://127.0.0.1:$port/"; do sleep 0.2; done
    aws --endpoint-url "http://127.0.0.1:$port" s3 mb s3://bench >/dev/null
    return
  fi
  $server_pin java -Xmx2g -jar "$here/provider-s3/target/emulators/s3mock-exec.jar" --server.port=0 \
    --com.adobe.testing.s3mock.http-port="$port" --com.adobe.testing.s3mock.store.root="$work/store" \
    --com.adobe.testing.s3mock.store.initial-buckets=bench > "$work/s3mock.log" 2>&1 &
  mock=$!
  until curl -s -o /dev/null "http://127.0.0.1:$port/"; do sleep 0.5; done
}
trap '[ -z "$mock" ] || kill $mock 2>/dev/null; rm -rf "$work"' EXIT
endpoint="http://127.0.0.1:$port"
head -c "$((size_mib * 1024 * 1024))" /dev/urandom > "$work/src"
want="$(sha256sum "$work/src" | cut -d' ' -f1)"
export AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench-secret AWS_DEFAULT_REGION=us-east-1 AWS_RETRY_MODE=standard AWS_MAX_ATTEMPTS=5
export AWS_CONFIG_FILE="$work/aws-config"
printf '[default]\ns3 =\n  multipart_threshold = %dMB\n  multipart_chunksize = %dMB\n  max_concurrent_requests = %d\n' \
  "$part_mib" "$part_mib" "$conc" > "$AWS_CONFIG_FILE"
export RCLONE_CONFIG_MOCK_TYPE=s3 RCLONE_CONFIG_MOCK_PROVIDER=Other RCLONE_CONFIG_MOCK_ENDPOINT="$endpoint" \
  RCLONE_CONFIG_MOCK_ACCESS_KEY_ID=bench RCLONE_CONFIG_MOCK_SECRET_ACCESS_KEY=bench-secret RCLONE_CONFIG_MOCK_FORCE_PATH_STYLE=true
cp_bench="$(cat "$here/bench/target/classes/../classpath.txt"):$here/bench/target/classes"
# the launcher once (builds the jar and its class-data archive), then with CHUNKED_UPLOAD_BUILD=never, so
# that editing sources while the benchmark runs cannot put a rebuild inside a timed run
"$here/chunked-upload" providers >/dev/null
cmd_ours="env CHUNKED_UPLOAD_BUILD=never '$here/chunked-upload' put '$work/src' s3://bench/KEY -o endpoint=$endpoint -o access-key-id=bench \
  -o secret-access-key=bench-secret --part-size ${part_mib}MiB --concurrency $conc --quiet"
# JIT experiments: C2 only for code 10x hotter than its defaults; C1 only
cmd_oursc2default="${cmd_ours/env /env CHUNKED_UPLOAD_JAVA_OPTS='-XX:Tier4InvocationThreshold=5000 -XX:Tier4CompileThreshold=15000 -XX:Tier4BackEdgeThreshold=40000' }"
cmd_oursc1="${cmd_ours/env /env CHUNKED_UPLOAD_JAVA_OPTS=-XX:TieredStopAtLevel=1 }"
cmd_oursnock="$cmd_ours -o checksum-mode=none --checksum none"
cmd_oursunsigned="$cmd_ours -o payload-signing=off"
cmd_ourssdk="$cmd_ours -o payload-signing=sdk"
cmd_oursnoexpect="$cmd_ours -o expect-continue=false"
cmd_ourslean="$cmd_ours -o payload-signing=off -o expect-continue=false"
cmd_oursbare="$cmd_ours -o payload-signing=off -o checksum-mode=none --checksum none"
cmd_oursnozc="$cmd_ours -o zero-copy=false"
# C1 at ten times its thresholds too: with parts sent by sendfile, C1 compiling ~1,900 run-few-times methods is a third of the CPU
cmd_oursc1x10="${cmd_ours/env /env CHUNKED_UPLOAD_JAVA_OPTS='-XX:Tier3InvocationThreshold=2000 -XX:Tier3MinInvocationThreshold=1000 -XX:Tier3CompileThreshold=20000 -XX:Tier3BackEdgeThreshold=600000' }"
# the garbage collector: the serial one (one thread, no concurrent work) against G1
cmd_ourssgc="${cmd_ours/env /env CHUNKED_UPLOAD_JAVA_OPTS=-XX:+UseSerialGC }"
cmd_oursg1="${cmd_ours/env /env CHUNKED_UPLOAD_JAVA_OPTS=-XX:+UseG1GC }"
cmd_tm="java -cp '$cp_bench' org.chunkedupload.bench.TransferManagerUpload $endpoint bench KEY '$work/src' \
  $((part_mib * 1024 * 1024)) $conc"
# aws-cli's default CRC32 part checksums make S3Mock 5.2.0 refuse the complete ("The upload was created
# using a crc32 checksum. The complete request must include the checksum for each part"): on S3Mock aws
# runs without them (awscli row: no checksum)
aws_env=""; [ "$server" = s3mock ] && aws_env="env AWS_REQUEST_CHECKSUM_CALCULATION=when_required"
cmd_awscli="$aws_env aws --endpoint-url $endpoint s3 cp '$work/src' s3://bench/KEY --only-show-errors"
cmd_rcl="env -u AWS_CA_BUNDLE rclone copyto '$work/src' mock:bench/KEY --s3-chunk-size ${part_mib}M --s3-upload-concurrency $conc \
  --s3-upload-cutoff ${part_mib}M --s3-no-check-bucket -q"
verify() { aws --endpoint-url "$endpoint" s3 cp "s3://bench/$1" - | sha256sum | cut -d' ' -f1 | grep -qx "$want" \
  || { echo "$1: SHA-256 mismatch" >&2; exit 1; }; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
tools="${TOOLS:-ours tm awscli rcl}"
for tool in $tools; do : > "$work/$tool.wall"; : > "$work/$tool.cpu"; done
# runs outer, tools inner: a drift of the machine (page cache, disk write-back) spreads over every tool
for i in $(seq 0 "$runs"); do   # run 0 warms up the server and the client, and is not counted
  for tool in $tools; do
    start_mock
    sync   # nothing left to write back from the previous run (or from creating the source file)
    cmd_var="cmd_$tool"
    /usr/bin/time -f "%e %U %S" -o "$work/t" $client_pin bash -c "${!cmd_var//KEY/$tool-$i}" >/dev/null
    read -r wall user sys < "$work/t"
    verify "$tool-$i"
    aws --endpoint-url "$endpoint" s3 rm "s3://bench/$tool-$i" --only-show-errors
    printf '%-12s run %d: wall %6.2fs  client cpu %6.2fs\n' "$tool" "$i" "$wall" "$(echo "$user + $sys" | bc)"
    [ "$i" -gt 0 ] || continue
    echo "$wall" >> "$work/$tool.wall"; echo "$user + $sys" | bc >> "$work/$tool.cpu"
  done
done
echo "$server: median of $runs, $size_mib MiB, parts of $part_mib MiB, concurrency $conc:"
for tool in $tools; do
  [ -s "$work/$tool.wall" ] || continue
  printf '  %-12s wall %6.2fs  client cpu %6.2fs\n' "$tool" "$(median < "$work/$tool.wall")" "$(median < "$work/$tool.cpu")"
done
