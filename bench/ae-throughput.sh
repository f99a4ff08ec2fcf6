#!/usr/bin/env bash
# SiLD stage-1 (conv autoencoder) training throughput: Diffold (DJL + PyTorch 2.7.1) versus the same network and loop
# in PyTorch from Python (bench/torch_ae_throughput.py), measured in the same run; prints the ratio.
# Needs python3-torch for /usr/bin/python3 (see bench/nn-throughput.sh). Extra arguments go to the bench main,
# e.g. --threads 2 --steps 30 --repeats 3.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=/usr/bin/python3
"$PY" -c 'import torch' 2>/dev/null || { echo "ae-throughput: needs python3-torch for $PY (bench/nn-throughput.sh installs it)" >&2; exit 2; }
# compile and the classpath in one reactor run, so diffold-core resolves to its target/classes (no install needed)
./mvnw -q -B -pl diffold-nn -am compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=runtime
CP="diffold-nn/target/classes:$(cat diffold-nn/target/bench-classpath.txt)"
CACHE="$PWD/.djl-cache"
. bench/java21.sh ae-throughput
mkdir -p "$CACHE/jna"
exec "$JAVA" --enable-native-access=ALL-UNNAMED -DDJL_CACHE_DIR="$CACHE" -Djna.tmpdir="$CACHE/jna" -Dai.djl.offline=true \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" org.diffold.nn.bench.AutoencoderThroughputBench --python "$PY" "$@"
