#!/usr/bin/env bash
# U-Net DSM training throughput: Diffold (DJL + PyTorch 2.7.1) versus the same network and loop in PyTorch from
# Python (bench/torch_unet_throughput.py), measured side by side in the same run, on 1 and 2 threads (one JVM per
# thread count: PyTorch fixes its threads when the engine loads); prints both and the ratio.
# Needs python3-torch for /usr/bin/python3 (bench/nn-throughput.sh installs it). Builds with the reactor
# (package, no install) and runs from the reactor's classes. Extra arguments go to the bench main, e.g.
# --steps 20 --repeats 3 --channels 32/64 --batch 64.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=/usr/bin/python3
"$PY" -c 'import torch' 2>/dev/null || { echo "unet-throughput: needs python3-torch for $PY (bench/nn-throughput.sh installs it)" >&2; exit 2; }
./mvnw -q -B -pl diffold-nn -am -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=runtime
CP="diffold-nn/target/classes:$(cat diffold-nn/target/bench-classpath.txt)"
CACHE="$PWD/.djl-cache"
. bench/java21.sh unet-throughput
mkdir -p "$CACHE/jna"
for THREADS in ${UNET_BENCH_THREADS:-1 2}; do
  OMP_NUM_THREADS=$THREADS "$JAVA" --enable-native-access=ALL-UNNAMED -DDJL_CACHE_DIR="$CACHE" -Djna.tmpdir="$CACHE/jna" -Dai.djl.offline=true \
    -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" org.diffold.nn.bench.UnetThroughputBench --python "$PY" --threads "$THREADS" "$@"
done
