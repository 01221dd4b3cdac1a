#!/usr/bin/env bash
# Benchmark: what Spark adds. Local mode on this machine (2 cores), filesystem provider (fsync off),
# 64 MiB parts, 2 parts in flight per task:
#   one 2 GiB object: SparkUpload.uploadObject with 1, 2 and 4 task threads  vs  chunked-upload put
#   2,000 files of 1 MiB: SparkUpload.uploadDirectory (4 threads)           vs  chunked-upload put --recursive
# Usage: bench/spark-compare.sh [RUNS=3]. Every result is compared with the source (SHA-256 / cmp).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-3}"
# one reactor build: the spark module's classpath then names the sibling modules' freshly built jars
(cd "$here" && ./mvnw -q -B -DskipTests -pl cli,spark -am package dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.cp)
cp="$here/spark/target/test-classes:$here/spark/target/classes:$(cat "$here/spark/target/bench.cp")"
opts="$(sed -n 's:.*<spark.java.options>\(.*\)</spark.java.options>.*:\1:p' "$here/spark/pom.xml")"
work="$(mktemp -d "${TMPDIR:-/tmp}/cu-spark.XXXXXX")"
trap 'rm -rf "$work"' EXIT
head -c $((2 << 30)) /dev/urandom > "$work/object.bin"
for i in $(seq 1 2000); do d="$work/tree/d$((i % 20))"; mkdir -p "$d"; head -c 1048576 /dev/urandom > "$d/f$i"; done
want=$(sha256sum < "$work/object.bin" | cut -d' ' -f1)
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
cases="put spark1 spark2 spark4 tree-put tree-spark4"
for c in $cases; do : > "$work/$c.wall"; : > "$work/$c.cpu"; : > "$work/$c.job"; done
for i in $(seq 0 "$runs"); do   # run 0 warms up, and is not counted
  for c in $cases; do
    rm -rf "$work/store"; sync
    case "$c" in
      put) cmd="java -jar '$here/cli/target/chunked-upload.jar' put '$work/object.bin' fs://bench/object.bin -o root='$work/store' -o fsync=false --part-size 64MiB --concurrency 8 --quiet" ;;
      spark*) cmd="java $opts -cp '$cp' org.chunkedupload.spark.SparkBench object ${c#spark} '$work/object.bin' '$work/store'" ;;
      tree-put) cmd="java -jar '$here/cli/target/chunked-upload.jar' put '$work/tree' fs://bench/tree --recursive -o root='$work/store' -o fsync=false --concurrency 8 --quiet" ;;
      tree-spark4) cmd="java $opts -cp '$cp' org.chunkedupload.spark.SparkBench files 4 '$work/tree' '$work/store'" ;;
    esac
    /usr/bin/time -f "%e %U %S" -o "$work/t" bash -c "$cmd" > "$work/out" 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
    case "$c" in
      tree*) diff -r -q "$work/tree" "$work/store/bench/tree" >/dev/null || { echo "$c: the tree differs" >&2; exit 1; } ;;
      *) [ "$(sha256sum < "$work/store/bench/object.bin" | cut -d' ' -f1)" = "$want" ] || { echo "$c: the object differs" >&2; exit 1; } ;;
    esac
    read -r wall user sys < "$work/t"
    job=$(sed -n 's/.*job \([0-9.]*\) s.*/\1/p' "$work/out"); job=${job:-$wall}
    printf '%-12s run %d: wall %7.2fs  cpu %7.2fs  job %7.2fs\n' "$c" "$i" "$wall" "$(echo "$user + $sys" | bc)" "$job"
    if [ "$i" -gt 0 ]; then echo "$wall" >> "$work/$c.wall"; echo "$user + $sys" | bc >> "$work/$c.cpu"; echo "$job" >> "$work/$c.job"; fi
  done
done
echo "medians of $runs runs (wall and CPU of the whole process; job: the upload alone, without JVM and Spark start-up):"
for c in $cases; do
  printf '%-12s wall %7.2fs  cpu %7.2fs  job %7.2fs\n' "$c" "$(median < "$work/$c.wall")" "$(median < "$work/$c.cpu")" "$(median < "$work/$c.job")"
done
