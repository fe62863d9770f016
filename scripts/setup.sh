#!/usr/bin/env bash
# Installs what JourneyMap needs on a Debian machine, only when it is missing:
# Graphviz's C library (libgvc, headers, pkg-config file), cairo's headers (tiled posters)
# and the fonts the maps name.
set -euo pipefail

need=()
pkg-config --exists libgvc 2>/dev/null || need+=(libgraphviz-dev)
pkg-config --exists cairo 2>/dev/null || need+=(libcairo2-dev)   # tiled posters draw through cairo
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
fc-list >/dev/null 2>&1 || need+=(fontconfig)

if [ ${#need[@]} -gt 0 ]; then
  echo "setup: installing ${need[*]}" >&2
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
command -v swift >/dev/null 2>&1 || { echo "setup: Swift 6 is required (https://www.swift.org/install)" >&2; exit 1; }
