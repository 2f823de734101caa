#!/usr/bin/env bash
# Memory harness (docs/reliability.md section 5): for modules of each size, the smallest heap
# (-Xmx, found by bisection) in which the command succeeds, minus the heap the same command
# needs for the unmodified example module (the JVM, the symbols index, the small module):
# the module's own cost, printed as a ratio of its size. Modules are the bundled example
# padded with one large non-alloc section (BigModule), as debug information makes real
# modules large.
# Usage: klp-convert-cli/bench/memory.sh [convert|verify|dump] [size in MiB ...]
# (default: convert 1 16 128 512 1536). Needs: mvn -q package -DskipTests (jar, test classes).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
command=${1:-convert}
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1 16 128 512 1536)
lib=$repo/klp-convert-cli/target/lib
classes=$repo/klp-convert-cli/target/test-classes
[ -f "$lib/klp-convert-cli.jar" ] && [ -d "$classes" ] || { echo "build first: mvn -q package -DskipTests" >&2; exit 2; }
work=$(mktemp -d "${TMPDIR:-/tmp}/klp-memory.XXXXXX"); trap 'rm -rf "$work"' EXIT
symbols=$repo/examples/symbols.klp
example=$repo/examples/klp_conv1.tmp.ko

# Succeeds within a heap of $1 MiB on module $2? G1, the JVM's default collector, places a
# large array in any free regions; the launcher's serial collector keeps a young generation
# of a third of the heap beside it (see docs/reliability.md section 5).
fits() {
    local java=(java -XX:+UseG1GC "-Xmx${1}m")
    case $command in
        convert) "${java[@]}" -cp "$lib/*" org.klpconvert.cli.KlpConvert "$symbols" "$2" "$work/out.ko" ;;
        verify) "${java[@]}" -cp "$lib/*" org.klpconvert.cli.KlpTool verify "$2" ;;
        dump) "${java[@]}" -cp "$lib/*" org.klpconvert.cli.KlpTool dump "$2" ;;
    esac >/dev/null 2>"$work/err" || { [ "$command" = verify ] && ! grep -q "out of memory\|OutOfMemory" "$work/err"; }
}

# Smallest heap in MiB, between $2 (fails) and $3 (fits), to within 2 % or 2 MiB.
bisect() {
    local module=$1 lo=$2 hi=$3
    while ((hi - lo > 2 && (hi - lo) * 50 > hi)); do
        local mid=$(((lo + hi) / 2))
        if fits "$mid" "$module"; then hi=$mid; else lo=$mid; fi
    done
    echo "$hi"
}

base=$(bisect "$example" 4 512)
echo "memory: $command, example module: $base MiB heap (JVM, symbols index, small module)"
printf 'memory: %10s %12s %14s %8s\n' "module" "heap needed" "minus example" "ratio"
for mb in "${sizes[@]}"; do
    java -cp "$lib/*:$classes" org.klpconvert.cli.bench.BigModule "$example" "$work/big.ko" $((mb << 20)) >/dev/null
    hi=$((base + 5 * mb + 64))
    fits "$hi" "$work/big.ko" || { echo "memory: $mb MiB: fails even with $hi MiB" ; continue; }
    need=$(bisect "$work/big.ko" "$base" "$hi")
    own=$((need - base))
    printf 'memory: %7d MiB %8d MiB %10d MiB %7.2fx\n' "$mb" "$need" "$own" "$(echo "$own / $mb" | bc -l)"
    rm -f "$work/big.ko" "$work/out.ko"
done
