#!/usr/bin/env bash
# Wrap the PyInstaller one-folder bundle into an AppImage with appimagetool.
#
#   packaging/linux/appimage/build-appimage.sh [BUNDLE_DIR] [OUTPUT]
#     BUNDLE_DIR  the one-folder build (default dist/vector-desktop, from scripts/build_bundle.py)
#     OUTPUT      the AppImage (default dist/Vector_Desktop-<version>-<arch>.AppImage)
#   APPDIR_ONLY=1   stop after making (and validating) the AppDir: no appimagetool needed
#   APPIMAGETOOL    the appimagetool to run (default: appimagetool on PATH), e.g. the AppImage from
#                   https://github.com/AppImage/appimagetool/releases/tag/continuous
#
# Layout: AppDir/usr/lib/vector-desktop/ is the bundle as built; AppRun starts its executable. The desktop file,
# the metainfo and the icon are the ones in packaging/linux/ and resources/icons/app.svg, under the app id.
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
app_id="io.github.vector_desktop.VectorDesktop"
bundle="$(realpath "${1:-$root/dist/vector-desktop}")"
version="$(sed -n 's/^__version__ = "\(.*\)"/\1/p' "$root/vector_desktop/__init__.py")"
arch="$(uname -m)"
output="${2:-$root/dist/Vector_Desktop-$version-$arch.AppImage}"
appdir="$(dirname "$output")/AppDir"

if [ ! -x "$bundle/vector-desktop" ]; then
  echo "build-appimage: no bundle at $bundle; run python scripts/build_bundle.py first" >&2
  exit 1
fi

rm -rf "$appdir"
mkdir -p "$appdir/usr/lib" "$appdir/usr/bin" "$appdir/usr/share/applications" "$appdir/usr/share/metainfo" \
  "$appdir/usr/share/icons/hicolor/scalable/apps"
cp -a "$bundle" "$appdir/usr/lib/vector-desktop"
ln -s ../lib/vector-desktop/vector-desktop "$appdir/usr/bin/vector-desktop"
install -m 644 "$root/packaging/linux/$app_id.desktop" "$appdir/usr/share/applications/$app_id.desktop"
# appimagetool looks for <desktop file name>.appdata.xml; AppStream reads either name.
install -m 644 "$root/packaging/linux/$app_id.metainfo.xml" "$appdir/usr/share/metainfo/$app_id.appdata.xml"
install -m 644 "$root/resources/icons/app.svg" "$appdir/usr/share/icons/hicolor/scalable/apps/$app_id.svg"
# The AppImage's own top level: desktop file, icon, .DirIcon and AppRun.
ln -s "usr/share/applications/$app_id.desktop" "$appdir/$app_id.desktop"
ln -s "usr/share/icons/hicolor/scalable/apps/$app_id.svg" "$appdir/$app_id.svg"
ln -s "$app_id.svg" "$appdir/.DirIcon"
cat > "$appdir/AppRun" <<'APPRUN'
#!/bin/sh
here="$(dirname "$(readlink -f "$0")")"
exec "$here/usr/lib/vector-desktop/vector-desktop" "$@"
APPRUN
chmod 755 "$appdir/AppRun"

if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$appdir/usr/share/applications/$app_id.desktop"
fi
if command -v appstreamcli >/dev/null; then
  appstreamcli validate --no-net "$appdir/usr/share/metainfo/$app_id.appdata.xml"
fi
echo "build-appimage: AppDir at $appdir ($(du -sh "$appdir" | cut -f1))"
if [ "${APPDIR_ONLY:-0}" = "1" ]; then
  exit 0
fi

tool="${APPIMAGETOOL:-$(command -v appimagetool || true)}"
if [ -z "$tool" ]; then
  echo "build-appimage: appimagetool not found; set APPIMAGETOOL or put it on PATH (APPDIR_ONLY=1 skips this step)" >&2
  exit 1
fi
# APPIMAGE_EXTRACT_AND_RUN: appimagetool is itself an AppImage and CI machines often lack FUSE.
# --no-appstream: the metainfo was validated above (appimagetool's own check would want the network).
APPIMAGE_EXTRACT_AND_RUN=1 ARCH="$arch" "$tool" --no-appstream "$appdir" "$output"
echo "build-appimage: $output ($(du -h "$output" | cut -f1))"
