#!/usr/bin/env bash
# Real-kernel end-to-end test of klp-convert for Java on ppc64le, s390x and
# ppc32: a minimal livepatch kernel built from Debian's linux-source-6.1
# (build-kernel.sh), our test modules built against it, converted with our
# tools, and judged by that kernel under qemu TCG. What it asserts: see
# README.md next to this file.
#
#   run-arch.sh <ppc64le|s390x|ppc32>                 the whole test
#   run-arch.sh <arch> refusals <dir>                 boot each module listed in
#       <dir>/expect.tsv ("<file.ko> TAB <errno> TAB <dmesg text>") and assert
#       that the kernel refuses it with that errno and kernel-log text; needs
#       the work directory of a whole run (KLP_RK_WORK)
#
# Exit status: 0 all assertions held, 1 a step or an assertion failed,
# 77 skipped (a needed tool or package is missing).
#
# Environment:
#   KLP_CONVERT      converter CLI (default: <repo>/bin/klp-convert)
#   KLP_TOOL         tool CLI      (default: <repo>/bin/klp-tool)
#   KLP_RK_WORK      work directory to use and keep (default: a fresh temp
#                    dir, removed on success, kept on failure)
#   KLP_RK_KEEP      1: keep the temp work directory on success too
#   KLP_RK_TIMEOUT   watchdog per boot in seconds (default 300: TCG on a busy host is slow)
#   KLP_KERNEL_CACHE, KLP_KERNEL_REBUILD, KLP_KERNEL_JOBS: see build-kernel.sh

set -euo pipefail
export LC_ALL=C

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
KLP_CONVERT=${KLP_CONVERT:-$REPO/bin/klp-convert}
KLP_TOOL=${KLP_TOOL:-$REPO/bin/klp-tool}
KLP_RK_TIMEOUT=${KLP_RK_TIMEOUT:-300}
KEEP_WORK=${KLP_RK_KEEP:-0}
WORK=""
# shellcheck source=lib.sh
. "$HERE/lib.sh"
# shellcheck source=arch-facts.sh
. "$HERE/arch-facts.sh"

ARCH=${1:-}
MODE=${2:-all}
arch_facts "$ARCH" || { echo "usage: $0 <ppc64le|s390x|ppc32> [refusals <dir>]" >&2; exit 1; }

LIVEPATCHES=(klp_rk_vmlinux klp_rk_modpatch)
# Symbols each livepatch uses that nothing exports (must be converted).
declare -A NONEXPORTED=(
    [klp_rk_vmlinux]="c_start nr_processes saved_command_line total_forks"
    [klp_rk_modpatch]="klp_rk_secret klp_rk_twin"
)
TOKEN=rktoken=$RANDOM$RANDOM
APPEND="console=$CONSOLE panic=-1 loglevel=4 $TOKEN"
READELF=${READELF:-readelf}

cleanup() {
    if [[ -n $WORK && -d $WORK && $KEEP_WORK != 1 && -z ${KLP_RK_WORK:-} ]]; then
        rm -rf -- "$WORK"
    fi
}
trap cleanup EXIT

# ---------------------------------------------------------------- tools

check_tools() {
    local t
    for t in "${CROSS}gcc" "$QEMU" cpio gzip perl make flex bison bc; do
        command -v "$t" >/dev/null || skip "$t missing (packages: $CROSS_PKG $QEMU_PKG cpio make flex bison bc)"
    done
    [[ -r /usr/src/linux-source-6.1.tar.xz ]] || skip "/usr/src/linux-source-6.1.tar.xz missing (package linux-source-6.1)"
    # The guest /init is a static program: the machine's C library must be there.
    printf 'int main(void){return 0;}\n' >"$WORK/probe.c"
    "${CROSS}gcc" -static -o "$WORK/probe" "$WORK/probe.c" 2>/dev/null \
        || skip "${CROSS}gcc cannot link static programs (package libc6-dev-*-cross for $ARCH)"
    "$READELF" -h "$WORK/probe" >/dev/null 2>&1 || skip "$READELF cannot read $ARCH objects (package binutils-multiarch)"
    [[ -x $KLP_CONVERT ]] || fail "klp-convert not found at $KLP_CONVERT (build the project: mvn -q package -DskipTests; or set KLP_CONVERT)"
    [[ -x $KLP_TOOL ]] || fail "klp-tool not found at $KLP_TOOL (build the project, or set KLP_TOOL)"
    ok "$("${CROSS}gcc" --version | head -1); $("$QEMU" --version | head -1)"
}

