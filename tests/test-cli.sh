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

# Its latest assessment (2025) puts it at 1,2.
if grep -q "^$uuid_re${tab}1,2${tab}Youth employability" "$tmp/list-seeded.out"; then
  pass "list shows the youth employability example at 1,2"
else
  fail "list does not show “Youth employability…” at 1,2"
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

# ---- Case studies ---------------------------------------------------------------

# expect_lines FILE EXPECTED WHAT: FILE holds exactly the lines of EXPECTED
# (given with printf escapes), in that order.
expect_lines () {
  printf "$2" >"$tmp/expected.lines"
  if cmp -s "$1" "$tmp/expected.lines"; then
    pass "$3"
  else
    fail "$3: got"
    show "$1"
    note "expected:"
    show "$tmp/expected.lines"
  fi
}

# expect_flowing FILE TEXT WHAT: FILE contains TEXT once lines are joined
# and runs of spaces squeezed, so that wrapped text is found whole.
expect_flowing () {
  flowing=$(tr '\n' ' ' <"$1" | tr -s ' ')
  squeezed=$(printf '%s' "$2" | tr -s ' ')
  case "$flowing" in
    *"$squeezed"*) pass "$3" ;;
    *) fail "$3: “$2” not found in:"; show "$1" ;;
  esac
}

# A newer library, for the one basis the bundled library does not use.
cat >"$tmp/library-v2.json" <<'JSON'
{
  "format": "tandem-case-library",
  "version": 2,
  "entries": [
    {
      "id": "cli-library-case",
      "title": "Library case for the CLI test",
      "place": "Testham",
      "country": "Testland",
      "service_area": "Testing",
      "period": "2001",
      "summary": "A case the test library adds.",
      "cos": ["co-assessment"],
      "cells": [
        { "cell": "3,1", "basis": "source", "note": "The source puts it here." },
        { "cell": "1,3", "basis": "tandem" }
      ],
      "outcomes": [ { "figure": "12 tests written" } ],
      "sources": [
        { "document": "A test report", "year": "2002", "url": "https://example.org/a/very/long/address/that/goes/on/and/on/and/must/never/be/wrapped/by/the/card" }
      ]
    }
  ]
}
JSON

cases_file="$tmp/cases.tandem"
make_portfolio "$cases_file" --library "$tmp/library-v2.json" \
  --case "zq-a:3,3:zq cherry" \
  --case "zq-b:2,2:ZQ apple" \
  --case "zq-c:1,1:Zq Banana" \
  --link "surrey-neet-to-pete:1,1:Our own reading of it" \
  --unlink "surrey-neet-to-pete:2,2" \
  --link "zq-b:2,2:A note of mine"
cp "$cases_file" "$tmp/cases.orig"

# The library alone, as a new portfolio has it.
run cases-seeded cases "$seeded"
expect_status cases-seeded 0 "cases on a new portfolio"
expect_no_stderr cases-seeded "cases on a new portfolio"
n_library=$(wc -l <"$tmp/cases-seeded.out")
if [ "$n_library" -ge 25 ]; then
  pass "cases lists the library ($n_library case studies)"
else
  fail "cases lists $n_library case studies, expected at least 25"
  show "$tmp/cases-seeded.out"
fi

run cases-all cases "$cases_file"
expect_status cases-all 0 "cases"
expect_no_stderr cases-all "cases"
n=$(wc -l <"$tmp/cases-all.out")
if [ "$n" -eq $((n_library + 4)) ]; then
  pass "cases lists the library, the newer library's case and three own ones"
else
  fail "cases printed $n lines, expected $((n_library + 4))"
  show "$tmp/cases-all.out"
fi

bad=$(grep -cv "^[a-z0-9-][a-z0-9-]*$tab[^$tab][^$tab]*\$" "$tmp/cases-all.out")
if [ "$bad" -eq 0 ]; then
  pass "every cases line is ID<TAB>title"
else
  fail "$bad cases lines are not ID<TAB>title:"
  show "$tmp/cases-all.out"
fi

ids=$(cut -f1 "$tmp/cases-all.out" | sort -u | wc -l)
if [ "$ids" -eq "$n" ]; then
  pass "cases shows each ID once"
else
  fail "cases shows $ids different IDs in $n lines"
fi

expect_text "$tmp/cases-all.out" "surrey-neet-to-pete${tab}NEET to PETE, Surrey County Council" \
  "cases shows NEET to PETE"
expect_text "$tmp/cases-all.out" "nz-whanau-ora${tab}Whānau Ora, New Zealand" "cases shows Whānau Ora"
expect_text "$tmp/cases-all.out" "cli-library-case${tab}Library case for the CLI test" \
  "cases shows the newer library's case"
expect_text "$tmp/cases-all.out" "zq-b${tab}ZQ apple" "cases shows an own case study"

run cases-again cases "$cases_file"
if cmp -s "$tmp/cases-all.out" "$tmp/cases-again.out"; then
  pass "cases is deterministic"
else
  fail "cases printed something different the second time"
fi

# Sorted by title, ignoring case.
run cases-zq cases "$cases_file" --search zq
expect_status cases-zq 0 "cases --search zq"
expect_lines "$tmp/cases-zq.out" "zq-b${tab}ZQ apple\nzq-c${tab}Zq Banana\nzq-a${tab}zq cherry\n" \
  "cases sorts by title ignoring case"
if grep -n '^zq-' "$tmp/cases-all.out" | cut -d: -f2- | cmp -s - "$tmp/cases-zq.out"; then
  pass "cases lists them in that order too"
else
  fail "cases does not list zq-b, zq-c, zq-a in that order"
fi

# --cell: the case studies visibly linked to the cell, in the same order.
run cases-2-2 cases "$cases_file" --cell 2,2
expect_status cases-2-2 0 "cases --cell 2,2"
expect_no_stderr cases-2-2 "cases --cell 2,2"
expect_text "$tmp/cases-2-2.out" "zq-b${tab}ZQ apple" "cases --cell 2,2 shows an own case linked there"
expect_text "$tmp/cases-2-2.out" "nz-whanau-ora${tab}" "cases --cell 2,2 shows a library case linked there"
expect_no_text "$tmp/cases-2-2.out" "surrey-neet-to-pete" "cases --cell 2,2 leaves out a case unlinked from it"
expect_no_text "$tmp/cases-2-2.out" "zq-a" "cases --cell 2,2 leaves out a case linked elsewhere"
if grep -Fx -f "$tmp/cases-2-2.out" "$tmp/cases-all.out" | cmp -s - "$tmp/cases-2-2.out"; then
  pass "cases --cell keeps the order of cases"
else
  fail "cases --cell 2,2 is not in the order of cases"
fi

run cases-1-1 cases "$cases_file" --cell=1,1
expect_status cases-1-1 0 "cases --cell=1,1"
expect_lines "$tmp/cases-1-1.out" "surrey-neet-to-pete${tab}NEET to PETE, Surrey County Council\nzq-c${tab}Zq Banana\n" \
  "cases --cell=1,1 shows exactly the two case studies the user linked there"

run cases-spaced cases "$cases_file" --cell " 2 , 2 "
if cmp -s "$tmp/cases-2-2.out" "$tmp/cases-spaced.out"; then
  pass "cases --cell ' 2 , 2 ' is --cell 2,2"
else
  fail "cases --cell ' 2 , 2 ' differs from --cell 2,2"
fi

# Every case study's card agrees with --cell about where it is linked.
for cell in 2,2 1,1 3,1; do
  run "cell-$cell" cases "$cases_file" --cell "$cell"
  cut -f1 "$tmp/cell-$cell.out" | sort >"$tmp/cell-$cell.ids"
  : >"$tmp/card-$cell.ids"
  for id in $(cut -f1 "$tmp/cases-all.out"); do
    "$TANDEM_CLI" case "$cases_file" "$id" >"$tmp/card.out" 2>&1
    if grep -q "^  $cell  " "$tmp/card.out"; then
      echo "$id" >>"$tmp/card-$cell.ids"
    fi
  done
  sort -o "$tmp/card-$cell.ids" "$tmp/card-$cell.ids"
  if cmp -s "$tmp/cell-$cell.ids" "$tmp/card-$cell.ids"; then
    pass "cases --cell $cell lists exactly the case studies whose card shows $cell"
  else
    fail "cases --cell $cell and the cards disagree"
    note "cases --cell:"; show "$tmp/cell-$cell.ids"
    note "cards:"; show "$tmp/card-$cell.ids"
  fi
