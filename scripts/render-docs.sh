#!/usr/bin/env bash
# Draws the first page of each kind of document Bindeled writes into docs/images/, as LibreOffice
# shows them, from the sample case the document tests use (tests/helpers/documents-fixtures.ts).
# Needs LibreOffice and poppler (see scripts/render-docx.sh). Run: bash scripts/render-docs.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
renderer=${RENDER_DOCX:-$root/scripts/render-docx.sh}
[[ -x $renderer ]] || { echo "render-docs: $renderer not found; set RENDER_DOCX" >&2; exit 3; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$root"
# The PDF test writes the sample documents into this folder as well as checking them.
BINDELED_SAMPLE_DOCS="$work/docx" npx vitest run tests/integration/core/documents/letters-pdf.test.ts >"$work/vitest.log" 2>&1 ||
  { cat "$work/vitest.log" >&2; exit 1; }
mkdir -p docs/images
for f in "$work"/docx/*.docx; do
  name=$(basename "${f%.docx}")
  "$renderer" "$f" "$work/png" 1 1 >/dev/null
  cp "$work/png/$name-1.png" "docs/images/$name.png"
  echo "docs/images/$name.png"
done
