"""An adversarial content library: every string a reader can put in front matter, a body or
a file name carries markup, script or a dangerous URL. Built with the real binary, its output
must show each string as text and contain none of it as markup.

Every payload holds the marker XSS so that a leak is easy to find in the output.
"""
from __future__ import annotations

import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

# Strings that are markup when pasted into HTML unescaped, in each context the templates use:
# text, a double- or single-quoted attribute, a <script> block (JSON-LD), a URL.
TITLE = "示例<script>alert('XSS-title')</script>管理办法\"><img src=x onerror=alert('XSS-img')>"
# No space in it: a 文号 with a space is refused by PN005 before any page is built; '/' separates the attribute as well.
NUMBER = "\"><svg/onload=alert('XSS-number')>示市监规〔2024〕5号"
OFFICE = "法规处</script><script>alert('XSS-office')</script>"
TOPIC = "食品'onmouseover='alert(`XSS-topic`)"
KEYWORD = "<iframe src=javascript:alert('XSS-keyword')>"
ISSUER = "示例省<b onclick=alert('XSS-issuer')>局</b>"
ATTACHMENT_TITLE = "附件</title><script>alert('XSS-attachment')</script>"
INTERPRETATION_TITLE = "解读\"</script><script>alert('XSS-interp')</script><!--"
QA_TITLE = "问答<style>body{display:none}</style>XSS-qa"
CLEANUP_TITLE = "清理<script src=//evil.example/XSS-cleanup.js></script>结果"
NOTE = "说明<img src=x onerror=alert('XSS-note')>"
EXEMPT_NOTE = "{{page.title}}{{{bodyHTML}}}<a href=javascript:alert('XSS-exempt')>x</a>"
SITE_TITLE = "示例<script>alert('XSS-site')</script>政策文件库"

# Body Markdown: raw HTML, dangerous link schemes in every spelling cmark and browsers accept,
# link text and titles with HTML, an image with an event handler in its alt text.
BODY = """第一条 正文中的原始标记不得生效：<script>alert('XSS-body-script')</script>

<img src=x onerror="alert('XSS-body-img')">

<div onclick="alert('XSS-body-div')">块级 HTML</div>

第二条 危险链接：[点我](javascript:alert('XSS-js1'))、[大写](JaVaScRiPt:alert('XSS-js2'))、[编码](javascript&#58;alert('XSS-js3'))、[空白]( javascript:alert('XSS-js4'))、[制表](java%09script:alert('XSS-js5'))、[数据](data:text/html;base64,PHNjcmlwdD5hbGVydCgnWFNTLWRhdGEnKTwvc2NyaXB0Pg==)、[VB](vbscript:msgbox('XSS-vb'))、<javascript:alert('XSS-autolink')>。

第三条 图片：![<img src=x onerror=alert('XSS-alt')>](javascript:alert('XSS-imgsrc')) 和 ![数据](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoJ1hTUy1zdmcnKT4=)

第四条 链接文字含标记：[<b onmouseover="alert('XSS-linktext')">粗体</b>](https://www.example.gov.cn/) 与 [标题](https://www.example.gov.cn/ "标题\\" onmouseover=\\"alert('XSS-linktitle')")。

第五条 表格：

| 列<script>alert('XSS-table')</script> | 列 |
|---|---|
| <img src=x onerror=alert('XSS-cell')> | 值 |

```html
<script>alert('XSS-code')</script>
```
"""

INTERPRETATION_BODY = """## 一、背景和依据

解读正文<script>alert('XSS-interp-body')</script>，参见[原文](javascript:alert('XSS-interp-link'))。

## 二、主要内容

内容<img src=x onerror=alert('XSS-interp-img')>。

## 三、关键词解释

关键词：</script><script>alert('XSS-interp-kw')</script>。
"""

