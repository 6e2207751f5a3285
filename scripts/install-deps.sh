#!/usr/bin/env bash
# Installs the Debian 12 packages ClipQueue builds and tests with; only the missing ones.
set -euo pipefail
packages=(
  g++ cmake ninja-build pkg-config ccache clang-format
  qt6-base-dev qt6-multimedia-dev qt6-tools-dev qt6-l10n-tools qt6-translations-l10n libqt6sql6-sqlite libqt6sql6-psql libgl-dev qtkeychain-qt6-dev
  libavformat-dev libavcodec-dev libavfilter-dev libavutil-dev libswscale-dev ffmpeg
  postgresql xvfb xauth fonts-noto-color-emoji
  librsvg2-bin gzip dpkg-dev file desktop-file-utils appstream
  # The composer's video preview (Qt Multimedia): Qt 6.4 on Debian plays through GStreamer;
  # qtdemux/matroska and VP8/VP9 are in -good, H.264/HEVC decoders (avdec_*) in -libav, their
  # parsers in -bad. Debian's Qt also ships the FFmpeg backend (QT_MEDIA_BACKEND=ffmpeg).
  gstreamer1.0-plugins-base gstreamer1.0-plugins-good gstreamer1.0-plugins-bad gstreamer1.0-libav
  nodejs # tests/mcp: the MCP TypeScript SDK client (tst_mcp_sdk)
)
missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
# Debian's npm package; a NodeSource nodejs brings its own npm (and conflicts with Debian's).
if ! command -v npm >/dev/null; then
  missing+=(npm)
fi
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
