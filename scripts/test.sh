#!/usr/bin/env bash
# Installs what is missing, builds, runs the whole test suite, then builds the .deb and checks that
# it installs, runs and removes cleanly (where it may install: root or password-less sudo).
# CI runs exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
ctest --test-dir build --output-on-failure --parallel "$(nproc)" --timeout 600
scripts/check-package.sh
