"""Renders a plan kept as text into the HTML LibreOffice turns into a .docx fixture, as Word would hold it: a paragraph a
line, bold kept, and with 'table' the key activities (II.3) moved to an appendix table.

    python3 render-html.py hon-quan-2024.md hon-quan-2024.html "<what it is>" table
    soffice --headless --convert-to docx:"MS Word 2007 XML" hon-quan-2024.html
"""
import re, html, sys
def para(line):
    t = line.strip()
    t = re.sub(r'^#{1,6}\s+', '', t)
    bold = '**' in t
    t = t.replace('**', '').replace('*', '').rstrip('\\').strip()
    e = html.escape(t)
    return f'<p><b>{e}</b></p>' if bold else f'<p>{e}</p>'

def render(src, out, title, activities_to_table):
    lines = open(src, encoding='utf-8').read().split('\n')
    body = []
    table = []
    i = 0
    in_key = False
    current = None
    while i < len(lines):
        line = lines[i]
        s = line.strip()
        plain = s.replace('*', '').replace('#', '').strip()
        if activities_to_table and re.match(r'^3\. Hoạt động tuyên truyền trọng tâm', plain):
            in_key = True
            i += 1
            continue
        if in_key and re.match(r'^III\.', plain):
            in_key = False
        if in_key:
            if s:
                m = re.match(r'^([a-zđ])\)\s*(.+)$', plain)
                a = re.match(r'^-\s*(Cơ quan chủ trì|Cơ quan phối hợp|Thời gian thực hiện):\s*(.+?)\.?\s*$', plain)
                if m:
                    current = {'label': m.group(1), 'content': m.group(2).rstrip('.').strip(), 'lead': '', 'coop': '', 'time': ''}
                    table.append(current)
                elif a:
                    key = {'Cơ quan chủ trì': 'lead', 'Cơ quan phối hợp': 'coop', 'Thời gian thực hiện': 'time'}[a.group(1)]
                    current[key] = a.group(2).strip()
            i += 1
            continue
        if s:
            body.append(para(line))
        i += 1
    head = '<tr><th>Stt</th><th>Nội dung công việc</th><th>Sản phẩm</th><th>Cơ quan chủ trì</th><th>Cơ quan phối hợp</th><th>Thời gian thực hiện</th></tr>'
    rows = ''.join(f'<tr><td>{html.escape(r["label"])}</td><td>{html.escape(r["content"])}</td><td></td><td>{html.escape(r["lead"])}</td><td>{html.escape(r["coop"])}</td><td>{html.escape(r["time"])}</td></tr>' for r in table)
    appendix = (f'<p><b>PHỤ LỤC: HOẠT ĐỘNG TUYÊN TRUYỀN TRỌNG TÂM</b></p><table border="1">{head}{rows}</table>') if table else ''
    comment = f'<!-- Source of {out.replace(".html", ".docx")}: {title}. soffice --headless --convert-to docx:"MS Word 2007 XML" {out} -->'
    open(out, 'w', encoding='utf-8').write(f'<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8"><title>Kế hoạch</title></head>\n<body>\n{comment}\n' + '\n'.join(body) + '\n' + appendix + '\n</body></html>\n')

render(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4] == 'table')
