#!/usr/bin/env bash
# Build a minimal livepatch-enabled Linux 6.1 kernel for one architecture from
# Debian's linux-source-6.1: allnoconfig plus the fragments in kernel-configs/.
#
#   build-kernel.sh <ppc64le|s390x|ppc32>
#
# Prints the build directory (kbuild O=) on stdout as the last line; all
# progress goes to stderr. The build directory holds vmlinux, the boot image,
# Module.symvers and what `make M=...` needs to build external modules.
#
# Cache: builds live under $KLP_KERNEL_CACHE (default
# ${XDG_CACHE_HOME:-$HOME/.cache}/klp-real-kernel), never in the repository
# or target/. A build is keyed by the config fragments, the linux-source
# package version and the cross compiler version, so a rerun with the same
# inputs reuses it at once and a changed input builds a new one. With
# CI=true (or KLP_KERNEL_REBUILD=1) a cached build is not trusted: the tree is
# configured and built again from scratch.
#
# Exit status: 0 built (or cached), 1 failed, 77 a needed tool is missing.

set -euo pipefail
export LC_ALL=C

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CACHE=${KLP_KERNEL_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/klp-real-kernel}
SOURCE_TAR=${KLP_KERNEL_SOURCE:-/usr/src/linux-source-6.1.tar.xz}
SOURCE_PKG=linux-source-6.1

say()  { printf 'build-kernel: %s\n' "$*" >&2; }
die()  { say "error: $*"; exit 1; }
skip() { say "skip: $*"; exit 77; }

arch=${1:-}
# shellcheck source=arch-facts.sh
. "$HERE/arch-facts.sh"
arch_facts "$arch" || die "unknown architecture '$arch' (ppc64le, s390x, ppc32)"

command -v "${CROSS}gcc" >/dev/null || skip "${CROSS}gcc missing (package $CROSS_PKG)"
[[ -r $SOURCE_TAR ]] || skip "$SOURCE_TAR missing (package $SOURCE_PKG)"
for t in make flex bison bc perl xz; do
    command -v "$t" >/dev/null || skip "$t missing"
done

src_version=$(dpkg-query -W -f='${Version}' "$SOURCE_PKG" 2>/dev/null || stat -c %Y "$SOURCE_TAR")
gcc_version=$("${CROSS}gcc" --version | head -1)
key=$( { printf '%s\n%s\n%s\n' "$src_version" "$gcc_version" "$arch"
         cat "$HERE/kernel-configs/common.config" "$HERE/kernel-configs/$arch.config"; } \
       | sha256sum | cut -c1-12)
SRC=$CACHE/src-$src_version
OUT=$CACHE/build-$arch-$key
STAMP=$OUT/.klp-build-complete

mkdir -p "$CACHE"
# One builder per machine at a time (two runs for one machine may overlap); the machines
# build in parallel, sharing one extracted source tree.
exec 9>"$CACHE/.lock-$arch"
flock 9

if [[ -f $STAMP && ${CI:-} != true && ${KLP_KERNEL_REBUILD:-0} != 1 ]]; then
    say "cached: $OUT ($(cat "$STAMP"))"
    printf '%s\n' "$OUT"
    exit 0
fi

extract_source() {
    exec 8>"$CACHE/.lock-src"
    flock 8
    if [[ ! -f $SRC/.klp-extracted ]]; then
        say "extracting $SOURCE_TAR ($src_version) into $SRC"
        rm -rf "$SRC" "$SRC.tmp"
        mkdir -p "$SRC.tmp"
        tar -xJf "$SOURCE_TAR" -C "$SRC.tmp" --strip-components=1
        touch "$SRC.tmp/.klp-extracted"
        mv "$SRC.tmp" "$SRC"
    fi
    exec 8>&-
}
extract_source

t0=$EPOCHREALTIME
rm -rf "$OUT"
mkdir -p "$OUT"
frag=$OUT/klp-fragment.config
cat "$HERE/kernel-configs/common.config" "$HERE/kernel-configs/$arch.config" >"$frag"
kmake() { make -C "$SRC" O="$OUT" ARCH="$KARCH" CROSS_COMPILE="$CROSS" "$@"; }

say "configuring $arch: allnoconfig + kernel-configs/{common,$arch}.config"
kmake KCONFIG_ALLCONFIG="$frag" allnoconfig >"$OUT/config.log" 2>&1 \
    || { tail -20 "$OUT/config.log" >&2; die "allnoconfig failed"; }
# allnoconfig silently drops an option whose dependencies are unmet: every
# requested line must be in the result.
missing=$(grep -E '^CONFIG_' "$frag" | sort -u | grep -vxF -f "$OUT/.config" || true)
[[ -z $missing ]] || die "options dropped by allnoconfig (unmet dependencies): $(tr '\n' ' ' <<<"$missing")"
for opt in CONFIG_LIVEPATCH=y CONFIG_KALLSYMS_ALL=y CONFIG_MODULES=y; do
    grep -qx "$opt" "$OUT/.config" || die "$opt not set"
done

jobs=${KLP_KERNEL_JOBS:-$(nproc)}
say "building $arch ($KIMAGE_TARGET modules, -j$jobs) in $OUT"
kmake -j"$jobs" "$KIMAGE_TARGET" modules >"$OUT/build.log" 2>&1 \
    || { tail -40 "$OUT/build.log" >&2; die "kernel build failed (log: $OUT/build.log)"; }
[[ -f $OUT/$KIMAGE && -f $OUT/vmlinux && -f $OUT/Module.symvers ]] \
    || die "build produced no $KIMAGE, vmlinux or Module.symvers"
took=$(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }')
printf 'built in %ss (-j%s), %s\n' "$took" "$jobs" "$(cat "$OUT/include/config/kernel.release")" >"$STAMP"
say "built $arch in ${took}s: $OUT"
printf '%s\n' "$OUT"
