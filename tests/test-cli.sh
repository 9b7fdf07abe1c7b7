#!/bin/sh
# test-cli.sh
#
# Copyright 2026 The Tandem authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs tandem-cli against portfolios written by make-portfolio and checks
# its output and exit status.
#
#   test-cli.sh [TANDEM_CLI [MAKE_PORTFOLIO]]
#
# The two programs come from the arguments, or else from the environment
# variables of the same names.  Reports in TAP: one "ok"/"not ok" line per
# check, details on "#" lines, the plan at the end.  Exits 1 if any check
# failed, 99 ("Bail out!") if the test could not run at all.

set -u

TANDEM_CLI=${1:-${TANDEM_CLI:-}}
MAKE_PORTFOLIO=${2:-${MAKE_PORTFOLIO:-}}

bail () {
  echo "Bail out! $*"
  echo "test-cli.sh: $*" >&2
  exit 99
}

if [ -z "$TANDEM_CLI" ] || [ ! -x "$TANDEM_CLI" ]; then
  bail "tandem-cli not found (got “$TANDEM_CLI”); pass its path as the first argument"
fi
if [ -z "$MAKE_PORTFOLIO" ] || [ ! -x "$MAKE_PORTFOLIO" ]; then
  bail "make-portfolio not found (got “$MAKE_PORTFOLIO”); pass its path as the second argument"
fi

# Untranslated output, whatever the caller's locale.
LC_ALL=C.UTF-8
LANGUAGE=C
export LC_ALL LANGUAGE

tmp=$(mktemp -d "${TMPDIR:-/tmp}/tandem-cli-test.XXXXXX") || bail "could not make a temporary folder"
trap 'rm -rf "$tmp"' EXIT
trap 'exit 99' HUP INT TERM

tab=$(printf '\t')
failures=0
checks=0

fail () {
  checks=$((checks + 1))
  failures=$((failures + 1))
  echo "not ok $checks - $*"
}

pass () {
  checks=$((checks + 1))
  echo "ok $checks - $*"
}

note () {
  echo "# $*"
}

show () {
  # Shows a captured file under a failure, as TAP comments.
  sed 's/^/#   | /' "$1"
}

# run NAME ARGS…: runs tandem-cli, leaving stdout in $tmp/NAME.out, stderr in
# $tmp/NAME.err and the exit status in $rc.
run () {
  name=$1
  shift
  "$TANDEM_CLI" "$@" >"$tmp/$name.out" 2>"$tmp/$name.err"
  rc=$?
}

expect_status () {
  # expect_status NAME EXPECTED WHAT
  if [ "$rc" -eq "$2" ]; then
    pass "$3: exit status $2"
  else
    fail "$3: exit status $rc, expected $2"
    note "stdout:"; show "$tmp/$1.out"
    note "stderr:"; show "$tmp/$1.err"
  fi
}

expect_one_error_line () {
  # expect_one_error_line NAME WHAT: exactly one line on stderr, starting
  # "tandem-cli: ", and nothing on stdout.
  lines=$(wc -l <"$tmp/$1.err")
  if [ "$lines" -eq 1 ] && grep -q '^tandem-cli: ' "$tmp/$1.err"; then
    pass "$2: one error line"
  else
    fail "$2: expected one line “tandem-cli: …” on stderr, got $lines"
    show "$tmp/$1.err"
  fi
  if [ -s "$tmp/$1.out" ]; then
    fail "$2: expected nothing on stdout"
    show "$tmp/$1.out"
  else
    pass "$2: nothing on stdout"
  fi
}

expect_no_stderr () {
  if [ -s "$tmp/$1.err" ]; then
    fail "$2: expected nothing on stderr"
    show "$tmp/$1.err"
  else
    pass "$2: nothing on stderr"
  fi
}

expect_text () {
  # expect_text FILE TEXT WHAT: FILE contains TEXT (a fixed string).
  if grep -qF -- "$2" "$1"; then
    pass "$3"
  else
    fail "$3: “$2” not found in:"
    show "$1"
  fi
}

expect_no_text () {
  if grep -qF -- "$2" "$1"; then
    fail "$3: “$2” should not be in:"
    show "$1"
  else
    pass "$3"
  fi
}

make_portfolio () {
  if ! "$MAKE_PORTFOLIO" "$@" >"$tmp/make.log" 2>&1; then
    show "$tmp/make.log"
    bail "make-portfolio $* failed: $(cat "$tmp/make.log")"
  fi
}

# table STATS-OUTPUT: rebuilds the 3×3 table of “tandem-cli stats” so that
# wrapped text can be compared whole.  Prints “BLOCK,COLUMN<TAB>text”, where
# block 0 is the header row and blocks 1–3 the matrix rows, column 1 the
# row headings and columns 2–4 the cells, with each piece of wrapped text
# joined back together by single spaces.
table () {
  awk -F'|' '
    BEGIN { block = 0; nblocks = 0 }
    /^-+(\+-+)+$/ { block++; next }
    NF == 4 {
      for (i = 1; i <= 4; i++) {
        f = $i
        gsub(/^ +| +$/, "", f)
        if (f != "")
          text[block, i] = (text[block, i] == "" ? f : text[block, i] " " f)
      }
      if (block + 1 > nblocks)
        nblocks = block + 1
    }
    END {
      for (b = 0; b < nblocks; b++)
        for (i = 1; i <= 4; i++) {
          t = text[b, i]
          gsub(/ +/, " ", t)
          printf "%d,%d\t%s\n", b, i, t
        }
    }
  ' "$1"
}

# expect_cell TABLE BLOCK,COLUMN TEXT WHAT
expect_cell () {
  got=$(awk -F'\t' -v k="$2" '$1 == k { print $2 }' "$1")
  if [ "$got" = "$3" ]; then
    pass "$4"
  else
    fail "$4: table cell $2 is “$got”, expected “$3”"
  fi
}

