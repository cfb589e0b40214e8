; The Windows installer: PartnerDesk for the officer who runs it, no administrator needed.
; Built from the one-folder bundle that scripts/build (PyInstaller, on Windows) leaves in
; dist\partnerdesk; NSIS compiles it on Windows or on Linux (Debian's nsis package):
;
;   makensis -DVERSION=0.1.0 -DDIST=dist\partnerdesk packaging\windows\partnerdesk.nsi
;
; and writes dist\PartnerDesk-0.1.0-setup.exe. It installs into
; %LOCALAPPDATA%\Programs\PartnerDesk, adds a Start menu entry and an entry in "Installed apps"
; (Settings, Apps) that uninstalls it, and offers PartnerDesk to open .json files (Open with; the
; exchange files are .json, DESIGN.md's command line says so, and Windows matches on the last
; extension only, so PartnerDesk does not take .json from the program that has it: the officer
; may choose PartnerDesk as its program once). Uninstalling removes the program only: the officer's store,
; backups and logs, in %LOCALAPPDATA%\PartnerDesk, stay. Signing the installer and the programs
; (signtool) goes after this step, on the machine that holds the certificate.

Unicode true
!include "MUI2.nsh"

!ifndef VERSION
  !error "Give the version: makensis -DVERSION=0.1.0 -DDIST=dist\partnerdesk ..."
!endif
!ifndef DIST
  !define DIST "..\..\dist\partnerdesk"
!endif
!ifndef OUTFILE
  !define OUTFILE "${DIST}\..\PartnerDesk-${VERSION}-setup.exe"
!endif

!define APP "PartnerDesk"
!define APP_ID "org.partnerdesk.PartnerDesk"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_ID}"
; The exchange file's type, for this user only (HKCU\Software\Classes): no administrator needed.
!define CLASSES "Software\Classes"
!define PROGID "PartnerDesk.ExchangeFile"
; The sync bundle's: its own extension, .pdsync, which PartnerDesk owns.
!define SYNC_PROGID "PartnerDesk.SyncBundle"

Name "${APP}"
OutFile "${OUTFILE}"
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\${APP}"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
SetCompressor /SOLID lzma
VIProductVersion "${VERSION}.0"
VIAddVersionKey "ProductName" "${APP}"
VIAddVersionKey "FileDescription" "${APP} installer"
VIAddVersionKey "FileVersion" "${VERSION}"
VIAddVersionKey "ProductVersion" "${VERSION}"
VIAddVersionKey "LegalCopyright" "MIT License"

!define MUI_ICON "..\..\resources\icons\partnerdesk.ico"
!define MUI_UNICON "..\..\resources\icons\partnerdesk.ico"
!define MUI_FINISHPAGE_RUN "$INSTDIR\partnerdesk.exe"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "French"

Section "PartnerDesk"
  SetShellVarContext current
  ; A previous version's files go first: a library it had and this one has not must not stay.
  RMDir /r "$INSTDIR\_internal"
  SetOutPath "$INSTDIR"
  File /r "${DIST}\*"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateShortcut "$SMPROGRAMS\${APP}.lnk" "$INSTDIR\partnerdesk.exe" "" "$INSTDIR\partnerdesk.exe" 0
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${APP}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\partnerdesk.exe"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ; A double-click runs "partnerdesk.exe FILE": the window shows what the file holds and asks
  ; before importing it.
  WriteRegStr HKCU "${CLASSES}\${PROGID}" "" "PartnerDesk exchange file"
  WriteRegStr HKCU "${CLASSES}\${PROGID}" "FriendlyTypeName" "PartnerDesk exchange file"
  WriteRegStr HKCU "${CLASSES}\${PROGID}\DefaultIcon" "" '"$INSTDIR\partnerdesk.exe",0'
  WriteRegStr HKCU "${CLASSES}\${PROGID}\shell\open\command" "" '"$INSTDIR\partnerdesk.exe" "%1"'
  WriteRegStr HKCU "${CLASSES}\.json\OpenWithProgids" "${PROGID}" ""
  ; A sync bundle double-clicked: the window shows what it holds and asks before merging it.
  WriteRegStr HKCU "${CLASSES}\${SYNC_PROGID}" "" "PartnerDesk sync bundle"
  WriteRegStr HKCU "${CLASSES}\${SYNC_PROGID}" "FriendlyTypeName" "PartnerDesk sync bundle"
  WriteRegStr HKCU "${CLASSES}\${SYNC_PROGID}\DefaultIcon" "" '"$INSTDIR\partnerdesk.exe",0'
  WriteRegStr HKCU "${CLASSES}\${SYNC_PROGID}\shell\open\command" "" '"$INSTDIR\partnerdesk.exe" "%1"'
  WriteRegStr HKCU "${CLASSES}\.pdsync" "" "${SYNC_PROGID}"
  WriteRegStr HKCU "${CLASSES}\.pdsync\OpenWithProgids" "${SYNC_PROGID}" ""
  WriteRegStr HKCU "${CLASSES}\Applications\partnerdesk.exe\SupportedTypes" ".pdsync" ""
  WriteRegStr HKCU "${CLASSES}\Applications\partnerdesk.exe" "FriendlyAppName" "${APP}"
  WriteRegStr HKCU "${CLASSES}\Applications\partnerdesk.exe\SupportedTypes" ".json" ""
  WriteRegStr HKCU "${CLASSES}\Applications\partnerdesk.exe\shell\open\command" "" '"$INSTDIR\partnerdesk.exe" "%1"'
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'  ; SHCNE_ASSOCCHANGED
SectionEnd

Section "Uninstall"
  SetShellVarContext current
  Delete "$SMPROGRAMS\${APP}.lnk"
  ; The program only: the officer's data folder, %LOCALAPPDATA%\PartnerDesk, is not touched.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\partnerdesk.exe"
  Delete "$INSTDIR\partnerdesk-cli.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegKey HKCU "${CLASSES}\${PROGID}"
  DeleteRegValue HKCU "${CLASSES}\.json\OpenWithProgids" "${PROGID}"
  DeleteRegKey /ifempty HKCU "${CLASSES}\.json\OpenWithProgids"
  DeleteRegKey HKCU "${CLASSES}\${SYNC_PROGID}"
  DeleteRegKey HKCU "${CLASSES}\.pdsync"
  DeleteRegKey HKCU "${CLASSES}\Applications\partnerdesk.exe"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd
