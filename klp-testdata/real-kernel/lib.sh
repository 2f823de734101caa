# Reporting and guest-line assertions shared by the real-kernel test scripts
# (run.sh, run-arch.sh); sourced, not run. The caller sets WORK (work directory, or
# empty) and may set KEEP_WORK=1.
# shellcheck shell=bash

T_START=$EPOCHREALTIME
T_STEP=$T_START
STEP_NAME=""
declare -a SUMMARY=()
WORK=${WORK:-}
KEEP_WORK=${KEEP_WORK:-0}
LINES_FILE=""

elapsed() { # <from> [<to>] -> seconds with one decimal
    awk -v a="$1" -v b="${2:-$EPOCHREALTIME}" 'BEGIN { printf "%.1f", b - a }'
}

step_end() {
    [[ -n $STEP_NAME ]] || return 0
    local took
    took=$(elapsed "$T_STEP")
    SUMMARY+=("$(printf '%6ss  %s' "$took" "$STEP_NAME")")
    printf '    -- %s: %ss\n' "$STEP_NAME" "$took"
    STEP_NAME=""
}

step() {
    step_end
    STEP_NAME=$1
    T_STEP=$EPOCHREALTIME
    printf '\n==> [+%ss] %s\n' "$(elapsed "$T_START")" "$STEP_NAME"
}

info() { printf '    %s\n' "$*"; }
ok()   { printf '    ok   %s\n' "$*"; }

fail() {
    printf '\nFAIL [%s]: %s\n' "${STEP_NAME:-setup}" "$*" >&2
    if [[ -n $WORK ]]; then
        printf 'work directory kept: %s\n' "$WORK" >&2
        KEEP_WORK=1
    fi
    exit 1
}

skip() {
    printf '\nSKIP: %s\n' "$*" >&2
    exit 77
}

# expect <substring> <description>: a guest line contains the fixed string
expect() {
    grep -qF -- "$1" "$LINES_FILE" || fail "$2: no guest line contains: $1"
    ok "$2"
}
expect_re() {
    grep -qE -- "$1" "$LINES_FILE" || fail "$2: no guest line matches: $1"
    ok "$2"
}
expect_not() {
    if grep -F -- "$1" "$LINES_FILE" >&2; then fail "$2: unexpected guest line containing: $1"; fi
    ok "$2"
}
guest_value() { # <prefix>: the rest of the first line "@@ <prefix>"
    sed -n "s/^@@ $1//p" "$LINES_FILE" | head -1
}