# ---------------------------------------------------------------- kernel, init, modules

build_kernel() {
    local rc=0
    KB=$("$HERE/build-kernel.sh" "$ARCH") || rc=$?
    ((rc != 77)) || skip "build-kernel.sh could not run (reason above)"
    ((rc == 0)) || fail "kernel build failed (build-kernel.sh exit $rc)"
    printf '%s\n' "$KB" >"$WORK/kernel.dir"
    KREL=$(cat "$KB/include/config/kernel.release")
    ok "kernel $KREL: $(cat "$KB/.klp-build-complete")"
    ok "image $KIMAGE ($(stat -c %s "$KB/$KIMAGE") bytes), $(grep -c '=y' "$KB/.config") options =y"
}

build_init() {
    "${CROSS}gcc" -static -Os -Wall -Werror -o "$WORK/init" "$HERE/guest-init.c" \
        || fail "could not build the guest /init"
    ok "guest /init: static $ARCH program, $(stat -c %s "$WORK/init") bytes"
}

build_modules() {
    local b=$WORK/build m vm undef want
    rm -rf "$b"
    mkdir -p "$b" "$WORK/target"
    cp "$HERE"/arch-modules/* "$HERE"/modules/klp_rk_annot.h "$b"/
    make -C "$KB" ARCH="$KARCH" CROSS_COMPILE="$CROSS" M="$b" KBUILD_MODPOST_WARN=1 modules \
        >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log" >&2; fail "module build failed"; }
    grep -E 'WARNING: modpost: ".*" .* undefined!' "$WORK/build.log" | sed 's/^/    kbuild: /' || true
    [[ -f $b/klp_rk_target.ko ]] || fail "kbuild produced no klp_rk_target.ko"
    cp "$b/klp_rk_target.ko" "$WORK/target/"
    for m in "${LIVEPATCHES[@]}"; do
        [[ -f $b/$m.ko ]] || fail "kbuild produced no $m.ko"
        cp "$b/$m.ko" "$WORK/$m.tmp.ko"
        vm=$(modinfo -F vermagic "$WORK/$m.tmp.ko")
        [[ $vm == "$KREL "* ]] || fail "$m: vermagic '$vm' does not match $KREL"
        [[ $(modinfo -F livepatch "$WORK/$m.tmp.ko") == Y ]] || fail "$m: no livepatch modinfo tag"
        # Undefined symbols nothing exports (.TOC. is the module's own TOC base on ppc64).
        undef=$("$READELF" -sW "$WORK/$m.tmp.ko" | awk '$7 == "UND" && $8 != "" && $8 != ".TOC." { print $8 }' | sort -u \
                | awk -F'\t' 'NR == FNR { x[$2] = 1; next } !($1 in x)' "$KB/Module.symvers" - \
                | tr '\n' ' ' | sed 's/ $//')
        want=${NONEXPORTED[$m]}
        [[ $undef == "$want" ]] || fail "$m: non-exported undefined symbols are '$undef', expected '$want'"
        ok "$m.tmp.ko ($(stat -c %s "$WORK/$m.tmp.ko") bytes, vermagic $vm), non-exported: $undef"
    done
}

# ---------------------------------------------------------------- our tools

symbols_count() { # <object> <name>: copies of <name> under *<object> in symbols.klp
    awk -v o="$1" -v s="$2" '/^\*/ { obj = substr($0, 2); next } obj == o && $0 == s { n++ } END { print n + 0 }' \
        "$WORK/symbols.klp"
}

