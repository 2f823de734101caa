#!/usr/bin/env bash
# Rebuilds the fuzz seeds from seed.c: x86_64 (ELF64 little-endian) and powerpc (ELF32
# big-endian) shared libraries and executables, stripped of debug information to stay small.
# Needs gcc and powerpc-linux-gnu-gcc with libc6-dev-powerpc-cross (Debian 12: gcc 12.2).
set -euo pipefail
cd "$(dirname "$0")"
for cc in gcc powerpc-linux-gnu-gcc; do
    case $cc in gcc) tag=x86_64 ;; *) tag=ppc32 ;; esac
    "$cc" -O2 -fPIC -shared -Wl,--version-script=seed.map -Wl,--build-id=sha1 -Wl,-z,max-page-size=4096 -Wl,-soname,libseed.so.1 \
        -o "libseed-$tag.so" seed.c
    "$cc" -O2 -DSEED_MAIN -Wl,--build-id=sha1 -Wl,-z,max-page-size=4096 -o "seed-$tag" seed.c "libseed-$tag.so"
    "${cc%gcc}strip" --strip-debug "libseed-$tag.so" "seed-$tag"
done
