#!/usr/bin/env bash
# Real-kernel end-to-end test of klp-convert for Java (x86_64, Debian kernel,
# qemu TCG). What it does and what it proves: see README.md next to this file.
#
# Exit status: 0 all assertions held, 1 an assertion or a step failed,
# 77 skipped (host cannot run the test at all).
#
# Environment:
#   KLP_CONVERT        converter CLI   (default: <repo>/bin/klp-convert)
#   KLP_TOOL           tool CLI        (default: <repo>/bin/klp-tool)
#   KLP_TOOL_FALLBACK  "awk": build the symbols file with awk instead of
#                      KLP_TOOL. For developing this script only.
#   KLP_RK_WORK        work directory to use (kept); default: a fresh temp dir,
#                      removed on success, kept on failure
#   KLP_RK_KEEP        1: keep the temp work directory on success too
#   KLP_RK_TIMEOUT     watchdog per boot in seconds (default 120)

set -euo pipefail
export LC_ALL=C

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
KLP_CONVERT=${KLP_CONVERT:-$REPO/bin/klp-convert}
KLP_TOOL=${KLP_TOOL:-$REPO/bin/klp-tool}
KLP_TOOL_FALLBACK=${KLP_TOOL_FALLBACK:-}
KLP_RK_KEEP=${KLP_RK_KEEP:-0}
KLP_RK_TIMEOUT=${KLP_RK_TIMEOUT:-120}

PKGS=(linux-image-amd64 linux-headers-amd64 qemu-system-x86 busybox-static
      cpio xz-utils zstd kmod bc flex bison libelf-dev libssl-dev make gcc)
MODS=(klp_rk_vmlinux klp_rk_binfmt)
# Symbols each module uses that the kernel does not export (must be converted).
declare -A NONEXPORTED=(
    [klp_rk_vmlinux]="mm_slots_hash nr_processes saved_command_line total_forks"
    [klp_rk_binfmt]="enabled entries entries_lock"
)
# A token on the guest command line: the patched /proc/cmdline must echo it,
# read through the non-exported saved_command_line.
TOKEN=rktoken=$RANDOM$RANDOM
APPEND="console=ttyS0 panic=-1 loglevel=4 $TOKEN"

# ---------------------------------------------------------------- reporting

WORK=""
KEEP_WORK=$KLP_RK_KEEP
# step, info, ok, fail, skip, expect, expect_re, expect_not, guest_value
# shellcheck source=lib.sh
. "$HERE/lib.sh"

cleanup() {
    if [[ -n $WORK && -d $WORK && $KEEP_WORK != 1 && -z ${KLP_RK_WORK:-} ]]; then
        rm -rf -- "$WORK"
    fi
}
trap cleanup EXIT

# ---------------------------------------------------------------- step 1

pkg_installed() {
    [[ $(dpkg-query -W -f='${Status}' "$1" 2>/dev/null) == "install ok installed" ]]
}

apt_get() { # apt-get that waits for a concurrent apt/dpkg to release the lock
    local try
    for try in 1 2 3 4 5 6; do
        if DEBIAN_FRONTEND=noninteractive apt-get -q -o DPkg::Lock::Timeout=600 "$@"; then
            return 0
        fi
        info "apt-get $1 failed (attempt $try), retrying in 10 s"
        sleep 10
    done
    return 1
}

