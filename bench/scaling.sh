#!/usr/bin/env bash
# Scaling: `chunked-upload put` of one file against parts in flight (--concurrency) and part size,
# to choose the defaults from data. Throughput (MiB/s of wall time), client CPU and peak RSS of the
# client process, median of RUNS; combinations interleaved run by run; source in the page cache.
# Usage: [TARGET=versitygw|fs] bench/scaling.sh [SIZE_MIB=1024] [RUNS=3] ["CONCURRENCY..."] ["PART_MIB..."]
#   versitygw: Versity's S3 gateway (posix backend, signatures checked), fresh per run, object read back
#   fs:        the fs provider with its defaults (fsync on: durable when put returns), fresh store per run
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
size_mib="${1:-1024}"; runs="${2:-3}"; concs="${3:-1 2 4 8 16 32}"; parts="${4:-5 16 64}"
target="${TARGET:-versitygw}"
work="$(mktemp -d "${TMPDIR:-/tmp}/cu-scaling.XXXXXX")"
# shellcheck source=bench/versitygw.sh
. "$here/bench/versitygw.sh"
trap '[ -z "$gw" ] || kill $gw 2>/dev/null; rm -rf "$work"' EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
endpoint="http://127.0.0.1:$port"
if [ "$target" = versitygw ]; then
  command -v aws >/dev/null || { echo "install awscli first" >&2; exit 2; }
  ensure_versitygw
fi
export AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench-secret AWS_DEFAULT_REGION=us-east-1
fresh() {
  if [ "$target" = fs ]; then rm -rf "$work/store"; sync; return; fi
  fresh_versitygw
}
head -c "$((size_mib * 1024 * 1024))" /dev/urandom > "$work/src"
want="$(sha256sum "$work/src" | cut -d' ' -f1)"
"$here/chunked-upload" providers >/dev/null   # builds the jar and its class-data archive outside the timed runs
put=(env CHUNKED_UPLOAD_BUILD=never "$here/chunked-upload" put "$work/src" --quiet)
if [ "$target" = fs ]; then dest=(fs://bench/obj -o root="$work/store")
else dest=(s3://bench/obj -o endpoint="$endpoint" -o access-key-id=bench -o secret-access-key=bench-secret); fi
verify() {
  if [ "$target" = fs ]; then got=$(sha256sum "$work/store/bench/obj" | cut -d' ' -f1)
  else got=$(aws --endpoint-url "$endpoint" s3 cp s3://bench/obj - | sha256sum | cut -d' ' -f1); fi
  [ "$got" = "$want" ] || { echo "SHA-256 mismatch" >&2; exit 1; }
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
cat "$work/src" > /dev/null
for i in $(seq 0 "$runs"); do   # run 0 warms up and is not counted
  for p in $parts; do for c in $concs; do
    fresh
    /usr/bin/time -f "%e %U %S %M" -o "$work/t" "${put[@]}" "${dest[@]}" --part-size "${p}MiB" --concurrency "$c" >/dev/null
    read -r wall user sys rss < "$work/t"; verify
    cpu=$(echo "$user + $sys" | bc)
    printf 'run %d part %2d MiB, %2d in flight: wall %6.2fs  cpu %6.2fs  peak RSS %5d MiB\n' "$i" "$p" "$c" "$wall" "$cpu" "$((rss / 1024))"
    [ "$i" -gt 0 ] || continue
    echo "$wall" >> "$work/$p-$c.wall"; echo "$cpu" >> "$work/$p-$c.cpu"; echo "$((rss / 1024))" >> "$work/$p-$c.rss"
  done; done
done
echo "$target: median of $runs, $size_mib MiB; MiB/s (client CPU s, peak RSS MiB)"
printf '| part \\ in flight |'; for c in $concs; do printf ' %s |' "$c"; done; echo
printf '|---|'; for c in $concs; do printf -- '---|'; done; echo
for p in $parts; do
  printf '| %s MiB |' "$p"
  for c in $concs; do
    w=$(median < "$work/$p-$c.wall")
    printf ' %.0f (%.2f, %d) |' "$(echo "$size_mib / $w" | bc -l)" "$(median < "$work/$p-$c.cpu")" "$(median < "$work/$p-$c.rss")"
  done; echo
done