done

# --search: every word, as the start of a word, ignoring case and diacritics.
for text in whanau whānau WHAN "whanau ora"; do
  run search-whanau cases "$cases_file" --search "$text"
  expect_lines "$tmp/search-whanau.out" "nz-whanau-ora${tab}Whānau Ora, New Zealand\n" \
    "cases --search “$text” finds Whānau Ora alone"
done

run search-nz cases "$cases_file" --search "new zealand"
n=$(wc -l <"$tmp/search-nz.out")
others=$(grep -cv '^nz-' "$tmp/search-nz.out")
if [ "$n" -eq 3 ] && [ "$others" -eq 0 ]; then
  pass "cases --search “new zealand” finds the three New Zealand case studies"
else
  fail "cases --search “new zealand” printed:"
  show "$tmp/search-nz.out"
fi

run search-two cases "$cases_file" --search "zealand drama"
expect_lines "$tmp/search-two.out" \
  "nz-bps-results-drama-immunisation${tab}Better Public Services Results: school drama with an immunisation message, New Zealand\n" \
  "cases --search with two words finds what has both"

run search-none cases "$cases_file" --search xyzzyplugh
expect_status search-none 0 "cases --search with no match"
if [ -s "$tmp/search-none.out" ]; then
  fail "cases --search xyzzyplugh printed something"
  show "$tmp/search-none.out"
else
  pass "cases --search with no match prints nothing"
fi

run search-empty cases "$cases_file" --search ""
if cmp -s "$tmp/cases-all.out" "$tmp/search-empty.out"; then
  pass "cases --search '' lists everything"
else
  fail "cases --search '' differs from cases"
fi

run search-eq cases "$cases_file" --search=ZQ
if cmp -s "$tmp/cases-zq.out" "$tmp/search-eq.out"; then
  pass "cases --search=TEXT is --search TEXT"
else
  fail "cases --search=ZQ differs from --search zq"
fi

i=0
for text in '"' '""' '*' 'zq*' 'OR' 'zq OR surrey' 'NEAR(' 'NEAR(zq surrey)' '-' '-zq' ':' 'title:zq' \
            '(' ')' '^zq' "it's" '\' '%' 'AND' 'NOT zq'; do
  i=$((i + 1))
  run "search-syntax-$i" cases "$cases_file" --search "$text"
  if [ "$rc" -eq 0 ] && [ ! -s "$tmp/search-syntax-$i.err" ]; then
    pass "cases --search '$text' is only text"
  else
    fail "cases --search '$text': exit status $rc"
    show "$tmp/search-syntax-$i.err"
  fi
done
run search-quoted cases "$cases_file" --search '"zq"'
if cmp -s "$tmp/cases-zq.out" "$tmp/search-quoted.out"; then
  pass "cases --search '\"zq\"' finds what zq finds"
else
  fail "cases --search '\"zq\"' differs from --search zq"
  show "$tmp/search-quoted.out"
fi

# Both: each case study must pass both.
run both cases "$cases_file" --cell 2,1 --search "new zealand"
expect_lines "$tmp/both.out" \
  "nz-bps-results-drama-immunisation${tab}Better Public Services Results: school drama with an immunisation message, New Zealand\nnz-skip${tab}SKIP, New Zealand\n" \
  "cases --cell 2,1 --search “new zealand”"
run both-2 cases "$cases_file" --search zq --cell 2,2
expect_lines "$tmp/both-2.out" "zq-b${tab}ZQ apple\n" "cases --search zq --cell 2,2"

# Bad cells.
for value in 4,1 2 0,0 "" a,b 2,2,2 "3,-1"; do
  run "bad-cell" cases "$cases_file" --cell "$value"
  expect_status bad-cell 1 "cases --cell '$value'"
  expect_one_error_line bad-cell "cases --cell '$value'"
  expect_text "$tmp/bad-cell.err" "“$value”" "the error names the bad cell '$value'"
done

run cell-novalue cases "$cases_file" --cell
expect_status cell-novalue 1 "cases --cell with no value"
expect_one_error_line cell-novalue "cases --cell with no value"

run search-novalue cases "$cases_file" --search
expect_status search-novalue 1 "cases --search with no value"
expect_one_error_line search-novalue "cases --search with no value"

run cell-twice cases "$cases_file" --cell 1,1 --cell 2,2
expect_status cell-twice 1 "cases with --cell twice"
expect_one_error_line cell-twice "cases with --cell twice"

for command in stats list; do
  run "$command-cell" "$command" "$cases_file" --cell 2,2
  expect_status "$command-cell" 1 "$command does not take --cell"
  expect_one_error_line "$command-cell" "$command --cell"
  run "$command-search" "$command" "$cases_file" --search zq
  expect_status "$command-search" 1 "$command does not take --search"
done
run case-cell case "$cases_file" zq-b --cell 2,2
expect_status case-cell 1 "case does not take --cell"

run cases-nofile cases
expect_status cases-nofile 1 "cases without FILE"
expect_one_error_line cases-nofile "cases without FILE"
run cases-nofile-cell cases --cell 2,2
expect_status cases-nofile-cell 1 "cases --cell without FILE"
run cases-extra cases "$cases_file" zq-b
expect_status cases-extra 1 "cases with an extra argument"
expect_one_error_line cases-extra "cases with an extra argument"

# ---- One case study's card ------------------------------------------------------------

run card-surrey case "$cases_file" surrey-neet-to-pete
expect_status card-surrey 0 "case NEET to PETE"
expect_no_stderr card-surrey "case NEET to PETE"
expect_max_width "$tmp/card-surrey.out" 80 "the NEET to PETE card"
first=$(head -n 1 "$tmp/card-surrey.out")
if [ "$first" = "NEET to PETE, Surrey County Council" ]; then
  pass "the card starts with the title"
else
  fail "the card starts with “$first”"
fi
for text in "ID: surrey-neet-to-pete" "From Tandem’s case-study library" "Place: Surrey" \
            "Service area: Young people's services" "Period: 2009–2014" \
            "The Four Co’s: Co-commissioning, Co-design, Co-delivery, Co-assessment" \
            "Cells of the matrix:" "  1,1  Traditional professional service provision (your link)" \
            "       Our own reading of it" "Summary:" "Surrey County Council set out" \
            "Outcomes:" "  • 60% fewer young people who were NEET" "(2012–2014)" \
            "  • 90% fewer young people entering the criminal justice system" "(2009–2013)" \
            "  • 25% saving on the budget for young people's services" \
            "Change management:" "Learning points:" "Tags: young people, employability" \
            "Sources:" "  • Removing the obstacles to user and community co-production" \
            "    Elke Loeffler, Governance International, 2017"; do
  expect_text "$tmp/card-surrey.out" "$text" "the NEET to PETE card shows “$text”"
done
expect_no_text "$tmp/card-surrey.out" "Country:" "the NEET to PETE card leaves out the empty country"
expect_no_text "$tmp/card-surrey.out" "Full co-production (" "the NEET to PETE card leaves out the cell the user unlinked"
expect_flowing "$tmp/card-surrey.out" \
  "• 60% fewer young people who were NEET (not in education, employment or training) (2012–2014)" \
  "the card gives the 60% figure with its period"
expect_flowing "$tmp/card-surrey.out" \
  "• 90% fewer young people entering the criminal justice system for the first time (2009–2013)" \
  "the card gives the 90% figure with its period"
expect_flowing "$tmp/card-surrey.out" "• 25% saving on the budget for young people's services Change management:" \
  "the card gives the 25% figure, which has no period, alone"