install_packages() {
    local missing=() p
    for p in "${PKGS[@]}"; do
        pkg_installed "$p" || missing+=("$p")
    done
    if ((${#missing[@]} == 0)); then
        ok "all packages present"
        return
    fi
    info "missing: ${missing[*]}"
    [[ $(id -u) == 0 ]] || skip "packages missing and not root: ${missing[*]}"
    # Image and headers in the same call, so that both resolve to one ABI.
    if ! apt_get install -y --no-install-recommends "${missing[@]}" >"$WORK/apt.log" 2>&1; then
        apt_get update >>"$WORK/apt.log" 2>&1 || true
        apt_get install -y --no-install-recommends "${missing[@]}" >>"$WORK/apt.log" 2>&1 \
            || { tail -20 "$WORK/apt.log" >&2; fail "apt-get install failed (log above)"; }
    fi
    for p in "${missing[@]}"; do
        pkg_installed "$p" || fail "package $p still not installed"
    done
    ok "installed: ${missing[*]}"
}

find_kver() {
    # The ABI the linux-image-amd64 metapackage points at, e.g. 6.1.0-56-amd64.
    local dep
    dep=$(dpkg-query -W -f='${Depends}' linux-image-amd64 2>/dev/null \
          | tr ',' '\n' | sed -n 's/^ *linux-image-\([^ ]*\).*/\1/p' | head -1)
    if [[ -n $dep && -e /boot/vmlinuz-$dep ]]; then
        KVER=$dep
    else
        KVER=$(ls /boot/vmlinuz-* 2>/dev/null | sed 's#.*/vmlinuz-##' | sort -V | tail -1)
    fi
    [[ -n $KVER ]] || fail "no kernel image in /boot"
    KDIR=/usr/src/linux-headers-$KVER
    [[ -r /boot/vmlinuz-$KVER ]] || fail "/boot/vmlinuz-$KVER missing or unreadable"
    [[ -f $KDIR/Module.symvers ]] || fail "$KDIR/Module.symvers missing: headers do not match the image"
    grep -q '^CONFIG_LIVEPATCH=y' "/boot/config-$KVER" || skip "kernel $KVER has no CONFIG_LIVEPATCH"
    ok "KVER=$KVER (headers $KDIR)"
}

# ---------------------------------------------------------------- step 2

build_modules() {
    local b=$WORK/build m vm undef want
    mkdir -p "$b"
    cp "$HERE"/modules/Kbuild "$HERE"/modules/*.c "$HERE"/modules/*.h "$b"/
    make -C "$KDIR" M="$b" KBUILD_MODPOST_WARN=1 modules >"$WORK/build.log" 2>&1 \
        || { cat "$WORK/build.log" >&2; fail "module build failed"; }
    grep -E 'WARNING: modpost: ".*" .* undefined!' "$WORK/build.log" | sed 's/^/    kbuild: /' || true
    for m in "${MODS[@]}"; do
        [[ -f $b/$m.ko ]] || fail "kbuild produced no $m.ko"
        mv "$b/$m.ko" "$WORK/$m.tmp.ko"
        vm=$(modinfo -F vermagic "$WORK/$m.tmp.ko")
        [[ $vm == "$KVER "* ]] || fail "$m: vermagic '$vm' does not match $KVER"
        [[ $(modinfo -F livepatch "$WORK/$m.tmp.ko") == Y ]] || fail "$m: no livepatch modinfo tag"
        # Undefined symbols that Module.symvers does not export.
        undef=$(readelf -sW "$WORK/$m.tmp.ko" | awk '$7 == "UND" && $8 != "" { print $8 }' | sort -u \
                | awk -F'\t' 'NR == FNR { x[$2] = 1; next } !($1 in x)' "$KDIR/Module.symvers" - \
                | tr '\n' ' ' | sed 's/ $//')
        want=${NONEXPORTED[$m]}
        [[ $undef == "$want" ]] || fail "$m: non-exported undefined symbols are '$undef', expected '$want'"
        ok "$m.tmp.ko ($(stat -c %s "$WORK/$m.tmp.ko") bytes, vermagic $vm), non-exported: $undef"
    done
}

# ---------------------------------------------------------------- guest helpers

BUSYBOX=/bin/busybox
TARGET_KO=""

find_target_module() {
    local f
    f=$(ls /lib/modules/"$KVER"/kernel/fs/binfmt_misc.ko* 2>/dev/null | head -1)
    [[ -n $f ]] || fail "binfmt_misc module not found under /lib/modules/$KVER/kernel/fs"
    [[ -z $(modinfo -F depends "$f") ]] || fail "binfmt_misc has dependencies; not supported here"
    TARGET_KO=$WORK/binfmt_misc.ko
    case $f in
        *.ko)     cp "$f" "$TARGET_KO" ;;
        *.ko.xz)  xz -dc "$f" >"$TARGET_KO" ;;
        *.ko.zst) zstd -qdc "$f" >"$TARGET_KO" ;;
        *.ko.gz)  gzip -dc "$f" >"$TARGET_KO" ;;
        *) fail "unknown module compression: $f" ;;
    esac
}

# Common head of every /init: busybox applets, mounts, helpers. Guest lines
# meant for the host start with "@@ ".
init_head() {
    cat <<'EOF'
#!/bin/busybox sh
/bin/busybox --install -s /bin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
say() { echo "@@ $*"; }
load() { # <file>: insmod, echo its messages and exit status
    insmod "$1" 2>/tmp/insmod.err
    rc=$?
    sed 's/^/@@ insmod: /' /tmp/insmod.err
    say "insmod $(basename "$1") rc=$rc"
}
settle() { # <patch>: wait for the (un)patching transition to finish, max 10 s
    i=0
    while [ $i -lt 100 ]; do
        t=$(cat /sys/kernel/livepatch/$1/transition 2>/dev/null || echo gone)
        [ "$t" = 1 ] || break
        sleep 0.1
        i=$((i + 1))
    done
    say "transition $1 settled: transition=$t after $((i * 100)) ms"
}
show_patch() { # <patch> [<object>]
    d=/sys/kernel/livepatch/$1
    say "sysfs $1 enabled=$(cat $d/enabled 2>/dev/null || echo none) transition=$(cat $d/transition 2>/dev/null || echo none)"
    [ -z "$2" ] || say "sysfs $1/$2 patched=$(cat $d/$2/patched 2>/dev/null || echo none)"
}
report_tail() {
    dmesg | grep -E 'livepatch|klp_rk|Unknown symbol|binfmt|BUG|Oops' | sed 's/^/@@ dmesg: /'
    sed 's/^/@@ modules: /' /proc/modules
    say "tainted=$(cat /proc/sys/kernel/tainted)"
    say "uptime=$(cut -d' ' -f1 /proc/uptime)"
    say "END"
    poweroff -f
}
echo 0 > /proc/sys/kernel/kptr_restrict
echo
say "START uptime=$(cut -d' ' -f1 /proc/uptime)"
say "cmdline-before: $(cat /proc/cmdline)"
EOF
}

# make_initramfs <name> <init body file> <module files...>
make_initramfs() {
    local name=$1 body=$2 root=$WORK/$1.root
    shift 2
    rm -rf "$root"
    mkdir -p "$root"/{bin,mods,proc,sys,dev,tmp}
    cp "$BUSYBOX" "$root/bin/busybox"
    { init_head; cat "$body"; echo report_tail; } >"$root/init"
    chmod 755 "$root/init"
    cp "$@" "$root/mods/"
    (cd "$root" && find . | cpio -o -H newc -R 0:0 --quiet | gzip -1) >"$WORK/$name.cpio.gz"
}

# boot <name> [extra qemu args...]: run the guest, keep its "@@" lines in
# $WORK/<name>.lines and show them.
boot() {
    local name=$1 log=$WORK/$1.console rc t0
    shift
    t0=$EPOCHREALTIME
    rc=0
    timeout "$KLP_RK_TIMEOUT" qemu-system-x86_64 -accel tcg -m 512M -smp 1 \
        -nographic -no-reboot -kernel "/boot/vmlinuz-$KVER" -initrd "$WORK/$name.cpio.gz" \
        -append "$APPEND" "$@" </dev/null >"$log" 2>&1 || rc=$?
    tr -d '\r' <"$log" | grep '^@@ ' >"$WORK/$name.lines" || true
    sed 's/^/    /' "$WORK/$name.lines"
    info "($name: qemu exit $rc after $(elapsed "$t0")s wall)"
    ((rc != 124)) || fail "$name: guest did not power off within ${KLP_RK_TIMEOUT}s (console: $log)"
    ((rc == 0)) || { tail -30 "$log" >&2; fail "$name: qemu exited with $rc"; }
    grep -qx '@@ END' "$WORK/$name.lines" || { tail -30 "$log" >&2; fail "$name: guest report incomplete"; }
    if tr -d '\r' <"$log" | grep -E 'BUG:|Oops|Kernel panic|Call Trace' >&2; then
        fail "$name: kernel oops/panic on the console"
    fi
    LINES_FILE=$WORK/$name.lines
}

# ---------------------------------------------------------------- step 3: boot 1

boot_dump() {
    local body=$WORK/dump.body
    cat >"$body" <<'EOF'
load /mods/binfmt_misc.ko
stty -F /dev/ttyS1 raw -echo
gzip -1 -c /proc/kallsyms > /dev/ttyS1
say "kallsyms lines=$(wc -l < /proc/kallsyms) binfmt_misc lines=$(grep -c '\[binfmt_misc\]' /proc/kallsyms)"
# Negative control: the unconverted modules must be refused.
load /mods/klp_rk_vmlinux.tmp.ko
load /mods/klp_rk_binfmt.tmp.ko
say "livepatch dirs: $(ls /sys/kernel/livepatch | tr '\n' ' ')"
EOF
    make_initramfs dump "$body" "$TARGET_KO" "$WORK/klp_rk_vmlinux.tmp.ko" "$WORK/klp_rk_binfmt.tmp.ko"
    boot dump -serial mon:stdio -serial "file:$WORK/kallsyms.gz"
    gzip -dc "$WORK/kallsyms.gz" | tr -d '\r' >"$WORK/kallsyms" \
        || fail "kallsyms dump from the second serial port is not a complete gzip stream"
    local n want
    n=$(wc -l <"$WORK/kallsyms")
    want=$(guest_value 'kallsyms lines=' | cut -d' ' -f1)
    [[ $n == "$want" ]] || fail "kallsyms dump has $n lines, guest reported $want"
    ok "kallsyms dump: $n lines, $(grep -c '\[binfmt_misc\]' "$WORK/kallsyms") of binfmt_misc"
    grep -qE '^[0-9a-f]+ [a-zA-Z] enabled'$'\t''\[binfmt_misc\]$' "$WORK/kallsyms" \
        || fail "kallsyms dump lacks binfmt_misc's 'enabled'"
    [[ $(grep -cE '^[0-9a-f]+ [a-zA-Z] mm_slots_hash$' "$WORK/kallsyms") == 2 ]] \
        || fail "expected exactly 2 vmlinux copies of mm_slots_hash in kallsyms"
    grep -qE '^ffffffff[0-9a-f]{8} T _text$' "$WORK/kallsyms" || fail "kallsyms addresses are hidden (kptr_restrict)"

    expect "insmod binfmt_misc.ko rc=0" "binfmt_misc loads"
    local s
    for s in ${NONEXPORTED[klp_rk_vmlinux]}; do
        expect "klp_rk_vmlinux: Unknown symbol $s (err -2)" "unconverted klp_rk_vmlinux: Unknown symbol $s"
    done
    for s in ${NONEXPORTED[klp_rk_binfmt]}; do
        expect "klp_rk_binfmt: Unknown symbol $s (err -2)" "unconverted klp_rk_binfmt: Unknown symbol $s"
    done
    expect "insmod: can't insert '/mods/klp_rk_vmlinux.tmp.ko': unknown symbol in module" \
        "busybox insmod refuses klp_rk_vmlinux.tmp.ko"
    expect "insmod klp_rk_vmlinux.tmp.ko rc=2" "insmod klp_rk_vmlinux.tmp.ko exits 2"
    expect "insmod klp_rk_binfmt.tmp.ko rc=2" "insmod klp_rk_binfmt.tmp.ko exits 2"
    expect_not "patching complete" "no patch enabled from an unconverted module"
}

# ---------------------------------------------------------------- step 4: our tools

symbols_awk_fallback() { # development only: kallsyms + Module.symvers -> symbols file
    awk -F'\t' '
        NR == FNR { split($1, f, " "); o = ($2 == "") ? "vmlinux" : substr($2, 2, length($2) - 2)
                    if (!(o in cnt)) order[++n] = o
                    sym[o, ++cnt[o]] = f[3]; next }
        { ex[++nex] = "__ksymtab_" $2 }
        END { print "klp-convert-symbol-data.0.1"
              for (i = 1; i <= n; i++) {
                  o = order[i]; print "*" o
                  for (k = 1; k <= cnt[o]; k++) print sym[o, k]
                  if (o == "vmlinux") for (k = 1; k <= nex; k++) print ex[k]
              } }
    ' "$WORK/kallsyms" "$KDIR/Module.symvers" >"$WORK/symbols.klp"
}

make_symbols() {
    if [[ $KLP_TOOL_FALLBACK == awk ]]; then
        info "KLP_TOOL_FALLBACK=awk: symbols file from awk, NOT from klp-tool (development only)"
        symbols_awk_fallback
    else
        [[ -x $KLP_TOOL ]] || fail "klp-tool not found at $KLP_TOOL (build the project: mvn -q package -DskipTests; or set KLP_TOOL)"
        local t0=$EPOCHREALTIME rc=0
        "$KLP_TOOL" symbols --kallsyms "$WORK/kallsyms" --symvers "$KDIR/Module.symvers" \
            -o "$WORK/symbols.klp" || rc=$?
        info "\$ klp-tool symbols --kallsyms kallsyms --symvers Module.symvers -o symbols.klp  (exit $rc, $(elapsed "$t0")s)"
        ((rc == 0)) || fail "klp-tool symbols failed (exit $rc)"
    fi
    [[ $(head -c 27 "$WORK/symbols.klp") == klp-convert-symbol-data.0.1 ]] || fail "symbols file has no header"
    local c
    c=$(awk '/^\*/ { obj = substr($0, 2); next } obj == "vmlinux" && $0 == "mm_slots_hash" { n++ } END { print n + 0 }' "$WORK/symbols.klp")
    [[ $c == 2 ]] || fail "symbols file lists mm_slots_hash $c times under *vmlinux, expected 2"
    grep -qx '\*binfmt_misc' "$WORK/symbols.klp" || fail "symbols file has no *binfmt_misc object"
    grep -qx '__ksymtab_klp_enable_patch' "$WORK/symbols.klp" || fail "symbols file lacks __ksymtab_klp_enable_patch"
    ok "symbols.klp: $(wc -l <"$WORK/symbols.klp") lines, $(grep -c '^\*' "$WORK/symbols.klp") objects"
}

convert_modules() {
    local m out t0 rc
    [[ -x $KLP_CONVERT ]] || fail "klp-convert not found at $KLP_CONVERT (build the project: mvn -q package -DskipTests; or set KLP_CONVERT)"
    for m in "${MODS[@]}"; do
        t0=$EPOCHREALTIME
        rc=0
        out=$("$KLP_CONVERT" "$WORK/symbols.klp" "$WORK/$m.tmp.ko" "$WORK/$m.ko" 2>&1) || rc=$?
        info "\$ klp-convert symbols.klp $m.tmp.ko $m.ko  (exit $rc, $(elapsed "$t0")s)"
        ((rc == 0)) || { printf '%s\n' "$out" >&2; fail "klp-convert failed on $m.tmp.ko (exit $rc)"; }
        [[ -z $out ]] || { printf '%s\n' "$out" >&2; fail "klp-convert printed output on success"; }
        [[ -f $WORK/$m.ko ]] || fail "klp-convert wrote no $m.ko"
        # Our own lint of the kernel's rules must find no ERROR before the kernel judges.
        rc=0
        out=$("$KLP_TOOL" verify --symbols "$WORK/symbols.klp" "$WORK/$m.ko" 2>&1) || rc=$?
        [[ -z $out ]] || printf '%s
' "$out" | sed 's/^/    verify: /'
        ((rc == 0)) || fail "klp-tool verify reports ERROR findings on $m.ko (exit $rc)"
        ok "klp-tool verify: no ERROR on $m.ko"
    done
    # What the kernel will see: klp sections and symbols (readelf).
    local secs syms
    for m in "${MODS[@]}"; do
        secs=$(readelf -SW "$WORK/$m.ko" | grep -oE '\.klp\.[a-z_.]+' | sort -u | tr '\n' ' ')
        syms=$(readelf -sW "$WORK/$m.ko" | grep -oE '\.klp\.sym\.[^ ]+' | sort -u | tr '\n' ' ')
        info "$m.ko sections: $secs"
        info "$m.ko symbols:  $syms"
        [[ $secs != *module_relocs* ]] || fail "$m.ko still has .klp.module_relocs sections"
    done
    syms=$(readelf -sW "$WORK/klp_rk_vmlinux.ko")
    for s in mm_slots_hash,2 nr_processes,0 saved_command_line,0 total_forks,0; do
        grep -qE " \.klp\.sym\.vmlinux\.$s\$" <<<"$syms" || fail "klp_rk_vmlinux.ko lacks .klp.sym.vmlinux.$s"
    done
    # grep -q on a pipe would end readelf early; with pipefail that SIGPIPE fails the check.
    grep -qF '.klp.rela.vmlinux.' <<<"$(readelf -SW "$WORK/klp_rk_vmlinux.ko")" || fail "klp_rk_vmlinux.ko has no .klp.rela.vmlinux.* section"
    syms=$(readelf -sW "$WORK/klp_rk_binfmt.ko")
    for s in enabled,0 entries,0 entries_lock,0; do
        grep -qE " \.klp\.sym\.binfmt_misc\.$s\$" <<<"$syms" || fail "klp_rk_binfmt.ko lacks .klp.sym.binfmt_misc.$s"
    done
    grep -qF '.klp.rela.binfmt_misc.' <<<"$(readelf -SW "$WORK/klp_rk_binfmt.ko")" || fail "klp_rk_binfmt.ko has no .klp.rela.binfmt_misc.* section"
    ok "converted modules carry the expected klp sections and symbols"
}

# ---------------------------------------------------------------- step 5: boot 2

boot_patch() {
    local body=$WORK/patch.body
    cat >"$body" <<'EOF'
load /mods/binfmt_misc.ko
mkdir -p /bm
mount -t binfmt_misc none /bm
say "status-before: $(cat /bm/status)"
load /mods/klp_rk_vmlinux.ko
load /mods/klp_rk_binfmt.ko
settle klp_rk_vmlinux
settle klp_rk_binfmt
show_patch klp_rk_vmlinux vmlinux
show_patch klp_rk_binfmt binfmt_misc
say "cmdline-patched: $(cat /proc/cmdline)"
grep -E ' (mm_slots_hash|saved_command_line)$' /proc/kallsyms | sed 's/^/@@ kallsyms: /'
say "status-patched: $(cat /bm/status)"
echo ':klprk:E::klprk::/bin/busybox:' > /bm/register
say "status-registered: $(cat /bm/status)"
echo 0 > /bm/status
say "status-disabled: $(cat /bm/status)"
echo 0 > /sys/kernel/livepatch/klp_rk_vmlinux/enabled
say "disable klp_rk_vmlinux rc=$?"
settle klp_rk_vmlinux
say "cmdline-unpatched: $(cat /proc/cmdline)"
say "livepatch dirs: $(ls /sys/kernel/livepatch | tr '\n' ' ')"
EOF
    make_initramfs patch "$body" "$TARGET_KO" "$WORK/klp_rk_vmlinux.ko" "$WORK/klp_rk_binfmt.ko"
    boot patch

    local m
    for m in binfmt_misc klp_rk_vmlinux klp_rk_binfmt; do
        expect "insmod $m.ko rc=0" "insmod $m.ko exits 0"
    done
    for m in klp_rk_vmlinux klp_rk_binfmt; do
        expect "livepatch: '$m': patching complete" "dmesg: '$m': patching complete"
        expect "sysfs $m enabled=1 transition=0" "/sys/kernel/livepatch/$m/enabled = 1"
    done
    expect "sysfs klp_rk_binfmt/binfmt_misc patched=1" "binfmt_misc object patched = 1"
    expect_not "Unknown symbol" "no Unknown symbol"
    expect_not "livepatch: symbol" "no livepatch symbol errors"

    # /proc/cmdline: original text plus what the replacement read.
    local before patched rest re
    before=$(guest_value 'cmdline-before: ')
    patched=$(guest_value 'cmdline-patched: ')
    [[ $before == *"$TOKEN"* ]] || fail "guest command line lacks $TOKEN: $before"
    [[ $patched == "$before ["* ]] || fail "patched /proc/cmdline does not start with the saved command line: $patched"
    rest=${patched#"$before "}
    re='^\[klp_rk_vmlinux: nr_processes=([0-9]+) total_forks=([0-9]+) saved_command_line@([0-9a-f]{16}) mm_slots_hash,2@([0-9a-f]{16})\]$'
    [[ $rest =~ $re ]] || fail "patched /proc/cmdline has an unexpected tail: $rest"
    local nproc=${BASH_REMATCH[1]} forks=${BASH_REMATCH[2]} scl=${BASH_REMATCH[3]} slots=${BASH_REMATCH[4]}
    ((nproc >= 1 && forks >= 1)) || fail "nr_processes=$nproc total_forks=$forks are not plausible"
    ok "patched /proc/cmdline echoes saved_command_line (token $TOKEN), nr_processes=$nproc, total_forks=$forks"

    # Addresses bound by the kernel against this boot's /proc/kallsyms.
    local k_scl k_slots1 k_slots2
    k_scl=$(sed -n 's/^@@ kallsyms: \([0-9a-f]*\) . saved_command_line$/\1/p' "$LINES_FILE")
    k_slots1=$(sed -n 's/^@@ kallsyms: \([0-9a-f]*\) . mm_slots_hash$/\1/p' "$LINES_FILE" | sed -n 1p)
    k_slots2=$(sed -n 's/^@@ kallsyms: \([0-9a-f]*\) . mm_slots_hash$/\1/p' "$LINES_FILE" | sed -n 2p)
    [[ -n $k_slots2 ]] || fail "guest kallsyms shows fewer than 2 mm_slots_hash lines"
    [[ $scl == "$k_scl" ]] || fail "&saved_command_line=$scl but kallsyms says $k_scl"
    ok "&saved_command_line = $scl = kallsyms saved_command_line"
    [[ $slots == "$k_slots2" ]] \
        || fail "KLP_SYMPOS(mm_slots_hash, 2) bound $slots; 2nd kallsyms copy is $k_slots2 (1st $k_slots1)"
    ok "KLP_SYMPOS(mm_slots_hash, 2) bound $slots = 2nd kallsyms copy (1st is $k_slots1)"

    # binfmt_misc status: the module's real state, read through its statics.
    expect "status-before: enabled" "binfmt_misc status before the patch"
    expect_not "status-before: enabled [" "status before the patch is unpatched"
    expect "status-patched: enabled [klp_rk_binfmt: enabled=1 entries=0]" "patched status reads enabled/entries"
    expect "status-registered: enabled [klp_rk_binfmt: enabled=1 entries=1]" "patched status follows a new entry"
    expect "status-disabled: disabled [klp_rk_binfmt: enabled=0 entries=1]" "patched status follows 'echo 0 > status'"

    # Disabling the vmlinux patch restores the original /proc/cmdline.
    expect "disable klp_rk_vmlinux rc=0" "echo 0 > /sys/kernel/livepatch/klp_rk_vmlinux/enabled"
    expect "livepatch: 'klp_rk_vmlinux': unpatching complete" "dmesg: 'klp_rk_vmlinux': unpatching complete"
    [[ $(guest_value 'cmdline-unpatched: ') == "$before" ]] \
        || fail "after disabling, /proc/cmdline is '$(guest_value 'cmdline-unpatched: ')', expected '$before'"
    ok "original /proc/cmdline is back after disabling"
}

# ---------------------------------------------------------------- step 6: boot 3

boot_late() {
    # Wrong sympos: same module with ".klp.sym.vmlinux.mm_slots_hash,2" edited
    # to ",3" in its string table. The kernel must refuse it.
    perl -0777 -pe 'BEGIN { $n = 0 } $n += s/\.klp\.sym\.vmlinux\.mm_slots_hash,2\0/.klp.sym.vmlinux.mm_slots_hash,3\0/g;
                    END { exit($n == 1 ? 0 : 1) }' \
        "$WORK/klp_rk_vmlinux.ko" >"$WORK/klp_rk_badpos.ko" \
        || fail "could not find the string .klp.sym.vmlinux.mm_slots_hash,2 exactly once"
    local body=$WORK/late.body
    cat >"$body" <<'EOF'
load /mods/klp_rk_badpos.ko
load /mods/klp_rk_binfmt.ko
settle klp_rk_binfmt
show_patch klp_rk_binfmt binfmt_misc
say "-- loading the target after its livepatch"
load /mods/binfmt_misc.ko
show_patch klp_rk_binfmt binfmt_misc
mkdir -p /bm
mount -t binfmt_misc none /bm
say "status-late: $(cat /bm/status)"
EOF
    make_initramfs late "$body" "$TARGET_KO" "$WORK/klp_rk_badpos.ko" "$WORK/klp_rk_binfmt.ko"
    boot late

    expect "livepatch: symbol position 3 for symbol 'mm_slots_hash' in object 'vmlinux' not found" \
        "sympos 3 (only 2 copies) is refused by the kernel"
    expect "insmod klp_rk_badpos.ko rc=22" "insmod of the sympos-3 module exits 22"
    expect "insmod klp_rk_binfmt.ko rc=0" "livepatch loads before its target"
    expect "sysfs klp_rk_binfmt/binfmt_misc patched=0" "object pending while binfmt_misc is absent"
    expect "livepatch: applying patch 'klp_rk_binfmt' to loading module 'binfmt_misc'" \
        "dmesg: klp relocations applied when binfmt_misc loads"
    expect "insmod binfmt_misc.ko rc=0" "binfmt_misc loads after its livepatch"
    expect "sysfs klp_rk_binfmt/binfmt_misc patched=1" "object patched once binfmt_misc is loaded"
    expect "status-late: enabled [klp_rk_binfmt: enabled=1 entries=0]" "patched status in late order"
}

# ---------------------------------------------------------------- step 7: the user guide

# docs/livepatch-a-distro-kernel.md, run as written: its marked blocks are
# extracted in order; "target" blocks before the first "build" block run in
# a guest (their files come back through the second serial port), "build"
# blocks run here in one shell, the remaining "target" blocks run in a
# second guest next to the module the build blocks made.
GUIDE=$REPO/docs/livepatch-a-distro-kernel.md
GUIDE_MODULE=klp_hello

extract_guide() { # <dir>: files NN-build, NN-target, NN-file_<name>, in guide order
    awk -v out="$1" '
        /^<!-- guide:(build|target|file [^ ]+) -->$/ {
            tag = $0; sub(/^<!-- guide:/, "", tag); sub(/ -->$/, "", tag); sub(/ /, "_", tag)
            want = 1; next }
        want && /^```/ { n++; name = sprintf("%s/%02d-%s", out, n, tag); printf "" > name
                         inblock = 1; want = 0; next }
        inblock && /^```$/ { inblock = 0; close(name); next }
        inblock { print > name }
    ' "$GUIDE"
}

# The guide says "sudo"; the guests and a root host run the command directly.
SUDO_SHIM='sudo() { if [ "$(id -u)" = 0 ]; then "$@"; else command sudo "$@"; fi; }'

guide_scripts() { # <blocks dir> <guide work dir>: guide-{a,b,c}.sh in $WORK, files in <guide work dir>
    local f kind phase=a n_build=0 n_target=0
    { echo "$SUDO_SHIM"; echo "set -e"; } >"$WORK/guide-a.sh"
    { echo "$SUDO_SHIM"; echo "set -e"; } >"$WORK/guide-c.sh"
    { echo "$SUDO_SHIM"; echo "set -euo pipefail"; } >"$WORK/guide-b.sh"
    for f in "$1"/*; do
        kind=${f##*/[0-9][0-9]-}
        case $kind in
            target)
                n_target=$((n_target + 1))
                if [[ $phase == a ]]; then cat "$f" >>"$WORK/guide-a.sh"; else cat "$f" >>"$WORK/guide-c.sh"; fi ;;
            build)
                n_build=$((n_build + 1))
                phase=c
                cat "$f" >>"$WORK/guide-b.sh" ;;
            file_*)
                cp "$f" "$2/${kind#file_}" ;;
            *) fail "guide: unknown block kind '$kind'" ;;
        esac
    done
    ((n_build >= 3 && n_target >= 2)) || fail "guide: only $n_build build and $n_target target blocks in $GUIDE"
    ok "guide: $n_build build blocks, $n_target target blocks, files: $(ls "$2" | tr '\n' ' ')"
}

