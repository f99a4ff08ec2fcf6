#!/usr/bin/env bash
# A Spark standalone cluster on 127.0.0.1 from the jars diffold-spark was built with (no Spark download):
#   scripts/spark-loopback-cluster.sh start [CORES]   Master + one Worker; prints the master URL
#   scripts/spark-loopback-cluster.sh stop            stops both (their executors exit with them)
# State, logs and the SPARK_HOME (jars/ links to diffold-spark/target/lib) live in target/spark-loopback/.
# Build first: ./mvnw -q -B -DskipTests -pl diffold-cli,diffold-spark -am package (./diffold --engine spark does).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
STATE="$ROOT/target/spark-loopback"
LIB="$ROOT/diffold-spark/target/lib"
PORT="${SPARK_LOOPBACK_PORT:-7177}"

java_bin() {
  local j v
  for j in "${JAVA_HOME:-}/bin/java" "$(command -v java || true)" /usr/lib/jvm/*/bin/java; do
    [[ -x "$j" ]] || continue
    v=$("$j" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
    if [[ "${v%%.*}" -ge 21 ]] 2>/dev/null; then echo "$j ${v%%.*}"; return; fi
  done
  echo "spark-loopback-cluster: needs a JDK >= 21 (set JAVA_HOME)" >&2; exit 2
}

start() {
  local cores="${1:-2}" java major home flags
  [[ -d "$LIB" ]] || { echo "spark-loopback-cluster: $LIB is missing; build diffold-spark first" >&2; exit 2; }
  read -r java major <<< "$(java_bin)"
  home="$STATE/spark-home"
  rm -rf "$home"; mkdir -p "$home/jars" "$STATE/work"
  ln -s "$LIB"/*.jar "$home/jars/"
  flags=(-Xmx512m --enable-native-access=ALL-UNNAMED -XX:+IgnoreUnrecognizedVMOptions
    --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
    --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED
    --add-opens=java.base/java.lang.invoke=ALL-UNNAMED -Dio.netty.tryReflectionSetAccessible=true)
  [[ "$major" -ge 23 ]] && flags+=(--sun-misc-unsafe-memory-access=allow)
  export SPARK_HOME="$home" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1 JAVA_HOME="$(dirname "$(dirname "$java")")"
  "$java" "${flags[@]}" -cp "$home/jars/*" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$PORT" \
    --webui-port 0 > "$STATE/master.log" 2>&1 &
  echo $! > "$STATE/master.pid"
  wait_for "$STATE/master.log" "Starting Spark master at"
  "$java" "${flags[@]}" -cp "$home/jars/*" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --cores "$cores" \
    --memory 2g --webui-port 0 --work-dir "$STATE/work" "spark://127.0.0.1:$PORT" > "$STATE/worker.log" 2>&1 &
  echo $! > "$STATE/worker.pid"
  wait_for "$STATE/worker.log" "Successfully registered with master"
  echo "spark://127.0.0.1:$PORT"
}

wait_for() {
  local i
  for i in $(seq 1 300); do
    grep -q "$2" "$1" 2>/dev/null && return
    sleep 0.3
  done
  echo "spark-loopback-cluster: '$2' not seen in $1" >&2; stop; exit 1
}

stop() {
  local f
  for f in worker master; do
    if [[ -f "$STATE/$f.pid" ]]; then
      kill "$(cat "$STATE/$f.pid")" 2>/dev/null || true
      rm -f "$STATE/$f.pid"
    fi
  done
}

case "${1:-}" in
  start) shift; start "$@" ;;
  stop) stop ;;
  *) echo "usage: $0 start [CORES] | stop" >&2; exit 2 ;;
esac
