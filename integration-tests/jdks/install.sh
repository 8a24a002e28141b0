#!/usr/bin/env bash
# Installs the test JDKs that Debian bookworm does not ship (OpenJDK 8, 11 and 21) from Debian's archive into a
# private cache, without touching the system's apt sources or packages. Idempotent: a second run finds the cache
# and does nothing. The forked test JVMs find the JDKs there (support/Jdks reads the same directory).
#
#   integration-tests/jdks/install.sh            # all of 8 11 21
#   integration-tests/jdks/install.sh 8 21       # some of them
#
# Where: $WS_IT_JDKS_DIR, default ${XDG_CACHE_HOME:-$HOME/.cache}/ws-subprotocol-agent/jdks; each JDK ends up as
# <dir>/<major> (a symlink to its home inside the unpacked packages).
#
# How: a private apt configuration (its own sources list, lists, cache and an empty dpkg status) downloads the
# packages with `apt-get download`, `dpkg -x` unpacks them. OpenJDK 11 comes from bullseye and runs on bookworm as
# it is. OpenJDK 8 (sid) and 21 (trixie) are built against a newer glibc than bookworm's 2.36: sid's libc6 is
# unpacked beside them and patchelf (bookworm's, unpacked too) points every ELF file of those JDKs at its loader and
# library directory. Debian links a few files of each JDK to /etc/java-N-openjdk/; those links are replaced with
# the unpacked copies.
set -euo pipefail

majors=("$@")
[ ${#majors[@]} -gt 0 ] || majors=(8 11 21)
dir="${WS_IT_JDKS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/ws-subprotocol-agent/jdks}"
mirror="${WS_IT_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
mkdir -p "$dir"

log() { echo "jdks: $*" >&2; }

installed() { [ -x "$dir/$1/bin/java" ] && [ -f "$dir/$1/.installed" ]; }

todo=()
for m in "${majors[@]}"; do
    case "$m" in 8|11|21) ;; *) log "no recipe for JDK $m (known: 8 11 21)"; exit 2 ;; esac
    if installed "$m"; then log "JDK $m: $(readlink -f "$dir/$m") (cached)"; else todo+=("$m"); fi
done
[ ${#todo[@]} -gt 0 ] || exit 0

# --- a private apt ---------------------------------------------------------------------------------------------
apt="$dir/.apt"
mkdir -p "$apt/lists/partial" "$apt/cache/archives/partial" "$apt/etc/preferences.d" "$apt/debs"
: > "$apt/status"
cat > "$apt/etc/sources.list" <<EOF
deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $mirror bookworm main
deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $mirror bullseye main
deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $mirror trixie main
deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $mirror sid main
EOF
aptopts=(-o "Dir::Etc::SourceList=$apt/etc/sources.list" -o "Dir::Etc::SourceParts=/dev/null"
         -o "Dir::Etc::Preferences=/dev/null" -o "Dir::Etc::PreferencesParts=$apt/etc/preferences.d"
         -o "Dir::State::Lists=$apt/lists" -o "Dir::State::status=$apt/status" -o "Dir::Cache=$apt/cache"
         -o "Debug::NoLocking=1" -o "APT::Sandbox::User=root" -o "APT::Get::List-Cleanup=0" -o "Acquire::Retries=3")
if [ -z "$(find "$apt/lists" -maxdepth 1 -name '*_Packages*' -mmin -1440 2>/dev/null | head -1)" ]; then
    log "reading Debian's package lists (bookworm, bullseye, trixie, sid)"
    apt-get "${aptopts[@]}" -qq update >&2
fi

# download <package>/<suite> into $apt/debs and print the file's path
download() {
    local spec="$1" name="${1%%/*}"
    ( cd "$apt/debs" && rm -f "${name}"_*.deb && apt-get "${aptopts[@]}" -qq download "$spec" >&2 )
    ls "$apt/debs/${name}"_*.deb
}

# unpack <root> <package/suite>...
unpack() {
    local root="$1"; shift
    mkdir -p "$root"
    for spec in "$@"; do
        dpkg -x "$(download "$spec")" "$root"
    done
}

patchelf_bin() {
    local root="$dir/.patchelf"
    if [ ! -x "$root/usr/bin/patchelf" ]; then
        unpack "$root" patchelf/bookworm
    fi
    echo "$root/usr/bin/patchelf"
}

# relink <jdk home> <glibc root>: every ELF file of the JDK loads sid's glibc
relink() {
    local home="$1" libc="$2" pe
    pe="$(patchelf_bin)"
    local loader="$libc/usr/lib64/ld-linux-x86-64.so.2" libdir="$libc/usr/lib/x86_64-linux-gnu"
    [ -e "$loader" ] || loader="$libc/lib64/ld-linux-x86-64.so.2"
    [ -d "$libdir" ] || libdir="$libc/lib/x86_64-linux-gnu"
    while IFS= read -r -d '' f; do
        [ -L "$f" ] && continue
        head -c 4 "$f" 2>/dev/null | grep -q $'^\x7fELF' || continue
        if "$pe" --print-interpreter "$f" >/dev/null 2>&1; then
            "$pe" --set-interpreter "$loader" "$f"
        fi
        local old
        old="$("$pe" --print-rpath "$f" 2>/dev/null || true)"
        "$pe" --set-rpath "$libdir${old:+:$old}" "$f"
    done < <(find "$home" -type f -print0)
}

# etc_links <extraction root> <jdk home>: links into /etc/java-N-openjdk become copies of the unpacked files
etc_links() {
    local root="$1" home="$2"
    while IFS= read -r -d '' link; do
        local target
        target="$(readlink "$link")"
        case "$target" in
            /etc/*)
                if [ -e "$root$target" ]; then
                    rm "$link" && cp -a "$root$target" "$link"
                elif [ -e "$target" ]; then
                    rm "$link" && cp -a "$target" "$link"
                fi ;;
        esac
    done < <(find "$home" -type l -print0)
}

for m in "${todo[@]}"; do
    root="$dir/openjdk-$m"
    rm -rf "$root" "$dir/$m"
    case "$m" in
        8)  unpack "$root" openjdk-8-jre-headless/sid openjdk-8-jdk-headless/sid libc6/sid ;;
        11) unpack "$root" openjdk-11-jre-headless/bullseye openjdk-11-jdk-headless/bullseye ;;
        21) unpack "$root" openjdk-21-jre-headless/trixie openjdk-21-jdk-headless/trixie libc6/sid ;;
    esac
    home="$root/usr/lib/jvm/java-$m-openjdk-amd64"
    [ -x "$home/bin/java" ] || { log "JDK $m: no bin/java in the unpacked packages"; exit 1; }
    etc_links "$root" "$home"
    case "$m" in 8|21) relink "$home" "$root" ;; esac
    ln -sfn "$home" "$dir/$m"
    if ! out="$("$dir/$m/bin/java" -version 2>&1)"; then
        log "JDK $m does not start:"; echo "$out" >&2; exit 1
    fi
    touch "$home/.installed"
    log "JDK $m: $home ($(echo "$out" | head -1))"
done
rm -f "$apt/debs/"*.deb
