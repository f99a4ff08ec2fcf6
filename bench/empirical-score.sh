#!/usr/bin/env bash
# Empirical-score evaluation (docs/math.md §6): Diffold's DotKernel path (OpenBLAS, or the pure-Java kernel) versus numpy (OpenBLAS) doing the same
# computation in the same run, on 1 and 2 threads, then the memorization metrics of 10^4 samples against the 6 x 10^4
# Fashion-MNIST training images. Needs /usr/bin/python3 with numpy and the Debian package dataset-fashion-mnist.
# Arguments (optional): n N threads-list, e.g. 1024 16384 1,2.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=/usr/bin/python3
"$PY" -c 'import numpy' 2>/dev/null || { echo "empirical-score: needs numpy for $PY (Debian: python3-numpy)" >&2; exit 2; }
./mvnw -q -B -DskipTests package   # as the diffold launcher: diffold-cli/target/lib holds every runtime jar
CP="diffold-cli/target/lib/*"
. bench/java21.sh empirical-score
exec "$JAVA" -Xmx4g --enable-native-access=ALL-UNNAMED -cp "$CP" org.diffold.lab.bench.EmpiricalScoreBenchmark "$PY" bench/empirical_score_numpy.py "$@"