summary_line=$(grep -n '^Summary:$' "$tmp/card-surrey.out" | cut -d: -f1)
outcomes_line=$(grep -n '^Outcomes:$' "$tmp/card-surrey.out" | cut -d: -f1)
sources_line=$(grep -n '^Sources:$' "$tmp/card-surrey.out" | cut -d: -f1)
if [ -n "$summary_line" ] && [ -n "$outcomes_line" ] && [ -n "$sources_line" ] &&
   [ "$summary_line" -lt "$outcomes_line" ] && [ "$outcomes_line" -lt "$sources_line" ]; then
  pass "the card shows summary, outcomes and sources in that order"
else
  fail "the card's sections are out of order"
fi

run card-whanau case "$cases_file" nz-whanau-ora
expect_status card-whanau 0 "case Whānau Ora"
expect_max_width "$tmp/card-whanau.out" 80 "the Whānau Ora card"
for text in "Whānau Ora, New Zealand" "Country: New Zealand" "Service area: Health and care" \
            "  2,2  Full co-production (Tandem’s reading)" \
            "    https://www.tpk.govt.nz/en/whakamahia/whanau-ora/" "Co-design, Co-delivery"; do
  expect_text "$tmp/card-whanau.out" "$text" "the Whānau Ora card shows “$text”"
done
expect_text "$tmp/card-whanau.out" "  3,2  User/community delivery" "the Whānau Ora card shows cell 3,2"
expect_flowing "$tmp/card-whanau.out" "3,2 User/community delivery of co-planned or co-designed services (Tandem’s reading)" \
  "the Whānau Ora card shows the label and basis of cell 3,2"
for text in "Place:" "Period:" "Outcomes:" "Change management:"; do
  expect_no_text "$tmp/card-whanau.out" "$text" "the Whānau Ora card leaves out the empty “$text”"
done

run card-library case "$cases_file" cli-library-case
expect_status card-library 0 "case on the newer library's case"
expect_flowing "$tmp/card-library.out" "3,1 User/community delivery of professionally planned services (as the source says)" \
  "the card of the newer library's case shows a link placed by the source"
for text in "  3,1  User/community delivery" \
            "       The source puts it here." "  1,3  Professionals as sole service deliverers (Tandem’s reading)" \
            "Place: Testham" "Country: Testland" "  • 12 tests written" "    2002" \
            "    https://example.org/a/very/long/address/that/goes/on/and/on/and/must/never/be/wrapped/by/the/card"; do
  expect_text "$tmp/card-library.out" "$text" "the card of the newer library's case shows “$text”"
done

run card-generic case "$cases_file" time-banks
expect_text "$tmp/card-generic.out" "A general approach" "a generic case study says it is a general approach"
expect_no_text "$tmp/card-surrey.out" "A general approach" "a particular case study does not"

run card-own case "$cases_file" zq-b
expect_status card-own 0 "case on an own case study"
expect_no_stderr card-own "case on an own case study"
expect_lines "$tmp/card-own.out" \
  "ZQ apple\n========\nID: zq-b\nYour own case study\n\nCells of the matrix:\n  2,2  Full co-production (your link)\n       A note of mine\n" \
  "the card of an own case study with only a title and a link shows just those"

run card-unknown case "$cases_file" nope
expect_status card-unknown 3 "case with an unknown ID"
expect_one_error_line card-unknown "case with an unknown ID"
expect_lines "$tmp/card-unknown.err" "tandem-cli: $cases_file: there is no case study nope\n" \
  "case with an unknown ID says so, naming the file and the ID"

run card-noid case "$cases_file"
expect_status card-noid 1 "case without ID"
expect_one_error_line card-noid "case without ID"
run card-extra case "$cases_file" zq-a zq-b
expect_status card-extra 1 "case with two IDs"
expect_one_error_line card-extra "case with two IDs"
run card-nofile case
expect_status card-nofile 1 "case without FILE or ID"

run card-again case "$cases_file" surrey-neet-to-pete
if cmp -s "$tmp/card-surrey.out" "$tmp/card-again.out"; then
  pass "case is deterministic"
else
  fail "case printed something different the second time"
fi

if cmp -s "$cases_file" "$tmp/cases.orig"; then
  pass "cases and case left the portfolio as it was"
else
  fail "cases or case changed the portfolio"
fi

# ---- History of one initiative ----------------------------------------------------

date_re='[0-9]\{4\}-[0-9][0-9]-[0-9][0-9]'
stage_re='\(-\|active-involvement\|co-design\|co-delivery\|full-co-production\)'
youth_title="Youth employability service (worked example)"
youth_uuid=$(awk -F'\t' -v t="$youth_title" '$3 == t { print $1 }' "$tmp/list-seeded.out")
youth_cell=$(awk -F'\t' -v t="$youth_title" '$3 == t { print $2 }' "$tmp/list-seeded.out")

run history-title history "$seeded" "$youth_title"
expect_status history-title 0 "history by title"
expect_no_stderr history-title "history by title"
n=$(wc -l <"$tmp/history-title.out")
if [ "$n" -ge 3 ]; then
  pass "history shows the worked example's $n assessments"
else
  fail "history shows $n assessments of the worked example, expected at least 3"
  show "$tmp/history-title.out"
fi
bad=$(grep -cv "^$date_re$tab[1-3],[1-3]$tab$stage_re\$" "$tmp/history-title.out")
if [ "$bad" -eq 0 ]; then
  pass "every history line is DATE<TAB>ROW,COL<TAB>STAGE"
else
  fail "$bad history lines are not DATE<TAB>ROW,COL<TAB>STAGE:"
  show "$tmp/history-title.out"
fi
if cut -f1 "$tmp/history-title.out" | sort -c -u 2>/dev/null; then
  pass "history is oldest first, one a day"
else
  fail "history is not in increasing date order"
  show "$tmp/history-title.out"
fi
cells=$(cut -f2 "$tmp/history-title.out" | sort -u | wc -l)
if [ "$cells" -ge 2 ]; then
  pass "the worked example's history visits $cells cells"
else
  fail "the worked example's history stays in one cell"
fi
last_cell=$(tail -n 1 "$tmp/history-title.out" | cut -f2)
if [ -n "$youth_cell" ] && [ "$last_cell" = "$youth_cell" ]; then
  pass "the latest assessment's cell is the one list shows ($youth_cell)"
else
  fail "the latest assessment is at “$last_cell”, list shows “$youth_cell”"
fi
expect_text "$tmp/history-title.out" "${tab}co-design" "history names the co-design stage"

run history-uuid history "$seeded" "$youth_uuid"
expect_status history-uuid 0 "history by UUID"
if cmp -s "$tmp/history-title.out" "$tmp/history-uuid.out"; then
  pass "history by UUID is history by title"
else
  fail "history by UUID differs from history by title"
  show "$tmp/history-uuid.out"
fi

run history-unknown history "$seeded" "No such initiative"
expect_status history-unknown 3 "history of an unknown initiative"
expect_one_error_line history-unknown "history of an unknown initiative"
expect_text "$tmp/history-unknown.err" "No such initiative" "the error names what was asked for"

run history-case history "$seeded" "youth employability service (worked example)"
expect_status history-case 3 "history takes the exact title, case and all"

run history-noarg history "$seeded"
expect_status history-noarg 1 "history without INITIATIVE"
expect_one_error_line history-noarg "history without INITIATIVE"
run history-extra history "$seeded" "$youth_uuid" extra
expect_status history-extra 1 "history with an extra argument"
expect_one_error_line history-extra "history with an extra argument"
run history-nofile history
expect_status history-nofile 1 "history without FILE"
run history-missing history "$tmp/missing.tandem" "$youth_uuid"
expect_status history-missing 2 "history on a missing file"
expect_one_error_line history-missing "history on a missing file"
run history-cell history "$seeded" "$youth_uuid" --cell 2,2
expect_status history-cell 1 "history does not take --cell"

