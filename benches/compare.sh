#!/usr/bin/env bash
# Times folio against the tools a reader would otherwise use, on generated inputs, and checks
# every target of issues 6 and 19. Prints a table: target, measured, PASS/MISS.
#
#   benches/compare.sh            everything (builds release, runs `cargo bench` too)
#   SKIP_CARGO_BENCH=1 benches/compare.sh   only the binary measurements
#   RUNS=11 benches/compare.sh    more runs per median (default 7)
#
# Times are medians of RUNS runs. Each command is timed twice over: wall clock and CPU time
# (user + system, from /usr/bin/time, which also gives the peak memory). The verdict uses the
# CPU time, which is what the wall clock would be on an idle machine for these
# single-threaded commands, so a busy machine does not turn every target into a MISS; both
# are printed. The library listing is judged on wall time (its scan uses every core).
#
# First-frame times run the real binary in a pseudo-terminal (script(1), 120x40) with
# FOLIO_EXIT_AFTER_FIRST_FRAME=1, which makes folio quit right after drawing its first frame;
# the cost of script itself (measured with `true`) is subtracted.
#
# Needs: bash, script (util-linux), /usr/bin/time (Debian package `time`). Optional: less,
# fmt, pandoc, mdcat, glow, whichever are installed.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
runs=${RUNS:-7}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if [ ! -x /usr/bin/time ]; then
    echo "compare.sh needs /usr/bin/time (Debian: apt-get install time)" >&2
    exit 1
fi

echo "building folio (release)..." >&2
cargo build --release --quiet --manifest-path "$root/Cargo.toml"
folio=$root/target/release/folio
"$root/benches/make-inputs.sh" "$tmp/in"
export FOLIO_HOME=$tmp/home NO_COLOR=1
mkdir -p "$FOLIO_HOME"

