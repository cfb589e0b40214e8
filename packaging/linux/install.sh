#!/bin/sh
# Puts PartnerDesk in this user's menu (no administrator needed): run it from the unpacked
# PartnerDesk folder, which stays where it is.
#
#   linux/install.sh            the menu entry, its icons (16 to 512 px), the AppStream
#                               description and the exchange file's type (a double-click on
#                               an exchange file opens PartnerDesk), under ~/.local/share
#   linux/install.sh --remove   takes them away again; the program folder and the officer's
#                               store, backups and logs stay
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
program="$(cd "$here/.." && pwd)/partnerdesk"
data="${XDG_DATA_HOME:-$HOME/.local/share}"
id=org.partnerdesk.PartnerDesk
sizes="16 24 32 48 64 128 256 512"

refresh() {  # the menus and icon caches of desktops that keep one; harmless where none does
  command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$data/applications" || true
  command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$data/icons/hicolor" 2>/dev/null || true
  if [ -d "$data/mime/packages" ] && command -v update-mime-database >/dev/null 2>&1; then
    update-mime-database "$data/mime" || true
  fi
}

if [ "${1:-}" = "--remove" ]; then
  rm -f "$data/applications/$id.desktop" "$data/metainfo/$id.metainfo.xml" "$data/mime/packages/$id.xml"
  for size in $sizes; do rm -f "$data/icons/hicolor/${size}x${size}/apps/$id.png"; done
  refresh
  echo "PartnerDesk was removed from the menu. Its folder and your data are still there."
  exit 0
fi

if [ ! -x "$program" ]; then
  echo "Run this from the unpacked PartnerDesk folder: $program is not there." >&2
  exit 1
fi
mkdir -p "$data/applications" "$data/metainfo" "$data/mime/packages"
# The entry starts this very folder's program (quoted: the folder's name may hold spaces).
sed -e "s|^Exec=partnerdesk |Exec=\"$program\" |" -e "s|^StartupNotify=|TryExec=$program\\
StartupNotify=|" "$here/$id.desktop" > "$data/applications/$id.desktop"
cp "$here/$id.metainfo.xml" "$data/metainfo/$id.metainfo.xml"
cp "$here/$id.xml" "$data/mime/packages/$id.xml"
for size in $sizes; do
  mkdir -p "$data/icons/hicolor/${size}x${size}/apps"
  cp "$here/icons/hicolor/${size}x${size}/apps/$id.png" "$data/icons/hicolor/${size}x${size}/apps/$id.png"
done
refresh
echo "PartnerDesk is in your menu (Office). To take it away: $here/install.sh --remove"
