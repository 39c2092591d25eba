; iamport-desk for Windows: a per-user installer (no administrator rights needed).
;
;   makensis /DVERSION=0.1.0 /DPAYLOAD=C:\path\to\dist\iamport-desk [/DOUTFILE=setup.exe] iamport-desk.nsi
;
; VERSION comes from iamport_desk/__init__.py and PAYLOAD is the PyInstaller bundle folder
; (build.spec, onedir); .ci/run and .github/workflows/release.yml pass both. The program goes to
; %LOCALAPPDATA%\Programs\iamport-desk. The clerk's history, settings and logs live elsewhere
; (platformdirs: %LOCALAPPDATA%\iamport-desk) and the API secret in Windows Credential Manager;
; the uninstaller removes the program only and says so. This file is UTF-8 with a BOM, so that
; makensis reads the Korean text the same way on Windows and on Linux.

Unicode true
ManifestDPIAware true
RequestExecutionLevel user

!ifndef VERSION
  !error "Pass the version: makensis /DVERSION=x.y.z (iamport_desk/__init__.py)"
!endif
!ifndef PAYLOAD
  !error "Pass the bundle folder: makensis /DPAYLOAD=...\dist\iamport-desk"
!endif
!ifndef OUTFILE
  !define OUTFILE "iamport-desk-${VERSION}-setup.exe"
!endif

!define APP "iamport-desk"
!define EXE "iamport-desk.exe"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP}"
!define SETTINGS_KEY "Software\${APP}"

!include "MUI2.nsh"
!include "FileFunc.nsh"

Name "${APP} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP}"
BrandingText "${APP} ${VERSION}"
SetCompressor /SOLID lzma

; File properties of setup.exe: the numeric part of the version, four fields.
!searchparse /noerrors "${VERSION}" "" VERSION_MAJOR "." VERSION_MINOR "." VERSION_PATCH
!ifdef VERSION_PATCH
  VIProductVersion "${VERSION_MAJOR}.${VERSION_MINOR}.${VERSION_PATCH}.0"
  VIAddVersionKey /LANG=0 "ProductName" "${APP}"
  VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
  VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
  VIAddVersionKey /LANG=0 "FileDescription" "${APP} setup"
  VIAddVersionKey /LANG=0 "LegalCopyright" "MIT License"
!endif

!define MUI_ABORTWARNING
; Remember the language the clerk picked, for the uninstaller too.
!define MUI_LANGDLL_REGISTRY_ROOT "HKCU"
!define MUI_LANGDLL_REGISTRY_KEY "${SETTINGS_KEY}"
!define MUI_LANGDLL_REGISTRY_VALUENAME "InstallerLanguage"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXE}"
!insertmacro MUI_PAGE_FINISH

!define MUI_UNCONFIRMPAGE_TEXT_TOP "$(KeepsData)"
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; Korean first: most clerks' Windows is Korean; the choice follows the system language.
!insertmacro MUI_LANGUAGE "Korean"
!insertmacro MUI_LANGUAGE "English"

LangString KeepsData ${LANG_KOREAN} "프로그램만 제거합니다. 처리 기록, 설정과 로그(%LOCALAPPDATA%\iamport-desk)와 Windows 자격 증명 관리자의 API 비밀값은 지우지 않고 남겨 둡니다. 다시 설치하면 그대로 이어서 쓸 수 있습니다. 필요 없으면 그 폴더를 직접 지우세요."
LangString KeepsData ${LANG_ENGLISH} "Only the program is removed. Your audit history, settings and logs (%LOCALAPPDATA%\iamport-desk) and the API secret in Windows Credential Manager are kept, so a new install carries on where you left off. Delete that folder yourself if you no longer need it."
LangString ShortcutName ${LANG_KOREAN} "iamport-desk (현금영수증 발행취소)"
LangString ShortcutName ${LANG_ENGLISH} "iamport-desk (cancel cash receipts)"

Function .onInit
  !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

Function un.onInit
  !insertmacro MUI_UNGETLANGUAGE
FunctionEnd

Section "iamport-desk" SecProgram
  SectionIn RO
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  ; An update replaces the program folder's contents; data never lived here.
  RMDir /r "$INSTDIR\_internal"
  File /r "${PAYLOAD}/*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortCut "$SMPROGRAMS\$(ShortcutName).lnk" "$INSTDIR\${EXE}"
  WriteRegStr HKCU "${SETTINGS_KEY}" "ShortcutName" "$(ShortcutName)"
  WriteRegStr HKCU "${SETTINGS_KEY}" "InstallDir" "$INSTDIR"

  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "iamport-desk maintainers"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${EXE}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" "$0"
SectionEnd

Section "Uninstall"
  SetShellVarContext current
  ; The program's own files only, by name: never a recursive delete of $INSTDIR, and never
  ; the data folders (history, settings, logs), which are elsewhere and stay.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${EXE}"
  Delete "$INSTDIR\iamport-desk-cli.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"

  ReadRegStr $0 HKCU "${SETTINGS_KEY}" "ShortcutName"
  StrCmp $0 "" +2
    Delete "$SMPROGRAMS\$0.lnk"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegKey HKCU "${SETTINGS_KEY}"
SectionEnd
