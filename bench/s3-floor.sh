#!/usr/bin/env bash
# The floor of an S3 upload on this machine, beside our client's cost, on versitygw (posix backend,
# signatures checked), same parts and concurrency:
#   curl      each part sent by `curl -T` (SigV4, UNSIGNED-PAYLOAD) from a part file in the page cache,
#             CONCURRENCY at a time: what sending the bytes costs with no client of ours at all
#             (initiate and complete through aws s3api, outside the timed part)
#   empty     `chunked-upload put` of an empty file: JVM start-up, configuration, SDK set-up, one request
#   ours      `chunked-upload put` of the file (default settings: CRC-32C per part, verified by the server)
#   jvm       `java -version` with the same class-data archive: the JVM alone
# Usage: bench/s3-floor.sh [SIZE_MIB=1024] [RUNS=3] [PART_MIB=16] [CONCURRENCY=8]
# Prints wall and CPU (user+sys, the client's processes) per run and medians, and our CPU per GiB
# without start-up ((ours - empty) / GiB) beside curl's.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
size_mib="${1:-1024}"; runs="${2:-3}"; part_mib="${3:-16}"; conc="${4:-8}"
command -v aws >/dev/null || { echo "install awscli first" >&2; exit 2; }
work="$(mktemp -d "${TMPDIR:-/tmp}/cu-floor.XXXXXX")"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
endpoint="http://127.0.0.1:$port"
# shellcheck source=bench/versitygw.sh
. "$here/bench/versitygw.sh"
ensure_versitygw
trap '[ -z "$gw" ] || kill $gw 2>/dev/null; rm -rf "$work"' EXIT
export AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench-secret AWS_DEFAULT_REGION=us-east-1
head -c "$((size_mib * 1024 * 1024))" /dev/urandom > "$work/src"
want="$(sha256sum "$work/src" | cut -d' ' -f1)"
(cd "$work" && split -b "${part_mib}M" -d -a 5 src part.)
: > "$work/empty"
"$here/chunked-upload" providers >/dev/null   # builds the jar and its class-data archive outside the timed runs
java_cds=(java -Xshare:auto -Xlog:cds=off -XX:SharedArchiveFile="$here/cli/target/chunked-upload.jsa")
ours() { CHUNKED_UPLOAD_BUILD=never "$here/chunked-upload" put "$1" "s3://bench/$2" -o endpoint="$endpoint" \
  -o access-key-id=bench -o secret-access-key=bench-secret --part-size "${part_mib}MiB" --concurrency "$conc" --quiet; }
curl_parts() { # $1 = key, $2 = upload id
  ls "$work"/part.* | awk '{printf "%d %s\n", NR, $0}' | xargs -P "$conc" -n 2 sh -c \
    'curl -sf -o /dev/null -D "'"$work"'/etag.$0" --aws-sigv4 aws:amz:us-east-1:s3 --user bench:bench-secret \
       -H "x-amz-content-sha256: UNSIGNED-PAYLOAD" -T "$1" \
       "'"$endpoint/bench/$1"'?partNumber=$0&uploadId='"$2"'"'
}
complete_parts() { # $1 = key, $2 = upload id
  sep=""; { printf '{"Parts":['; n_parts=$(ls "$work"/etag.* | wc -l); for n in $(seq 1 "$n_parts"); do
      f="$work/etag.$n"; e=$(grep -i '^etag:' "$f" | cut -d' ' -f2 | tr -d '\r"'); printf '%s{"PartNumber":%d,"ETag":"\\"%s\\""}' "${sep:-}" "$n" "$e"; sep=,
    done; printf ']}'; } > "$work/parts.json"
  aws --endpoint-url "$endpoint" s3api complete-multipart-upload --bucket bench --key "$1" --upload-id "$2" \
    --multipart-upload "file://$work/parts.json" >/dev/null
  rm -f "$work"/etag.*
}
verify() { aws --endpoint-url "$endpoint" s3 cp "s3://bench/$1" - | sha256sum | cut -d' ' -f1 | grep -qx "$want" \
  || { echo "$1: SHA-256 mismatch" >&2; exit 1; }; }
export -f ours curl_parts
export here endpoint work conc part_mib
timed() { /usr/bin/time -f "%e %U %S" -o "$work/t" "$@" >/dev/null 2>&1; read -r w u s < "$work/t"; echo "$w $(echo "$u + $s" | bc)"; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
record() { # $1 = name, $2 = run, $3 = wall, $4 = cpu: printed, and kept unless it is the warm-up run
  printf '%-6s run %d: wall %6.2fs  cpu %6.2fs\n' "$1" "$2" "$3" "$4"
  [ "$2" -eq 0 ] || { echo "$3" >> "$work/$1.wall"; echo "$4" >> "$work/$1.cpu"; }
}
for t in curl empty ours jvm; do : > "$work/$t.wall"; : > "$work/$t.cpu"; done
cat "$work/src" "$work"/part.* > /dev/null   # every source in the page cache
for i in $(seq 0 "$runs"); do   # run 0 warms up and is not counted
  fresh_versitygw
  id=$(aws --endpoint-url "$endpoint" s3api create-multipart-upload --bucket bench --key "curl-$i" --query UploadId --output text)
  read -r w c < <(timed bash -c 'curl_parts "$0" "$1"' "curl-$i" "$id"); complete_parts "curl-$i" "$id"; verify "curl-$i"
  record curl "$i" "$w" "$c"
  fresh_versitygw
  read -r w c < <(timed bash -c 'ours "$0" "$1"' "$work/src" "ours-$i"); verify "ours-$i"
  record ours "$i" "$w" "$c"
  read -r w c < <(timed bash -c 'ours "$0" "$1"' "$work/empty" "empty-$i")
  record empty "$i" "$w" "$c"
  read -r w c < <(timed "${java_cds[@]}" -version)
  record jvm "$i" "$w" "$c"
  left=$(aws --endpoint-url "$endpoint" s3api list-multipart-uploads --bucket bench --query Uploads --output text)
  [ -z "$left" ] || [ "$left" = None ] || { echo "uploads left pending: $left" >&2; exit 1; }
done
gib=$(echo "$size_mib / 1024" | bc -l)
echo "versitygw floor: median of $runs, $size_mib MiB, parts of $part_mib MiB, $conc in flight:"
for t in curl ours empty jvm; do printf '  %-6s wall %6.2fs  cpu %6.2fs\n' "$t" "$(median < "$work/$t.wall")" "$(median < "$work/$t.cpu")"; done
printf '  cpu per GiB: curl %.2fs, ours without start-up %.2fs\n' "$(echo "$(median < "$work/curl.cpu") / $gib" | bc -l)" \
  "$(echo "($(median < "$work/ours.cpu") - $(median < "$work/empty.cpu")) / $gib" | bc -l)"
