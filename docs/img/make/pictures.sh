#!/usr/bin/env bash
# Regenerates docs/img/table3-4-latex.png and table3-4-word.png (docs/tables.md) from examples/tables-3-4.yaml:
# the LaTeX table compiled with pdflatex, the Word table converted with LibreOffice, both rendered by pdftoppm at
# 150 dpi and cropped to the table (Crop.java). The HTML picture is written by TableScreenshotIT
# (mvn -o verify -pl app -am -Dtest=none -Dit.test=TableScreenshotIT -Deres.docs.pictures=$PWD/docs/img).
# Needs: the distribution (./eres builds it), pdflatex (texlive-latex-recommended, lmodern), soffice, pdftoppm.
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
"$root/eres" run "$root/examples/tables-3-4.yaml" --out out --format latex,docx > /dev/null
cat > wrap.tex <<'TEX'
\documentclass[11pt]{article}
\usepackage[T1]{fontenc}
\usepackage[utf8]{inputenc}
\usepackage{lmodern}
\usepackage{booktabs}
\usepackage{graphicx}
\usepackage[a4paper,landscape,margin=1.5cm]{geometry}
\pagestyle{empty}
\begin{document}
\input{out/tables/combined-table3-4.tex}
\end{document}
TEX
pdflatex -interaction=nonstopmode wrap.tex > /dev/null
pdftoppm -png -r 150 -f 1 -l 1 wrap.pdf latex
soffice --headless --convert-to pdf out/tables/combined-table3-4.docx > /dev/null
pdftoppm -png -r 150 -f 1 -l 1 combined-table3-4.pdf word
java "$root/docs/img/make/Crop.java" latex-1.png "$root/docs/img/table3-4-latex.png"
java "$root/docs/img/make/Crop.java" word-1.png "$root/docs/img/table3-4-word.png"
