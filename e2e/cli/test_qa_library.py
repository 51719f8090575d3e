"""End to end: the 政策问答库 fed by every channel (content/qa/). Standalone entries from two
channels (a 12345热线 batch and a 省长信箱 Markdown entry) reach their own pages, the views by
topic, channel and document, the documents' pages, the search index and qa.json; an unmasked
phone number in a hotline record blocks the build and `policy qa import` masks it; repealing
the document an answer rests on brings the stale-basis warning and the page's notice."""

from __future__ import annotations

import json
import re
import urllib.parse
import zlib
from pathlib import Path

from policy_e2e import copy_content, load_yaml, run_policy

AS_OF = "2026-11-29"
SAMPLE_IDS = {"hotline-2025-0301", "hotline-2025-0302", "mailbox-2025-credit-repair"}


def build(tmp_path: Path, content: Path) -> tuple:
    out = tmp_path / "site"
    result = run_policy("build", content, "--out", out, "--as-of", AS_OF)
    return result, out


def check_json(content: Path) -> tuple:
    result = run_policy("check", content, "--format", "json", "--as-of", AS_OF)
    return result, json.loads(result.stdout)["diagnostics"]


def sample_entries(content: Path) -> list[dict]:
    """The standalone entries as the content holds them, read without the Swift code."""
    entries = []
    for path in sorted((content / "qa").glob("*.md")):
        fm = load_yaml(path.read_text(encoding="utf-8").split("---\n")[1])
        entries.append(dict(fm, id=path.stem))
    for path in sorted((content / "qa").glob("*.yml")):
        entries += load_yaml(path.read_text(encoding="utf-8"))
    return entries


def test_entries_from_two_channels_reach_every_view(tmp_path, policy):
    content = copy_content(tmp_path / "content")
    result, site = build(tmp_path, content)
    assert result.returncode == 0, result.stdout + result.stderr
    entries = sample_entries(content)
    assert {e["id"] for e in entries} == SAMPLE_IDS
    assert {e["channel"] for e in entries} == {"12345热线", "省长信箱"}

    qa = json.loads((site / "qa.json").read_text(encoding="utf-8"))
    by_id = {q["id"]: q for q in qa["questions"]}
    assert qa["count"] == len(qa["questions"])
    for e in entries:
        q = by_id[e["id"]]
        assert (q["question"], q["channel"], q["answered"], q["office"]) == (e["question"], e["channel"], str(e["answered"]), e["office"])
        assert [d["id"] for d in q["documents"]] == e["documents"]
        assert q["url"].endswith(f"/qa/{e['id']}/") and q["interpretation"] is None and q["stale"] is False
    # every pair of the Q&A interpretations is there too, with its channel
    assert {q["channel"] for q in qa["questions"]} == {"解读问答", "12345热线", "省长信箱"}

    for e in entries:
        page = (site / "qa" / e["id"] / "index.html").read_text(encoding="utf-8")
        assert f"<h1 id=\"{e['id']}-q\">" in page and e["question"] in page
        for doc in e["documents"]:
            assert f'href="../../d/{doc}/"' in page
            document_page = (site / "d" / doc / "index.html").read_text(encoding="utf-8")
            assert "相关问答" in document_page and f'href="../../qa/{e["id"]}/"' in document_page
    by_channel = (site / "qa/by-channel/index.html").read_text(encoding="utf-8")
    for channel, code in [("12345热线", "hotline-12345"), ("省长信箱", "governor-mailbox"), ("解读问答", "interpretation")]:
        assert f'<h2 id="{code}">{channel}</h2>' in by_channel
    for e in entries:
        assert f'href="../{e["id"]}/"' in by_channel
    by_document = (site / "qa/by-document/index.html").read_text(encoding="utf-8")
    for e in entries:
        assert f'id="d-{e["documents"][0]}"' in by_document
    topics = (site / "qa/index.html").read_text(encoding="utf-8")
    assert all(f'id="{e["id"]}"' in topics for e in entries)
    assert '<a href="by-channel/">按来源渠道</a>' in topics and '<a href="by-document/">按所涉文件</a>' in topics


def test_search_index_holds_the_entries_as_kind_qa(tmp_path, policy):
    content = copy_content(tmp_path / "content")
    result, site = build(tmp_path, content)
    assert result.returncode == 0, result.stdout + result.stderr
    # meta.bin is raw deflate at rest: facts (a JSON header, then facts per document) and each
    # record's path, title and 文号 (IndexTables.swift, SearchMeta.swift)
    meta = zlib.decompress(next((site / "search").glob("idx-*/meta.bin")).read_bytes(), -15)
    at = 0

    def varint():
        nonlocal at
        value = shift = 0
        while True:
            b = meta[at]
            at += 1
            value |= (b & 0x7F) << shift
            if b < 0x80:
                return value
            shift += 7

    def string():
        nonlocal at
        n = varint()
        at += n
        return meta[at - n:at].decode("utf-8")

    facts_end = varint()
    facts_end += at
    header = json.loads(string())
    at = facts_end
    records = {}
    for _ in range(header["records"]):
        path, title, _number = string(), string(), string()
        records[urllib.parse.unquote(path)] = title
    assert header["kinds"][-1] == "qa" and header["kindNames"][-1] == "问答"
    for e in sample_entries(content):
        assert records[f"qa/{e['id']}/"] == e["question"]
    documents = json.loads((site / "documents.json").read_text(encoding="utf-8"))["documents"]
    assert header["documents"] == len(documents) + len(SAMPLE_IDS)


