#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when a source file with translatable strings is not listed in
# po/POTFILES.in, or when POTFILES.in lists a file that does not exist.
set -u
srcdir=${1:?usage: check-potfiles.sh SOURCE_ROOT}
cd "$srcdir" || exit 1

status=0
listed=$(grep -v '^#' po/POTFILES.in | grep -v '^[[:space:]]*$')

for f in $listed; do
  if [ ! -f "$f" ]; then
    echo "po/POTFILES.in lists $f, which does not exist"
    status=1
  fi
done

# C files using _(), N_(), C_() or ngettext; .ui files with translatable="yes".
found=$( { grep -rlE '(^|[^A-Za-z0-9_])(_|N_|C_|NC_|g_dngettext|ngettext)\(' --include='*.c' src;
           grep -rl 'translatable="yes"' --include='*.ui' ui src; } 2>/dev/null | sort -u)

for f in $found; do
  if ! printf '%s\n' "$listed" | grep -qx "$f"; then
    echo "$f has translatable strings but is missing from po/POTFILES.in"
    status=1
  fi
done

if [ $status -eq 0 ]; then
  echo "po/POTFILES.in lists every file with translatable strings"
fi
exit $status
