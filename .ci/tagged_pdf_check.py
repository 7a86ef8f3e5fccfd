"""Checks a tagged PDF made from a report by LibreOffice: the pictures' descriptions and the language survive.

Usage: python3 tagged_pdf_check.py FILE.pdf --alt N [--lang en-GB]

Reads every stream (inflating the compressed ones) for /Alt entries (a figure's alternative text) and /Lang.
Exit status 0 when there are at least N non-empty /Alt texts and the language is the one asked for, 1 otherwise.
"""

import re
import sys
import zlib


def decode(raw, hexadecimal):
    if hexadecimal:
        data = bytes.fromhex(raw.decode())
        return data.decode("utf-16") if data.startswith(b"\xfe\xff") else data.decode("latin-1")
    text = re.sub(rb"\\(.)", rb"\1", raw)
    return text.decode("utf-16") if text.startswith(b"\xfe\xff") else text.decode("latin-1")


def main():
    arguments = sys.argv[1:]
    path = arguments[0]
    want_alt = int(arguments[arguments.index("--alt") + 1]) if "--alt" in arguments else 1
    want_lang = arguments[arguments.index("--lang") + 1] if "--lang" in arguments else "en-GB"
    data = open(path, "rb").read()
    texts = [data]
    for match in re.finditer(rb"stream\r?\n(.*?)endstream", data, re.S):
        try:
            texts.append(zlib.decompress(match.group(1)))
        except zlib.error:
            pass
    alts, langs = [], set()
    for text in texts:
        for hexadecimal, literal in re.findall(rb"/Alt\s*<([0-9A-Fa-f]+)>|/Alt\s*\(((?:[^()\\]|\\.)*)\)", text):
            alts.append(decode(hexadecimal, True) if hexadecimal else decode(literal, False))
        for literal, hexadecimal in re.findall(rb"/Lang\s*\(([^)]*)\)|/Lang\s*<([0-9A-Fa-f]+)>", text):
            langs.add(decode(hexadecimal, True) if hexadecimal else decode(literal, False))
    problems = []
    described = [alt for alt in alts if alt.strip()]
    if len(described) < want_alt:
        problems.append(f"{len(described)} figures with alternative text, expected at least {want_alt}")
    if want_lang not in langs:
        problems.append(f"the language is {sorted(langs) or 'not set'}, not {want_lang}")
    if problems:
        print(f"{path}: " + "; ".join(problems), file=sys.stderr)
        return 1
    print(f"{path}: ok ({len(described)} figures with alternative text, language {want_lang})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