QA_BODY = """## 问：这是<script>alert('XSS-question')</script>问题吗？

答：是的<img src=x onerror=alert('XSS-answer')>，请见[说明](javascript:alert('XSS-qa-link'))。

## 问：第二个问题<iframe src=javascript:alert('XSS-q2')>？

答：第二个回答。
"""

# File names that are URLs when written into an href unencoded.
JS_FILE = "javascript:alert('XSS-file').pdf"
DATA_FILE = "data:text,XSS-datafile.pdf"


def yaml_str(s: str) -> str:
    """A double-quoted YAML scalar."""
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_library(root: Path) -> Path:
    """Writes the adversarial library to root/content and returns that folder."""
    content = root / "content"
    if content.exists():
        shutil.rmtree(content)
    content.mkdir(parents=True)
    site = (REPO / "content/site.yml").read_text(encoding="utf-8")
    site = "\n".join(("title: " + yaml_str(SITE_TITLE)) if line.startswith("title:") else line for line in site.splitlines())
    (content / "site.yml").write_text(site + "\n", encoding="utf-8")
    shutil.copy(REPO / "content/calendar.yml", content / "calendar.yml")

    old = content / "normative/2024-evil-rules"
    old.mkdir(parents=True)
    (old / "正式版本.pdf").write_bytes(b"%PDF-1.4\n%XSS\n")
    (old / JS_FILE).write_bytes(b"%PDF-1.4\n")
    (old / DATA_FILE).write_bytes(b"%PDF-1.4\n")
    (old / "index.md").write_text(f"""---
title: {yaml_str(TITLE)}
number: {yaml_str(NUMBER)}
issuer: {yaml_str(ISSUER)}
office: {yaml_str(OFFICE)}
signed: 2024-03-01
published: 2024-03-08
effective: 2024-04-01
expires: 2026-03-31
topics: [{yaml_str(TOPIC)}, 食品安全]
keywords: [{yaml_str(KEYWORD)}, 标签]
official: 正式版本.pdf
attachments:
  - file: {yaml_str(JS_FILE)}
    title: {yaml_str(ATTACHMENT_TITLE)}
  - file: {yaml_str(DATA_FILE)}
    title: "data:text/html,<script>alert('XSS-att2')</script>"
---

{BODY}""", encoding="utf-8")
    (old / "解读.md").write_text(f"""---
title: {yaml_str(INTERPRETATION_TITLE)}
form: text
published: 2024-03-08
---

{INTERPRETATION_BODY}""", encoding="utf-8")
    (old / "问答.md").write_text(f"""---
title: {yaml_str(QA_TITLE)}
form: qa
published: 2024-03-08
---

{QA_BODY}""", encoding="utf-8")

    new = content / "normative/2025-evil-rules"
    new.mkdir(parents=True)
    (new / "index.md").write_text(f"""---
title: {yaml_str(TITLE + "（2025年修订）")}
number: {yaml_str(NUMBER.replace("〔2024〕5号", "〔2025〕6号"))}
office: {yaml_str(OFFICE)}
signed: 2025-03-01
published: 2025-03-07
effective: 2025-04-01
expires: 2030-03-31
supersedes: [2024-evil-rules]
exempt: {yaml_str(EXEMPT_NOTE)}
---

修订后的正文，见[旧版](/d/2024-evil-rules/)。
""", encoding="utf-8")

    (content / "cleanup").mkdir()
    (content / "cleanup/2025-evil-cleanup.md").write_text(f"""---
title: {yaml_str(CLEANUP_TITLE)}
published: 2025-11-27
effective: 2025-12-01
results:
  - {{ document: 2025-evil-rules, result: 继续有效, note: {yaml_str(NOTE)} }}
---

清理说明<script>alert('XSS-cleanup-body')</script>。
""", encoding="utf-8")
    return content


# Strings that must reach the open data (documents.json) intact.
INTACT = [TITLE, OFFICE, INTERPRETATION_TITLE, NUMBER, KEYWORD]
