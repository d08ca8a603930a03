@echo off
rem kindling.cmd: the Windows twin of ./kindling, kept simple and untested (the project is built and tested on Linux).
rem It publishes the NativeAOT binary into .kindling\win on first use, or a Release JIT build where NativeAOT cannot
rem build (it needs Visual Studio's C++ tools), then runs it with your arguments and returns its exit code.
rem Unlike ./kindling it does not notice changed sources: set KINDLING_REBUILD=1 (or delete .kindling\win) after a pull.
setlocal
set "ROOT=%~dp0"
set "OUT=%ROOT%.kindling\win"
if "%KINDLING_REBUILD%"=="1" if exist "%OUT%" rmdir /s /q "%OUT%"
if exist "%OUT%\kindling.exe" goto run
if exist "%OUT%\Kindling.Cli.exe" goto run
where dotnet >nul 2>nul || (echo kindling: the .NET SDK ^(dotnet^) is needed to build the CLI: https://dotnet.microsoft.com/download 1>&2 & exit /b 127)
if not exist "%ROOT%.kindling" mkdir "%ROOT%.kindling"
echo kindling: building the native kindling binary (first run; about a minute)... 1>&2
dotnet publish "%ROOT%src\Kindling.Cli" -c Release -r win-x64 -p:PublishAot=true -p:IlcInstructionSet=native -o "%OUT%" --artifacts-path "%ROOT%.kindling\artifacts" --nologo -v q -clp:ErrorsOnly >"%ROOT%.kindling\build.log" 2>&1
if exist "%OUT%\Kindling.Cli.exe" if not exist "%OUT%\kindling.exe" copy /y "%OUT%\Kindling.Cli.exe" "%OUT%\kindling.exe" >nul
if exist "%OUT%\kindling.exe" goto run
echo kindling: NativeAOT could not build here (log: .kindling\build.log); using a JIT build (slower start-up) 1>&2
dotnet build "%ROOT%src\Kindling.Cli" -c Release -o "%OUT%" --artifacts-path "%ROOT%.kindling\artifacts" --nologo -v q -clp:ErrorsOnly || exit /b 1
:run
endlocal & if exist "%~dp0.kindling\win\kindling.exe" ("%~dp0.kindling\win\kindling.exe" %*) else ("%~dp0.kindling\win\Kindling.Cli.exe" %*)
exit /b %ERRORLEVEL%
