"""Checks a Word document written by `dashboards report`, independently of the project's own code.

Usage: python3 docx_check.py FILE.docx [--pictures N] [--landscape N]

Reads the zip with the standard library and checks what a reader and an accessibility checker need:
  - every part named by a relationship or content type is there, and every XML part parses;
  - every picture has a description (Word's alt text), and fits the text column of its section;
  - every table's first row, and only it, is marked as a header row that repeats on each page;
  - headings use Word's Heading n styles, start at Heading 1 and never skip a level;
  - the document's language is set (default run properties and core properties);
  - the KPI tables are in landscape sections (--landscape N: exactly N landscape sections).
Exit status 0 when the document passes, 1 otherwise.
"""

import sys
import zipfile
import xml.etree.ElementTree as ET

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
PIC = "{http://schemas.openxmlformats.org/drawingml/2006/picture}"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
DC = "{http://purl.org/dc/elements/1.1/}"
EMU_PER_TWIP = 635


def sections(body):
    """The body's children split at each section break, each with the sectPr that ends it."""
    current = []
    for child in body:
        if child.tag == W + "sectPr":
            yield current, child
            current = []
            continue
        current.append(child)
        properties = child.find(W + "pPr/" + W + "sectPr") if child.tag == W + "p" else None
        if properties is not None:
            yield current, properties
            current = []


def column(properties):
    size = properties.find(W + "pgSz")
    margins = properties.find(W + "pgMar")
    return int(size.get(W + "w")) - int(margins.get(W + "left")) - int(margins.get(W + "right"))


def main():
    arguments = sys.argv[1:]
    path = arguments[0]
    want_pictures = int(arguments[arguments.index("--pictures") + 1]) if "--pictures" in arguments else None
    want_landscape = int(arguments[arguments.index("--landscape") + 1]) if "--landscape" in arguments else None
    problems = []
    archive = zipfile.ZipFile(path)
    names = archive.namelist()
    if archive.testzip() is not None:
        problems.append("a zip entry is corrupt")
    if names[0] != "[Content_Types].xml":
        problems.append(f"the first part is {names[0]}, not [Content_Types].xml")
    parsed = {}
    for name in names:
        if name.endswith(".xml") or name.endswith(".rels"):
            try:
                parsed[name] = ET.fromstring(archive.read(name))
            except ET.ParseError as error:
                problems.append(f"{name} is not well-formed XML: {error}")
    for relationship in parsed.get("word/_rels/document.xml.rels", ET.Element("x")).iter(REL + "Relationship"):
        target = "word/" + relationship.get("Target")
        if target not in names:
            problems.append(f"the relationship {relationship.get('Id')} points to {target}, which is missing")
    document = parsed.get("word/document.xml")
    if document is None:
        problems.append("no word/document.xml")
        report(path, problems)
        return
    body = document.find(W + "body")

    pictures = 0
    landscape = 0
    for elements, properties in sections(body):
        size = properties.find(W + "pgSz")
        is_landscape = size.get(W + "orient") == "landscape"
        landscape += is_landscape
        width = column(properties)
        for element in elements:
            for inline in element.iter(WP + "inline"):
                pictures += 1
                doc_pr = inline.find(WP + "docPr")
                description = doc_pr.get("descr", "") if doc_pr is not None else ""
                if not description.strip():
                    problems.append(f"picture {pictures} has no description (alt text)")
                extent = inline.find(WP + "extent")
                if int(extent.get("cx")) > width * EMU_PER_TWIP:
                    problems.append(f"picture {pictures} is {int(extent.get('cx')) / 360000:.2f} cm wide, "
                                    f"wider than its column of {width * EMU_PER_TWIP / 360000:.2f} cm")
            for table in ([element] if element.tag == W + "tbl" else []) + list(element.iter(W + "tbl"))[1:]:
                rows = table.findall(W + "tr")
                if not rows or rows[0].find(W + "trPr/" + W + "tblHeader") is None:
                    problems.append("a table's first row is not marked to repeat as its header")
                if any(row.find(W + "trPr/" + W + "tblHeader") is not None for row in rows[1:]):
                    problems.append("a table marks a row other than its first as a header")
                caption = table.find(W + "tblPr/" + W + "tblCaption")
                if caption is None or not caption.get(W + "val"):
                    problems.append("a table has no title (tblCaption)")
                if table.find(W + "tblPr/" + W + "tblCaption").get(W + "val", "").endswith("key performance indicators") and not is_landscape:
                    problems.append("a KPI table is on a portrait page")
    if want_pictures is not None and pictures != want_pictures:
        problems.append(f"{pictures} pictures, expected {want_pictures}")
    if want_landscape is not None and landscape != want_landscape:
        problems.append(f"{landscape} landscape sections, expected {want_landscape}")

    styles = parsed.get("word/styles.xml")
    names_by_id = {}
    outline = {}
    for style in styles.iter(W + "style"):
        name = style.find(W + "name")
        names_by_id[style.get(W + "styleId")] = name.get(W + "val") if name is not None else ""
        level = style.find(W + "pPr/" + W + "outlineLvl")
        if level is not None:
            outline[style.get(W + "styleId")] = int(level.get(W + "val"))
    levels = []
    for paragraph in body.iter(W + "p"):
        style = paragraph.find(W + "pPr/" + W + "pStyle")
        style_id = style.get(W + "val") if style is not None else None
        if style_id in outline:
            if names_by_id.get(style_id, "").lower() != f"heading {outline[style_id] + 1}":
                problems.append(f"the style {style_id} has an outline level but is not Word's heading style")
            levels.append(outline[style_id] + 1)
    if not levels:
        problems.append("no headings in Heading styles")
    elif levels[0] != 1:
        problems.append(f"the first heading is Heading {levels[0]}")
    for previous, following in zip(levels, levels[1:]):
        if following > previous + 1:
            problems.append(f"a Heading {following} follows a Heading {previous}")
            break

    language = styles.find(W + "docDefaults/" + W + "rPrDefault/" + W + "rPr/" + W + "lang")
    if language is None or not language.get(W + "val"):
        problems.append("the document's default language is not set")
    core = parsed.get("docProps/core.xml")
    if core is None or core.find(DC + "language") is None or not core.find(DC + "language").text:
        problems.append("the core properties give no language")
    report(path, problems, f"{pictures} pictures, {len(levels)} headings, {landscape} landscape sections")


def report(path, problems, summary=""):
    if problems:
        for problem in problems:
            print(f"{path}: {problem}", file=sys.stderr)
        sys.exit(1)
    print(f"{path}: ok ({summary})")


if __name__ == "__main__":
    main()