guide_target_files() { # <guide work dir>: section 1 on the target; its files come back
    local body=$WORK/guide1.body
    cat >"$body" <<'EOF'
mkdir -p /guide && cd /guide
sh /mods/guide-a.sh >/tmp/guide.out 2>&1
rc=$?
sed 's/^/@@ guide: /' /tmp/guide.out
say "guide target part 1 rc=$rc"
stty -F /dev/ttyS1 raw -echo
tar -cf - . | gzip -1 > /dev/ttyS1
EOF
    make_initramfs guide1 "$body" "$WORK/guide-a.sh"
    boot guide1 -serial mon:stdio -serial "file:$WORK/guide1.tar.gz"
    expect "guide target part 1 rc=0" "guide section 1 runs on the target"
    gzip -dc "$WORK/guide1.tar.gz" | tar -xf - -C "$1" || fail "guide: the target's files did not come back"
    [[ $(cat "$1/kernel-release") == "$KVER" ]] || fail "guide: kernel-release is '$(cat "$1/kernel-release")', not $KVER"
    local n
    n=$(wc -l <"$1/kallsyms")
    ((n > 50000)) || fail "guide: kallsyms from the target has only $n lines"
    ok "guide: kernel-release $KVER and kallsyms ($n lines) from the target"
}

guide_build() { # <guide work dir>: sections 2, 3 and 5 with our tools under the guide's names
    local tools=$WORK/guide-bin rc=0
    mkdir -p "$tools"
    ln -sf "$KLP_TOOL" "$tools/klp-tool"
    ln -sf "$KLP_CONVERT" "$tools/klp-convert"
    # A concurrent apt/dpkg must not fail the guide's apt-get: wait for its lock.
    printf 'DPkg::Lock::Timeout "600";\n' >"$WORK/apt.conf"
    (cd "$1" && PATH=$tools:$PATH APT_CONFIG=$WORK/apt.conf bash "$WORK/guide-b.sh") >"$WORK/guide-b.log" 2>&1 || rc=$?
    sed 's/^/    guide: /' "$WORK/guide-b.log"
    ((rc == 0)) || fail "guide: the build machine blocks failed (exit $rc)"
    grep -qx 'saved_command_line: annotated' "$WORK/guide-b.log" || fail "guide: explain does not say saved_command_line: annotated"
    grep -qx 'total_forks: unique' "$WORK/guide-b.log" || fail "guide: explain does not say total_forks: unique"
    grep -qF 'the conversion would succeed' "$WORK/guide-b.log" || fail "guide: explain does not predict success"
    [[ -f $1/$GUIDE_MODULE.ko ]] || fail "guide: no $GUIDE_MODULE.ko was made"
    grep -qx '    binfmt_misc, position 0' "$WORK/guide-b.log" \
        || fail "guide: symbols query on the file made from /lib/modules does not show binfmt_misc's bm_status_read"
    ok "guide: $GUIDE_MODULE.ko built, explained, converted and verified as written"
}