# A portfolio of hand-made histories:
#   Alpha    2018-01-01 1,1   2020-06-15 1,2   2022-03-01 2,2   (given out of order)
#   Bravo    2019-05-05 2,1   2021-01-01 3,1
#   Charlie  2020-01-01 3,3
#   Delta    2021-07-01 1,3
#   Echo     never assessed, at 2,2
#   Foxtrot  2017-12-31 2,2   2023-01-01 1,1
#   Twin ×2  never assessed
moves="$tmp/moves.tandem"
make_portfolio "$moves" --empty \
  --initiative "2,2:Alpha" --initiative "2,2:Bravo" --initiative "2,2:Charlie" \
  --initiative "2,2:Delta" --initiative "2,2:Echo" --initiative "2,2:Foxtrot" \
  --initiative "1,1:Twin" --initiative "3,3:Twin" \
  --assessment "2022-03-01:2,2:co-delivery:Alpha" \
  --assessment "2018-01-01:1,1:-:Alpha" \
  --assessment "2020-06-15:1,2:co-design:Alpha" \
  --assessment "2019-05-05:2,1:active-involvement:Bravo" \
  --assessment "2021-01-01:3,1:full-co-production:Bravo" \
  --assessment "2020-01-01:3,3:-:Charlie" \
  --assessment "2021-07-01:1,3:co-design:Delta" \
  --assessment "2017-12-31:2,2:co-delivery:Foxtrot" \
  --assessment "2023-01-01:1,1:active-involvement:Foxtrot"
cp "$moves" "$tmp/moves.orig"

run history-alpha history "$moves" Alpha
expect_status history-alpha 0 "history of Alpha"
expect_lines "$tmp/history-alpha.out" \
  "2018-01-01${tab}1,1${tab}-\n2020-06-15${tab}1,2${tab}co-design\n2022-03-01${tab}2,2${tab}co-delivery\n" \
  "history of Alpha: sorted by date, with “-” for no stage"
run history-foxtrot history "$moves" Foxtrot
expect_lines "$tmp/history-foxtrot.out" \
  "2017-12-31${tab}2,2${tab}co-delivery\n2023-01-01${tab}1,1${tab}active-involvement\n" \
  "history of Foxtrot"
run list-moves list "$moves"
expect_text "$tmp/list-moves.out" "${tab}2,2${tab}Alpha" "Alpha stands where its latest assessment put it"
expect_text "$tmp/list-moves.out" "${tab}1,1${tab}Foxtrot" "Foxtrot stands where its latest assessment put it"

run history-echo history "$moves" Echo
expect_status history-echo 0 "history of an initiative never assessed"
expect_no_stderr history-echo "history of an initiative never assessed"
if [ -s "$tmp/history-echo.out" ]; then
  fail "history of an initiative never assessed printed something"
  show "$tmp/history-echo.out"
else
  pass "history of an initiative never assessed prints nothing"
fi

run history-twin history "$moves" Twin
expect_status history-twin 1 "history of a title two initiatives share"
expect_one_error_line history-twin "history of a title two initiatives share"
expect_text "$tmp/history-twin.err" "matches 2 initiatives" "the error says the title matches several"
for uuid in $(awk -F'\t' '$3 == "Twin" { print $1 }' "$tmp/list-moves.out"); do
  expect_text "$tmp/history-twin.err" "$uuid" "the error lists the twin $uuid"
  run history-twin-uuid history "$moves" "$uuid"
  expect_status history-twin-uuid 0 "history of one twin by its UUID"
done

# ---- Movement between two dates ---------------------------------------------------

run movement movement "$moves" --from 2020-01-01 --to 2022-01-01
expect_status movement 0 "movement"
expect_no_stderr movement "movement"
expect_lines "$tmp/movement.out" \
"from${tab}2020-01-01
to${tab}2022-01-01
1,1${tab}1${tab}0
1,2${tab}0${tab}1
1,3${tab}0${tab}1
2,1${tab}1${tab}0
2,2${tab}1${tab}1
2,3${tab}0${tab}0
3,1${tab}0${tab}1
3,2${tab}0${tab}0
3,3${tab}1${tab}1
1,1 -> 1,2${tab}1
2,1 -> 3,1${tab}1
closer${tab}1
further${tab}1
same${tab}2
new${tab}1
" "movement from 2020-01-01 to 2022-01-01: counts, moves, closer, further, same, new"

run movement-eq movement "$moves" --to=2022-01-01 --from=2020-01-01
if cmp -s "$tmp/movement.out" "$tmp/movement-eq.out"; then
  pass "movement --from=DATE --to=DATE, in any order, is the same"
else
  fail "movement with --from= and --to= differs"
fi

run movement-wide movement "$moves" --from 2017-12-31 --to 2024-02-29
expect_lines "$tmp/movement-wide.out" \
"from${tab}2017-12-31
to${tab}2024-02-29
1,1${tab}0${tab}1
1,2${tab}0${tab}0
1,3${tab}0${tab}1
2,1${tab}0${tab}0
2,2${tab}1${tab}1
2,3${tab}0${tab}0
3,1${tab}0${tab}1
3,2${tab}0${tab}0
3,3${tab}0${tab}1
2,2 -> 1,1${tab}1
closer${tab}0
further${tab}1
same${tab}0
new${tab}4
" "movement from the first assessment's own day to a leap day"

run movement-same movement "$moves" --from 2022-03-01 --to 2022-03-01
expect_status movement-same 0 "movement with one date twice"
expect_text "$tmp/movement-same.out" "same${tab}5" "movement over no time: all placed initiatives are the same"
if grep -q -- ' -> ' "$tmp/movement-same.out"; then
  fail "movement over no time shows moves"
else
  pass "movement over no time shows no moves"
fi

run movement-empty movement "$empty" --from 2015-01-01 --to 2030-01-01
expect_status movement-empty 0 "movement on an empty portfolio"
if [ "$(grep -c "${tab}0${tab}0\$" "$tmp/movement-empty.out")" -eq 9 ] &&
   grep -q "^new${tab}0\$" "$tmp/movement-empty.out"; then
  pass "movement on an empty portfolio counts nothing"
else
  fail "movement on an empty portfolio:"
  show "$tmp/movement-empty.out"
fi

for args in "--from 2023-02-29 --to 2024-01-01" "--from 2020-01-01 --to 2024-1-5" \
            "--from 2022-01-02 --to 2022-01-01" "--from 2020-01-01" "--to 2020-01-01" "" \
            "--from today --to 2024-01-01" "--from 2020-01-01 --to 2024-02-30" \
            "--from 2020-01-01 --to 2021-01-01 --from 2020-01-01"; do
  # shellcheck disable=SC2086
  run movement-bad movement "$moves" $args
  expect_status movement-bad 1 "movement $args"
  expect_one_error_line movement-bad "movement $args"
done
run movement-emptydate movement "$moves" --from "" --to 2024-01-01
expect_status movement-emptydate 1 "movement --from ''"
run movement-baddate-missing movement "$tmp/missing.tandem" --from 2023-02-29 --to 2024-01-01
expect_status movement-baddate-missing 1 "movement checks the dates before opening the file"
run movement-missing movement "$tmp/missing.tandem" --from 2020-01-01 --to 2024-01-01
expect_status movement-missing 2 "movement on a missing file"
expect_one_error_line movement-missing "movement on a missing file"
run movement-extra movement "$moves" extra --from 2020-01-01 --to 2024-01-01
expect_status movement-extra 1 "movement with an extra argument"
run movement-nofile movement --from 2020-01-01 --to 2024-01-01
expect_status movement-nofile 1 "movement without FILE"
for command in stats list cases; do
  run "$command-from" "$command" "$moves" --from 2020-01-01
  expect_status "$command-from" 1 "$command does not take --from"
  expect_one_error_line "$command-from" "$command --from"
done

if cmp -s "$moves" "$tmp/moves.orig"; then
  pass "history and movement left the portfolio as it was"
else
  fail "history or movement changed the portfolio"
fi

# ---- Generated portfolios ------------------------------------------------------------

