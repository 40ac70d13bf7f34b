#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Flatpak manifest parses with flatpak-builder and asks for no more
than the four sandbox holes CRS Watch needs: no network, no filesystem
(printing and export go through portals)."""
import json
import shutil
import subprocess
import sys

manifest = sys.argv[1]
# The stable app, or the development build beside it (README "Install").
expected_id = "org.crswatch.CrsWatch.Devel" if manifest.endswith(".Devel.json") else "org.crswatch.CrsWatch"
allowed = {"--share=ipc", "--socket=wayland", "--socket=fallback-x11", "--device=dri"}

with open(manifest, encoding="utf-8") as f:
    data = json.load(f)

status = 0
args = set(data.get("finish-args", []))
if args != allowed:
    print(f"{manifest}: finish-args are {sorted(args)}, expected exactly {sorted(allowed)}")
    status = 1
if data.get("id") != expected_id:
    print(f"{manifest}: id is {data.get('id')!r}, expected {expected_id!r}")
    status = 1
for module in data.get("modules", []):
    for opt in module.get("build-options", {}).get("build-args", []):
        if "network" in opt:
            print(f"{manifest}: module {module.get('name')} asks for network at build time")
            status = 1

if expected_id.endswith(".Devel"):
    opts = [o for mod in data.get("modules", []) for o in mod.get("config-opts", [])]
    if "-Ddevelopment=true" not in opts:
        print(f"{manifest}: the Devel app id without -Ddevelopment=true")
        status = 1

builder = shutil.which("flatpak-builder")
if builder is None:
    print("flatpak-builder not installed: manifest syntax not checked")
    sys.exit(77 if status == 0 else status)
result = subprocess.run([builder, "--show-manifest", manifest], capture_output=True, text=True)
if result.returncode != 0:
    print(f"flatpak-builder rejects {manifest}:\n{result.stderr}")
    status = 1
else:
    print(f"flatpak-builder accepts {manifest}")
sys.exit(status)
