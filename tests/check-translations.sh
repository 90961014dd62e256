#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks that the Chinese translation is complete: po/zh_CN.po compiles with nothing fuzzy or
# untranslated, it translates every string that a freshly extracted template holds, and every
# source file with translatable strings is listed in po/POTFILES.in. Prints one line per check
# and a closing "N passed, M failed" line; exits non-zero when any check fails.
#
# Run by meson (tests/meson.build), which sets LD_SOURCE_ROOT.

set -euo pipefail

src=${LD_SOURCE_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
po_dir=$src/po
potfiles=$po_dir/POTFILES.in
package=liaison-desk

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

passed=0
failed=0

# run_check NAME FUNCTION: see check-data-files.sh. Functions return non-zero explicitly.
run_check () {
  local name=$1 fn=$2 log=$tmp/log
  if "$fn" >"$log" 2>&1; then
    passed=$((passed + 1))
    echo "PASS: $name"
  else
    failed=$((failed + 1))
    echo "FAIL: $name"
  fi
  sed 's/^/    /' "$log"
}

# The languages in LINGUAS, one a line.
linguas () {
  sed -e 's/#.*//' "$po_dir/LINGUAS" | tr -s '[:blank:]' '\n' | sed '/^$/d'
}

# The files named in POTFILES.in, without comments and blank lines.
listed_files () {
  sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' "$potfiles"
}

# ------------------------------------------------------------------ the catalogues

check_catalogues () {
  local lang stats rc=0
  while read -r -u 3 lang; do
    if [[ ! -f $po_dir/$lang.po ]]; then
      echo "$lang is in LINGUAS but po/$lang.po is missing"
      rc=1
      continue
    fi
    stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$po_dir/$lang.po" 2>&1) || {
      echo "$stats"
      rc=1
      continue
    }
    echo "$lang: $stats"
    if grep -qE 'fuzzy|untranslated' <<<"$stats"; then
      rc=1
    fi
  done 3< <(linguas)
  grep -q '^"Language: zh_CN\\n"$' "$po_dir/zh_CN.po" || { echo "zh_CN.po: no Language header"; rc=1; }
  grep -q '^"Plural-Forms: nplurals=1; plural=0;\\n"$' "$po_dir/zh_CN.po" || {
    echo "zh_CN.po: Plural-Forms is not nplurals=1; plural=0;"
    rc=1
  }
  return $rc
}

# ------------------------------------------------------------------ against the sources

# The same extraction as meson's `liaison-desk-pot` target: the arguments of its i18n preset
# "glib". xgettext picks the extractor by extension after dropping trailing ".in" (.desktop.in.in
# is a desktop file, .metainfo.xml.in.in an AppStream file, .ui GtkBuilder, .gschema.xml a
# schema), so the files are read where they are.
# shellcheck disable=SC2054 # the commas belong to xgettext keyword specs
glib_preset=(
  --from-code=UTF-8 --add-comments
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 --keyword=g_dcgettext:2
  --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format
  --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format
  --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format
  --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format
  --flag=g_markup_printf_escaped:1:c-format --flag=g_log:3:c-format --flag=g_print:1:c-format
  --flag=g_printerr:1:c-format --flag=g_printf:1:c-format --flag=g_fprintf:2:c-format
  --flag=g_sprintf:2:c-format --flag=g_snprintf:3:c-format
)

extract_template () {
  (cd "$src" && xgettext --package-name="$package" "${glib_preset[@]}" \
     -f "$potfiles" -D "$src" -o "$tmp/fresh.pot")
}

check_template () {
  local f rc=0
  extract_template || return 1
  # A file that xgettext silently did not understand would add no message; say so.
  for f in $(listed_files); do
    if ! grep -q "^#: .*$f:" "$tmp/fresh.pot"; then
      echo "no messages extracted from $f"
      rc=1
    fi
  done
  echo "$(grep -c '^msgid ' "$tmp/fresh.pot") messages in a fresh template"
  return $rc
}

check_complete () {
  local lang rc=0
  [[ -f $tmp/fresh.pot ]] || extract_template || return 1
  while read -r -u 3 lang; do
    # Fuzzy and untranslated entries count as missing.
    if ! msgcmp "$po_dir/$lang.po" "$tmp/fresh.pot" >/dev/null 2>&1; then
      echo "po/$lang.po does not translate these strings (update it with the" \
           "$package-update-po target, then translate them):"
      msgmerge --quiet --no-fuzzy-matching --no-wrap "$po_dir/$lang.po" "$tmp/fresh.pot" \
        -o "$tmp/merged.po"
      { msgattrib --no-obsolete --untranslated --no-wrap "$tmp/merged.po"
        msgattrib --no-obsolete --only-fuzzy --no-wrap "$tmp/merged.po"
      } | grep -E '^(#: |msgctxt |msgid "..*")' | sed 's/^/  /'
      rc=1
    fi
    # Translations of strings that no longer exist do no harm; list them for tidying.
    msgcomm --less-than=2 --no-wrap "$po_dir/$lang.po" "$tmp/fresh.pot" 2>/dev/null \
      | msgattrib --no-obsolete --translated 2>/dev/null \
      | sed -n 's/^msgid "\(..*\)"$/note: no longer in the sources: "\1"/p' || true
  done 3< <(linguas)
  return $rc
}

# ------------------------------------------------------------------ POTFILES.in

check_potfiles_listed () {
  local f rc=0
  for f in $(listed_files); do
    [[ -f $src/$f ]] || { echo "listed but missing: $f"; rc=1; }
  done
  if ! listed_files | LC_ALL=C sort -c 2>&1; then
    echo "POTFILES.in is not sorted (LC_ALL=C sort)"
    rc=1
  fi
  return $rc
}

check_potfiles_complete () {
  local f rc=0
  # Files that mark strings for translation, plus the data files whose text xgettext extracts
  # by their format.
  {
    (cd "$src" && grep -rlIE \
       -e '(^|[^A-Za-z0-9_])(N|C|NC)?_ ?\(' -e 'g_dngettext|ngettext' -e 'translatable="yes"' \
       src data 2>/dev/null) || true
    (cd "$src" && find data -type f \( -name '*.desktop.in*' -o -name '*.metainfo.xml.in*' \
       -o -name '*.appdata.xml.in*' -o -name '*.gschema.xml' \) 2>/dev/null) || true
  } | LC_ALL=C sort -u >"$tmp/needed"
  listed_files | LC_ALL=C sort -u >"$tmp/listed"
  while IFS= read -r f; do
    echo "not in po/POTFILES.in: $f"
    rc=1
  done < <(LC_ALL=C comm -23 "$tmp/needed" "$tmp/listed")
  if [[ $rc -eq 0 ]]; then
    echo "$(wc -l <"$tmp/needed") files with translatable strings, all listed"
  fi
  return $rc
}

# ------------------------------------------------------------------ run

run_check "catalogues compile with nothing fuzzy or untranslated" check_catalogues
run_check "a fresh template extracts from every listed file" check_template
run_check "every source string is translated" check_complete
run_check "POTFILES.in lists existing files, sorted" check_potfiles_listed
run_check "every file with translatable strings is in POTFILES.in" check_potfiles_complete

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
