#!/usr/bin/python3
"""Builds the web build's two font files from a Debian font package, with Debian's fonttools.

  core: 通用规范汉字表 (Unihan kTGH, 8,105) ∪ GB2312 (kGB0 and its symbol rows) ∪ ASCII/Latin-1 ∪
        general and CJK punctuation ∪ full-width forms ∪ every character in the given source folders
        (UI strings, rule packs, course packs). Loaded with the page.
  ext:  every other character the font has. Fetched only when text needs it.

Hinting and layout tables are dropped: stb_truetype ignores hinting and ImGui does no shaping.

usage: make_font_subset.py FONT FACE UNIHAN_OTHERMAPPINGS_BZ2 OUT_CORE OUT_EXT SRC_DIR...
"""
import bz2
import os
import sys

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

TEXT_SUFFIXES = (".cpp", ".h", ".json", ".md", ".html", ".js", ".txt")


def unihan_chars(path):
    chars = set()
    with bz2.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            parts = line.split("\t")
            if len(parts) >= 2 and parts[1] in ("kTGH", "kGB0"):
                chars.add(int(parts[0][2:], 16))
    return chars


def gb2312_symbols():
    chars = set()
    for row in range(0xA1, 0xAA):
        for col in range(0xA1, 0xFF):
            try:
                chars.add(ord(bytes([row, col]).decode("gb2312")))
            except UnicodeDecodeError:
                pass
    return chars


def source_chars(dirs):
    chars = set()
    for top in dirs:
        for root, _, files in os.walk(top):
            for name in files:
                if name.endswith(TEXT_SUFFIXES):
                    with open(os.path.join(root, name), encoding="utf-8", errors="ignore") as f:
                        chars.update(ord(c) for c in f.read() if ord(c) >= 0x80)
    return chars


def font_cmap(path, face):
    font = TTCollection(path).fonts[face] if path.endswith(".ttc") else TTFont(path)
    return set(font.getBestCmap().keys())


def write_subset(path, face, codepoints, out):
    options = subset.Options()
    options.font_number = face
    options.hinting = False
    options.layout_features = []
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.drop_tables += ["DSIG", "GSUB", "GPOS", "GDEF", "kern"]
    font = subset.load_font(path, options)
    s = subset.Subsetter(options)
    s.populate(unicodes=sorted(codepoints))
    s.subset(font)
    tmp = out + ".tmp"
    subset.save_font(font, tmp, options)
    os.replace(tmp, out)


def main(argv):
    if len(argv) < 6:
        sys.exit(__doc__)
    font, face, unihan, out_core, out_ext = argv[:5]
    face = int(face)
    wanted = unihan_chars(unihan) | gb2312_symbols() | source_chars(argv[5:])
    wanted |= set(range(0x20, 0x7F)) | set(range(0xA0, 0x100))
    wanted |= set(range(0x2000, 0x2070)) | set(range(0x3000, 0x3040)) | set(range(0xFF00, 0xFFF0))
    have = font_cmap(font, face)
    core = wanted & have
    ext = have - core
    os.makedirs(os.path.dirname(out_core) or ".", exist_ok=True)
    write_subset(font, face, core, out_core)
    write_subset(font, face, ext, out_ext)
    missing = sorted(c for c in source_chars(argv[5:]) if c not in have and c >= 0x2E80)
    print(f"font subset: core {len(core)} code points ({os.path.getsize(out_core)} bytes), "
          f"ext {len(ext)} ({os.path.getsize(out_ext)} bytes)")
    if missing:
        print("warning: characters used in sources but absent from the font: " +
              "".join(chr(c) for c in missing[:40]))


if __name__ == "__main__":
    main(sys.argv[1:])
