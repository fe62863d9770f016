#!/usr/bin/env bash
# Packs a relocatable tarball from a release build linked with --static-swift-stdlib (see
# 'make dist'): bin/, man page, completions, docs and RUNTIME.md. It runs with no Swift
# toolchain; Graphviz (libgvc) and its cairo/pango stack stay system libraries.
#   scripts/dist.sh [BINARY] [OUT-FOLDER] [MANUAL-FOLDER]
set -euo pipefail
bin=${1:-.build/release/journeymap}
out=${2:-dist}
manual=${3:-.build/manual}
version=$(sed -n 's/.*string = "\(.*\)"/\1/p' Sources/JourneyWorkflow/Version.swift)
arch=$(uname -m)
name="journeymap-$version-linux-$arch"
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
scripts/install.sh "$stage/$name" "$bin" "$manual" >/dev/null
# Nothing of the toolchain may be needed at run time.
if ldd "$stage/$name/bin/journeymap" | grep -E 'libswift|libFoundation|libdispatch|/opt/swift' ; then
  echo "dist: the binary still links the Swift runtime dynamically (build with --static-swift-stdlib)" >&2
  exit 1
fi
cp docs/install.md "$stage/$name/RUNTIME.md"
mkdir -p "$out"
tar -C "$stage" -czf "$out/$name.tar.gz" "$name"
echo "$out/$name.tar.gz"
