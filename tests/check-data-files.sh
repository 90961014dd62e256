#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Validates the files that integrate Liaison Desk with the desktop: the built .desktop and
# .metainfo.xml files, the GSettings schema, the icons and the Flatpak manifest, and that the
# merged files carry the Chinese translation. Prints one line per check and a closing
# "N passed, M failed" line; exits non-zero when any check fails.
#
# Run by meson (tests/meson.build), which sets LD_SOURCE_ROOT and LD_BUILD_ROOT.

set -euo pipefail

src=${LD_SOURCE_ROOT:?LD_SOURCE_ROOT must point at the source tree}
build=${LD_BUILD_ROOT:?LD_BUILD_ROOT must point at the build tree}
base_id=io.github.liaisondesk.LiaisonDesk
zh_name=联络站工作台

# The development profile appends .Devel; the build's config.h says which id this build uses.
app_id=$(sed -n 's/^#define APPLICATION_ID "\(.*\)"$/\1/p' "$build/config.h" 2>/dev/null || true)
app_id=${app_id:-$base_id}

desktop=$build/data/$app_id.desktop
metainfo=$build/data/$app_id.metainfo.xml
manifest=$src/flatpak/$base_id.json
icon=$src/data/icons/hicolor/scalable/apps/$base_id.svg
symbolic=$src/data/icons/hicolor/symbolic/apps/$base_id-symbolic.svg

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

passed=0
failed=0

# run_check NAME FUNCTION: runs FUNCTION with its output captured, prints PASS or FAIL and, on
# failure, what the tool said. Functions return non-zero explicitly: `set -e` does not apply
# inside a function called as a condition.
run_check () {
  local name=$1 fn=$2 log=$tmp/log
  if "$fn" >"$log" 2>&1; then
    passed=$((passed + 1))
    echo "PASS: $name"
  else
    failed=$((failed + 1))
    echo "FAIL: $name"
    sed 's/^/    /' "$log"
  fi
}

need_file () {
  if [[ ! -f $1 ]]; then
    echo "missing: $1"
    return 1
  fi
}

# ------------------------------------------------------------------ desktop file

check_desktop () {
  need_file "$desktop" || return 1
  local out
  out=$(desktop-file-validate "$desktop" 2>&1) || { echo "$out"; return 1; }
  # Errors fail the tool; warnings are failures here too. Hints are advice only.
  if grep -E '(error|warning):' <<<"$out"; then
    return 1
  fi
  grep -qx "Icon=$app_id" "$desktop" || { echo "Icon= is not $app_id"; return 1; }
  grep -qx 'Exec=liaison-desk' "$desktop" || { echo "Exec= is not liaison-desk"; return 1; }
}

# ------------------------------------------------------------------ metainfo

check_metainfo () {
  need_file "$metainfo" || return 1
  local out rc=0
  out=$(appstreamcli validate --no-net "$metainfo" 2>&1) || rc=$?
  echo "$out"
  [[ $rc -eq 0 ]] || return 1
  # Errors and warnings fail; info and pedantic issues do not.
  if grep -qE '^[EW]: ' <<<"$out"; then
    return 1
  fi
  grep -q "<id>$app_id</id>" "$metainfo" || { echo "<id> is not $app_id"; return 1; }
  grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$metainfo" || {
    echo "the launchable does not name $app_id.desktop"
    return 1
  }
}

# ------------------------------------------------------------------ settings schema

check_schema () {
  glib-compile-schemas --strict --dry-run "$src/data"
}

# ------------------------------------------------------------------ icons

# Well-formed XML with the expected view box. xmllint when present, else Python's parser.
check_svg () {
  local file=$1 viewbox=$2
  need_file "$file" || return 1
  if command -v xmllint >/dev/null 2>&1; then
    xmllint --noout "$file" || return 1
  else
    /usr/bin/python3 -c 'import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])' \
      "$file" || return 1
  fi
  grep -q "viewBox=\"$viewbox\"" "$file" || { echo "viewBox is not \"$viewbox\""; return 1; }
}

check_icon () {
  check_svg "$icon" '0 0 128 128'
}

check_symbolic_icon () {
  check_svg "$symbolic" '0 0 16 16'
}

# ------------------------------------------------------------------ flatpak manifest

check_manifest () {
  need_file "$manifest" || return 1
  # flatpak-builder keeps state in the working directory, so run it somewhere disposable.
  (cd "$tmp" && flatpak-builder --show-manifest "$manifest") >"$tmp/manifest.json" || return 1
  /usr/bin/python3 - "$tmp/manifest.json" <<'EOF' || return 1
import json, re, sys

manifest = json.load(open(sys.argv[1]))
problems = []
if manifest.get("runtime") != "org.gnome.Platform":
    problems.append("runtime is not org.gnome.Platform")
if manifest.get("sdk") != "org.gnome.Sdk":
    problems.append("sdk is not org.gnome.Sdk")
if manifest.get("command") != "liaison-desk":
    problems.append("command is not liaison-desk")

modules = {m.get("name"): m for m in manifest.get("modules", []) if isinstance(m, dict)}
lxw = modules.get("libxlsxwriter")
if lxw is None:
    problems.append("no libxlsxwriter module")
else:
    sources = lxw.get("sources", [])
    pinned = [s for s in sources
              if re.fullmatch(r"[0-9a-f]{40}", s.get("commit", ""))
              or re.fullmatch(r"[0-9a-f]{64}", s.get("sha256", ""))]
    if not sources or len(pinned) != len(sources):
        problems.append("libxlsxwriter is not pinned by a commit or a sha256")
if "liaison-desk" not in modules:
    problems.append("no liaison-desk module")

for p in problems:
    print(p)
sys.exit(1 if problems else 0)
EOF
}

# ------------------------------------------------------------------ translations

check_desktop_zh () {
  need_file "$desktop" || return 1
  grep -qx "Name\[zh_CN\]=$zh_name" "$desktop" || { echo "no Name[zh_CN]=$zh_name"; return 1; }
  grep -q '^Comment\[zh_CN\]=' "$desktop" || { echo "no Comment[zh_CN]"; return 1; }
  grep -q '^Keywords\[zh_CN\]=' "$desktop" || { echo "no Keywords[zh_CN]"; return 1; }
}

check_metainfo_zh () {
  need_file "$metainfo" || return 1
  grep -qE "<name xml:lang=\"zh[-_]CN\">$zh_name</name>" "$metainfo" || {
    echo "no Chinese <name>"
    return 1
  }
  grep -qE '<summary xml:lang="zh[-_]CN">' "$metainfo" || { echo "no Chinese <summary>"; return 1; }
  grep -qE '<p xml:lang="zh[-_]CN">' "$metainfo" || { echo "no Chinese description"; return 1; }
}

# ------------------------------------------------------------------ run

run_check "desktop file validates ($app_id.desktop)" check_desktop
run_check "metainfo validates ($app_id.metainfo.xml)" check_metainfo
run_check "settings schema compiles strictly" check_schema
run_check "app icon is well-formed SVG" check_icon
run_check "symbolic icon is well-formed SVG" check_symbolic_icon
run_check "flatpak manifest parses and pins libxlsxwriter" check_manifest
run_check "desktop file has the zh_CN translation" check_desktop_zh
run_check "metainfo has the zh_CN translation" check_metainfo_zh

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