# measure NAME CMD...: runs CMD $runs times (output discarded) and records the medians of
# wall ms, CPU ms and peak KB as WALL[NAME], CPU[NAME], RSS[NAME].
declare -A WALL CPU RSS
measure() {
    local name=$1
    shift
    local walls=() cpus=() rsss=()
    for _ in $(seq "$runs"); do
        local start=$EPOCHREALTIME
        /usr/bin/time -f "%U %S %M" -o "$tmp/time" "$@" >/dev/null 2>&1 </dev/null || true
        local end=$EPOCHREALTIME
        walls+=("$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.1f", (e - s) * 1000 }')")
        read -r user sys kb <"$tmp/time"
        cpus+=("$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.1f", (u + s) * 1000 }')")
        rsss+=("$kb")
    done
    WALL[$name]=$(printf '%s\n' "${walls[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
    CPU[$name]=$(printf '%s\n' "${cpus[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
    RSS[$name]=$(printf '%s\n' "${rsss[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
}

# measure_pty NAME CMD: measure, with the shell command CMD run in a 120x40 pseudo-terminal.
measure_pty() {
    measure "$1" script -qec "stty rows 40 cols 120; $2" /dev/null
}

rows=()
# row TARGET MEASURED VERDICT
row() { rows+=("$(printf '%-58s %-30s %s' "$1" "$2" "$3")"); }
# verdict VALUE LIMIT: PASS when VALUE <= LIMIT.
verdict() { awk -v v="$1" -v l="$2" 'BEGIN { print (v + 0 <= l + 0) ? "PASS" : "MISS" }'; }
# minus A B: A - B, not below 0.
minus() { awk -v a="$1" -v b="$2" 'BEGIN { d = a - b; printf "%.1f", d < 0 ? 0 : d }'; }

echo "timing the binaries ($runs runs each)..." >&2
en10=$tmp/in/en-10m.md
measure render "$folio" render --width 100 "$en10"
measure render-zh "$folio" render --width 100 "$tmp/in/zh-10m.txt"
others=()
if command -v fmt >/dev/null; then measure fmt fmt -w 100 "$en10"; others+=(fmt); fi
if command -v less >/dev/null; then
    measure_pty less "LESS= less -X +q $en10"
    others+=(less)
fi
if command -v pandoc >/dev/null; then measure pandoc pandoc -t plain --columns 100 "$en10"; others+=(pandoc); fi
if command -v mdcat >/dev/null; then measure mdcat mdcat --columns 100 "$en10"; others+=(mdcat); fi
if command -v glow >/dev/null; then measure glow glow -w 100 "$en10"; others+=(glow); fi

first=FOLIO_EXIT_AFTER_FIRST_FRAME
measure_pty pty-baseline true
for input in en-1m.md en-10m.md zh-1m.txt zh-10m.txt; do
    measure_pty "frame-$input" "$first=1 $folio $tmp/in/$input"
done
measure_pty complete-en "$first=complete $folio $en10"
measure_pty complete-zh "$first=complete $folio $tmp/in/zh-10m.txt"

# A library of 5,000 articles: the sample articles under numbered names, written by bash
# builtins (no process per file). One run fills the cache; the timed runs find it warm.
mkdir -p "$tmp/library"
names=("$root"/assets/articles/*)
for i in $(seq 5000); do
    source_file=${names[$((i % ${#names[@]}))]}
    base=${source_file##*/}
    printf '%s\n\nCopy %d.\n' "$(<"$source_file")" "$i" >"$tmp/library/$i-$base"
done
script -qec "stty rows 40 cols 120; $first=1 $folio $tmp/library" /dev/null >/dev/null 2>&1 </dev/null || true
measure_pty library "$first=1 $folio $tmp/library"

# The same library with a store of 100,000 highlights, 20 on each article, written as folio
# writes a store (pretty-printed JSON, about 90 MB): the first screen must not wait for it.
store_home=$tmp/store-home
mkdir -p "$store_home"
ls "$tmp/library" | awk -v dir="$tmp/library" -v per=20 '
function q(s) { return "\"" s "\"" }
{ names[++n] = $0 }
END {
    stamp = q("2026-12-06T10:00:00Z")
    print "{\n  \"format\": \"folio-annotations\",\n  \"schema_version\": 1,"
    print "  \"generation\": 1,\n  \"saved_at\": " stamp ",\n  \"saved_by\": \"compare.sh\","
    print "  \"documents\": {"
    for (d = 1; d <= n; d++) {
        hash = sprintf("%064x", d)
        printf "    %s: {\n      \"title\": \"Copy %d\",\n", q(substr(hash, 49)), d
        printf "      \"paths\": [%s],\n", q(dir "/" names[d])
        printf "      \"text\": {\"hash\": %s, \"chars\": 5000, \"parser\": \"markdown\"},\n", q(hash)
        print "      \"annotations\": ["
        for (a = 1; a <= per; a++) {
            id = sprintf("01JF%022d", d * per + a)
            printf "        {\n          \"id\": %s,\n          \"created_at\": %s,\n", q(id), stamp
            printf "          \"updated_at\": %s,\n          \"deleted_at\": null,\n", stamp
            print "          \"color\": \"yellow\",\n          \"tags\": [],\n          \"note\": \"\","
            print "          \"target\": {\n            \"quote\": {"
            print "              \"exact\": \"a passage worth keeping\","
            print "              \"prefix\": \"the words that come before it, \","
            print "              \"suffix\": \" and the words that follow it.\""
            printf "            },\n            \"position\": {\"start\": %d, \"end\": %d},\n", a * 100, a * 100 + 23
            printf "            \"section\": [],\n            \"text_hash\": %s\n          },\n", q(hash)
            printf "          \"anchor\": {\"status\": \"verified\"}\n        }%s\n", (a < per ? "," : "")
        }
        printf "      ]\n    }%s\n", (d < n ? "," : "")
    }
    print "  }\n}"
}' >"$store_home/annotations.json"
measure_pty library-store "FOLIO_HOME=$store_home $first=1 $folio $tmp/library"

base=${CPU[pty-baseline]}
base_wall=${WALL[pty-baseline]}
frame_cpu() { minus "${CPU[frame-$1]}" "$base"; }
f1=$(frame_cpu en-1m.md)
f10=$(frame_cpu en-10m.md)
z1=$(frame_cpu zh-1m.txt)
z10=$(frame_cpu zh-10m.txt)
row "first frame, 1 MB Markdown (<= 30 ms)" "$f1 ms" "$(verdict "$f1" 30)"
row "first frame, 1 MB Chinese (<= 30 ms)" "$z1 ms" "$(verdict "$z1" 30)"
row "first frame, 10 MB Markdown (<= 150 ms)" "$f10 ms" "$(verdict "$f10" 150)"
row "first frame, 10 MB Chinese (<= 50 ms)" "$z10 ms" "$(verdict "$z10" 50)"
if [ -n "${WALL[less]:-}" ]; then
    # Against less on the wall clock: less's CPU time is below what /usr/bin/time resolves,
    # and its wall time is often within the pty's own noise: it counts as 10 ms at least.
    folio_wall=$(minus "${WALL[frame-en-10m.md]}" "$base_wall")
    less_wall=$(minus "${WALL[less]}" "$base_wall")
    times_less=$(awk -v a="$folio_wall" -v b="$less_wall" 'BEGIN { printf "%.1f", a / (b > 10 ? b : 10) }')
    row "first frame, 10 MB Markdown (<= 3x less, wall)" \
        "$folio_wall ms = ${times_less}x less ($less_wall ms)" "$(verdict "$times_less" 3)"
fi

if [ -n "${CPU[fmt]:-}" ]; then
    ratio=$(awk -v a="${CPU[render]}" -v b="${CPU[fmt]}" 'BEGIN { printf "%.2f", a / b }')
    row "render --width 100, 10 MB Markdown (<= 2x fmt -w 100)" \
        "${CPU[render]} ms = ${ratio}x fmt" "$(verdict "$ratio" 2)"
else
    row "render --width 100, 10 MB Markdown (<= 2x fmt -w 100)" "fmt not installed" "MISS"
fi

size_mb() { awk -v b="$(stat -c %s "$1")" 'BEGIN { printf "%.1f", b / 1048576 }'; }
memory_row() {
    local what=$1 key=$2 file=$3
    local mb limit
    mb=$(awk -v k="${RSS[$key]}" 'BEGIN { printf "%.1f", k / 1024 }')
    limit=$(awk -v s="$(size_mb "$file")" 'BEGIN { printf "%.1f", 4 * s + 30 }')
    row "peak memory, $what (<= 4x size + 30 MB = $limit MB)" "$mb MB" "$(verdict "$mb" "$limit")"
}
memory_row "render 10 MB Markdown" render "$en10"
memory_row "reader, 10 MB Markdown wholly wrapped" complete-en "$en10"
memory_row "reader, 10 MB Chinese wholly wrapped" complete-zh "$tmp/in/zh-10m.txt"

lib=$(minus "${WALL[library]}" "$base_wall")
row "library of 5,000 articles listed, warm cache (<= 200 ms)" "$lib ms (wall)" "$(verdict "$lib" 200)"
lib_store=$(minus "${WALL[library-store]}" "$base_wall")
row "that library, store of 100,000 highlights (<= 200 ms)" "$lib_store ms (wall)" \
    "$(verdict "$lib_store" 200)"

# The in-process targets come from the divan benchmarks' medians.
if [ -z "${SKIP_CARGO_BENCH:-}" ]; then
    echo "running cargo bench (a few minutes)..." >&2
    (cd "$root" && cargo bench --quiet --bench hot_paths) >"$tmp/divan.txt" 2>&1
    # median GROUP ARG: the median of a divan row, in ms. Rows are a group line, then one
    # line per argument; columns are fastest, slowest, median, mean.
    median() {
        awk -v group="$1" -v arg="$2" '
            function ms(cell,   n, unit) {
                n = cell + 0; unit = cell; gsub(/[0-9. ]/, "", unit)
                if (unit == "ns") return n / 1e6; if (unit == "µs") return n / 1e3
                if (unit == "s") return n * 1e3; return n
            }
            {
                line = $0; sub(/^[│├╰─ ]+/, "", line)
                split(line, cell, "│")
                name = cell[1]; sub(/ +[0-9.]+ *(ns|µs|ms|s) *$/, "", name); sub(/ +$/, "", name)
                if (name == group && arg == "") { printf "%.3f", ms(cell[3]); exit }
                if (name == group) { inside = 1; next }
                if (inside && name == arg) { printf "%.3f", ms(cell[3]); exit }
            }' "$tmp/divan.txt"
    }
    for key in j Space ] G; do
        small=$(median key "$key/en-10k")
        large=$(median key "$key/en-10m")
        ratio=$(awk -v a="$large" -v b="$small" 'BEGIN { printf "%.2f", a / b }')
        ok=$(awk -v l="$large" -v r="$ratio" 'BEGIN { print (l <= 2 && r <= 1.5) ? "PASS" : "MISS" }')
        row "key '$key' + redraw, 10 MB (<= 2 ms, <= 1.5x 10 KB)" "$large ms = ${ratio}x 10 KB" "$ok"
    done
    resize=$(median resize en-10m)
    row "resize + redraw, 10 MB (<= 50 ms)" "$resize ms" "$(verdict "$resize" 50)"
    for lang in en zh; do
        first=$(median search_first "$lang-10m")
        row "search 10 MB ($lang): first match shown (<= 30 ms)" "$first ms" "$(verdict "$first" 30)"
        row "search 10 MB ($lang): all matches counted (<= 100 ms)" "$first ms" "$(verdict "$first" 100)"
    done
    # Issue 12's budget for the plain-text parser: decode, normalise, parse, build.
    parse=$(median load zh-1m)
    row "1 MB Chinese text dump parsed (<= 30 ms)" "$parse ms" "$(verdict "$parse" 30)"
    load=$(median store_load_verify "")
    save=$(median store_save_one_change "")
    row "store of 10,000 highlights loaded and verified (<= 50 ms)" "$load ms" "$(verdict "$load" 50)"
    row "one change saved to that store (<= 15 ms)" "$save ms" "$(verdict "$save" 15)"
    open_large=$(median store_100k_open "")
    save_large=$(median store_100k_save_one_change "")
    # The library does not wait for this (its row above, with this store, is the target);
    # the store worker reads it in the background before the highlight counts fill in.
    row "store of 100,000 highlights read whole, in the background (<= 200 ms)" \
        "$open_large ms" "$(verdict "$open_large" 200)"
    row "one change saved to that store (<= 15 ms)" "$save_large ms" "$(verdict "$save_large" 15)"
    for typed in s "social comm" "电商"; do
        filter=$(median notes_filter_keystroke "$typed")
        row "notes list of 10,000 filtered per keystroke, '$typed' (<= 50 ms)" "$filter ms" \
            "$(verdict "$filter" 50)"
        whole=$(median library_notes_filter_keystroke "$typed")
        row "library-wide notes list of 10,000 filtered per keystroke, '$typed' (<= 50 ms)" \
            "$whole ms" "$(verdict "$whole" 50)"
    done
fi

echo
echo "machine: $(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)," \
    "$(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo) memory," \
    "load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "Medians of $runs runs, 10 MB English Markdown, width 100 (ms: CPU, then wall clock):"
printf '  %-8s %10s %10s %8s\n' tool cpu wall "vs fmt"
for tool in render "${others[@]}"; do
    label=$tool
    [ "$tool" = render ] && label="folio"
    vs=$([ -n "${CPU[fmt]:-}" ] && awk -v a="${CPU[$tool]}" -v b="${CPU[fmt]}" 'BEGIN { printf "%.2fx", a / b }' || echo -)
    printf '  %-8s %10s %10s %8s\n' "$label" "${CPU[$tool]}" "${WALL[$tool]}" "$vs"
done
echo "  (less: first screen in a 120x40 pty, then quit; folio Chinese 10 MB render: ${CPU[render-zh]} ms)"
echo
printf '%-58s %-30s %s\n' target measured verdict
printf '%s\n' "${rows[@]}"
