#!/usr/bin/env bash
# Engine overhead against an in-memory sink. Usage: bench/engine-throughput.sh [SIZE_MIB=1024] [RUNS=5] [CONCURRENCY=2]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
(cd "$here" && ./mvnw -q -B -DskipTests -pl bench -am install)
cp="$here/bench/target/classes:$here/transfer/target/classes:$here/api/target/classes"
exec java -Xmx3g -cp "$cp" org.chunkedupload.bench.EngineThroughput "$@"
