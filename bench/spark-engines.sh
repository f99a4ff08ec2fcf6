#!/usr/bin/env bash
# Wall time of `reproduce li-yan` (full grid; pass --quick for the small one) on the local engine (1 and 2 workers),
# Spark local[2] and a loopback standalone cluster (Master + Worker with 2 cores on 127.0.0.1, started and stopped
# here), each into a fresh run store, then the spark engine's per-task overhead (TaskOverheadBench) and the jar
# sizes. Same machine for all: the point is Spark's overhead, not a speed-up. Each engine's stored cells are
# checked to equal the local engine's.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="$(mktemp -d)"
trap 'scripts/spark-loopback-cluster.sh stop; rm -rf "$OUT"' EXIT
./diffold reproduce li-yan --quick --engine spark --master 'local[1]' --db "$OUT/warm.db" --runs-dir "$OUT/runs" --json > /dev/null
./diffold reproduce li-yan --quick --db "$OUT/warm2.db" --runs-dir "$OUT/runs" --json > /dev/null
MASTER="$(scripts/spark-loopback-cluster.sh start 2)"

run() {   # run NAME ARGS...: times one reproduce li-yan into a fresh store
  local name="$1" t0 t1; shift
  t0=$EPOCHREALTIME
  ./diffold reproduce li-yan "$@" --threads 1 --db "$OUT/$name.db" --runs-dir "$OUT/runs" --json > "$OUT/$name.json"
  t1=$EPOCHREALTIME
  printf '%-34s %8.1f s\n' "$name" "$(echo "$t1 - $t0" | bc)"
}
echo "reproduce li-yan ${*:-(full)}, --threads 1 per cell, wall time including JVM start"
run "local-1-worker" "$@"
run "local-2-workers" "$@" --workers 2
run "spark-local[2]" "$@" --engine spark --master 'local[2]'
run "spark-standalone-loopback-2-cores" "$@" --engine spark --master "$MASTER"
/usr/bin/python3 - "$OUT" <<'PY'
import json, sqlite3, sys
out = sys.argv[1]
def rows(name):
    return dict(sqlite3.connect(f"{out}/{name}.db").execute("select cell_key, results_json from cells"))
base = rows("local-1-worker")
for name in ["local-2-workers", "spark-local[2]", "spark-standalone-loopback-2-cores"]:
    print(f"{name}: {len(rows(name))} cells, identical to local-1-worker: {rows(name) == base}")
print("cells:", json.load(open(f"{out}/local-1-worker.json"))["cells"])
PY
DIFFOLD_MAIN=org.diffold.spark.bench.TaskOverheadBench ./diffold --engine spark --master 'local[2]' --cells 400
DIFFOLD_MAIN=org.diffold.spark.bench.TaskOverheadBench ./diffold --engine spark --master "$MASTER" --cells 400
ls -l diffold-spark/target/diffold-spark-*.jar diffold-cli/target/diffold-cli-*.jar | awk '{printf "%-60s %6.1f MB\n", $9, $5/1e6}'
du -sh diffold-spark/target/lib diffold-cli/target/lib
