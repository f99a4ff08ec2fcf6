#!/usr/bin/env bash
# Installs the system packages Diffold's tests and data loaders use. Idempotent: does nothing when they are
# already installed, and skips with a message when not root or without apt-get (tests that need the data are
# then skipped, not failed).
set -euo pipefail

PACKAGES=(dataset-fashion-mnist)   # gzipped IDX files in /usr/share/datasets/fashion-mnist/

missing=()
for pkg in "${PACKAGES[@]}"; do
  status="$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)"
  [[ "$status" == "install ok installed" ]] || missing+=("$pkg")
done

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "install-deps: already installed: ${PACKAGES[*]}"
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-deps: apt-get not found; skipping ${missing[*]} (install them by hand for the data-set tests)" >&2
  exit 0
fi
if [[ "$(id -u)" -ne 0 ]]; then
  echo "install-deps: not root; skipping ${missing[*]} (run: sudo apt-get install -y ${missing[*]})" >&2
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
# Another apt (unattended-upgrades, a second CI job) may hold the dpkg lock: wait up to 10 minutes for it.
lock_wait=(-o DPkg::Lock::Timeout=600)
apt-get "${lock_wait[@]}" update -q
DEBIAN_FRONTEND=noninteractive apt-get "${lock_wait[@]}" install -y -q "${missing[@]}"
