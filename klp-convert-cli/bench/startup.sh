#!/usr/bin/env bash
# Start-up harness for the three-path form, the path kbuild runs once per livepatch module.
# Every variant runs in the same session, interleaved, so machine noise hits all alike;
# results are medians and ratios against a bare JVM printing "hello" (the floor any Java
# tool pays). The launcher runs from the source tree and from the unpacked distribution,
# with its class-data-sharing archive in a warm per-user cache, on first use (an empty cache,
# so the run also writes the archive) and switched off.
# Usage: klp-convert-cli/bench/startup.sh [runs] [symbols.klp]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
runs=${1:-15}
symbols=${2:-$repo/examples/symbols.klp}
jar=$repo/klp-convert-cli-all/target/klp-convert-cli-all.jar
dist=$(ls "$repo"/klp-convert-cli/target/klp-convert-*-dist.tar.gz 2>/dev/null | head -1)
[ -f "$jar" ] && [ -f "${dist:-}" ] || { echo "build first: mvn -q package -DskipTests" >&2; exit 2; }
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
tar -xzf "$dist" -C "$work"
unpacked=$(echo "$work"/klp-convert-*/bin/klp-convert)

cat > "$work/Hello.java" <<'JAVA'
public class Hello { public static void main(String[] a) { System.out.println("hello"); } }
JAVA
javac -d "$work" "$work/Hello.java"
module=$repo/examples/klp_conv1.tmp.ko

declare -A cmd=(
  [1-jvm-hello]="java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -cp $work Hello"
  [2-java-jar]="java -jar $jar $symbols $module $work/out1.ko"
  [3-launcher]="env KLP_CONVERT_CACHE=$work/cache-src $repo/bin/klp-convert $symbols $module $work/out2.ko"
  [4-dist]="env KLP_CONVERT_CACHE=$work/cache-dist $unpacked $symbols $module $work/out3.ko"
  [5-dist-first]="env KLP_CONVERT_CACHE=$work/cache-first $unpacked $symbols $module $work/out4.ko"
  [6-dist-no-cds]="env KLP_CONVERT_CDS=off $unpacked $symbols $module $work/out5.ko"
)
# warm caches: one run each before timing
${cmd[3-launcher]} && ${cmd[4-dist]}
declare -A times
for ((i = 0; i < runs; i++)); do
  for k in "${!cmd[@]}"; do
    rm -rf "$work/cache-first"
    s=$(date +%s%N); ${cmd[$k]} > /dev/null; e=$(date +%s%N)
    times[$k]+="$(( (e - s) / 1000000 )) "
  done
done
median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
base=$(echo "${times[1-jvm-hello]}" | median)
echo "symbols file: $symbols ($(wc -c < "$symbols") bytes), $runs runs each, median wall ms"
for k in $(printf '%s\n' "${!cmd[@]}" | sort); do
  m=$(echo "${times[$k]}" | median)
  printf '%-14s %5d ms  %5.2fx the bare JVM\n' "${k#*-}" "$m" "$(echo "$m / $base" | bc -l)"
done