def test_unmasked_phone_blocks_the_build_and_import_masks_it(tmp_path, policy):
    content = copy_content(tmp_path / "content")
    batch = content / "qa/hotline-raw.yml"
    batch.write_text(
        "- id: raw-0001\n"
        "  question: 电动车电池以旧换新在哪里办？\n"
        "  answer: 来电人：李明，请回电13812345678。\n"
        "  channel: 12345热线\n"
        "  answered: 2025-05-06\n", encoding="utf-8")
    result, site = build(tmp_path, content)
    assert result.returncode == 1 and not site.exists(), result.stdout + result.stderr
    _, findings = check_json(content)
    pp001 = sorted((d["file"], d["line"], d["message"]) for d in findings if d["code"] == "PP001")
    assert [(f, line) for f, line, _ in pp001] == [(str(content / "qa/hotline-raw.yml"), 3)] * 2, pp001
    assert "13812345678" not in json.dumps(findings, ensure_ascii=False)
    batch.unlink()

    export = tmp_path / "工单导出.csv"
    export.write_text(
        "\ufeff工单编号,来信内容,答复内容,答复日期,承办单位,主题,涉及文件\n"
        "GD-0501,电动车电池以旧换新在哪里办？我的电话13812345678,\"来电人：李明，您好：可到指定网点办理。\",2025/5/6,产品质量安全监督管理处,产品质量,\n"
        "GD-0502,价格标签写“原价”有什么要求？,原价是指促销前七日内的最低成交价。,2025-05-07,价格监督检查和反不正当竞争处,价格监管,2024-price-behavior-compliance\n",
        encoding="utf-8")
    dry = run_policy("qa", "import", export, "--channel", "12345热线", "--content", content, "--batch", "hotline-2025-05",
                     "--dry-run", "--as-of", AS_OF)
    assert dry.returncode == 0, dry.stdout + dry.stderr
    assert not (content / "qa/hotline-2025-05.yml").exists()
    assert "第 2 行“来信内容”列：隐去手机号码，写作 138****5678" in dry.stdout
    assert "第 2 行“答复内容”列：隐去姓名，写作 李*" in dry.stdout
    assert "试运行" in dry.stdout and "未发现问题" in dry.stdout and "13812345678" not in dry.stdout

    real = run_policy("qa", "import", export, "--channel", "12345热线", "--content", content, "--batch", "hotline-2025-05",
                      "--as-of", AS_OF)
    assert real.returncode == 0, real.stdout + real.stderr
    written = (content / "qa/hotline-2025-05.yml").read_text(encoding="utf-8")
    assert "13812345678" not in written and "李明" not in written
    imported = load_yaml(written)
    assert [e["id"] for e in imported] == ["gd-0501", "gd-0502"]
    assert imported[0]["answered"] == "2025-05-06" and imported[1]["documents"] == ["2024-price-behavior-compliance"]
    again = run_policy("qa", "import", export, "--channel", "12345热线", "--content", content, "--batch", "hotline-2025-05")
    assert again.returncode != 0 and "已存在" in again.stderr + again.stdout

    result, site = build(tmp_path, content)
    assert result.returncode == 0, result.stdout + result.stderr
    ids = {q["id"] for q in json.loads((site / "qa.json").read_text(encoding="utf-8"))["questions"]}
    assert {"gd-0501", "gd-0502"} <= ids and SAMPLE_IDS <= ids


def test_import_dry_run_reports_what_the_gate_would_say(tmp_path, policy):
    content = copy_content(tmp_path / "content")
    export = tmp_path / "mail.csv"
    export.write_text("问题,答复,答复日期,涉及文件\n能网上办吗？,可以。,2025-02-30,no-such-document\n", encoding="utf-8")
    dry = run_policy("qa", "import", export, "--channel", "省长信箱", "--content", content, "--batch", "mail-1",
                     "--dry-run", "--as-of", AS_OF)
    assert dry.returncode == 1, dry.stdout + dry.stderr
    assert "PQ003" in dry.stdout and "PQ004" in dry.stdout
    assert re.search(r"qa/mail-1\.yml:\d+:\d+", dry.stdout)
    assert not (content / "qa/mail-1.yml").exists()
    missing = tmp_path / "bad.csv"
    missing.write_text("问题,回复\n问？,答。\n", encoding="utf-8")
    refused = run_policy("qa", "import", missing, "--channel", "12345热线", "--content", content, "--dry-run")
    assert refused.returncode != 0 and "表格缺少必需的列" in refused.stderr, refused.stderr