make_symbols() {
    local t0=$EPOCHREALTIME rc=0
    "$KLP_TOOL" symbols --vmlinux "$KB/vmlinux" --modules "$WORK/target" --symvers "$KB/Module.symvers" \
        -o "$WORK/symbols.klp" || rc=$?
    info "\$ klp-tool symbols --vmlinux vmlinux --modules target/ --symvers Module.symvers -o symbols.klp  (exit $rc, $(elapsed "$t0")s)"
    ((rc == 0)) || fail "klp-tool symbols failed (exit $rc)"
    [[ $(head -c 27 "$WORK/symbols.klp") == klp-convert-symbol-data.0.1 ]] || fail "symbols file has no header"
    C_START_COPIES=$(symbols_count vmlinux c_start)
    ((C_START_COPIES >= 2 && C_START_COPIES <= 8)) || fail "symbols file lists c_start $C_START_COPIES times under *vmlinux, expected 2 to 8"
    [[ $(symbols_count klp_rk_target klp_rk_twin) == 2 ]] || fail "symbols file lacks two klp_rk_twin under *klp_rk_target"
    [[ $(symbols_count klp_rk_target klp_rk_secret) == 1 ]] || fail "symbols file lacks klp_rk_secret under *klp_rk_target"
    grep -qx '__ksymtab_klp_enable_patch' "$WORK/symbols.klp" || fail "symbols file lacks __ksymtab_klp_enable_patch"
    ok "symbols.klp: $(wc -l <"$WORK/symbols.klp") lines, objects: $(grep '^\*' "$WORK/symbols.klp" | tr -d '*' | tr '\n' ' ')"
    ok "c_start: $C_START_COPIES copies in vmlinux; klp_rk_twin: 2 copies in klp_rk_target"
}

klp_relocations() { # <module.ko>: "<section> <type> <symbol>" per klp relocation
    "$READELF" -rW "$1" | awk '
        /^Relocation section/ { sec = $3; gsub(/\047/, "", sec); next }
        sec ~ /^\.klp\.rela\./ && $3 ~ /^R_/ { print sec, $3, $5 }'
}

convert_modules() {
    local m out t0 rc
    for m in "${LIVEPATCHES[@]}"; do
        t0=$EPOCHREALTIME
        rc=0
        out=$("$KLP_CONVERT" "$WORK/symbols.klp" "$WORK/$m.tmp.ko" "$WORK/$m.ko" 2>&1) || rc=$?
        info "\$ klp-convert symbols.klp $m.tmp.ko $m.ko  (exit $rc, $(elapsed "$t0")s)"
        ((rc == 0)) || { printf '%s\n' "$out" >&2; fail "klp-convert failed on $m.tmp.ko (exit $rc)"; }
        [[ -z $out ]] || { printf '%s\n' "$out" >&2; fail "klp-convert printed output on success"; }
        rc=0
        out=$("$KLP_TOOL" verify --symbols "$WORK/symbols.klp" "$WORK/$m.ko" 2>&1) || rc=$?
        [[ -z $out ]] || printf '%s\n' "$out" | sed 's/^/    verify: /'
        ((rc == 0)) || fail "klp-tool verify reports ERROR findings on $m.ko (exit $rc)"
        ok "klp-tool verify: no ERROR on $m.ko"
        klp_relocations "$WORK/$m.ko" | sort | uniq -c | sed 's/^ */    klp relocation: /'
        [[ $("$READELF" -SW "$WORK/$m.ko") != *module_relocs* ]] || fail "$m.ko still has .klp.module_relocs sections"
    done
    local syms want
    syms=$("$READELF" -sW "$WORK/klp_rk_vmlinux.ko")
    for want in c_start,2 nr_processes,0 saved_command_line,0 total_forks,0; do
        grep -qE " \.klp\.sym\.vmlinux\.$want\$" <<<"$syms" || fail "klp_rk_vmlinux.ko lacks .klp.sym.vmlinux.$want"
    done
    syms=$("$READELF" -sW "$WORK/klp_rk_modpatch.ko")
    for want in klp_rk_secret,0 klp_rk_twin,2; do
        grep -qE " \.klp\.sym\.klp_rk_target\.$want\$" <<<"$syms" || fail "klp_rk_modpatch.ko lacks .klp.sym.klp_rk_target.$want"
    done
    local relocs
    relocs=$(klp_relocations "$WORK/klp_rk_vmlinux.ko")
    for want in .klp.rela.vmlinux..text .klp.rela.vmlinux..data .klp.rela.vmlinux..rodata; do
        grep -q "^$want " <<<"$relocs" || fail "klp_rk_vmlinux.ko has no klp relocation in $want"
    done
    grep -q '^\.klp\.rela\.klp_rk_target\.\.data ' <<<"$(klp_relocations "$WORK/klp_rk_modpatch.ko")" \
        || fail "klp_rk_modpatch.ko has no klp relocation in .klp.rela.klp_rk_target..data"
    ok "converted modules carry the expected klp sections and symbols"
}

