#!/usr/bin/env bash
# Benchmark: `chunked-upload put` of a file to fs:// against `cp` of the same file on the same disk.
# Usage: [CACHE=cold|warm] bench/fs-put-vs-cp.sh [SIZE_MIB=1024] [RUNS=5]
# Each timed command starts with the previous run's output deleted and synced, and then (CACHE=cold,
# the default) the page cache dropped when this user may write /proc/sys/vm/drop_caches, or
# (CACHE=warm) the source read into the page cache. Pairs compared:
#   put -o fsync=false  vs  cp             (neither waits for the disk)
#   put (fsync=true)    vs  cp && sync     (both durable when they return)
# Prints every run and the medians; verifies the SHA-256 of every uploaded copy.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
size_mib="${1:-1024}"
runs="${2:-5}"
work="$(mktemp -d "${TMPDIR:-/tmp}/cu-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT
cd "$work"
head -c "$((size_mib * 1024 * 1024))" /dev/urandom > src
want="$(sha256sum src | cut -d' ' -f1)"
"$here/chunked-upload" providers >/dev/null   # build the jar outside the timed runs
export CHUNKED_UPLOAD_BUILD=never
cache="${CACHE:-cold}"
cold() {
  rm -rf chunked-store dst; sync
  if [ "$cache" = warm ]; then cat src > /dev/null; else { echo 3 > /proc/sys/vm/drop_caches; } 2>/dev/null || true; fi
}
t() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1; e=$(date +%s.%N); echo "$e - $s" | bc; }
check() { [ "$(sha256sum chunked-store/bench/src | cut -d' ' -f1)" = "$want" ] || { echo "SHA-256 mismatch" >&2; exit 1; }; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
: > a.txt; : > b.txt; : > c.txt; : > d.txt
for i in $(seq 0 "$runs"); do   # run 0 is a warm-up and is not counted
  cold; a=$(t "$here/chunked-upload" put src fs://bench/src -o fsync=false --quiet); check
  cold; b=$(t cp src dst)
  cold; c=$(t "$here/chunked-upload" put src fs://bench/src --quiet); check
  cold; d=$(t sh -c 'cp src dst && sync dst')
  printf 'run %d: put(no fsync) %.2fs  cp %.2fs  |  put(fsync) %.2fs  cp+sync %.2fs  (sha256 ok)\n' "$i" "$a" "$b" "$c" "$d"
  [ "$i" -gt 0 ] || continue
  echo "$a" >> a.txt; echo "$b" >> b.txt; echo "$c" >> c.txt; echo "$d" >> d.txt
done
ma=$(median < a.txt); mb=$(median < b.txt); mc=$(median < c.txt); md=$(median < d.txt)
printf '%s cache, median of %d, %d MiB: put(no fsync) %.2fs vs cp %.2fs = %.2fx  |  put(fsync) %.2fs vs cp+sync %.2fs = %.2fx\n' \
 "$cache" "$runs" "$size_mib" "$ma" "$mb" "$(echo "$ma / $mb" | bc -l)" "$mc" "$md" "$(echo "$mc / $md" | bc -l)"