guide_target_patch() { # <guide work dir>: section 6 on the target
    local body=$WORK/guide2.body
    cat >"$body" <<'EOF'
cd /mods
sh /mods/guide-c.sh >/tmp/guide.out 2>&1
rc=$?
sed 's/^/@@ guide: /' /tmp/guide.out
say "guide target part 2 rc=$rc"
say "modules after: $(cut -d' ' -f1 /proc/modules | tr '\n' ' ')"
EOF
    make_initramfs guide2 "$body" "$WORK/guide-c.sh" "$1/$GUIDE_MODULE.ko"
    boot guide2
    expect "guide target part 2 rc=0" "guide section 6 runs on the target"
    expect "livepatch: '$GUIDE_MODULE': patching complete" "dmesg: '$GUIDE_MODULE': patching complete"
    expect_re "^@@ guide: .*$TOKEN.* \[$GUIDE_MODULE: total_forks=[1-9][0-9]*\]$" \
        "patched /proc/cmdline reads both non-exported symbols"
    expect "livepatch: '$GUIDE_MODULE': unpatching complete" "dmesg: '$GUIDE_MODULE': unpatching complete"
    local last
    last=$(grep -E "^@@ guide: .*$TOKEN" "$LINES_FILE" | tail -1)
    [[ $last != *"[$GUIDE_MODULE:"* ]] || fail "guide: /proc/cmdline still patched after disabling: $last"
    expect_not "modules after: $GUIDE_MODULE" "rmmod $GUIDE_MODULE unloads it"
}

