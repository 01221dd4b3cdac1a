#!/usr/bin/env bash
# What sending a file to a loopback socket costs a JVM, with no HTTP at all: sendfile (FileChannel.transferTo)
# against copies through the heap in 8 KiB writes (the SDK's Apache client) and 64 KiB writes (curl).
# The receiver is a Python process reading 1 MiB at a time; only the sender's CPU is counted (JVM start-up
# included: `java -version` is about 0.15 s). Usage: bench/socket-floor.sh [SIZE_MIB=1024] [RUNS=5]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
size_mib="${1:-1024}"; runs="${2:-5}"
work="$(mktemp -d "${TMPDIR:-/tmp}/cu-sockfloor.XXXXXX")"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
python3 -c '
import socket, sys
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", int(sys.argv[1]))); s.listen(8)
while True:
    c, _ = s.accept()
    while c.recv(1 << 20):
        pass
    c.close()
' "$port" & sink=$!
trap 'kill $sink 2>/dev/null; rm -rf "$work"' EXIT
sleep 1
head -c "$((size_mib * 1024 * 1024))" /dev/urandom > "$work/src"
cat "$work/src" > /dev/null   # in the page cache, as a part being sent is
[ -f "$here/bench/target/classes/org/chunkedupload/bench/SocketSendFloor.class" ] \
  || (cd "$here" && ./mvnw -q -B -pl bench -am package -DskipTests -Dmaven.javadoc.skip=true)
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
modes="sendfile 8192 65536"
for m in $modes; do : > "$work/$m.cpu"; done
for i in $(seq 0 "$runs"); do   # run 0 warms up, not counted
  for m in $modes; do
    /usr/bin/time -f "%e %U %S" -o "$work/t" java -Xshare:auto -cp "$here/bench/target/classes" \
      org.chunkedupload.bench.SocketSendFloor "$work/src" "$port" "$m"
    read -r wall user sys < "$work/t"
    cpu="$(echo "$user + $sys" | bc)"
    printf '%-9s run %d: wall %5.2fs  cpu %5.2fs (user %s, sys %s)\n' "$m" "$i" "$wall" "$cpu" "$user" "$sys"
    [ "$i" -gt 0 ] && echo "$cpu" >> "$work/$m.cpu"
  done
done
echo "median of $runs, $size_mib MiB, sender CPU (JVM start-up included):"
for m in $modes; do printf '  %-9s %5.2fs\n' "$m" "$(median < "$work/$m.cpu")"; done
