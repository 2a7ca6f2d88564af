#!/bin/sh
# siaga-console: starts Siaga Console from its bundle in @APPDIR@.
# Installed as /usr/bin/siaga-console by the siaga-console package.
#
# Before starting, it checks that the system libraries the bundle needs (listed at build
# time in @APPDIR@/system-libraries, "soname package" per line) are known to the dynamic
# linker, and that a display is there when the graphical console is asked for, so that a
# broken machine gets one clear sentence instead of a Qt platform plugin stack trace.
APPDIR="@APPDIR@"
PROGRAM="$APPDIR/siaga-console"

say() {
    printf 'siaga-console: %s\n' "$*" >&2
}

# Without a terminal (started from the desktop menu), show the message in a window too.
tell_user() {
    message="$1"
    printf '%s\n' "$message" >&2
    [ -t 2 ] && return 0
    if command -v zenity >/dev/null 2>&1; then
        zenity --error --title="Siaga Console" --text="$message" >/dev/null 2>&1
    elif command -v kdialog >/dev/null 2>&1; then
        kdialog --title "Siaga Console" --error "$message" >/dev/null 2>&1
    elif command -v xmessage >/dev/null 2>&1; then
        xmessage -center "$message" >/dev/null 2>&1
    fi
    return 0
}

if [ ! -x "$PROGRAM" ]; then
    tell_user "siaga-console: the program is missing from $APPDIR: reinstall the siaga-console package (sudo apt-get install --reinstall siaga-console)."
    exit 127
fi

# 1. System libraries.
if [ -r "$APPDIR/system-libraries" ]; then
    ldconfig=""
    for candidate in /sbin/ldconfig /usr/sbin/ldconfig "$(command -v ldconfig 2>/dev/null)"; do
        if [ -n "$candidate" ] && [ -x "$candidate" ]; then
            ldconfig="$candidate"
            break
        fi
    done
    if [ -n "$ldconfig" ]; then
        cache="$("$ldconfig" -p 2>/dev/null)"
        tab="$(printf '\t')"
        missing_libs=""
        missing_pkgs=""
        while read -r soname package; do
            case "$soname" in ''|'#'*) continue ;; esac
            case "$cache" in
                *"$tab$soname ("*) ;;
                *)
                    missing_libs="$missing_libs
  $soname (Debian package $package)"
                    case " $missing_pkgs " in
                        *" $package "*) ;;
                        *) missing_pkgs="${missing_pkgs:+$missing_pkgs }$package" ;;
                    esac
                    ;;
            esac
        done < "$APPDIR/system-libraries"
        if [ -n "$missing_pkgs" ]; then
            tell_user "siaga-console: cannot start: system libraries are missing:$missing_libs
Install them with:
  sudo apt-get install $missing_pkgs"
            exit 3
        fi
    fi
fi

# 2. A display, when the graphical console is asked for (no subcommand, no --version, ...).
gui=1
expect_value=0
for arg in "$@"; do
    if [ "$expect_value" = 1 ]; then
        expect_value=0
        continue
    fi
    case "$arg" in
        --db|--lang|--workstation|--theme) expect_value=1 ;;
        -h|--help|--version|--selftest) gui=0 ;;
        -*) ;;
        *) gui=0 ;;  # a subcommand: db, stats, demo-data, ...
    esac
done
if [ "$gui" = 1 ] && [ -z "$DISPLAY" ] && [ -z "$WAYLAND_DISPLAY" ] && [ -z "$QT_QPA_PLATFORM" ]; then
    say "no graphical display: DISPLAY and WAYLAND_DISPLAY are not set."
    say "Start the console from a desktop session (or with xvfb-run for a virtual screen);"
    say "the subcommands (siaga-console db status, stats, ...) work without one."
    exit 4
fi

exec "$PROGRAM" "$@"
