#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# mkruntime.sh NAME PKGLIST OUTDIR: a Flatpak runtime tree (OUTDIR/files,
# OUTDIR/metadata) made of the files the Debian packages in PKGLIST install
# on this machine, plus the generated files no package owns. Only for the
# offline Flatpak suite (flatpak-suite.sh): the GNOME runtime cannot be
# downloaded here, so the app is built and run on a stand-in made of the
# Debian 12 packages it is tested against anyway.
set -euo pipefail
name=$1 list=$2 out=$3
arch=$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || echo x86_64-linux-gnu)

rm -rf "$out"
mkdir -p "$out/root/usr"/{lib,bin,sbin,lib64}
for d in lib bin sbin lib64; do ln -s "usr/$d" "$out/root/$d"; done

# Every file (not directory) the packages own, and the caches they generate.
{ xargs dpkg -L < "$list" 2>/dev/null || true; } | grep '^/' | sort -u | while read -r f; do
  if [ -L "$f" ] || [ -f "$f" ]; then echo "${f#/}"; fi
done > "$out/files.txt"
for g in "usr/lib/$arch/gdk-pixbuf-2.0/2.10.0/loaders.cache" "usr/lib/$arch/gio/modules/giomodule.cache" \
         usr/share/icons/hicolor/icon-theme.cache usr/share/icons/Adwaita/icon-theme.cache; do
  if [ -e "/$g" ]; then echo "$g" >> "$out/files.txt"; fi
done
tar -C / -cf - --no-recursion -T "$out/files.txt" | tar -C "$out/root" -xf - --keep-directory-symlink
tar -C / -cf - usr/share/mime | tar -C "$out/root" -xf -
rm -rf "$out/root/usr/local" "$out/root/var" "$out/root/usr/lib/$arch/dri"

# Flatpak mounts files/ at /usr and files/etc at /etc.
mkdir -p "$out/files"
mv "$out/root/usr"/* "$out/files/"
if [ -d "$out/root/etc" ]; then mv "$out/root/etc" "$out/files/etc"; fi
rm -rf "$out/root"

# What a real runtime has and no Debian package owns: ldconfig on PATH,
# /app/lib in the loader's path, /bin/sh, the update-alternatives links
# (cc, c++), compiled GSettings schemas.
[ -e "$out/files/bin/ldconfig" ] || ln -s ../sbin/ldconfig "$out/files/bin/ldconfig"
# /app/lib is named in ld.so.conf itself: flatpak makes the loader's cache
# in a sandbox of its own where ld.so.conf.d/ is not there to include.
mkdir -p "$out/files/etc/ld.so.conf.d"
printf '/app/lib\ninclude /etc/ld.so.conf.d/*.conf\n' > "$out/files/etc/ld.so.conf"
[ -e "$out/files/bin/sh" ] || ln -s bash "$out/files/bin/sh"
mkdir -p "$out/files/etc/alternatives"
for l in /usr/bin/* /usr/sbin/*; do
  t=$(readlink "$l" 2>/dev/null) || continue
  case "$t" in
    /etc/alternatives/*)
      r=$(readlink -f "$l")
      rel=${l#/usr/}
      if [ -e "$out/files/${r#/usr/}" ] && [ ! -e "$out/files/$rel" ]; then
        ln -sf "$t" "$out/files/$rel"
        ln -sf "$(readlink "$t")" "$out/files/etc/alternatives/${t##*/}"
      fi ;;
  esac
done
if [ -d "$out/files/share/glib-2.0/schemas" ]; then
  glib-compile-schemas "$out/files/share/glib-2.0/schemas"
fi
printf '[Runtime]\nname=%s\nruntime=org.test.Platform/%s/1\nsdk=org.test.Sdk/%s/1\n' \
  "$name" "$(flatpak --default-arch)" "$(flatpak --default-arch)" > "$out/metadata"
echo "$name: $(du -sh "$out/files" | cut -f1), $(wc -l < "$out/files.txt") files"
