#!/usr/bin/env bash
# What every CI script sources: `section` prints a heading and first restores /dev/null.

# Some sandboxes ship /dev/null as a regular file, and some turn it back into one while a run goes
# on. Then what one process discards another reads back: a build script's rustc probe writes its
# warnings there and cargo's next target-info probe (`rustc -` with stdin from /dev/null) reads
# them as source and fails. Every section starts by restoring the device.
restore_dev_null() {
    if [[ -c /dev/null ]]; then
        return
    fi
    echo "/dev/null is not a character device; recreating it"
    replacement="/dev/null.ci-$$"
    if mknod -m 666 "$replacement" c 1 3 && mv -f "$replacement" /dev/null; then
        echo "/dev/null restored"
    else
        echo "error: /dev/null is a regular file and could not be recreated (mknod needs root);" \
            "cargo's rustc probes would read stale output from it" >&2
        exit 1
    fi
}

section() {
    printf '\n==== %s ====\n' "$*"
    restore_dev_null
}
