; Inno Setup 6 (6.3 or newer) recipe for the Windows installer of Siaga Console.
; NOT BUILT OR TESTED in the project's CI (Linux only): see packaging/README.md, "Windows".
;
; Build it with packaging\windows\build.ps1, which first builds the PyInstaller bundle in
; packaging\out\dist\siaga-console and then runs
;   ISCC.exe /DAppVersion=<version> packaging\windows\siaga-console.iss
;
; What it does: installs the one-folder bundle into Program Files\Siaga Console (or, when
; the user chooses so, into the user's own programs folder), a Start menu entry, an optional
; desktop icon, and an uninstaller. Installing a newer version over an older one (same
; AppId) replaces the program and keeps the users' configuration (%LOCALAPPDATA%\siaga-console
; through platformdirs) and data; the database migrates on the first start of the new
; version (with a backup of an SQLite file). Uninstalling removes the program only.

#ifndef AppVersion
  #error Pass the version: ISCC.exe /DAppVersion=0.1.0 siaga-console.iss
#endif
#define AppName "Siaga Console"
#define AppExe "siaga-console.exe"
#define CliExe "siaga-console-cli.exe"
#define Bundle "..\out\dist\siaga-console"

[Setup]
; Never change the AppId: it is how a newer installer finds the installed version.
AppId={{6E3B1D0A-4C2F-4F4B-9E55-1F2A8C1A0112}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Siaga Console developers
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Per-machine by default (command-center workstations are set up by IT); the dialog lets a
; user without admin rights install for themselves.
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
SetupIconFile=..\..\resources\icons\siaga-console.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
OutputDir=..\out
OutputBaseFilename=siaga-console-{#AppVersion}-setup-x64
; lzma2 without solid compression: about 500 MB of Qt, a fast build, a ~180 MB installer.
Compression=lzma2
SolidCompression=no
WizardStyle=modern
; Close a running console before replacing its files (and offer to restart it).
CloseApplications=yes
RestartApplications=no
MinVersion=10.0

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
; Indonesian is not among Inno Setup's official translations: put the community file
; Indonesian.isl from the Inno Setup website into the compiler's Languages folder and
; uncomment this line.
; Name: "indonesian"; MessagesFile: "compiler:Languages\Indonesian.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole bundle; files of an older version that the new one no longer has are removed
; by the [InstallDelete] entry below.
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade replaces the bundle's library folder as a whole (no stale DLLs or modules).
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Dispatcher console of Serang Siaga 112"
Name: "{group}\{#AppName} (command line)"; Filename: "{cmd}"; Parameters: "/k ""{app}\{#CliExe}"" --help"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
