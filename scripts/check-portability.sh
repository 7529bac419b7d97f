#!/usr/bin/env bash
# Portability check: compiles (syntax only) every translation unit of core/, app/ and ui/ for
# Windows with the mingw-w64 cross compiler, against the Linux Qt 6 headers. No Windows machine is
# needed; it catches POSIX-only headers and calls, Linux-only flags and winsock name clashes, and
# (-pedantic-errors, on our code only: the libraries are -isystem) the GNU extensions MSVC rejects:
# variable-length arrays, `?:` without a middle operand, statement expressions, case ranges. It is
# not a Windows build: nothing is linked or run, and other MSVC-only problems can still hide.
# mingw has a few POSIX headers MSVC lacks (unistd.h, dirent.h, pthread.h, sys/time.h, ...): a unit
# whose own code includes one fails too (gcc -H shows who includes what).
#
#   scripts/check-portability.sh [-v] [-j N] [FILE...]   # FILE: restrict to these sources
#
# Exit 0 when every unit compiles, 1 when one does not (the first errors of each are printed),
# 77 when the cross compiler is not installed (apt-get install g++-mingw-w64-x86-64-posix).
#
# How: mingw defines _WIN32, so Qt's qsystemdetection.h sets Q_OS_WIN and our #if branches take
# the Windows path. Qt's generated qconfig/qtcore-config headers are the Linux ones; the few
# features they switch on that need Linux-only system headers do not matter for a syntax check of
# our code. The library headers (libsodium, SQLite, libqrencode, ZXing, QtKeychain) are reached
# through a throw-away include dir of symlinks, so /usr/include (glibc) is never on the path.
set -u
cd "$(dirname "$0")/.."
root=$(pwd)

verbose=0
jobs=2
files=()
while [ $# -gt 0 ]; do
    case "$1" in
        -v) verbose=1 ;;
        -j) jobs="$2"; shift ;;
        -j*) jobs="${1#-j}" ;;
        -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
        *) files+=("$1") ;;
    esac
    shift
done

cxx=""
for c in x86_64-w64-mingw32-g++-posix x86_64-w64-mingw32-g++; do
    if command -v "$c" > /dev/null 2>&1; then cxx="$c"; break; fi
done
if [ -z "$cxx" ]; then
    echo "check-portability: no mingw-w64 C++ compiler (apt-get install g++-mingw-w64-x86-64-posix): skipped"
    exit 77
fi
qt=/usr/include/x86_64-linux-gnu/qt6
if [ ! -d "$qt/QtCore" ]; then
    echo "check-portability: Qt 6 headers not found in $qt: skipped"
    exit 77
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The few library headers, and nothing else from /usr/include.
mkdir -p "$work/inc/core"
for h in sodium.h sodium sqlite3.h qrencode.h qt6keychain ZXing; do
    [ -e "/usr/include/$h" ] && ln -s "/usr/include/$h" "$work/inc/$h"
done
version=$(sed -n 's/^project(PluresDBDesktop VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)
sed "s/@PROJECT_VERSION@/${version:-0.0.0}/" core/Version.h.in > "$work/inc/core/Version.h"

flags=(-std=c++20 -fsyntax-only -pedantic-errors -fPIC -D_WIN32_WINNT=0x0A00 -DNOMINMAX -DWIN32_LEAN_AND_MEAN -DUNICODE
       -D_UNICODE -DQT_NO_DEBUG -DQT_CORE_LIB -DQT_NETWORK_LIB -DQT_WEBSOCKETS_LIB -DQT_GUI_LIB
       -DQT_WIDGETS_LIB -DQT_SVG_LIB -I"$root" -isystem "$work/inc" -isystem "$work/inc/ZXing" -isystem "$qt")
for m in QtCore QtNetwork QtWebSockets QtGui QtWidgets QtSvg; do flags+=(-isystem "$qt/$m"); done
printf '%s\n' "${flags[@]}" > "$work/flags"

if [ ${#files[@]} -eq 0 ]; then
    mapfile -t files < <(find core app ui -name '*.cpp' | sort)
fi
printf '%s\n' "${files[@]}" > "$work/list"
mkdir -p "$work/out"
# mingw ships a few POSIX headers that MSVC does not have; -H lists every header with its depth,
# and an awk pass fails a unit that includes one of them from our own code (not from libstdc++).
cat > "$work/msvc.awk" <<'AWK'
/^\.+ / {
    match($0, /^\.+/); d = RLENGTH; path = substr($0, d + 2); stack[d] = path
    parent = d == 1 ? tu : stack[d - 1]
    ours = d == 1 || index(parent, root "/") == 1
    if (ours && path ~ /mingw/ && path ~ /\/(unistd|dirent|pthread|strings|libgen|getopt|sched|semaphore)\.h$|\/sys\/(time|param|file)\.h$/) {
        sub(/.*\/include\//, "", path)
        printf "%s: error: <%s> is a POSIX header MSVC does not have (mingw does)\n", (d == 1 ? tu : parent), path
        bad = 1
    }
}
END { exit bad }
AWK
export cxx work root
# One compiler per unit, $jobs at a time; each leaves ok/fail and its messages in $work/out.
xargs -a "$work/list" -P "$jobs" -I{} sh -c '
    f="$1"; o="$work/out/$(echo "$f" | tr / _)"
    if "$cxx" @"$work/flags" -H "$f" > "$o.raw" 2>&1 &&
        awk -v tu="$f" -v root="$root" -f "$work/msvc.awk" "$o.raw" > "$o.log"; then
        echo ok > "$o.st"
    else
        awk -v tu="$f" -v root="$root" -f "$work/msvc.awk" "$o.raw" > "$o.log"
        grep -v "^\.\|^Multiple include guards\|^$" "$o.raw" | grep -v "^/.*\.h$" >> "$o.log"
        echo fail > "$o.st"
    fi
' sh {}

pass=0
fail=0
failed=()
while read -r f; do
    o="$work/out/$(echo "$f" | tr / _)"
    if [ "$(cat "$o.st" 2>/dev/null)" = ok ]; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        failed+=("$f")
        if [ $verbose = 1 ]; then
            cat "$o.log"
        else
            grep -m 3 'error' "$o.log" | sed 's/^/    /'
        fi
    fi
done < "$work/list"
echo "check-portability ($cxx, Windows x86_64): $pass of $((pass + fail)) translation units compile"
for f in "${failed[@]}"; do echo "  FAIL $f"; done
[ $fail -eq 0 ]
