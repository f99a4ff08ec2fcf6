#!/usr/bin/env bash
# DSM training throughput: Diffold (DJL + PyTorch 2.7.1) versus the same model and loop in PyTorch from Python.
# Installs Debian's python3-torch (for /usr/bin/python3) and an optimised BLAS for it if missing, builds
# diffold-nn (and what it needs, in the reactor) and runs org.diffold.nn.bench.TrainThroughputBench. Extra arguments go to the bench main,
# e.g. --threads 1,2 --steps 100 --warmup 20 --repeats 3.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=/usr/bin/python3
if ! "$PY" -c 'import torch' 2>/dev/null || [ ! -e /usr/lib/x86_64-linux-gnu/openblas-openmp/libblas.so.3 ]; then
  echo "installing python3-torch and libopenblas0-openmp (Debian) ..." >&2
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -qq
  # Without an optimised BLAS, Debian's torch falls back to reference BLAS (~8x slower): an unfair baseline.
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq python3-torch libopenblas0-openmp >/dev/null
fi
# package and the classpath in one reactor run, so diffold-core resolves to its reactor artifact (nothing installed
# into the local repository)
./mvnw -q -B -pl diffold-nn -am -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=runtime
CP="diffold-nn/target/classes:$(cat diffold-nn/target/bench-classpath.txt)"
CACHE="$PWD/.djl-cache"
. bench/java21.sh nn-throughput
mkdir -p "$CACHE/jna"
exec "$JAVA" --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -DDJL_CACHE_DIR="$CACHE" -Djna.tmpdir="$CACHE/jna" \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" org.diffold.nn.bench.TrainThroughputBench --python "$PY" "$@" \
  2> >(grep -v -x -F "WARNING: Using incubator modules: jdk.incubator.vector" >&2)   # the JVM's line, as ./diffold drops it
