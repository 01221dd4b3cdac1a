#!/usr/bin/env bash
# Benchmark: `chunked-upload put` of a file to fs:// against `cp` and `cp && sync` of the same file.
# Usage: bench/fs-put-vs-cp.sh [SIZE_MIB=1024] [RUNS=3]
# Prints one line per run (run 0 is a warm-up) and the median of each; verifies the SHA-256 of every uploaded copy.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
size_mib="${1:-1024}"
runs="${2:-3}"
work="$(mktemp -d "${TMPDIR:-/tmp}/cu-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT
cd "$work"
head -c "$((size_mib * 1024 * 1024))" /dev/urandom > src
want="$(sha256sum src | cut -d' ' -f1)"
"$here/chunked-upload" providers >/dev/null   # build the jar outside the timed runs
t() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1; e=$(date +%s.%N); echo "$e - $s" | bc; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
: > put.txt; : > cp.txt; : > cpsync.txt
# run 0 is a warm-up (disk write-back of the source, JIT, page cache) and is not counted
for i in $(seq 0 "$runs"); do
  rm -rf chunked-store dst dst2; sync
  p=$(t "$here/chunked-upload" put src fs://bench/src --quiet)
  got="$(sha256sum chunked-store/bench/src | cut -d' ' -f1)"
  [ "$got" = "$want" ] || { echo "SHA-256 mismatch on run $i" >&2; exit 1; }
  sync; c=$(t cp src dst)
  sync; cs=$(t sh -c 'cp src dst2 && sync dst2')
  echo "run $i: put ${p}s  cp ${c}s  cp+sync ${cs}s  (sha256 ok)"
  [ "$i" -gt 0 ] || continue
  echo "$p" >> put.txt; echo "$c" >> cp.txt; echo "$cs" >> cpsync.txt
done
echo "median of $runs, ${size_mib} MiB: put $(median < put.txt)s  cp $(median < cp.txt)s  cp+sync $(median < cpsync.txt)s"
