#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The two set-up commands of the README, on a fresh Debian 12 / Ubuntu machine:
#
#   build-aux/dev.sh run  [APP ARGS…]   install what is missing, build, start the app
#   build-aux/dev.sh test [MESON TEST ARGS…]
#                                       install what is missing, build, run every test headless
#
# Packages are installed with apt-get (through sudo when not root) only when some are missing,
# and the build directory is configured only once, so running either command again is quick and
# changes nothing.
set -euo pipefail

cd "$(dirname "$(readlink -f "$0")")/.."
builddir=${LD_BUILDDIR:-_build}

build_packages=(
  meson ninja-build pkg-config gcc libc6-dev
  libglib2.0-dev libglib2.0-dev-bin libglib2.0-bin
  libgtk-4-dev libadwaita-1-dev libsqlite3-dev libxlsxwriter-dev libical-dev
  gettext desktop-file-utils appstream fonts-noto-cjk
)
test_packages=(
  xvfb xauth dbus dbus-daemon locales x11-utils
  flatpak-builder libxml2-utils python3 python3-openpyxl python3-icalendar poppler-utils
  libreoffice-calc-nogui
)

as_root() {
  if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi
}

install_missing() {
  local missing=() p
  for p in "$@"; do
    [[ $(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null) == installed ]] || missing+=("$p")
  done
  ((${#missing[@]})) || return 0
  echo "Installing: ${missing[*]}"
  as_root apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# Tests and screenshots switch the UI to Chinese; gettext needs a generated zh_CN locale.
ensure_zh_locale() {
  locale -a 2>/dev/null | grep -qiE '^zh_CN\.utf-?8$' && return 0
  echo "Generating the zh_CN.UTF-8 locale"
  if [[ -f /etc/locale.gen ]]; then
    if grep -qE '^# *zh_CN.UTF-8 UTF-8' /etc/locale.gen; then
      as_root sed -i -E 's/^# *(zh_CN.UTF-8 UTF-8)/\1/' /etc/locale.gen
    elif ! grep -qE '^zh_CN.UTF-8 UTF-8' /etc/locale.gen; then
      echo 'zh_CN.UTF-8 UTF-8' | as_root tee -a /etc/locale.gen >/dev/null
    fi
    as_root locale-gen
  else
    as_root locale-gen zh_CN.UTF-8
  fi
}

build() {
  if [[ ! -f $builddir/build.ninja ]]; then
    meson setup "$builddir" "$@"
  fi
  meson compile -C "$builddir"
}

cmd=${1:-}
shift || true

case $cmd in
  run)
    install_missing "${build_packages[@]}"
    build
    export GSETTINGS_SCHEMA_DIR=$PWD/$builddir/data
    export LIAISON_DESK_LOCALEDIR=$PWD/$builddir/po
    exec "$builddir/src/liaison-desk" "$@"
    ;;
  test)
    install_missing "${build_packages[@]}" "${test_packages[@]}"
    ensure_zh_locale
    build
    log=$(mktemp)
    trap 'rm -f "$log"' EXIT
    status=0
    xvfb-run -a -s '-screen 0 1280x800x24' \
      dbus-run-session -- meson test -C "$builddir" --print-errorlogs "$@" 2>&1 | tee "$log" \
      || status=$?
    ok=$(awk '/^Ok:/ {print $2}' "$log")
    fail=$(awk '/^(Fail|Unexpected Pass|Timeout):/ {n += $NF} END {print n + 0}' "$log")
    skipped=$(awk '/^Skipped:/ {print $2}' "$log")
    echo "${ok:-0} passed, ${fail:-0} failed, ${skipped:-0} skipped"
    exit "$status"
    ;;
  *)
    echo "usage: $0 run [APP ARGS…] | test [MESON TEST ARGS…]" >&2
    exit 2
    ;;
esac
