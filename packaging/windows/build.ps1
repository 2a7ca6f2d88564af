# Builds the Windows installer of Siaga Console: PyInstaller bundle, then Inno Setup.
# NOT RUN in the project's CI (Linux only); see packaging/README.md, "Windows".
#
# Needs: Windows 10/11 x64, Python 3.11 x64 (python.org, "py" launcher), Inno Setup 6.3+.
# Run from the project root in PowerShell:
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1
# Output: packaging\out\siaga-console-<version>-setup-x64.exe
$ErrorActionPreference = "Stop"
Set-Location (Split-Path -Parent (Split-Path -Parent $PSScriptRoot))

if (-not (Test-Path .venv\Scripts\python.exe)) { py -3.11 -m venv .venv }
$py = ".venv\Scripts\python.exe"
& $py -m pip install -q --upgrade pip
& $py -m pip install -q -e ".[package]"
if ($LASTEXITCODE) { throw "pip install failed" }

# Compiled translations (make translations on Linux).
Get-ChildItem resources\translations\*.ts | ForEach-Object {
    & .venv\Scripts\pyside6-lrelease.exe -silent $_.FullName -qm ($_.FullName -replace '\.ts$', '.qm')
    if ($LASTEXITCODE) { throw "lrelease failed for $($_.Name)" }
}

& $py -m PyInstaller --noconfirm --distpath packaging\out\dist --workpath packaging\out\build packaging\siaga-console.spec
if ($LASTEXITCODE) { throw "PyInstaller failed" }

$version = & $py -c "from importlib.metadata import version; print(version('siaga-console'))"
$reported = & packaging\out\dist\siaga-console\siaga-console-cli.exe --version
if ($reported -ne "siaga-console $version") { throw "the bundle says '$reported', expected $version" }

$iscc = Join-Path ${env:ProgramFiles(x86)} "Inno Setup 6\ISCC.exe"
if (-not (Test-Path $iscc)) { $iscc = "ISCC.exe" }
& $iscc "/DAppVersion=$version" packaging\windows\siaga-console.iss
if ($LASTEXITCODE) { throw "Inno Setup failed" }
Write-Host "installer: packaging\out\siaga-console-$version-setup-x64.exe"
