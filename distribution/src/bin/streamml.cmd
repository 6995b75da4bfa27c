@echo off
rem streamml: the command line of the StreamML distribution on Windows. Runs on the jars in the distribution's
rem lib folder with %JAVA_HOME%\bin\java if JAVA_HOME is set, else the java on the PATH (Java 17 or newer).
rem STREAMML_JAVA_OPTS adds JVM options.
setlocal
set "STREAMML_HOME=%~dp0.."
set "JAVA=java"
if not defined JAVA_HOME goto run
set "JAVA=%JAVA_HOME%\bin\java.exe"
if exist "%JAVA%" goto run
echo streamml: JAVA_HOME=%JAVA_HOME% has no bin\java.exe 1>&2
exit /b 1
:run
"%JAVA%" %STREAMML_JAVA_OPTS% -cp "%STREAMML_HOME%\lib\*" org.streamml.cli.Main %*
exit /b %ERRORLEVEL%
