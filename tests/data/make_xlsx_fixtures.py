#!/usr/bin/python3
"""Writes the xlsx and zip fixtures of tests/core/xlsx_test.cpp and tests/core/zip_test.cpp.

usage: /usr/bin/python3 tests/data/make_xlsx_fixtures.py [OUT_DIR]   (default: this directory)

With the default OUT_DIR it also writes the seeds of fuzz/fuzz_xlsx.cpp into fuzz/corpus/xlsx/:
the workbooks themselves, and their XML parts (sheet, shared strings, styles, workbook joined by
"\n=====\n"), which the fuzz target zips itself.

Uses Debian's python3-openpyxl for the ordinary workbooks and writes the parts openpyxl cannot
(inline strings, error cells, prefixed XML, absolute part names) by hand with zipfile. Every zip
is rewritten with fixed timestamps, so the output is the same on every run. The expected values
live in the C++ tests; the docstring of each function below says what its file holds.
"""
import datetime as dt
import io
import os
import re
import sys
import zipfile

import openpyxl
from openpyxl.utils.datetime import CALENDAR_MAC_1904

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
FIXED_TIME = (2024, 1, 1, 0, 0, 0)
FIXED_DT = dt.datetime(2024, 1, 1)
NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def normalized(data: bytes, shared_strings=False) -> bytes:
    """The same zip with fixed entry times, every entry deflated (as Excel writes them);
    with shared_strings, openpyxl's inline strings moved to xl/sharedStrings.xml as Excel has them."""
    src = zipfile.ZipFile(io.BytesIO(data))
    parts = {info.filename: src.read(info.filename) for info in src.infolist()}
    if shared_strings:
        parts = to_shared_strings(parts)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, content in parts.items():
            zi = zipfile.ZipInfo(name, FIXED_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            dst.writestr(zi, content)
    return out.getvalue()


INLINE_CELL = re.compile(r'<c r="([A-Z]+[0-9]+)"( s="[0-9]+")? t="inlineStr"><is>(<t[^>]*>.*?</t>)</is></c>', re.S)


def to_shared_strings(parts):
    """openpyxl 3.0 writes every string inline (t="inlineStr"); Excel and WPS write a table of
    shared strings (t="s"). This rewrites the sheets the Excel way."""
    table, index = [], {}

    def shared(m):
        t = m.group(3)
        if t not in index:
            index[t] = len(table)
            table.append(t)
        return f'<c r="{m.group(1)}"{m.group(2) or ""} t="s"><v>{index[t]}</v></c>'

    out = {}
    for name, content in parts.items():
        if name.startswith("xl/worksheets/") and name.endswith(".xml"):
            content = INLINE_CELL.sub(shared, content.decode("utf-8")).encode("utf-8")
        out[name] = content
    sst = (f'<sst xmlns="{NS_MAIN}" count="{len(table)}" uniqueCount="{len(table)}">'
           + "".join(f"<si>{t}</si>" for t in table) + "</sst>")
    out["xl/sharedStrings.xml"] = sst.encode("utf-8")
    rels = out["xl/_rels/workbook.xml.rels"].decode("utf-8")
    rels = rels.replace("</Relationships>", '<Relationship Id="rIdSst" Type="http://schemas.openxmlformats.org/'
                        'officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
    out["xl/_rels/workbook.xml.rels"] = rels.encode("utf-8")
    types = out["[Content_Types].xml"].decode("utf-8")
    types = types.replace("</Types>", '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                          'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
    out["[Content_Types].xml"] = types.encode("utf-8")
    return out


def save_workbook(wb, name, shared_strings=False):
    wb.properties.creator = "seglens tests"
    wb.properties.created = FIXED_DT
    wb.properties.modified = FIXED_DT
    buf = io.BytesIO()
    wb.save(buf)
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(normalized(buf.getvalue(), shared_strings))


def orders():
    """orders.xlsx: a typical order export (sheet 订单), plus 客户 and an empty sheet 空表."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "订单"
    ws.append(["客户ID", "下单日期", "订单金额", "是否会员", "下单时间", "城市", "备注"])
    rows = [
        # row 2
        ["C001", dt.date(2024, 1, 5), 128.5, True, dt.datetime(2024, 1, 5, 13, 45, 0), "北京", "首单"],
        # row 3: the custom Chinese date format, a time with fractions of a second (rounded)
        ["C002", dt.date(2024, 2, 29), 99, False, dt.datetime(2024, 2, 29, 8, 0, 30, 400000), "上海", "A & B <c>"],
        # row 4: an empty cell in the middle (订单金额); a repeated shared string (北京)
        ["C003", dt.date(2023, 12, 31), None, True, dt.datetime(2023, 12, 31, 23, 59, 59), "北京", 0.3],
        # row 5: negative, tiny and huge numbers; a midnight datetime comes out as a date
        ["C004", dt.date(2024, 3, 1), -42, False, dt.datetime(2024, 3, 1, 0, 0, 0), "广州", 1e-07],
    ]
    for r in rows:
        ws.append(r)
    # row 6 stays empty; row 7 is sparse (only A, D and F)
    ws["A7"] = "C005"
    ws["D7"] = True
    ws["F7"] = "深圳"
    # row 8: a cell beyond the header's 7 columns -> rejected
    for col, v in zip("ABCDEFGHI", ["C006", None, 10, None, None, "杭州", None, None, "多余"]):
        if v is not None:
            ws[f"{col}8"] = v
    # row 9: number formats that are not dates, and text with spaces and a line break
    ws["A9"] = "C007"
    ws["C9"] = 1234567.891
    ws["C9"].number_format = "#,##0.00"
    ws["E9"] = 45000
    ws["E9"].number_format = "[Red]0"
    ws["F9"] = "  前后空格  "
    ws["G9"] = "第一行\n第二行"

    date_formats = {2: "yyyy-mm-dd", 3: 'yyyy"年"m"月"d"日"', 4: "mm-dd-yy", 5: "m/d/yy"}
    for row, fmt in date_formats.items():
        ws.cell(row=row, column=2).number_format = fmt
    time_formats = {2: "yyyy-mm-dd hh:mm:ss", 3: "m/d/yy h:mm", 4: "yyyy/m/d h:mm:ss", 5: "yyyy-mm-dd hh:mm"}
    for row, fmt in time_formats.items():
        ws.cell(row=row, column=5).number_format = fmt
    ws["G5"].number_format = "0.00E+00"

    c = wb.create_sheet("客户")
    c.append(["客户ID", "姓名", "注册日期"])
    c.append(["C001", "张三", dt.date(2023, 6, 1)])
    c.append(["C002", "李四", dt.date(2023, 7, 15)])
    c["C2"].number_format = "yyyy-mm-dd"
    c["C3"].number_format = "yyyy-mm-dd"

    wb.create_sheet("空表")
    save_workbook(wb, "orders.xlsx", shared_strings=True)


def dates1904():
    """dates1904.xlsx: the 1904 date system (workbookPr date1904="1")."""
    wb = openpyxl.Workbook()
    wb.epoch = CALENDAR_MAC_1904
    ws = wb.active
    ws.title = "Mac"
    ws.append(["日期", "时间", "数量"])
    ws.append([dt.date(2024, 1, 5), dt.datetime(2024, 1, 5, 6, 30, 0), 3])
    ws.append([dt.date(1904, 1, 2), dt.datetime(1904, 1, 1, 12, 0, 0), 4])
    for r in (2, 3):
        ws.cell(row=r, column=1).number_format = "yyyy-mm-dd"
        ws.cell(row=r, column=2).number_format = "yyyy-mm-dd hh:mm:ss"
    save_workbook(wb, "dates1904.xlsx")


# --- handmade.xlsx: XML written by hand ---------------------------------------------------------

NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
</Types>"""

ROOT_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="{NS_PKG}"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"""

# Two sheets: 手写 (absolute part name in the rels) and Prefixed (x: prefixes, relative name).
HANDMADE_WORKBOOK = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="{NS_MAIN}" xmlns:r="{NS_REL}">
<workbookPr defaultThemeVersion="124226"/>
<sheets>
<sheet name="手写" sheetId="1" r:id="rId7"/>
<sheet name="Prefixed &amp; Co" sheetId="2" r:id="rId8"/>
</sheets>
</workbook>"""

HANDMADE_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="{NS_PKG}">
<Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/>
<Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/>
<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
<Relationship Id="rId10" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
</Relationships>"""

# 0: plain; 1: rich text runs; 2: entities and character references; 3: a phonetic guide that is
# not part of the text; 4: xml:space and _x000D_; 5: an empty string.
HANDMADE_SST = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="{NS_MAIN}" count="6" uniqueCount="6">
<si><t>名称</t></si>
<si><r><rPr><b/></rPr><t>粗体</t></r><r><t xml:space="preserve"> 和 </t></r><r><rPr><i/></rPr><t>斜体</t></r></si>
<si><t>&#20320;&#x597D; &amp; &lt;ok&gt; &quot;q&quot; &apos;a&apos;</t></si>
<si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/></si>
<si><t xml:space="preserve">  line1_x000D_
line2  </t></si>
<si><t/></si>
</sst>"""

# cellXfs: 0 General, 1 built-in 14 (date), 2 custom 164 "0.00" (number), 3 custom 165 time,
# 4 built-in 22 (date time), 5 custom 166 "[Red]0" (number), 6 custom 167 with quoted letters.
# The cellStyleXfs and the dxf numFmt must not be taken for cell formats.
HANDMADE_STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="{NS_MAIN}">
<numFmts count="4">
<numFmt numFmtId="164" formatCode="0.00"/>
<numFmt numFmtId="165" formatCode="h:mm:ss"/>
<numFmt numFmtId="166" formatCode="[Red]0"/>
<numFmt numFmtId="167" formatCode="0.0&quot; days&quot;"/>
</numFmts>
<cellStyleXfs count="2"><xf numFmtId="14"/><xf numFmtId="14"/></cellStyleXfs>
<cellXfs count="7">
<xf numFmtId="0" fontId="0"/>
<xf numFmtId="14" fontId="0" applyNumberFormat="1"/>
<xf numFmtId="164" fontId="0" applyNumberFormat="1"><alignment horizontal="left"/></xf>
<xf numFmtId="165" fontId="0" applyNumberFormat="1"/>
<xf numFmtId="22" fontId="0" applyNumberFormat="1"/>
<xf numFmtId="166" fontId="0" applyNumberFormat="1"/>
<xf numFmtId="167" fontId="0" applyNumberFormat="1"/>
</cellXfs>
<dxfs count="1"><dxf><numFmt numFmtId="168" formatCode="yyyy"/></dxf></dxfs>
</styleSheet>"""

# Sheet 手写: the header is on row 2 (row 1 has only empty cells); cells of every type; rows
# and cells without r; an error cell; the 1900 leap-year bug around serial 60.
HANDMADE_SHEET1 = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="{NS_MAIN}" xmlns:r="{NS_REL}">
<dimension ref="A1:F9"/>
<sheetData>
<row r="1"><c r="A1" s="1"/><c r="B1"><v></v></c></row>
<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="inlineStr"><is><t>值</t></is></c><c r="C2" t="inlineStr"><is><r><t>类</t></r><r><t>型</t></r></is></c><c r="E2" t="str"><v>公式</v></c></row>
<row r="3"><c r="A3" t="s"><v>1</v></c><c r="B3" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="C3" t="inlineStr"><is><t>inline &amp; 内联</t></is></c><c r="D3" t="b"><v>1</v></c><c r="E3" t="str"><f>A3&amp;"x"</f><v>粗体 和 斜体x</v></c></row>
<row r="4"><c r="A4" t="s"><v>2</v></c><c r="B4" s="1"><v>59</v></c><c r="C4" s="1"><v>60</v></c><c r="D4" s="1"><v>61</v></c><c r="E4" s="4"><v>45296.5</v></c></row>
<row><c t="s"><v>3</v></c><c s="2"><v>3.5</v></c><c s="3"><v>0.75</v></c><c s="5"><v>-7</v></c><c s="6"><v>2.25</v></c></row>
<row r="6"><c r="A6" t="s"><v>4</v></c><c r="B6" t="e"><v>#N/A</v></c><c r="C6" t="d"><v>2024-01-05T00:00:00</v></c><c r="D6" t="b"><v>0</v></c><c r="E6" t="d"><v>2024-01-05T13:45:10Z</v></c></row>
<row r="7" spans="1:5"><c r="A7" t="s"><v>5</v></c><c r="C7" s="1"/></row>
<row r="9"><c r="A9"><v>1.0000000000000001E-2</v></c><c r="B9"><v>12345678901234567890</v></c><c r="C9"><v>0.30000000000000004</v></c><c r="D9"><v>007</v></c><c r="E9" s="1"><v>2958466</v></c></row>
</sheetData>
<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>
</worksheet>"""

# Sheet "Prefixed & Co": every element with an x: prefix (as the .NET Open XML SDK writes), a
# comment and a CDATA section, no r attributes on cells.
HANDMADE_SHEET2 = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<x:worksheet xmlns:x="{NS_MAIN}">
<!-- written by hand <c><v>not a cell</v></c> -->
<x:sheetData>
<x:row r="1"><x:c t="inlineStr"><x:is><x:t>id</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t>note</x:t></x:is></x:c></x:row>
<x:row r="2"><x:c><x:v>1</x:v></x:c><x:c t="inlineStr"><x:is><x:t><![CDATA[<raw> & text]]></x:t></x:is></x:c></x:row>
<x:row r="3"><x:c><x:v>2</x:v></x:c><x:c t="s"><x:v>0</x:v></x:c></x:row>
</x:sheetData>
</x:worksheet>"""


def handmade():
    parts = {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": ROOT_RELS,
        "xl/workbook.xml": HANDMADE_WORKBOOK,
        "xl/_rels/workbook.xml.rels": HANDMADE_RELS,
        "xl/sharedStrings.xml": HANDMADE_SST,
        "xl/styles.xml": HANDMADE_STYLES,
        "xl/worksheets/sheet1.xml": HANDMADE_SHEET1,
        "xl/worksheets/sheet2.xml": HANDMADE_SHEET2,
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            z.writestr(zipfile.ZipInfo(name, FIXED_TIME), text.encode("utf-8"), zipfile.ZIP_DEFLATED)
    with open(os.path.join(OUT, "handmade.xlsx"), "wb") as f:
        f.write(normalized(buf.getvalue()))


def plain_zip():
    """zip_mixed.zip: stored and deflated entries, an empty file, a directory, a UTF-8 name and
    an archive comment (for tests/core/zip_test.cpp)."""
    lorem = ("Seglens reads zip archives in memory. " * 200).encode()
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(zipfile.ZipInfo("stored.txt", FIXED_TIME), b"hello, stored entry\n", zipfile.ZIP_STORED)
        z.writestr(zipfile.ZipInfo("dir/", FIXED_TIME), b"", zipfile.ZIP_STORED)
        z.writestr(zipfile.ZipInfo("dir/deflated.txt", FIXED_TIME), lorem, zipfile.ZIP_DEFLATED)
        z.writestr(zipfile.ZipInfo("empty.txt", FIXED_TIME), b"", zipfile.ZIP_DEFLATED)
        z.writestr(zipfile.ZipInfo("数据/说明.txt", FIXED_TIME), "中文内容\n".encode(), zipfile.ZIP_DEFLATED)
        z.comment = b"a trailing archive comment PK"
    with open(os.path.join(OUT, "zip_mixed.zip"), "wb") as f:
        f.write(buf.getvalue())


def fuzz_seeds(seed_dir):
    os.makedirs(seed_dir, exist_ok=True)
    for name in ("orders.xlsx", "dates1904.xlsx", "handmade.xlsx", "zip_mixed.zip"):
        with open(os.path.join(OUT, name), "rb") as f:
            data = f.read()
        with open(os.path.join(seed_dir, name), "wb") as f:
            f.write(data)
        if not name.endswith(".xlsx"):
            continue
        z = zipfile.ZipFile(io.BytesIO(data))
        names = set(z.namelist())
        for sheet in sorted(n for n in names if n.startswith("xl/worksheets/")):
            parts = [z.read(sheet)]
            for extra in ("xl/sharedStrings.xml", "xl/styles.xml", "xl/workbook.xml"):
                parts.append(z.read(extra) if extra in names else b"")
            # The fuzz target's relationships name one sheet part, rId1.
            parts[3] = re.sub(rb'r:id="[^"]*"', b'r:id="rId1"', parts[3])
            stem = name[:-5] + "_" + os.path.basename(sheet)
            with open(os.path.join(seed_dir, stem), "wb") as f:
                f.write(b"\n=====\n".join(parts))
    with open(os.path.join(seed_dir, "edge_cases.xml"), "wb") as f:
        f.write(b"\n=====\n".join(part.encode("utf-8") for part in EDGE_CASE_PARTS))


# A seed of the odd corners: DOCTYPE, comments, CDATA, unclosed cells and rows, bad and far
# references, _xHHHH_ escapes and surrogates, rich and phonetic runs, styles with elapsed times.
EDGE_CASE_PARTS = [
    """<?xml version="1.0"?><!DOCTYPE w [<!ENTITY e "x">]><worksheet><sheetData>
<row r="2"><c r="B2" t="inlineStr"><is><r><t>a&#x1F600;</t></r><rPh><t>x</t></rPh></is></c><c r="D2" t="s"><v>1</v></c></row>
<row><c r="C3"><v>1.5</v></c><c r="XFE3"><v>2</v></c><c r="bad"><v>3</v></c><c><v>007</v></c></row>
<row r="5"><c s="1"><v>60</v></c><c s="2"><v>0.75</v></c><c s="3"><v>45000.5</v></c><c t="e"><v>#REF!</v></c>
<c t="d"><v>2024-01-05T10:00:00Z</v></c><c t="b"><v>x</v></c><c t="str"><v>_xD83D__xDE00_&#13;&#10;</v></c></row>
<row r="6"><c><v>1</v><c t="s"><v>99</v></c></row><c r="Z9"><v>9</v></c>
<row r="7"><c><!-- c --><v><![CDATA[42]]></v></c><c t="inlineStr"><v>v</v></c></row></sheetData></worksheet>""",
    """<sst><si><t>_x005F_x0041_</t></si><si><t xml:space="preserve"> s </t><rPh><t>p</t></rPh></si><si/><si><t>open""",
    """<styleSheet><numFmts><numFmt numFmtId="164" formatCode="[h]:mm:ss"/><numFmt numFmtId="165" formatCode="yyyy&quot;年&quot;m&quot;月&quot;"/></numFmts>
<cellStyleXfs><xf numFmtId="14"/></cellStyleXfs><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs>
<dxfs><dxf><numFmt numFmtId="166" formatCode="yyyy"/></dxf></dxfs></styleSheet>""",
    """<workbook xmlns:r="r"><workbookPr date1904="true"/><sheets><sheet name="A&amp;B" r:id="rId1"/><sheet name="x" id="rId1"/></sheets></workbook>""",
]


if __name__ == "__main__":
    orders()
    dates1904()
    handmade()
    plain_zip()
    if len(sys.argv) <= 1:
        fuzz_seeds(os.path.join(OUT, "..", "..", "fuzz", "corpus", "xlsx"))
