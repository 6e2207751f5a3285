#!/usr/bin/env bash
# Installs the Debian 12 packages ClipQueue builds and tests with; only the missing ones.
set -euo pipefail
packages=(
  g++ cmake ninja-build pkg-config ccache clang-format
  qt6-base-dev qt6-multimedia-dev libqt6sql6-sqlite libqt6sql6-psql libgl-dev qtkeychain-qt6-dev
  libavformat-dev libavcodec-dev libavutil-dev libswscale-dev ffmpeg
  postgresql xvfb xauth fonts-noto-color-emoji
  librsvg2-bin gzip dpkg-dev file desktop-file-utils appstream
)
missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
if ((${#missing[@]} == 0)); then
  echo "All build dependencies are installed."
  exit 0
fi
echo "Installing: ${missing[*]}"
sudo=()
if [[ $(id -u) -ne 0 ]]; then
  sudo=(sudo)
fi
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
