#!/bin/bash
# Prints the F1 rows (figures, dates, regions, programs) of bench/extraction_quality.py for every corpus except the
# unread reserve 5, niced. Usage (from the project root): bench/f1_table.sh > before.txt; … ; diff before.txt after.txt
cd "$(dirname "$0")/.." || exit 1
for corpus in "" --real --reserve --reserve2 --reserve3 --reserve4 --unseen --heldout --blind; do
  echo "== ${corpus:-seed}"
  nice -n 10 .venv/bin/python bench/extraction_quality.py $corpus 2>&1 | grep -E "^(figures|dates|regions|programs) "
done
