#!/usr/bin/env bash
# `diffold id --data fashion-mnist --subset N --estimators mle,twonn` against scikit-learn's brute-force kNN plus the
# same estimators (bench/id_sklearn.py, Debian's python3-sklearn), run alternately in the same invocation so both
# see the same machine load. Usage: bench/id-vs-sklearn.sh [N] [THREADS...] (defaults 10000 1 2).
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-10000}"; shift || true
THREADS=("$@"); [[ ${#THREADS[@]} -gt 0 ]] || THREADS=(1 2)
PY=/usr/bin/python3
"$PY" -c 'import sklearn' 2>/dev/null || { echo "id-vs-sklearn: needs python3-sklearn for $PY" >&2; exit 2; }
./diffold id --data fashion-mnist --subset 100 --estimators mle >/dev/null   # builds the launcher's jar if needed
for t in "${THREADS[@]}"; do
  d=$(./diffold id --data fashion-mnist --subset "$N" --estimators mle,twonn --threads "$t" --json \
      | "$PY" -c 'import json,sys; r=json.load(sys.stdin); print(r.get("total_seconds", r.get("totalSeconds")))')
  s=$(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS="$t" OMP_NUM_THREADS="$t" \
      "$PY" bench/id_sklearn.py "$N" "$t" | tail -n 1)
  "$PY" -c "import sys; d, s = float('$d'), float('$s'); print(f'threads $t: diffold {d:.3f} s, scikit-learn {s:.3f} s, diffold / scikit-learn = {d / s:.2f}')"
done
