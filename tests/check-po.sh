#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when a translation in po/LINGUAS is not complete for the sources as
# they are now: a message without a translation or a fuzzy one (a changed
# English text whose translation was not checked again). The template is
# made from po/POTFILES.in as the build's crs-watch-pot target makes it.
# To fix: meson compile -C BUILD crs-watch-update-po, then translate the
# messages listed, and remove the "fuzzy" marks once checked.
set -u
srcdir=${1:?usage: check-po.sh SOURCE_ROOT}
for tool in grep sed xgettext msgmerge msgfmt msgattrib; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    # 77: skipped (the Flatpak test's stand-in SDK has no grep).
    echo "$tool is not installed: not checked"
    exit 77
  fi
done
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$srcdir" || exit 1

grep -v '^#' po/POTFILES.in | grep -v '^[[:space:]]*$' > "$tmp/files"
if ! xgettext --files-from="$tmp/files" --from-code=UTF-8 --add-comments \
       --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
       --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
       --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
       --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
       --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
       --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
       --flag=g_markup_printf_escaped:1:c-format --flag=g_log:3:c-format \
       --flag=g_print:1:c-format --flag=g_printerr:1:c-format --flag=g_printf:1:c-format \
       --flag=g_fprintf:2:c-format --flag=g_sprintf:2:c-format --flag=g_snprintf:3:c-format \
       --output="$tmp/crs-watch.pot" 2> "$tmp/xgettext.err"; then
  cat "$tmp/xgettext.err"
  exit 1
fi

status=0
for lang in $(grep -v '^#' po/LINGUAS); do
  po="po/$lang.po"
  if [ ! -f "$po" ]; then
    echo "po/LINGUAS lists $lang, but $po does not exist"
    status=1
    continue
  fi
  msgmerge --quiet --no-fuzzy-matching --no-wrap "$po" "$tmp/crs-watch.pot" -o "$tmp/$lang.po" || { status=1; continue; }
  stats=$(msgfmt --check --statistics -o /dev/null "$tmp/$lang.po" 2>&1) || { echo "$po: $stats"; status=1; continue; }
  echo "$po: $stats"
  untranslated=$(msgattrib --untranslated --no-obsolete --no-wrap "$tmp/$lang.po" | grep -c '^msgid "[^"]')
  fuzzy=$(msgattrib --only-fuzzy --no-obsolete --no-wrap "$po" | grep -c '^msgid "[^"]')
  if [ "$untranslated" -gt 0 ]; then
    echo "$po: $untranslated message(s) of the sources have no translation:"
    msgattrib --untranslated --no-obsolete --no-wrap "$tmp/$lang.po" | grep '^msgid "[^"]' | sed 's/^/  /'
    status=1
  fi
  if [ "$fuzzy" -gt 0 ]; then
    echo "$po: $fuzzy fuzzy message(s): check the translation and remove the fuzzy mark:"
    msgattrib --only-fuzzy --no-obsolete --no-wrap "$po" | grep '^msgid "[^"]' | sed 's/^/  /'
    status=1
  fi
done
if [ $status -ne 0 ]; then
  echo "To update: meson compile -C BUILD crs-watch-update-po, translate the messages above in po/LANG.po."
fi
exit $status