def test_stale_basis_after_the_document_is_repealed(tmp_path, policy):
    content = copy_content(tmp_path / "content")
    _, findings = check_json(content)
    assert not [d for d in findings if d["code"] == "PQ006"]
    index = content / "normative/2023-credit-repair-procedures/index.md"
    text = index.read_text(encoding="utf-8")
    index.write_text(text.replace("expires: 2028-06-30\n", "expires: 2028-06-30\nrepealed: { date: 2026-03-01 }\n", 1), encoding="utf-8")
    result, findings = check_json(content)
    assert result.returncode == 0, result.stdout + result.stderr
    stale = [d for d in findings if d["code"] == "PQ006"]
    assert len(stale) == 1 and stale[0]["severity"] == "warning", stale
    assert stale[0]["file"].endswith("qa/mailbox-2025-credit-repair.md")
    assert "2023-credit-repair-procedures" in stale[0]["message"] and "已废止" in stale[0]["message"]
    result, site = build(tmp_path, content)
    assert result.returncode == 0, result.stdout + result.stderr
    page = (site / "qa/mailbox-2025-credit-repair/index.html").read_text(encoding="utf-8")
    notice = page.index("依据文件已废止")
    assert notice < page.index('class="prose qa-answer"'), "the notice comes before the answer"
    entry = next(q for q in json.loads((site / "qa.json").read_text(encoding="utf-8"))["questions"]
                 if q["id"] == "mailbox-2025-credit-repair")
    assert entry["stale"] is True and entry["documents"][0]["status"] == "repealed"
    by_document = (site / "qa/by-document/index.html").read_text(encoding="utf-8")
    assert "依据文件已废止" in by_document


def write_xlsx(path: Path, rows: list[list]) -> None:
    """A minimal workbook as Excel writes one: shared strings for text, a number for the date
    (a serial day, the cell typed as a date), the first sheet found through workbook.xml."""
    import zipfile
    from xml.sax.saxutils import escape

    strings: list[str] = []

    def cell(ref: str, value) -> str:
        if isinstance(value, int):
            return f'<c r="{ref}" s="1"><v>{value}</v></c>'
        strings.append(str(value))
        return f'<c r="{ref}" t="s"><v>{len(strings) - 1}</v></c>'

    sheet_rows = "".join(
        f'<row r="{r + 1}">' + "".join(cell(f"{chr(65 + c)}{r + 1}", v) for c, v in enumerate(row) if v is not None) + "</row>"
        for r, row in enumerate(rows))
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rel = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        z.writestr("xl/workbook.xml", f'<?xml version="1.0" encoding="UTF-8"?><workbook {ns} {rel}><sheets><sheet name="工单" sheetId="1" r:id="rId7"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/export.xml"/></Relationships>')
        z.writestr("xl/worksheets/export.xml", f'<?xml version="1.0" encoding="UTF-8"?><worksheet {ns}><sheetData>{sheet_rows}</sheetData></worksheet>')
        z.writestr("xl/sharedStrings.xml", f'<?xml version="1.0" encoding="UTF-8"?><sst {ns} count="{len(strings)}">'
                   + "".join(f'<si><t xml:space="preserve">{escape(s)}</t></si>' for s in strings) + "</sst>")


def test_import_reads_an_xlsx_export(tmp_path, policy):
    content = copy_content(tmp_path / "content")
    export = tmp_path / "信箱导出.xlsx"
    # 45782 is 2025-05-05 as a spreadsheet's serial day
    write_xlsx(export, [
        ["信件编号", "来信内容", "答复内容", "答复日期", "答复单位", "涉及文件"],
        ["XX-7", "我的邮箱zhang.san@example.com，请问信用修复要多久？", "一般5个工作日内作出决定。", 45782, "信用监督管理处",
         "2023-credit-repair-procedures"],
        [None, None, None, None, None, None],
        ["XX-8", "标价签 & 原价怎么写？", "见《示例省经营者价格行为合规指引》。", "2025/5/6", None, None],
    ])
    run = run_policy("qa", "import", export, "--channel", "省长信箱", "--content", content, "--batch", "mailbox-2025-05",
                     "--as-of", AS_OF)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "第 2 行“来信内容”列：隐去电子邮箱，写作 z×××@example.com" in run.stdout
    imported = load_yaml((content / "qa/mailbox-2025-05.yml").read_text(encoding="utf-8"))
    assert [(e["id"], e["answered"]) for e in imported] == [("xx-7", "2025-05-05"), ("xx-8", "2025-05-06")]
    assert imported[1]["question"] == "标价签 & 原价怎么写？" and imported[0]["documents"] == ["2023-credit-repair-procedures"]
    assert "zhang.san" not in (content / "qa/mailbox-2025-05.yml").read_text(encoding="utf-8")
    result, _ = build(tmp_path, content)
    assert result.returncode == 0, result.stdout + result.stderr
