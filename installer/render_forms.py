"""Render every document for the sample case to PDF and PNG, to review the layout by eye.

    python installer/render_forms.py OUTPUT_DIR [--dpi 100] [--draft] [--body-font PATH]

Writes OUTPUT_DIR/<form>.pdf for each of the twelve documents (plus agreement-40-terms.pdf, a
long 调解书, and the order-20 variants of the notices whose articles differ), then converts each
page to OUTPUT_DIR/<form>-<page>.png with pdftoppm, from poppler-utils:

    Debian, UOS, Kylin:  sudo apt-get install poppler-utils
    Windows:             install "poppler" (for example from conda-forge) and put its bin on PATH

Without pdftoppm the PDFs are still written and the script says that the PNGs were skipped.
"""

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.printing.render import render  # noqa: E402
from app.printing.samples import long_agreement, order_20_documents, sample_documents  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("output", type=Path, help="folder for the PDFs and PNGs (made if missing)")
    parser.add_argument("--dpi", type=int, default=100, help="resolution of the PNGs (default 100)")
    parser.add_argument("--draft", action="store_true", help="render drafts (样稿, no numbers) instead")
    parser.add_argument("--body-font", type=Path, help="a TTF/TTC to use for the body, as a station may choose")
    args = parser.parse_args()

    documents = dict(sample_documents(issued=not args.draft))
    if not args.draft:
        documents["agreement-40-terms"] = long_agreement(40)
        documents.update({f"{name}-order20": content for name, content in order_20_documents().items()})

    args.output.mkdir(parents=True, exist_ok=True)
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        print("pdftoppm not found: PDFs only. Install poppler-utils (sudo apt-get install poppler-utils).")
    for name, content in documents.items():
        pdf = args.output / f"{name}.pdf"
        pdf.write_bytes(render(content, body_font=args.body_font))
        if pdftoppm:
            subprocess.run([pdftoppm, "-png", "-r", str(args.dpi), str(pdf), str(args.output / name)], check=True)
        print(f"{pdf}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
