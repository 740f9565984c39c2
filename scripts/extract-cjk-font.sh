#!/usr/bin/env bash
# Reproduces src/main/resources/fonts/wqy-microhei.ttf (+ licence file) from Debian's
# fonts-wqy-microhei package. JasperReports/OpenPDF cannot embed a TrueType *collection*
# (.ttc), so the first face ("WenQuanYi Micro Hei") is extracted into a plain .ttf.
#
# Needs (Debian): fonts-wqy-microhei python3-fonttools
#   apt-get install -y fonts-wqy-microhei python3-fonttools
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SRC_TTC="${SRC_TTC:-/usr/share/fonts/truetype/wqy/wqy-microhei.ttc}"
SRC_COPYRIGHT="${SRC_COPYRIGHT:-/usr/share/doc/fonts-wqy-microhei/copyright}"
OUT_DIR="$ROOT/src/main/resources/fonts"
# Debian's python3-fonttools lives in the system interpreter; a pyenv/venv python3 on PATH
# usually does not see it, so prefer /usr/bin/python3.
PYTHON="${PYTHON:-$( [[ -x /usr/bin/python3 ]] && echo /usr/bin/python3 || command -v python3 )}"

if [[ ! -f "$SRC_TTC" ]]; then
  echo "missing $SRC_TTC: apt-get install -y fonts-wqy-microhei python3-fonttools" >&2
  exit 1
fi
mkdir -p "$OUT_DIR"

"$PYTHON" - "$SRC_TTC" "$OUT_DIR/wqy-microhei.ttf" <<'PY'
import sys
from fontTools.ttLib import TTCollection
ttc, out = sys.argv[1], sys.argv[2]
coll = TTCollection(ttc)
face = coll.fonts[0]                       # face 0 = "WenQuanYi Micro Hei" (1 = "... Mono")
face.save(out)
name = face["name"].getDebugName(1)
print(f"wrote {out} (family: {name}, faces in collection: {len(coll.fonts)})")
PY

cp "$SRC_COPYRIGHT" "$OUT_DIR/LICENSE-wqy-microhei.txt"
echo "copied licence to $OUT_DIR/LICENSE-wqy-microhei.txt"
