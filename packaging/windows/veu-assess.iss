; Inno Setup 6 script: a per-user Windows installer for the VEU Readiness Assessor.
;
; Build on Windows (see README.md, "## Packaging"), from the repository root:
;   python -m PyInstaller --noconfirm --clean --distpath dist --workpath build\pyinstaller packaging\veu-assess.spec
;   iscc packaging\windows\veu-assess.iss
; Output: dist\veu-assess-VERSION-windows-x64-setup.exe
;
; The installer needs no administrator rights (PrivilegesRequired=lowest): it installs to
; %LOCALAPPDATA%\Programs\VEU Readiness Assessor and registers .veua under HKCU. An administrator
; can still choose "all users" in the first dialog (then {autopf} and HKA mean Program Files
; and HKLM). Nothing is downloaded: the whole app is inside the setup file.
;
; The version is not repeated here: it is read from the version resource that the spec writes
; into veu-assess.exe from pyproject.toml.

#define AppName "VEU Readiness Assessor"
#define AppNameJa "VEU 適格性評価ツール"
#define Bundle SourcePath + "..\..\dist\veu-assess"
#define GuiExe "veu-assess-gui.exe"
#define AppVersion GetStringFileInfo(Bundle + "\veu-assess.exe", "ProductVersion")
#define ProgId "VEUAssess.Assessment"

#if AppVersion == ""
  #error dist\veu-assess\veu-assess.exe has no version: build the bundle with packaging\veu-assess.spec first
#endif

[Setup]
; AppId identifies the app for upgrades and uninstall: never change it.
AppId={{C38148DF-C1D0-475B-807D-4F8C498C6ACA}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=VEU Readiness Assessor developers
VersionInfoVersion={#GetVersionNumbersString(Bundle + "\veu-assess.exe")}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Windows 10 or newer (the Qt 6 the app is frozen with does not run on older versions).
MinVersion=10.0
ChangesAssociations=yes
; The spec draws the icon into its PyInstaller work folder, which is --workpath plus the spec's
; name (build\pyinstaller\veu-assess); tests/packaging checks every path here against the spec.
SetupIconFile={#SourcePath}..\..\build\pyinstaller\veu-assess\icons\veu-assess.ico
UninstallDisplayIcon={app}\{#GuiExe}
UninstallDisplayName={#AppName}
OutputDir={#SourcePath}..\..\dist
OutputBaseFilename=veu-assess-{#AppVersion}-windows-x64-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "japanese"; MessagesFile: "compiler:Languages\Japanese.isl"

[CustomMessages]
english.AppTitle={#AppName}
japanese.AppTitle={#AppNameJa}
english.FileTypeName=VEU readiness assessment
japanese.FileTypeName=VEU 適格性評価ファイル

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole one-folder bundle: both executables and _internal\ (Python, Qt, forms, templates,
; fonts, translations, the sample).
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{cm:AppTitle}"; Filename: "{app}\{#GuiExe}"
Name: "{autodesktop}\{cm:AppTitle}"; Filename: "{app}\{#GuiExe}"; Tasks: desktopicon

[Registry]
; .veua -> our ProgID, opened by the windowed executable (no console window). HKA is HKCU for a
; per-user install and HKLM for an all-users one; uninstall removes exactly what was added.
Root: HKA; Subkey: "Software\Classes\.veua"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.veua"; ValueType: string; ValueName: "Content Type"; ValueData: "application/x-veu-assessment"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.veua\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "{cm:FileTypeName}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#GuiExe},0"
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#GuiExe}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\{#GuiExe}\SupportedTypes"; ValueType: string; ValueName: ".veua"; ValueData: ""; Flags: uninsdeletekey

[Run]
Filename: "{app}\{#GuiExe}"; Description: "{cm:LaunchProgram,{cm:AppTitle}}"; Flags: nowait postinstall skipifsilent
