#!/usr/bin/env bash
# A fresh Debian 12 machine to a running ClipQueue: missing packages, build, launch.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
exec build/bin/clipqueue "$@"