run_guide() {
    local blocks=$WORK/guide.blocks gw=$WORK/guide
    rm -rf "$blocks" "$gw"
    mkdir -p "$blocks" "$gw"
    extract_guide "$blocks"
    guide_scripts "$blocks" "$gw"
    guide_target_files "$gw"
    guide_build "$gw"
    guide_target_patch "$gw"
    ok "the guide took an empty directory to a patched running $KVER and back"
}

# ---------------------------------------------------------------- main

main() {
    [[ $(uname -m) == x86_64 ]] || skip "host is $(uname -m), the test needs x86_64"
    command -v dpkg-query >/dev/null || skip "not a Debian host"
    if [[ -n ${KLP_RK_WORK:-} ]]; then
        WORK=$KLP_RK_WORK
        mkdir -p "$WORK"
    else
        WORK=$(mktemp -d "${TMPDIR:-/tmp}/klp-rk.XXXXXX")
    fi
    printf 'klp-convert real-kernel test; work directory %s\n' "$WORK"
    printf 'KLP_CONVERT=%s\nKLP_TOOL=%s\n' "$KLP_CONVERT" "$KLP_TOOL"

    step "1. packages and kernel version"
    install_packages
    find_kver
    [[ -x $BUSYBOX ]] || fail "$BUSYBOX missing (busybox-static)"
    command -v qemu-system-x86_64 >/dev/null || fail "qemu-system-x86_64 missing"

    step "2. build the livepatch modules against $KDIR"
    build_modules
    find_target_module

    step "3. boot 1: dump /proc/kallsyms (binfmt_misc loaded); negative control with unconverted modules"
    boot_dump

    step "4. symbols file (klp-tool) and conversion (klp-convert)"
    make_symbols
    convert_modules

    step "5. boot 2: load binfmt_misc and both converted livepatches, check, disable"
    boot_patch

    step "6. boot 3: wrong sympos refused; livepatch before its target module"
    boot_late

    step "7. docs/livepatch-a-distro-kernel.md, every block as written"
    run_guide

    step_end
    printf '\nPASS: klp-convert output loads and patches on %s (total %ss)\n' "$KVER" "$(elapsed "$T_START")"
    printf '%s\n' "${SUMMARY[@]}"
}

main "$@"
