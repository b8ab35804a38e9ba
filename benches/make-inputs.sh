#!/bin/sh
# Writes the benchmark inputs into DIR: en-1m.md, en-10m.md (English Markdown) and zh-1m.txt,
# zh-10m.txt (Chinese plain text), each the sample articles in assets/articles repeated until
# the file is about that size (cut at a line break). Nothing large is committed; run it where the space is temporary.
set -eu
dir=${1:?usage: make-inputs.sh DIR}
here=$(cd "$(dirname "$0")/.." && pwd)
articles=$here/assets/articles
mkdir -p "$dir"

# repeat SIZE OUT FILE...: appends FILE... (blank line between) to OUT until it holds SIZE bytes.
repeat() {
    size=$1 out=$2
    shift 2
    : >"$out"
    while [ "$(wc -c <"$out")" -lt "$size" ]; do
        # One round is small, so grow by doubling once the first round is in.
        if [ -s "$out" ]; then
            cat "$out" "$out" >"$out.tmp" && mv "$out.tmp" "$out"
        else
            for f in "$@"; do cat "$f"; printf '\n\n'; done >"$out"
        fi
    done
    # Cut at the last line break before SIZE, so no character is split.
    head -c "$size" "$out" | sed '$d' >"$out.tmp" && mv "$out.tmp" "$out"
}

en="$articles/terminal-notes.md $articles/on-walking-slowly.txt $articles/harbour-ferries-web-dump.txt"
zh="$articles/竹林的经济学.txt $articles/深圳的开源社区-mixed.txt"
# shellcheck disable=SC2086
repeat 1048576 "$dir/en-1m.md" $en
# shellcheck disable=SC2086
repeat 10485760 "$dir/en-10m.md" $en
# shellcheck disable=SC2086
repeat 1048576 "$dir/zh-1m.txt" $zh
# shellcheck disable=SC2086
repeat 10485760 "$dir/zh-10m.txt" $zh