expect_max_width () {
  # expect_max_width FILE WIDTH WHAT, counting characters, not bytes: the
  # UTF-8 continuation bytes are dropped before measuring.
  widest=$(LC_ALL=C awk '{ s = $0; gsub(/[\200-\277]/, "", s); n = length(s); if (n > max) max = n }
                         END { print max + 0 }' "$1")
  if [ "$widest" -le "$2" ]; then
    pass "$3: no line wider than $2 ($widest)"
  else
    fail "$3: a line is $widest wide, more than $2"
    show "$1"
  fi
}

design_axis="Responsibility for design of services"
delivery_axis="Responsibility for delivery of services"
design_1="Professionals as sole service planner"
design_2="Professionals and service users/community as co-planners"
design_3="No professional input into service planning"
delivery_1="Professionals as sole service deliverers"
delivery_2="Professionals and users/communities as co-deliverers"
delivery_3="Users/communities as sole deliverers"
cell_1_1="Traditional professional service provision"
cell_1_2="Professional service provision but users/communities involved in planning and design"
cell_1_3="Professionals as sole service deliverers"
cell_2_1="User co-delivery of professionally designed services"
cell_2_2="Full co-production"
cell_2_3="User/community delivery of services with little formal/professional planning or design"
cell_3_1="User/community delivery of professionally planned services"
cell_3_2="User/community delivery of co-planned or co-designed services"
cell_3_3="Self-organised community provision"

cell_label () {
  eval "echo \"\$cell_$1_$2\""
}

uuid_re='[0-9a-f]\{8\}-[0-9a-f]\{4\}-[0-9a-f]\{4\}-[0-9a-f]\{4\}-[0-9a-f]\{12\}'

# ---- A seeded portfolio -----------------------------------------------------

seeded="$tmp/seeded.tandem"
make_portfolio "$seeded"
cp "$seeded" "$tmp/seeded.orig"

run list-seeded list "$seeded"
expect_status list-seeded 0 "list on the worked example"
expect_no_stderr list-seeded "list on the worked example"

n=$(wc -l <"$tmp/list-seeded.out")
if [ "$n" -eq 3 ]; then
  pass "list prints the three example initiatives"
else
  fail "list printed $n lines, expected 3"
  show "$tmp/list-seeded.out"
fi

bad=$(grep -cv "^$uuid_re$tab[1-3],[1-3]$tab..*\$" "$tmp/list-seeded.out")
if [ "$bad" -eq 0 ]; then
  pass "every list line is UUID<TAB>ROW,COL<TAB>title"
else
  fail "$bad list lines are not UUID<TAB>ROW,COL<TAB>title:"
  show "$tmp/list-seeded.out"
fi

if grep -q "^$uuid_re${tab}1,1${tab}Youth employability" "$tmp/list-seeded.out"; then
  pass "list shows the youth employability example at 1,1"
else
  fail "list does not show “Youth employability…” at 1,1"
  show "$tmp/list-seeded.out"
fi

uuids=$(cut -f1 "$tmp/list-seeded.out" | sort -u | wc -l)
if [ "$uuids" -eq 3 ]; then
  pass "list shows three different UUIDs"
else
  fail "list shows $uuids different UUIDs, expected 3"
fi

run stats-seeded stats "$seeded"
expect_status stats-seeded 0 "stats on the worked example"
expect_no_stderr stats-seeded "stats on the worked example"
expect_max_width "$tmp/stats-seeded.out" 100 "stats"
table "$tmp/stats-seeded.out" >"$tmp/stats-seeded.table"

first=$(head -n 1 "$tmp/stats-seeded.out" | sed 's/^ *//; s/ *$//')
if [ "$first" = "$design_axis" ]; then
  pass "stats starts with the design-axis heading"
else
  fail "stats title line is “$first”, expected “$design_axis”"
fi

expect_cell "$tmp/stats-seeded.table" 0,1 "$delivery_axis" "stats shows the delivery-axis heading"
expect_cell "$tmp/stats-seeded.table" 0,2 "$design_1" "stats heads column 1 with design-1"
expect_cell "$tmp/stats-seeded.table" 0,3 "$design_2" "stats heads column 2 with design-2"
expect_cell "$tmp/stats-seeded.table" 0,4 "$design_3" "stats heads column 3 with design-3"
expect_cell "$tmp/stats-seeded.table" 1,1 "$delivery_1" "stats starts row 1 with delivery-1"
expect_cell "$tmp/stats-seeded.table" 2,1 "$delivery_2" "stats starts row 2 with delivery-2"
expect_cell "$tmp/stats-seeded.table" 3,1 "$delivery_3" "stats starts row 3 with delivery-3"

# Each cell shows the number of initiatives list puts there, and its label.
total=0
for r in 1 2 3; do
  for c in 1 2 3; do
    count=$(grep -c "$tab$r,$c$tab" "$tmp/list-seeded.out")
    total=$((total + count))
    expect_cell "$tmp/stats-seeded.table" "$r,$((c + 1))" "$count $(cell_label "$r" "$c")" \
      "stats cell $r,$c shows $count and its label"
  done
done
expect_text "$tmp/stats-seeded.out" "Total: $total initiatives" "stats prints the total"

count=$(grep -c "${tab}1,1${tab}" "$tmp/list-seeded.out")
expect_text "$tmp/stats-seeded.out" "| $count  Traditional" "stats puts the count, two spaces, then the label"

run stats-again stats "$seeded"
if cmp -s "$tmp/stats-seeded.out" "$tmp/stats-again.out"; then
  pass "stats is deterministic"
else
  fail "stats printed something different the second time"
fi

if cmp -s "$seeded" "$tmp/seeded.orig"; then
  pass "stats and list left the portfolio as it was"
else
  fail "stats or list changed the portfolio"
fi

# ---- Sorting ----------------------------------------------------------------

sorted="$tmp/sorted.tandem"
make_portfolio "$sorted" --empty \
  --initiative "2,2:cherry" \
  --initiative "1,3:Banana" \
  --initiative "3,1:apple" \
  --initiative "2,2:Apple" \
  --initiative "1,1:banana" \
  --initiative "3,3:$(printf 'Tab\there')"

run list-sorted list "$sorted"
expect_status list-sorted 0 "list on six initiatives"
cut -f3 "$tmp/list-sorted.out" | tr '[:upper:]' '[:lower:]' >"$tmp/list-sorted.titles"
printf 'apple\napple\nbanana\nbanana\ncherry\ntab here\n' >"$tmp/list-sorted.expected"
if cmp -s "$tmp/list-sorted.titles" "$tmp/list-sorted.expected"; then
  pass "list sorts by title ignoring case"
else
  fail "list is not sorted by title ignoring case:"
  show "$tmp/list-sorted.out"
fi

# Equal titles (ignoring case) are ordered deterministically: run it twice.
run list-sorted-again list "$sorted"
if cmp -s "$tmp/list-sorted.out" "$tmp/list-sorted-again.out"; then
  pass "list is deterministic"
else
  fail "list printed something different the second time"
fi

fields=$(awk -F'\t' 'NF != 3' "$tmp/list-sorted.out" | wc -l)
if [ "$fields" -eq 0 ]; then
  pass "a tab in a title does not add a field"
else
  fail "some list lines do not have exactly three fields:"
  show "$tmp/list-sorted.out"
fi

# ---- An empty portfolio -----------------------------------------------------

empty="$tmp/empty.tandem"
make_portfolio "$empty" --empty

run list-empty list "$empty"
expect_status list-empty 0 "list on an empty portfolio"
if [ -s "$tmp/list-empty.out" ]; then
  fail "list on an empty portfolio printed something"
  show "$tmp/list-empty.out"
else
  pass "list on an empty portfolio prints nothing"
fi

run stats-empty stats "$empty"
expect_status stats-empty 0 "stats on an empty portfolio"
table "$tmp/stats-empty.out" >"$tmp/stats-empty.table"
expect_cell "$tmp/stats-empty.table" 2,3 "0 $cell_2_2" "stats on an empty portfolio shows 0 in 2,2"
expect_text "$tmp/stats-empty.out" "Total: 0 initiatives" "stats on an empty portfolio prints a total of 0"

# ---- The portfolio's own wording ---------------------------------------------

reworded="$tmp/reworded.tandem"
long="A very long cell label that keeps going well beyond what one cell of the table can show"
long="$long on a single line, and then some more, because people write essays when they can"
long="$long and the table must still fit in a hundred columns whatever they wrote in it,"
long="$long including a Supercalifragilisticexpialidociousandthensomemorelettersword."
make_portfolio "$reworded" \
  --label "cell-2-2=Working as equals" \
  --label "design-axis=Who designs the service" \
  --label "delivery-3=Citizens alone" \
  --label "cell-3-1=$long"

run stats-reworded stats "$reworded"
expect_status stats-reworded 0 "stats on a reworded portfolio"
table "$tmp/stats-reworded.out" >"$tmp/stats-reworded.table"
first=$(head -n 1 "$tmp/stats-reworded.out" | sed 's/^ *//; s/ *$//')
if [ "$first" = "Who designs the service" ]; then
  pass "stats uses the portfolio's design-axis heading"
else
  fail "stats title line is “$first”, expected the reworded heading"
fi
count=$(grep -c "${tab}2,2${tab}" "$tmp/list-seeded.out")
expect_cell "$tmp/stats-reworded.table" 2,3 "$count Working as equals" "stats uses the portfolio's cell label"
expect_cell "$tmp/stats-reworded.table" 3,1 "Citizens alone" "stats uses the portfolio's row heading"
expect_no_text "$tmp/stats-reworded.out" "Full co-production" "stats does not show the replaced standard wording"
expect_max_width "$tmp/stats-reworded.out" 100 "stats with a very long label"
expect_text "$tmp/stats-reworded.out" "…" "stats cuts a very long label short with an ellipsis"

# ---- Files that cannot be opened ----------------------------------------------

missing="$tmp/no such dir/missing.tandem"
for command in stats list; do
  run "missing-$command" "$command" "$missing"
  expect_status "missing-$command" 2 "$command on a missing file"
  expect_one_error_line "missing-$command" "$command on a missing file"
  expect_text "$tmp/missing-$command.err" "$missing" "$command on a missing file names it"
done
if [ -e "$missing" ]; then
  fail "stats or list created the missing file"
else
  pass "the missing file was not created"
fi

garbage="$tmp/garbage.tandem"
LC_ALL=C awk 'BEGIN { srand(42); for (i = 0; i < 4096; i++) printf "%c", int(rand() * 255) + 1 }' >"$garbage"
cp "$garbage" "$tmp/garbage.orig"
for command in stats list; do
  run "garbage-$command" "$command" "$garbage"
  expect_status "garbage-$command" 2 "$command on garbage"
  expect_one_error_line "garbage-$command" "$command on garbage"
  expect_text "$tmp/garbage-$command.err" "$garbage" "$command on garbage names the file"
done
if cmp -s "$garbage" "$tmp/garbage.orig"; then
  pass "the garbage file was left as it was"
else
  fail "tandem-cli changed the garbage file"
fi

text="$tmp/notes.txt"
printf 'Not a portfolio, just some notes.\n' >"$text"
run text-stats stats "$text"
expect_status text-stats 2 "stats on a text file"
expect_one_error_line text-stats "stats on a text file"

zero="$tmp/zero.tandem"
: >"$zero"
run zero-stats stats "$zero"
expect_status zero-stats 2 "stats on an empty file"
expect_one_error_line zero-stats "stats on an empty file"
if [ -s "$zero" ]; then
  fail "stats wrote into the empty file"
else
  pass "the empty file is still empty"
fi

run dir-list list "$tmp"
expect_status dir-list 2 "list on a folder"
expect_one_error_line dir-list "list on a folder"

newer="$tmp/newer.tandem"
make_portfolio "$newer" --user-version 99
cp "$newer" "$tmp/newer.orig"
run newer-stats stats "$newer"
expect_status newer-stats 2 "stats on a portfolio from a newer Tandem"
expect_one_error_line newer-stats "stats on a portfolio from a newer Tandem"
if cmp -s "$newer" "$tmp/newer.orig"; then
  pass "the newer portfolio was left as it was"
else
  fail "tandem-cli changed the newer portfolio"
fi

# “--” ends the options, so a file may start with a dash.
run dashdash stats -- "-not-an-option.tandem"
expect_status dashdash 2 "stats -- -FILE treats -FILE as a file"

# ---- Wrong arguments -----------------------------------------------------------

run noargs
expect_status noargs 1 "no arguments"
expect_one_error_line noargs "no arguments"

run unknown frobnicate "$seeded"
expect_status unknown 1 "an unknown command"
expect_one_error_line unknown "an unknown command"
expect_text "$tmp/unknown.err" "frobnicate" "the error names the unknown command"

run unknown-option --frobnicate
expect_status unknown-option 1 "an unknown option"
expect_one_error_line unknown-option "an unknown option"

run stats-nofile stats
expect_status stats-nofile 1 "stats without FILE"
expect_one_error_line stats-nofile "stats without FILE"

run list-nofile list
expect_status list-nofile 1 "list without FILE"
expect_one_error_line list-nofile "list without FILE"

run stats-extra stats "$seeded" "$seeded"
expect_status stats-extra 1 "stats with an extra argument"
expect_one_error_line stats-extra "stats with an extra argument"

run list-extra list "$seeded" extra
expect_status list-extra 1 "list with an extra argument"
expect_one_error_line list-extra "list with an extra argument"

run help-extra help stats
expect_status help-extra 1 "help with an argument"

# ---- Help and version ------------------------------------------------------------

for how in --help -h help; do
  run "help$how" "$how"
  expect_status "help$how" 0 "tandem-cli $how"
  expect_no_stderr "help$how" "tandem-cli $how"
  for word in --help --version FILE; do
    expect_text "$tmp/help$how.out" "$word" "tandem-cli $how mentions $word"
  done
  for command in "stats FILE" "list FILE" "help"; do
    if grep -q "^ *$command " "$tmp/help$how.out"; then
      pass "tandem-cli $how documents “$command”"
    else
      fail "tandem-cli $how does not document “$command”"
      show "$tmp/help$how.out"
    fi
  done
  for code in 0 1 2; do
    if grep -q "^ *$code  *[a-z]" "$tmp/help$how.out"; then
      pass "tandem-cli $how documents exit status $code"
    else
      fail "tandem-cli $how does not document exit status $code"
      show "$tmp/help$how.out"
    fi
  done
done

run version --version
expect_status version 0 "tandem-cli --version"
if grep -q '^tandem-cli [0-9][0-9.]*' "$tmp/version.out"; then
  pass "tandem-cli --version prints its name and version"
else
  fail "tandem-cli --version printed:"
  show "$tmp/version.out"
fi

# ---- Done ------------------------------------------------------------------------

echo "1..$checks"
note "$((checks - failures)) passed, $failures failed"
[ "$failures" -eq 0 ]