today=$(date +%Y-%m-%d)
gen="$tmp/generated.tandem"
run generate generate --initiatives 40 --assessments 300 --seed 42 "$gen"
expect_status generate 0 "generate 40 initiatives and 300 assessments"
expect_no_stderr generate "generate"
if [ "$(wc -l <"$tmp/generate.out")" -eq 1 ]; then
  pass "generate prints one summary line"
else
  fail "generate printed $(wc -l <"$tmp/generate.out") lines"
  show "$tmp/generate.out"
fi
expect_text "$tmp/generate.out" "40 initiatives and 300 assessments" "generate says what it made"
expect_text "$tmp/generate.out" "seed 42" "generate says the seed"

run list-gen list "$gen"
n=$(wc -l <"$tmp/list-gen.out")
if [ "$n" -eq 40 ]; then
  pass "the generated portfolio has 40 initiatives"
else
  fail "the generated portfolio has $n initiatives"
fi
run stats-gen stats "$gen"
expect_text "$tmp/stats-gen.out" "Total: 40 initiatives" "stats counts the generated initiatives"

# Every initiative's history: dates rising from 2015 to today, at most one
# step at a time, ending where list puts it; 300 in all.
total=0
bad_order=0
bad_range=0
bad_walk=0
bad_end=0
: >"$tmp/gen-histories"
while IFS="$tab" read -r uuid cell title; do
  "$TANDEM_CLI" history "$gen" "$uuid" >"$tmp/gen-history.out" 2>&1 || bad_end=$((bad_end + 1))
  cat "$tmp/gen-history.out" >>"$tmp/gen-histories"
  total=$((total + $(wc -l <"$tmp/gen-history.out")))
  cut -f1 "$tmp/gen-history.out" | sort -c -u 2>/dev/null || bad_order=$((bad_order + 1))
  first=$(head -n 1 "$tmp/gen-history.out" | cut -f1)
  last=$(tail -n 1 "$tmp/gen-history.out" | cut -f1)
  if [ -z "$first" ] || [ "$first" \< "2015-01-01" ] || [ "$last" \> "$today" ]; then
    bad_range=$((bad_range + 1))
  fi
  steps=$(awk -F'\t' '{ split($2, c, ","); if (NR > 1) { d = (c[1] > r ? c[1] - r : r - c[1]) + (c[2] > k ? c[2] - k : k - c[2]); if (d > 1) bad++ } r = c[1]; k = c[2] } END { print bad + 0 }' "$tmp/gen-history.out")
  bad_walk=$((bad_walk + steps))
  [ "$(tail -n 1 "$tmp/gen-history.out" | cut -f2)" = "$cell" ] || bad_end=$((bad_end + 1))
done <"$tmp/list-gen.out"
if [ "$total" -eq 300 ]; then
  pass "the generated histories hold 300 assessments in all"
else
  fail "the generated histories hold $total assessments, expected 300"
fi
[ "$bad_order" -eq 0 ] && pass "every generated history rises, one a day" || fail "$bad_order generated histories are out of order"
[ "$bad_range" -eq 0 ] && pass "every initiative has assessments from 2015 to today" || fail "$bad_range generated histories are empty or out of range"
[ "$bad_walk" -eq 0 ] && pass "generated initiatives move at most one step at a time" || fail "$bad_walk generated moves jump more than one step"
[ "$bad_end" -eq 0 ] && pass "every generated initiative stands where its latest assessment put it" || fail "$bad_end generated initiatives are not where their history ends"
cells=$(cut -f2 "$tmp/gen-histories" | sort -u | wc -l)
stages=$(cut -f3 "$tmp/gen-histories" | sort -u | wc -l)
if [ "$cells" -ge 6 ] && [ "$stages" -ge 4 ]; then
  pass "generated assessments use $cells cells and $stages stages"
else
  fail "generated assessments use only $cells cells and $stages stages"
fi

# Today, movement counts every initiative where stats does.
run movement-gen movement "$gen" --from 2018-01-01 --to "$today"
expect_status movement-gen 0 "movement on the generated portfolio"
mismatch=0
for r in 1 2 3; do
  for c in 1 2 3; do
    listed=$(grep -c "$tab$r,$c$tab" "$tmp/list-gen.out")
    moved=$(awk -F'\t' -v k="$r,$c" '$1 == k { print $3 }' "$tmp/movement-gen.out")
    [ "$listed" = "$moved" ] || mismatch=$((mismatch + 1))
  done
