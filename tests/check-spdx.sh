#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# check-spdx.sh SRCDIR: every source file of the project (C, headers,
# templates, styles, Python, shell, meson) names its licence in an SPDX
# line within its first three lines; lists those that do not.
set -u
# The Flatpak test's stand-in SDK has neither: skipped there.
for tool in find grep head; do
  command -v "$tool" > /dev/null 2>&1 || { echo "$tool is missing: not checked"; exit 77; }
done
cd "$1" || exit 1
missing=$(find src tests ui data meson.build meson_options.txt .ci \
            -path tests/data -prune -o -path tests/fuzz/corpus -prune -o \
            -type f \( -name '*.c' -o -name '*.h' -o -name '*.ui' -o -name '*.css' -o -name '*.py' \
                       -o -name '*.sh' -o -name meson.build -o -name meson_options.txt -o -path .ci/run \) \
            -print | sort | while read -r f; do
  head -n 3 "$f" | grep -q 'SPDX-License-Identifier: GPL-3.0-or-later' || echo "$f"
done)
if [ -n "$missing" ]; then
  echo "No SPDX-License-Identifier line at the top of:"
  echo "$missing"
  exit 1
fi
echo "every source file names its licence (GPL-3.0-or-later)"
