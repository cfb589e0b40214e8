#!/bin/sh
# The macOS disk image: dist/PartnerDesk-<version>.dmg from the dist/PartnerDesk.app that
# scripts/build leaves on a Mac, with a link to Applications to drag it onto. Runs on macOS only
# (hdiutil, codesign, xcrun are Apple's); docs/distributable.md says where each step goes.
#
#   packaging/macos/make-dmg.sh 0.1.0
#       an unsigned image (the officer allows it once under System Settings, Privacy & Security)
#   packaging/macos/make-dmg.sh 0.1.0 "Developer ID Application: <organization> (<team>)" <profile>
#       the .app signed (hardened runtime), the image made, signed, notarised by Apple with the
#       notarytool keychain profile <profile>, and the ticket stapled so that it opens offline
set -eu
version="${1:?usage: packaging/macos/make-dmg.sh VERSION [SIGNING_IDENTITY NOTARY_PROFILE]}"
identity="${2:-}"
profile="${3:-}"
if [ "$(uname -s)" != "Darwin" ]; then
  echo "make-dmg.sh needs macOS (hdiutil); build the .app there with scripts/build first." >&2
  exit 1
fi
cd "$(dirname "$0")/../.."
app=dist/PartnerDesk.app
image="dist/PartnerDesk-$version.dmg"
if [ ! -d "$app" ]; then
  echo "There is no $app: run scripts/build on this Mac first." >&2
  exit 1
fi
if [ -n "$identity" ]; then
  # 1. sign the application, inside out, with the hardened runtime notarisation requires
  codesign --force --deep --options runtime --timestamp --sign "$identity" "$app"
  codesign --verify --deep --strict "$app"
fi
# 2. the disk image: the application beside a link to Applications
staging="$(mktemp -d)"
trap 'rm -rf "$staging"' EXIT
cp -R "$app" "$staging/"
ln -s /Applications "$staging/Applications"
hdiutil create -volname PartnerDesk -srcfolder "$staging" -ov -format UDZO "$image"
if [ -n "$identity" ]; then
  codesign --force --timestamp --sign "$identity" "$image"
  if [ -n "$profile" ]; then
    # 3. notarise (Apple checks it for malware), then staple the ticket to the image
    xcrun notarytool submit "$image" --keychain-profile "$profile" --wait
    xcrun stapler staple "$image"
  fi
fi
echo "$image"