done
[ "$mismatch" -eq 0 ] && pass "movement to today agrees with list in every cell" || fail "movement to today disagrees with list in $mismatch cells"
sums=$(awk -F'\t' '$1 ~ /^[1-3],[1-3]$/ { f += $2; t += $3 } $1 == "new" { n = $2 }
                   $1 == "closer" || $1 == "further" || $1 == "same" { b += $2 }
                   END { print (t == 40 && b + n == t && b == f) ? "ok" : "bad " f " " t " " b " " n }' "$tmp/movement-gen.out")
if [ "$sums" = "ok" ]; then
  pass "movement's totals add up (closer + further + same = placed on both dates)"
else
  fail "movement's totals do not add up: $sums"
  show "$tmp/movement-gen.out"
fi

# The same seed makes the same portfolio; another seed another.
run generate-again generate --initiatives 40 --assessments 300 --seed 42 "$tmp/generated-again.tandem"
run list-gen-again list "$tmp/generated-again.tandem"
if cmp -s "$tmp/list-gen.out" "$tmp/list-gen-again.out"; then
  pass "generate with the same seed makes the same initiatives"
else
  fail "generate with the same seed made different initiatives"
fi
run movement-gen-again movement "$tmp/generated-again.tandem" --from 2018-01-01 --to "$today"
if cmp -s "$tmp/movement-gen.out" "$tmp/movement-gen-again.out"; then
  pass "generate with the same seed makes the same histories"
else
  fail "generate with the same seed made different histories"
fi
run generate-other generate --initiatives 40 --assessments 300 --seed 43 "$tmp/generated-other.tandem"
run list-gen-other list "$tmp/generated-other.tandem"
if cmp -s "$tmp/list-gen.out" "$tmp/list-gen-other.out"; then
  fail "generate with another seed made the same portfolio"
else
  pass "generate with another seed makes another portfolio"
fi
run generate-random generate --initiatives 2 --assessments 2 "$tmp/generated-random.tandem"
expect_status generate-random 0 "generate without --seed"
if grep -q "(seed [0-9][0-9]*)" "$tmp/generate-random.out"; then
  pass "generate without --seed says which seed it took"
else
  fail "generate without --seed does not say its seed"
  show "$tmp/generate-random.out"
fi

# Fewer assessments than initiatives, and none.
run generate-few generate --initiatives 10 --assessments 4 --seed 1 "$tmp/generated-few.tandem"
expect_status generate-few 0 "generate 10 initiatives, 4 assessments"
run list-few list "$tmp/generated-few.tandem"
total=0
while IFS="$tab" read -r uuid cell title; do
  total=$((total + $("$TANDEM_CLI" history "$tmp/generated-few.tandem" "$uuid" | wc -l)))
done <"$tmp/list-few.out"
[ "$total" -eq 4 ] && pass "4 assessments over 10 initiatives" || fail "$total assessments over 10 initiatives, expected 4"
run generate-none generate --initiatives 3 --assessments 0 --seed 1 "$tmp/generated-none.tandem"
expect_status generate-none 0 "generate with no assessments"
expect_text "$tmp/generate-none.out" "3 initiatives and no assessments" "generate says it made no assessments"

# Never over an existing file.
cp "$gen" "$tmp/generated.orig"
run generate-exists generate --initiatives 5 --assessments 5 --seed 1 "$gen"
expect_status generate-exists 1 "generate onto an existing file"
expect_one_error_line generate-exists "generate onto an existing file"
expect_text "$tmp/generate-exists.err" "already exists" "generate says the file already exists"
if cmp -s "$gen" "$tmp/generated.orig"; then
  pass "generate left the existing file as it was"
else
  fail "generate changed an existing file"
fi

for args in "--assessments 5" "--initiatives 5" "--initiatives 0 --assessments 5" \
            "--initiatives abc --assessments 5" "--initiatives 5 --assessments -1" \
            "--initiatives 5 --assessments 5 --seed -1" "--initiatives 5 --assessments 5 --seed 4294967296" \
            "--initiatives 5x --assessments 5" "--initiatives 1 --assessments 100000" \
            "--initiatives 5 --assessments 5 --cell 2,2"; do
  rm -f "$tmp/generated-bad.tandem"
  # shellcheck disable=SC2086
  run generate-bad generate $args "$tmp/generated-bad.tandem"
  expect_status generate-bad 1 "generate $args"
  expect_one_error_line generate-bad "generate $args"
  if [ -e "$tmp/generated-bad.tandem" ]; then
    fail "generate $args left a file behind"
  else
    pass "generate $args made no file"
  fi
done
run generate-nofile generate --initiatives 5 --assessments 5
expect_status generate-nofile 1 "generate without FILE"
run generate-nodir generate --initiatives 5 --assessments 5 "$tmp/no such dir/new.tandem"
expect_status generate-nodir 2 "generate into a missing folder"
expect_one_error_line generate-nodir "generate into a missing folder"
if [ -e "$tmp/no such dir" ]; then
  fail "generate made the missing folder"
else
  pass "generate did not make the missing folder"
fi

# ---- Tandem JSON: export, import, validate -------------------------------------------

bad_dir="${G_TEST_SRCDIR:-$(dirname "$0")}/data/bad"
ex="$tmp/exchange.tandem"
make_portfolio "$ex" --label cell-2-2=Together --case my-case:2,1:"My case" \
  --link surrey-neet-to-pete:1,1:"our note" --unlink surrey-neet-to-pete:2,2

run export export "$ex" "$tmp/exchange.json"
expect_status export 0 "export"
expect_no_stderr export "export"
expect_text "$tmp/export.out" "3 initiatives exported to $tmp/exchange.json" "export says what it wrote"
expect_text "$tmp/exchange.json" '"format": "tandem-portfolio"' "export writes Tandem JSON"
expect_text "$tmp/exchange.json" '"cell-2-2": "Together"' "export writes the reworded matrix"
expect_text "$tmp/exchange.json" '"id": "my-case"' "export writes the user's case studies"
expect_text "$tmp/exchange.json" '"hidden": true' "export writes hidden library links"

run export-json export --format json "$ex" "$tmp/exchange-2.json"
expect_status export-json 0 "export --format json"
if cmp -s "$tmp/exchange.json" "$tmp/exchange-2.json"; then
  pass "export --format json writes the same file"
else
  fail "export --format json writes another file"
fi
run export-xml export --format xml "$ex" "$tmp/exchange.xml"
expect_status export-xml 1 "export --format xml"
expect_one_error_line export-xml "export --format xml"
expect_text "$tmp/export-xml.err" "the formats are json and csv" "export --format xml names the formats"
[ -e "$tmp/exchange.xml" ] && fail "export --format xml wrote a file" || pass "export --format xml wrote no file"
run export-missing export "$tmp/no such dir/missing.tandem" "$tmp/never.json"
expect_status export-missing 2 "export of a missing portfolio"
run export-noout export "$ex"
expect_status export-noout 1 "export without OUT.json"
expect_one_error_line export-noout "export without OUT.json"

run validate validate "$tmp/exchange.json"
expect_status validate 0 "validate"
expect_no_stderr validate "validate"
expect_text "$tmp/validate.out" "$tmp/exchange.json: valid: 3 initiatives, 6 assessments, 2 case studies" "validate counts what the file holds"

# Into a new portfolio and back out: the same document.
copy="$tmp/exchange-copy.tandem"
run import-new import "$copy" "$tmp/exchange.json"
expect_status import-new 0 "import into a new portfolio"
expect_no_stderr import-new "import into a new portfolio"
expect_text "$tmp/import-new.out" "3 initiatives, 6 assessments, 1 indicator, 2 case studies, 1 matrix label new; 0 unchanged; 0 conflicts" "import says what it added"
run export-copy export "$copy" "$tmp/exchange-copy.json"
if cmp -s "$tmp/exchange.json" "$tmp/exchange-copy.json"; then
  pass "export, import into a new portfolio, export gives the same document"
else
  fail "the document changed on its way through a new portfolio"
  diff "$tmp/exchange.json" "$tmp/exchange-copy.json" | sed 's/^/#   /' | head -20
fi
run list-copy list "$copy"
run list-ex list "$ex"
if cmp -s "$tmp/list-copy.out" "$tmp/list-ex.out"; then
  pass "the imported portfolio lists the same initiatives"
else
  fail "the imported portfolio lists other initiatives"
fi

run import-again import "$copy" "$tmp/exchange.json"
expect_status import-again 0 "import of the same file again"
expect_no_stderr import-again "import of the same file again"
expect_text "$tmp/import-again.out" "; 0 conflicts" "importing the same file again has no conflicts"

# A conflict: the portfolio keeps its version, and says so on stderr.
sed 's/"title": "Community meals rota (example)"/"title": "Renamed elsewhere"/' "$tmp/exchange.json" >"$tmp/renamed.json"
cp "$copy" "$tmp/copy.orig"
run import-conflict import "$copy" "$tmp/renamed.json"
expect_status import-conflict 0 "import with a conflict"
lines=$(wc -l <"$tmp/import-conflict.err")
if [ "$lines" -eq 1 ] && grep -q "^tandem-cli: conflict, kept the portfolio’s version: initiative “Community meals rota (example)”: title differs (initiative [0-9a-f-]*)$" "$tmp/import-conflict.err"; then
  pass "import lists the conflict on stderr, one a line"
else
  fail "import did not list the conflict as expected"
  show "$tmp/import-conflict.err"
fi
expect_text "$tmp/import-conflict.out" "; 1 conflict" "import counts the conflict"
run list-after-conflict list "$copy"
if cmp -s "$tmp/list-after-conflict.out" "$tmp/list-ex.out"; then
  pass "import kept the portfolio's version of the conflict"
else
  fail "import overwrote the portfolio's version"
fi

# Bad files: exit 5, one line naming the file and the JSON path, nothing
# written.  (Not $name: run() sets that.)
for bad in truncated wrong-version newer-version wrong-types unknown-cell duplicate-uuid bad-date \
            bad-uuid same-day unknown-case nul-character wrong-format; do
  file="$bad_dir/$bad.json"
  run "validate-$bad" validate "$file"
  expect_status "validate-$bad" 5 "validate $bad.json"
  expect_one_error_line "validate-$bad" "validate $bad.json"
  expect_text "$tmp/validate-$bad.err" "tandem-cli: $file: " "validate $bad.json names the file"

  rm -f "$tmp/bad-new.tandem"
  run "import-$bad" import "$tmp/bad-new.tandem" "$file"
  expect_status "import-$bad" 5 "import $bad.json into a new portfolio"
  [ -e "$tmp/bad-new.tandem" ] && fail "import $bad.json left a portfolio behind" || pass "import $bad.json made no portfolio"

  run "import-into-$bad" import "$copy" "$file"
  expect_status "import-into-$bad" 5 "import $bad.json into a portfolio"
  if cmp -s "$copy" "$tmp/copy.orig"; then
    pass "import $bad.json left the portfolio as it was"
  else
    fail "import $bad.json changed the portfolio"
  fi
done
expect_text "$tmp/validate-unknown-cell.err" '$.initiatives[0].assessments[1].cell: “4,1” is not a matrix cell' \
  "validate names the JSON path and the reason"
expect_text "$tmp/validate-newer-version.err" "comes from a newer Tandem" "validate says a file comes from a newer Tandem"

printf '{"format": "tandem-portfolio", "version": 1, "initiatives": [], "x": "\377"}' >"$tmp/not-utf8.json"
run validate-not-utf8 validate "$tmp/not-utf8.json"
expect_status validate-not-utf8 5 "validate a file that is not UTF-8"
expect_text "$tmp/validate-not-utf8.err" "not UTF-8" "validate says the file is not UTF-8"

run validate-markup validate "$bad_dir/markup-and-sql.json"
expect_status validate-markup 0 "validate markup-and-sql.json"
run import-markup import "$tmp/markup.tandem" "$bad_dir/markup-and-sql.json"
expect_status import-markup 0 "import markup-and-sql.json"
run list-markup list "$tmp/markup.tandem"
expect_text "$tmp/list-markup.out" "<b>x</b>'); DROP TABLE initiative;--" "markup and SQL are imported as plain text"

run validate-missing validate "$tmp/no-such.json"
expect_status validate-missing 2 "validate a missing file"
expect_one_error_line validate-missing "validate a missing file"
run import-missing import "$tmp/never.tandem" "$tmp/no-such.json"
expect_status import-missing 2 "import a missing file"
[ -e "$tmp/never.tandem" ] && fail "import of a missing file made a portfolio" || pass "import of a missing file made no portfolio"

run help-exchange --help
for command in "report FILE OUT.pdf" "sheet FILE OUT" "blank-sheet FILE OUT" "export FILE OUT.json" "export FILE OUT.csv" "import FILE IN.json" "import FILE IN.csv" \
               "validate IN.json" "validate IN.csv" "--format F"; do
  if grep -q "^ *$command\( \|\$\)" "$tmp/help-exchange.out"; then
    pass "tandem-cli --help documents “$command”"
  else
    fail "tandem-cli --help does not document “$command”"
  fi
done
if grep -q "^ *5  *[a-z]" "$tmp/help-exchange.out"; then
  pass "tandem-cli --help documents exit status 5"
else
  fail "tandem-cli --help does not document exit status 5"
fi

# ---- CSV of initiatives: export, import, bulk move, validate ----------------------

run export-csv export "$ex" "$tmp/initiatives.csv"
expect_status export-csv 0 "export to .csv"
expect_text "$tmp/initiatives.csv" "uuid,title,organisation,service_area,place,delivery,design,date" "CSV export has the documented header"
run export-csv-format export --format csv "$ex" "$tmp/initiatives.txt"
expect_status export-csv-format 0 "export --format csv"
if cmp -s "$tmp/initiatives.csv" "$tmp/initiatives.txt"; then
  pass "export --format csv writes the same file as .csv"
else
  fail "export --format csv writes another file"
fi

printf 'title,organisation,service_area,place,delivery,design,date,budget\n"Lunch club","Ward 3, North",Adult care,Leeds,2,3,2026-03-01,100\n' >"$tmp/sheet.csv"
rm -f "$tmp/sheet.tandem"
run import-csv import "$tmp/sheet.tandem" "$tmp/sheet.csv"
expect_status import-csv 0 "import a spreadsheet's CSV into a new portfolio"
expect_text "$tmp/import-csv.out" "1 rows, 1 new initiatives, 0 moved, 0 unchanged" "CSV import says what it added"
expect_text "$tmp/import-csv.err" "the column “budget” is not one Tandem reads and was ignored" "CSV import notes ignored columns"
run list-csv list "$tmp/sheet.tandem"
expect_text "$tmp/list-csv.out" "Lunch club" "the CSV's initiative is in the portfolio"

run export-sheet export "$tmp/sheet.tandem" "$tmp/sheet-out.csv"
sed 's/,2,3,\([0-9-]*\)/,2,2,2026-06-30/' "$tmp/sheet-out.csv" >"$tmp/sheet-moved.csv"
run import-moved import "$tmp/sheet.tandem" "$tmp/sheet-moved.csv"
expect_status import-moved 0 "bulk-update placements from an edited export"
expect_text "$tmp/import-moved.out" "0 new initiatives, 1 moved, 0 unchanged" "the edited export moves the initiative"
run history-moved history "$tmp/sheet.tandem" "Lunch club"
expect_text "$tmp/history-moved.out" "2026-06-30" "the move is dated from the CSV"

run validate-csv validate "$tmp/sheet.csv"
expect_status validate-csv 0 "validate a CSV of initiatives"
expect_text "$tmp/validate-csv.out" "valid: 1 initiative" "validate counts the CSV's rows"

cp "$tmp/sheet.tandem" "$tmp/sheet.orig"
printf 'title,organisation,service_area,place,delivery,design,date\nA,,,,2,2,2026-01-01\nB,,,,2,middle,2026-01-01\n' >"$tmp/bad-level.csv"
run import-bad-csv import "$tmp/sheet.tandem" "$tmp/bad-level.csv"
expect_status import-bad-csv 5 "import a CSV with a bad design"
expect_one_error_line import-bad-csv "import a CSV with a bad design"
expect_text "$tmp/import-bad-csv.err" "bad-level.csv: line 3: column “design”: “middle” is not 1, 2 or 3" "the CSV error names the line, column and value"
if cmp -s "$tmp/sheet.tandem" "$tmp/sheet.orig"; then
  pass "a rejected CSV left the portfolio as it was"
else
  fail "a rejected CSV changed the portfolio"
fi
rm -f "$tmp/bad-csv.tandem"
run import-bad-csv-new import "$tmp/bad-csv.tandem" "$tmp/bad-level.csv"
[ -e "$tmp/bad-csv.tandem" ] && fail "a rejected CSV left a portfolio behind" || pass "a rejected CSV made no portfolio"
printf 'title,delivery\n"unclosed,2\n' >"$tmp/unclosed.csv"
run validate-unclosed validate "$tmp/unclosed.csv"
expect_status validate-unclosed 5 "validate a CSV with an unclosed quote"
expect_text "$tmp/validate-unclosed.err" "line 2: a quoted field is never closed" "validate names the unclosed quote's line"

# Bad CSV files: exit 5, one line naming the file and the line, nothing written.
bad_csv_dir="$(dirname "$0")/data/bad-csv"
cp "$tmp/sheet.tandem" "$tmp/sheet.orig"
for bad in bad-design bad-delivery bad-date no-title missing-column truncated not-utf8 duplicate-uuid \
           bad-uuid empty; do
  file="$bad_csv_dir/$bad.csv"
  run "validate-csv-$bad" validate "$file"
  expect_status "validate-csv-$bad" 5 "validate $bad.csv"
  expect_one_error_line "validate-csv-$bad" "validate $bad.csv"
  if grep -q "^tandem-cli: $file: line [0-9][0-9]*: " "$tmp/validate-csv-$bad.err"; then
    pass "validate $bad.csv names the file and line"
  else
    fail "validate $bad.csv does not name the file and line"
    show "$tmp/validate-csv-$bad.err"
  fi
  run "import-csv-$bad" import "$tmp/sheet.tandem" "$file"
  expect_status "import-csv-$bad" 5 "import $bad.csv"
  if cmp -s "$tmp/sheet.tandem" "$tmp/sheet.orig"; then
    pass "import $bad.csv left the portfolio as it was"
  else
    fail "import $bad.csv changed the portfolio"
  fi
done

# ---- CSV of assessments: export --rows assessments -------------------------------------

assessment_header="initiative_uuid,initiative_title,assessment_id,date,delivery,design,stage,level,\
co_commissioning,co_design,co_delivery,co_assessment,subtypes,principles,better_service,feel_better,public_value,\
commissioners_delivery,commissioners_design,frontline_staff_delivery,frontline_staff_design,\
service_users_delivery,service_users_design,community_delivery,community_design,participants,notes,evidence"

run export-assessments export "$gen" "$tmp/assessments.csv" --rows assessments
expect_status export-assessments 0 "export --rows assessments"
expect_no_stderr export-assessments "export --rows assessments"
expect_text "$tmp/export-assessments.out" "300 assessments exported to $tmp/assessments.csv" \
  "export --rows assessments says how many it wrote"
if [ "$(head -n 1 "$tmp/assessments.csv")" = "$assessment_header$(printf '\r')" ]; then
  pass "the CSV of assessments has the documented header, ending CRLF"
else
  fail "the CSV of assessments has another header"
  head -n 1 "$tmp/assessments.csv" | show /dev/stdin
fi
rows=$(($(wc -l <"$tmp/assessments.csv") - 1))
crlf=$(grep -c "$(printf '\r')\$" "$tmp/assessments.csv")
if [ "$rows" -eq 300 ] && [ "$crlf" -eq 301 ]; then
  pass "the CSV of assessments has a row for each of the 300 generated assessments"
else
  fail "the CSV of assessments has $rows rows ($crlf ending CRLF), expected 300"
fi

# Row by row what history says (generated titles hold no comma, so the
# fields split on commas), initiatives in the order of the CSV of
# initiatives, each one's assessments oldest first.
tr -d '\r' <"$tmp/assessments.csv" |
  awk -F, -v OFS="$tab" 'NR > 1 { print $1, $4, $5 "," $6, ($7 == "" ? "-" : $7) }' >"$tmp/assessments.rows"
cut -f1 "$tmp/assessments.rows" | uniq >"$tmp/assessments.uuids"
: >"$tmp/assessments.expected"
while read -r uuid; do
  "$TANDEM_CLI" history "$gen" "$uuid" | sed "s/^/$uuid$tab/" >>"$tmp/assessments.expected"
done <"$tmp/assessments.uuids"
if cmp -s "$tmp/assessments.rows" "$tmp/assessments.expected"; then
  pass "each row of the CSV of assessments has the date, cell and stage history gives, in its order"
else
  fail "the CSV of assessments differs from the histories"
  diff "$tmp/assessments.expected" "$tmp/assessments.rows" | head -n 10 | show /dev/stdin
fi
run export-gen-initiatives export "$gen" "$tmp/gen-initiatives.csv"
tr -d '\r' <"$tmp/gen-initiatives.csv" | awk -F, 'NR > 1 { print $1 }' >"$tmp/gen-initiatives.uuids"
if cmp -s "$tmp/assessments.uuids" "$tmp/gen-initiatives.uuids"; then
  pass "the CSV of assessments takes the initiatives in the order of the CSV of initiatives"
else
  fail "the CSV of assessments takes the initiatives in another order"
fi

run export-assessments-format export --format csv --rows assessments "$gen" "$tmp/assessments.txt"
expect_status export-assessments-format 0 "export --format csv --rows assessments"
if cmp -s "$tmp/assessments.csv" "$tmp/assessments.txt"; then
  pass "export --format csv --rows assessments writes the same file as .csv"
else
  fail "export --format csv --rows assessments writes another file"
fi
run export-initiative-rows export "$gen" "$tmp/initiative-rows.csv" --rows=initiatives
expect_status export-initiative-rows 0 "export --rows=initiatives"
if cmp -s "$tmp/gen-initiatives.csv" "$tmp/initiative-rows.csv"; then
  pass "export --rows initiatives is the CSV of initiatives"
else
  fail "export --rows initiatives writes another file"
fi

run export-rows-json export --rows assessments "$gen" "$tmp/assessments.json"
expect_status export-rows-json 1 "export --rows to a JSON file"
expect_one_error_line export-rows-json "export --rows to a JSON file"
expect_text "$tmp/export-rows-json.err" "--rows is for a CSV export" "export --rows to JSON says why not"
[ -e "$tmp/assessments.json" ] && fail "export --rows to JSON wrote a file" || pass "export --rows to JSON wrote no file"
run export-rows-bad export --rows people "$gen" "$tmp/people.csv"
expect_status export-rows-bad 1 "export --rows people"
expect_one_error_line export-rows-bad "export --rows people"
expect_text "$tmp/export-rows-bad.err" "the choices are initiatives and assessments" "export --rows people names the choices"
[ -e "$tmp/people.csv" ] && fail "export --rows people wrote a file" || pass "export --rows people wrote no file"
run list-rows list --rows assessments "$gen"
expect_status list-rows 1 "list --rows"

run help-rows --help
for text in "export FILE OUT.csv --rows assessments" "--rows R"; do
  if grep -q -- "^ *$text\( \|\$\)" "$tmp/help-rows.out"; then
    pass "tandem-cli --help documents “$text”"
  else
    fail "tandem-cli --help does not document “$text”"
  fi
done

# ---- PDF report -----------------------------------------------------------------------

run report report "$ex" "$tmp/report.pdf"
expect_status report 0 "report to a PDF"
expect_text "$tmp/report.out" "report of 4 pages written to $tmp/report.pdf" "report says how many pages it wrote"
if head -c 5 "$tmp/report.pdf" | grep -q "^%PDF-"; then
  pass "report writes a PDF"
else
  fail "report did not write a PDF"
fi
run report-period report "$ex" "$tmp/report-period.pdf" --from 2020-01-01 --to 2026-01-01
expect_status report-period 0 "report with a movement period"
expect_text "$tmp/report-period.out" "report of 5 pages" "the movement period adds a page"
run report-half report "$ex" "$tmp/report-half.pdf" --from 2020-01-01
expect_status report-half 1 "report with --from but no --to"
expect_one_error_line report-half "report with --from but no --to"
[ -e "$tmp/report-half.pdf" ] && fail "report with --from alone wrote a file" || pass "report with --from alone wrote no file"
run report-nowhere report "$ex" "$tmp/no such dir/report.pdf"
expect_status report-nowhere 2 "report into a missing folder"
expect_one_error_line report-nowhere "report into a missing folder"
run sheet-png sheet "$ex" "$tmp/matrix.png"
expect_status sheet-png 0 "sheet to a PNG image"
if head -c 8 "$tmp/matrix.png" | grep -q "PNG"; then pass "sheet writes a PNG"; else fail "sheet did not write a PNG"; fi
run sheet-blank blank-sheet "$ex" "$tmp/wall.pdf"
expect_status sheet-blank 0 "blank-sheet to an A3 PDF"
run sheet-txt sheet "$ex" "$tmp/matrix.txt"
expect_status sheet-txt 1 "sheet to a file with an unknown ending"
expect_text "$tmp/sheet-txt.err" "does not end in .pdf, .svg or .png" "sheet names the endings it knows"

# ---- Files that cannot be opened ----------------------------------------------

missing="$tmp/no such dir/missing.tandem"
for command in stats list cases; do
  run "missing-$command" "$command" "$missing"
  expect_status "missing-$command" 2 "$command on a missing file"
  expect_one_error_line "missing-$command" "$command on a missing file"
  expect_text "$tmp/missing-$command.err" "$missing" "$command on a missing file names it"
done
run missing-case case "$missing" surrey-neet-to-pete
expect_status missing-case 2 "case on a missing file"
expect_one_error_line missing-case "case on a missing file"
run missing-cases-cell cases "$missing" --cell 2,2
expect_status missing-cases-cell 2 "cases --cell on a missing file"
if [ -e "$missing" ]; then
  fail "stats or list created the missing file"
else
  pass "the missing file was not created"
fi

garbage="$tmp/garbage.tandem"
LC_ALL=C awk 'BEGIN { srand(42); for (i = 0; i < 4096; i++) printf "%c", int(rand() * 255) + 1 }' >"$garbage"
cp "$garbage" "$tmp/garbage.orig"
for command in stats list cases; do
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
  for command in "stats FILE" "list FILE" "cases FILE" "case FILE ID" "history FILE INITIATIVE" \
                 "movement FILE" "generate FILE" "help"; do
    if grep -q "^ *$command\( \|\$\)" "$tmp/help$how.out"; then
      pass "tandem-cli $how documents “$command”"
    else
      fail "tandem-cli $how does not document “$command”"
      show "$tmp/help$how.out"
    fi
  done
  for word in "--cell ROW,COL" "--search TEXT" "--from DATE" "--to DATE" "--initiatives N" \
              "--assessments M" "--seed S"; do
    if grep -q "^ *$word " "$tmp/help$how.out"; then
      pass "tandem-cli $how documents “$word”"
    else
      fail "tandem-cli $how does not document “$word”"
    fi
  done
  for code in 0 1 2 3; do
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