# ---------------------------------------------------------------- guest

# boot <name> <script> <module files...>: run the guest with /script, keep its
# "@@" lines in $WORK/<name>.lines and show them.
boot() {
    local name=$1 script=$2 root=$WORK/$1.root log=$WORK/$1.console rc t0
    shift 2
    rm -rf "$root"
    mkdir -p "$root"/{mods,proc,sys,dev}
    cp "$WORK/init" "$root/init"
    cp "$script" "$root/script"
    (($# == 0)) || cp "$@" "$root/mods/"
    (cd "$root" && find . | cpio -o -H newc -R 0:0 --quiet | gzip -1) >"$WORK/$name.cpio.gz"
    t0=$EPOCHREALTIME
    rc=0
    timeout "$KLP_RK_TIMEOUT" "$QEMU" "${QEMU_MACHINE[@]}" -accel tcg -m 512M -smp 1 -nographic -no-reboot \
        -kernel "$KB/$KIMAGE" -initrd "$WORK/$name.cpio.gz" -append "$APPEND" </dev/null >"$log" 2>&1 || rc=$?
    tr -d '\r' <"$log" | grep '^@@ ' >"$WORK/$name.lines" || true
    sed 's/^/    /' "$WORK/$name.lines"
    local took
    took=$(elapsed "$t0")
    BOOT_TIMES+=("$name=${took}s")
    info "($name: qemu exit $rc after ${took}s wall)"
    ((rc != 124)) || { tail -30 "$log" >&2; fail "$name: guest did not power off within ${KLP_RK_TIMEOUT}s (console: $log)"; }
    ((rc == 0)) || { tail -30 "$log" >&2; fail "$name: qemu exited with $rc"; }
    grep -qx '@@ END' "$WORK/$name.lines" || { tail -30 "$log" >&2; fail "$name: guest report incomplete"; }
    if tr -d '\r' <"$log" | grep -E 'BUG:|Oops|Kernel panic|Call Trace' >&2; then
        fail "$name: kernel oops/panic on the console"
    fi
    LINES_FILE=$WORK/$name.lines
}
declare -a BOOT_TIMES=()

kallsyms_addr() { # <name> <n> [<module>]: address of the n-th kallsyms line of <name> in this boot
    local tail=""
    [[ -z ${3:-} ]] || tail=$'\t'"[$3]"
    awk -v n="$2" -v want="$1$tail" '
        /^@@ kallsyms: / { line = substr($0, 14); split(line, f, " ")
                           rest = substr(line, length(f[1]) + length(f[2]) + 3)
                           if (rest == want && ++k == n) { print f[1]; exit } }' "$LINES_FILE"
}

same_address() { # <hex> <hex>
    [[ -n $1 && -n $2 ]] && (( 16#$1 == 16#$2 ))
}

# check_pointers <text> <module>: every "<section>.<kind>:<symbol>=<hex>" in
# <text> equals the kallsyms address of <symbol> (in <module>, or vmlinux).
check_pointers() {
    local text=$1 module=$2 n=0 item key val sym want
    for item in $text; do
        [[ $item =~ ^([a-z]+\.(abs64|abs32|rel32)):([A-Za-z_0-9]+)=([0-9a-f]+)\]?$ ]] || continue
        key=${BASH_REMATCH[1]} sym=${BASH_REMATCH[3]} val=${BASH_REMATCH[4]}
        want=$(kallsyms_addr "$sym" 1 "$module")
        same_address "$val" "$want" || fail "$key pointer to $sym holds $val, /proc/kallsyms says ${want:-nothing}"
        ok "$key pointer to $sym = $val = /proc/kallsyms $sym"
        n=$((n + 1))
    done
    ((n > 0)) || fail "no data pointers found in: $text"
    DATA_POINTERS=$((DATA_POINTERS + n))
}
DATA_POINTERS=0

boot_refused() {
    cat >"$WORK/refused.script" <<'EOF'
load /mods/klp_rk_target.ko
load /mods/klp_rk_vmlinux.tmp.ko
load /mods/klp_rk_modpatch.tmp.ko
dmesg
EOF
    boot refused "$WORK/refused.script" "$WORK/target/klp_rk_target.ko" \
        "$WORK/klp_rk_vmlinux.tmp.ko" "$WORK/klp_rk_modpatch.tmp.ko"
    local m s
    expect "insmod klp_rk_target.ko rc=0" "the target module loads"
    for m in "${LIVEPATCHES[@]}"; do
        for s in ${NONEXPORTED[$m]}; do
            expect "$m: Unknown symbol $s (err -2)" "unconverted $m: Unknown symbol $s"
        done
        expect "insmod $m.tmp.ko rc=2" "insmod $m.tmp.ko fails with ENOENT"
    done
    expect_not "patching complete" "no patch enabled from an unconverted module"
}

check_vmlinux_patch() { # checks the patched /proc/cmdline of this boot
    local before patched rest re
    before=$(guest_value 'cmdline-before: ')
    patched=$(guest_value 'cmdline-patched: ')
    [[ $before == *"$TOKEN"* ]] || fail "guest command line lacks $TOKEN: $before"
    [[ $patched == "$before ["* ]] || fail "patched /proc/cmdline does not start with the saved command line: $patched"
    rest=${patched#"$before "}
    re='^\[klp_rk_vmlinux: nr_processes=([0-9]+) total_forks=([0-9]+) saved_command_line@([0-9a-f]+) c_start,2@([0-9a-f]+)( .*)?\]$'
    [[ $rest =~ $re ]] || fail "patched /proc/cmdline has an unexpected tail: $rest"
    local nproc=${BASH_REMATCH[1]} forks=${BASH_REMATCH[2]} scl=${BASH_REMATCH[3]} cst=${BASH_REMATCH[4]}
    local pointers=${BASH_REMATCH[5]}
    ((nproc >= 1 && forks >= 1)) || fail "nr_processes=$nproc total_forks=$forks are not plausible"
    ok "patched /proc/cmdline echoes saved_command_line (token $TOKEN), nr_processes=$nproc, total_forks=$forks"
    same_address "$scl" "$(kallsyms_addr saved_command_line 1)" \
        || fail "&saved_command_line=$scl, kallsyms: $(kallsyms_addr saved_command_line 1)"
    ok "&saved_command_line = $scl = /proc/kallsyms saved_command_line"
    local first second
    first=$(kallsyms_addr c_start 1)
    second=$(kallsyms_addr c_start 2)
    same_address "$cst" "$second" || fail "KLP_SYMPOS(c_start, 2) bound $cst; 2nd kallsyms copy is ${second:-none} (1st $first)"
    ok "KLP_SYMPOS(c_start, 2) bound $cst = 2nd /proc/kallsyms c_start (1st is $first)"
    check_pointers "$pointers" ""
}

check_module_patch() { # <label>: the patched /proc/klp_rk_target line of this boot
    local text re
    text=$(guest_value "$1: ")
    re='^klp_rk_target: patched secret=([0-9]+) twin,2=([0-9]+) klp_rk_secret@([0-9a-f]+) klp_rk_twin,2@([0-9a-f]+) (.*)$'
    [[ $text =~ $re ]] || fail "$1: /proc/klp_rk_target is not patched: $text"
    local secret=${BASH_REMATCH[1]} twin=${BASH_REMATCH[2]} sa=${BASH_REMATCH[3]} ta=${BASH_REMATCH[4]}
    local pointers=${BASH_REMATCH[5]}
    [[ $secret == 4242 ]] || fail "$1: klp_rk_secret reads $secret, expected 4242"
    [[ $twin == 202 ]] || fail "$1: KLP_SYMPOS(klp_rk_twin, 2) reads $twin, expected 202 (the copy in klp_rk_target_twin.c)"
    same_address "$sa" "$(kallsyms_addr klp_rk_secret 1 klp_rk_target)" || fail "$1: &klp_rk_secret=$sa differs from /proc/kallsyms"
    same_address "$ta" "$(kallsyms_addr klp_rk_twin 2 klp_rk_target)" \
        || fail "$1: KLP_SYMPOS(klp_rk_twin, 2) bound $ta; 2nd kallsyms copy is $(kallsyms_addr klp_rk_twin 2 klp_rk_target)"
    ok "$1: secret=4242, twin,2=202, klp_rk_twin,2@$ta = 2nd [klp_rk_target] copy in /proc/kallsyms"
    check_pointers "$pointers" klp_rk_target
}

boot_patch() {
    # A patch is refused with EBUSY while another one's transition is pending: settle first.
    cat >"$WORK/patch.script" <<'EOF'
load /mods/klp_rk_target.ko
cat target-before /proc/klp_rk_target
load /mods/klp_rk_vmlinux.ko
settle klp_rk_vmlinux
load /mods/klp_rk_modpatch.ko
settle klp_rk_modpatch
show klp_rk_vmlinux vmlinux
show klp_rk_modpatch klp_rk_target
cat cmdline-patched /proc/cmdline
cat target-patched /proc/klp_rk_target
kallsyms c_start saved_command_line total_forks klp_rk_secret klp_rk_twin
write /sys/kernel/livepatch/klp_rk_vmlinux/enabled 0
settle klp_rk_vmlinux
cat cmdline-disabled /proc/cmdline
gone klp_rk_vmlinux
unload klp_rk_vmlinux
load /mods/klp_rk_vmlinux.ko
settle klp_rk_vmlinux
show klp_rk_vmlinux vmlinux
cat cmdline-reenabled /proc/cmdline
dmesg
EOF
    boot patch "$WORK/patch.script" "$WORK/target/klp_rk_target.ko" "$WORK/klp_rk_vmlinux.ko" "$WORK/klp_rk_modpatch.ko"
    local m
    for m in klp_rk_target klp_rk_vmlinux klp_rk_modpatch; do
        expect "insmod $m.ko rc=0" "insmod $m.ko exits 0"
    done
    expect "target-before: klp_rk_target: original secret=4242 twins=101/202" "target module before the patch"
    for m in "${LIVEPATCHES[@]}"; do
        expect "livepatch: '$m': patching complete" "dmesg: '$m': patching complete"
    done
    expect "sysfs klp_rk_vmlinux enabled=1 transition=0" "/sys/kernel/livepatch/klp_rk_vmlinux/enabled = 1"
    expect "sysfs klp_rk_modpatch/klp_rk_target patched=1" "klp_rk_modpatch: object klp_rk_target patched = 1"
    expect_not "Unknown symbol" "no Unknown symbol"
    expect_not "livepatch: symbol" "no livepatch symbol errors"
    check_vmlinux_patch
    check_module_patch target-patched
    # Disable, unload, load again: the patch goes and comes back.
    expect "write /sys/kernel/livepatch/klp_rk_vmlinux/enabled 0 rc=0" "echo 0 > /sys/kernel/livepatch/klp_rk_vmlinux/enabled"
    expect "livepatch: 'klp_rk_vmlinux': unpatching complete" "dmesg: 'klp_rk_vmlinux': unpatching complete"
    [[ $(guest_value 'cmdline-disabled: ') == "$(guest_value 'cmdline-before: ')" ]] \
        || fail "after disabling, /proc/cmdline is '$(guest_value 'cmdline-disabled: ')'"
    ok "original /proc/cmdline is back after disabling"
    expect "rmmod klp_rk_vmlinux rc=0" "the disabled livepatch module unloads"
    [[ $(grep -c "insmod klp_rk_vmlinux.ko rc=0" "$LINES_FILE") == 2 ]] || fail "klp_rk_vmlinux.ko did not load a second time"
    [[ $(grep -c "livepatch: 'klp_rk_vmlinux': patching complete" "$LINES_FILE") == 2 ]] \
        || fail "re-enabled klp_rk_vmlinux did not complete patching"
    [[ $(guest_value 'cmdline-reenabled: ') == "$(guest_value 'cmdline-before: ') [klp_rk_vmlinux: "* ]] \
        || fail "re-enabled patch does not show in /proc/cmdline"
    ok "re-enabled: loaded again, patching complete, /proc/cmdline patched again"
}

boot_late() {
    local bad=$((C_START_COPIES + 1))
    BAD_POS=$bad perl -0777 -pe 'BEGIN { $n = 0 } $n += s/\.klp\.sym\.vmlinux\.c_start,2\0/.klp.sym.vmlinux.c_start,$ENV{BAD_POS}\0/g;
                    END { exit($n == 1 ? 0 : 1) }' \
        "$WORK/klp_rk_vmlinux.ko" >"$WORK/klp_rk_badpos.ko" \
        || fail "could not find the string .klp.sym.vmlinux.c_start,2 exactly once"
    cat >"$WORK/late.script" <<'EOF'
load /mods/klp_rk_badpos.ko
load /mods/klp_rk_modpatch.ko
settle klp_rk_modpatch
show klp_rk_modpatch klp_rk_target
say -- loading the target after its livepatch
load /mods/klp_rk_target.ko
show klp_rk_modpatch klp_rk_target
cat target-late /proc/klp_rk_target
kallsyms klp_rk_secret klp_rk_twin
dmesg
EOF
    boot late "$WORK/late.script" "$WORK/klp_rk_badpos.ko" "$WORK/klp_rk_modpatch.ko" "$WORK/target/klp_rk_target.ko"
    expect "livepatch: symbol position $bad for symbol 'c_start' in object 'vmlinux' not found" \
        "sympos $bad (only $C_START_COPIES copies) is refused by the kernel"
    expect "insmod klp_rk_badpos.ko rc=22" "insmod of the sympos-$bad module fails with EINVAL"
    expect "insmod klp_rk_modpatch.ko rc=0" "livepatch loads before its target"
    expect "sysfs klp_rk_modpatch/klp_rk_target patched=0" "object pending while klp_rk_target is absent"
    expect "livepatch: applying patch 'klp_rk_modpatch' to loading module 'klp_rk_target'" \
        "dmesg: klp relocations applied when klp_rk_target loads"
    expect "sysfs klp_rk_modpatch/klp_rk_target patched=1" "object patched once klp_rk_target is loaded"
    check_module_patch target-late
}

# ---------------------------------------------------------------- refusals

boot_refusals() {
    local dir=$1 file errno text n=0
    [[ -f $dir/expect.tsv ]] || fail "$dir/expect.tsv missing"
    while IFS=$'\t' read -r file errno text; do
        [[ -n $file ]] || continue
        printf 'load /mods/%s\ndmesg\n' "$file" >"$WORK/refusal.script"
        info "-- $file: expecting errno $errno and '$text'"
        boot "refusal-${file%.ko}" "$WORK/refusal.script" "$dir/$file"
        expect "insmod $file rc=$errno" "$file is refused with errno $errno"
        [[ -z $text ]] || expect "$text" "kernel log: $text"
        expect_not "patching complete" "$file enables no patch"
        n=$((n + 1))
    done <"$dir/expect.tsv"
    ((n > 0)) || fail "$dir/expect.tsv lists no module"
}

# ---------------------------------------------------------------- main

main() {
    if [[ -n ${KLP_RK_WORK:-} ]]; then
        WORK=$KLP_RK_WORK
        mkdir -p "$WORK"
    else
        WORK=$(mktemp -d "${TMPDIR:-/tmp}/klp-rk-$ARCH.XXXXXX")
    fi
    printf 'klp-convert real-kernel test on %s (self-built kernel); work directory %s\n' "$ARCH" "$WORK"
    if [[ $MODE == refusals ]]; then
        local dir=${3:?usage: run-arch.sh <arch> refusals <dir>}
        [[ -f $WORK/kernel.dir && -x $WORK/init ]] || fail "no whole run in $WORK (set KLP_RK_WORK to it)"
        KB=$(cat "$WORK/kernel.dir")
        step "refusals: the kernel refuses the modules in $dir"
        boot_refusals "$dir"
    else
        [[ $MODE == all ]] || fail "unknown mode '$MODE'"
        printf 'KLP_CONVERT=%s\nKLP_TOOL=%s\n' "$KLP_CONVERT" "$KLP_TOOL"
        step "1. tools"
        check_tools
        step "2. kernel: allnoconfig + kernel-configs/{common,$ARCH}.config (build-kernel.sh)"
        build_kernel
        step "3. guest /init and the test modules, built against the kernel tree"
        build_init
        build_modules
        step "4. symbols file from vmlinux and modules (klp-tool symbols); conversion (klp-convert); klp-tool verify"
        make_symbols
        convert_modules
        step "5. boot 1: the unconverted livepatches are refused"
        boot_refused
        step "6. boot 2: target, both converted livepatches; check; disable, unload, load again"
        boot_patch
        step "7. boot 3: wrong sympos refused; module livepatch before its target"
        boot_late
    fi
    step_end
    printf '\nPASS: %s on %s (total %ss; boots: %s)\n' "$MODE" "$ARCH" "$(elapsed "$T_START")" "${BOOT_TIMES[*]}"
    printf '%s\n' "${SUMMARY[@]}"
}

main "$@"
