#!/usr/bin/env python3
"""Writes the workbook fixtures of DashboardInputTests with the standard library only (zipfile).

Run from this folder: python3 make_fixtures.py. The workbooks are committed; this is how they were made.
"""
import zipfile

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def esc(text):
    return text.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;').replace('"', '&quot;')


def workbook(path, sheets, shared, numfmts, xfs, date1904=False, extra=None):
    """sheets: list of (name, state, sheet_xml_body)."""
    z = zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED)
    overrides = ''.join(f'<Override PartName="/xl/worksheets/sheet{i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' for i in range(len(sheets)))
    z.writestr('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' + overrides + '</Types>')
    z.writestr('_rels/.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    def state_attr(state):
        return '' if state == 'visible' else ' state="%s"' % state
    sheet_list = ''.join(f'<sheet name="{esc(name)}" sheetId="{i + 1}"{state_attr(state)} r:id="rId{i + 1}"/>' for i, (name, state, _) in enumerate(sheets))
    pr = '<workbookPr date1904="1"/>' if date1904 else '<workbookPr/>'
    z.writestr('xl/workbook.xml', f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook {NS}>{pr}<sheets>{sheet_list}</sheets></workbook>')
    # Targets relative to xl/, except the last sheet's, written absolute as some producers do.
    rels = ''.join(f'<Relationship Id="rId{i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="{"/xl/" if i == len(sheets) - 1 else ""}worksheets/sheet{i + 1}.xml"/>' for i in range(len(sheets)))
    rels += f'<Relationship Id="rId{len(sheets) + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
    z.writestr('xl/_rels/workbook.xml.rels', f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>')
    fmts = ''.join(f'<numFmt numFmtId="{i}" formatCode="{esc(code)}"/>' for i, code in numfmts)
    cellxfs = ''.join(f'<xf numFmtId="{n}" fontId="0" fillId="0" borderId="0" xfId="0"/>' for n in xfs)
    z.writestr('xl/styles.xml', f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet {NS}><numFmts count="{len(numfmts)}">{fmts}</numFmts><cellXfs count="{len(xfs)}">{cellxfs}</cellXfs></styleSheet>')
    si = ''.join('<si><t xml:space="preserve">%s</t></si>' % esc(text) for text in shared)
    z.writestr('xl/sharedStrings.xml', f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst {NS} count="{len(shared)}" uniqueCount="{len(shared)}">{si}</sst>')
    for i, (_, _, body) in enumerate(sheets):
        z.writestr(f'xl/worksheets/sheet{i + 1}.xml', f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet {NS}>{body}</worksheet>')
    for name, data in (extra or {}).items():
        z.writestr(name, data)
    z.close()


class Strings:
    def __init__(self):
        self.items = []

    def __call__(self, text):
        if text not in self.items:
            self.items.append(text)
        return self.items.index(text)


def kpis():
    """The Q3 dashboard as officers keep it: a title row, a two-row heading with the year merged over its
    quarters, percentages formatted 0.0%, a count formatted #,##0, a note 'n/k' in a figure cell, a hidden
    row, a hidden sheet of workings, a monthly sheet headed by dates formatted mmm-yy, and a draft of the
    dashboard sheet with the note 'n/k' in figure cell C6."""
    s = Strings()
    # styles: 0 General, 1 0.0% (custom 164), 2 #,##0 (built-in 3), 3 mmm-yy (custom 165), 4 0% (built-in 9)
    numfmts = [(164, '0.0%'), (165, 'mmm\\-yy')]
    xfs = [0, 164, 3, 165, 9]

    def c(ref, value, style=None):
        st = f' s="{style}"' if style is not None else ''
        if isinstance(value, str):
            return f'<c r="{ref}" t="s"{st}><v>{s(value)}</v></c>'
        if isinstance(value, bool):
            return f'<c r="{ref}" t="b"{st}><v>{int(value)}</v></c>'
        return f'<c r="{ref}"{st}><v>{value!r}</v></c>'

    def sheet(draft_c6):
      rows = [
        ('1', c('A1', "Children's services: Q3 dashboard 2024/25")),
        ('3', c('A3', 'Indicator') + c('B3', '2024/25') + '<c r="C3"/><c r="D3"/>'),
        ('4', c('B4', 'Q1') + c('C4', 'Q2') + c('D4', 'Q3')),
        ('5', c('A5', 'Assessments completed within 45 working days') + c('B5', 0.949, 1) + c('C5', 0.913, 1) + c('D5', 0.887, 1)),
        ('6', c('A6', 'Children looked after') + c('B6', 412, 2) + c('C6', draft_c6) + c('D6', 1074, 2)),
        ('7" hidden="1', c('A7', 'Workings: do not publish') + c('B7', 1, 0)),
        ('8', '<c r="A8" t="inlineStr"><is><r><t>Care leavers in education, </t></r><r><t>employment or training</t></r></is></c>' + c('B8', 0.56, 4) + c('C8', 0.58, 4) + '<c r="D8" t="e"><v>#N/A</v></c>'),
      ]
      body = '<dimension ref="A1:D8"/><sheetData>' + ''.join(f'<row r="{r}">{cells}</row>' for r, cells in rows) + '</sheetData>'
      body += '<mergeCells count="2"><mergeCell ref="B3:D3"/><mergeCell ref="A3:A4"/></mergeCells>'
      return body
    body = sheet('n/a')
    draft = sheet('n/k')

    workings = '<sheetData><row r="1">' + c('A1', 'scratch') + c('B1', 'not a period') + '</row></sheetData>'

    # Monthly: a one-row heading of dates (serials of 1 Apr, 1 May, 1 Jun 2024), shown as Apr-24.
    monthly = '<sheetData><row r="1">' + c('A1', 'indicator') + c('B1', 45383, 3) + c('C1', 45413, 3) + c('D1', 45444, 3) + '</row>'
    monthly += '<row r="2">' + c('A2', 'contacts') + c('B2', 1537, 2) + c('C2', 1498.0, 2) + c('D2', 1602, 2) + '</row>'
    monthly += '<row r="3">' + c('A3', 'Re-referrals within 12 months.') + c('B3', 0.21, 1) + c('C3', 0.2, 1) + c('D3', 0.19, 1) + '</row></sheetData>'
    workbook('kpis.xlsx', [('Q3 dashboard', 'visible', body), ('Workings', 'hidden', workings), ('Monthly', 'visible', monthly), ('Draft', 'visible', draft)],
             s.items, numfmts, xfs)


def dates1904():
    """A 1904-system workbook: serial 0 is 1 January 1904."""
    s = Strings()
    c = lambda ref, text: f'<c r="{ref}" t="s"><v>{s(text)}</v></c>'
    body = '<sheetData><row r="1">' + c('A1', 'indicator') + '<c r="B1" s="1"><v>43860</v></c></row>'
    body += '<row r="2">' + c('A2', 'contacts') + '<c r="B2"><v>12</v></c></row></sheetData>'
    workbook('dates1904.xlsx', [('Sheet1', 'visible', body)], s.items, [(164, 'd mmm yyyy')], [0, 164], date1904=True)


def hostile():
    # A sheet that unpacks to 100 MiB: refused before it is unpacked.
    z = zipfile.ZipFile('bomb.xlsx', 'w', zipfile.ZIP_DEFLATED, compresslevel=9)
    z.writestr('xl/workbook.xml', f'<workbook {NS}><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>')
    z.writestr('xl/_rels/workbook.xml.rels', '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>')
    z.writestr('xl/worksheets/sheet1.xml', f'<worksheet {NS}><sheetData>' + ' ' * (100 * 1024 * 1024) + '</sheetData></worksheet>')
    z.close()
    # More shared texts than a test's limit of 1000.
    z = zipfile.ZipFile('many-strings.xlsx', 'w', zipfile.ZIP_DEFLATED, compresslevel=9)
    z.writestr('xl/workbook.xml', f'<workbook {NS}><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>')
    z.writestr('xl/_rels/workbook.xml.rels', '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>')
    z.writestr('xl/sharedStrings.xml', f'<sst {NS}>' + ''.join('<si><t>text %d</t></si>' % i for i in range(1001)) + '</sst>')
    z.writestr('xl/worksheets/sheet1.xml', f'<worksheet {NS}><sheetData/></worksheet>')
    z.close()
    with open('legacy.xls', 'wb') as f:
        f.write(bytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + bytes(504) + 'Workbook'.encode('utf-16-le') + bytes(512))
    with open('encrypted.xlsx', 'wb') as f:
        f.write(bytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + bytes(504) + 'EncryptedPackage'.encode('utf-16-le') + bytes(512))
    with open('kpis.xlsx', 'rb') as f:
        whole = f.read()
    with open('truncated.xlsx', 'wb') as f:
        f.write(whole[: len(whole) // 2])


kpis()
dates1904()
hostile()
