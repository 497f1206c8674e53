#!/usr/bin/env python3
"""Writes the enc_*.csv fixtures of tests/core/encoding_test.cpp: the same kind of customer table
in each encoding the reader supports. The expected UTF-8 text sits in the test; rerun this script
(python3 tests/data/make_encoding_fixtures.py) only to change the fixtures, then update the test.

- enc_gbk.csv        GBK (Windows code page 936, what Excel on simplified-Chinese Windows saves),
                     CRLF, no BOM; the euro sign is the single byte 0x80.
- enc_big5.csv       Big5 (Excel on traditional-Chinese Windows), CRLF; 許功蓋 have trail byte
                     0x5C ('\\'), the classic Big5 pitfall.
- enc_utf16le_bom.csv UTF-16LE with BOM, tab-separated (Excel's "Unicode Text"); an emoji
                     (surrogate pair).
- enc_utf16be.csv    UTF-16BE without BOM, mostly ASCII.
- enc_gb18030_bom.csv GB18030 with its BOM (84 31 95 33); ß and 😀 take four bytes.
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))

GBK_TEXT = (
    "客户ID,姓名,城市,下单日期,订单金额,是否会员,备注\r\n"
    "C001,张伟,北京,2024/1/5,128.50,是,老客户\r\n"
    "C002,王芳,上海,2024/1/6,86.00,否,\r\n"
    "C003,李娜,广州,2024/2/29,1024.75,是,\"满意，推荐给朋友\"\r\n"
    "C004,刘洋,深圳,2024/3/1,15.20,否,€报价\r\n"
)
BIG5_TEXT = (
    "客戶編號,姓名,城市,訂單日期,訂單金額,是否會員\r\n"
    "C001,陳志明,台北,2024/1/5,128.50,是\r\n"
    "C002,林美玲,高雄,2024/1/6,86.00,否\r\n"
    "C003,黃文雄,台中,2024/2/29,1024.75,是\r\n"
    "C004,許功蓋,新竹,2024/3/1,15.20,否\r\n"
)
UTF16LE_TEXT = "客户ID\t姓名\t金额\r\nC001\t张伟\t128.50\r\nC002\t😀 表情\t86.00\r\n"
UTF16BE_TEXT = "id,name,city,amount\nC001,Zoë,Zürich,12.50\nC002,陈静,台北,7.00\n"
GB18030_TEXT = "名称,价格\nStraße,€3\n😀,1\n"



def cp936(text):
    """GBK as Windows writes it: Python's gbk codec lacks cp936's single-byte euro sign 0x80."""
    return b"\x80".join(part.encode("gbk") for part in text.split("€"))


FIXTURES = {
    "enc_gbk.csv": cp936(GBK_TEXT),
    "enc_big5.csv": BIG5_TEXT.encode("big5"),
    "enc_utf16le_bom.csv": b"\xff\xfe" + UTF16LE_TEXT.encode("utf-16-le"),
    "enc_utf16be.csv": UTF16BE_TEXT.encode("utf-16-be"),
    "enc_gb18030_bom.csv": "\ufeff".encode("gb18030") + GB18030_TEXT.encode("gb18030"),
}

if __name__ == "__main__":
    assert "\ufeff".encode("gb18030") == b"\x84\x31\x95\x33"
    for name, data in FIXTURES.items():
        with open(os.path.join(HERE, name), "wb") as f:
            f.write(data)
        print(f"{name}: {len(data)} bytes")
