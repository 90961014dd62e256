#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fails when a CJK character of a PDF page is drawn blank.

pdftotext reads a PDF's text from its character maps, so a glyph that a font subset lost still
reads back correctly while the paper shows a gap. This renders the first page with pdftoppm and
checks that the cell of every CJK character in each text run (pdftotext -bbox) has ink.

    check-pdf-glyphs.py FILE.pdf    → exit 0, or 1 with the blank characters listed
"""
import re
import subprocess
import sys
import tempfile

DPI = 144


def is_cjk(ch):
    return 0x3400 <= ord(ch) <= 0x9FFF  # CJK ideographs: full-width cells, always inked


def main(pdf):
    bbox = subprocess.run(["pdftotext", "-f", "1", "-l", "1", "-bbox", pdf, "-"],
                          capture_output=True, text=True, check=True).stdout
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-f", "1", "-l", "1", "-r", str(DPI), "-gray",
                        pdf, tmp + "/page"], check=True)
        import glob
        path = glob.glob(tmp + "/page*.pgm")[0]
        data = open(path, "rb").read()
    header = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
    width, height = int(header.group(1)), int(header.group(2))
    pixels = data[header.end():]
    scale = DPI / 72.0

    blank, checked = [], 0
    for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', bbox):
        x0, y0, x1, y1 = (float(v) for v in m.group(1, 2, 3, 4))
        text = m.group(5)
        # Only runs of full-width characters have evenly spaced cells.
        if not text or any(ord(ch) < 0x2E80 for ch in text):
            continue
        cell = (x1 - x0) / len(text)
        for i, ch in enumerate(text):
            if not is_cjk(ch):
                continue
            checked += 1
            cx0, cx1 = int((x0 + i * cell) * scale) + 1, int((x0 + (i + 1) * cell) * scale) - 1
            cy0, cy1 = int(y0 * scale) + 1, int(y1 * scale) - 1
            ink = sum(1 for y in range(max(cy0, 0), min(cy1, height))
                      for x in range(max(cx0, 0), min(cx1, width)) if pixels[y * width + x] < 128)
            if ink < 4:
                blank.append(ch)
    print(f"{checked} CJK characters checked, {len(blank)} blank")
    if blank:
        print("blank: " + " ".join(blank))
        return 1
    return 0 if checked else 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
