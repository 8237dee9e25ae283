#!/usr/bin/python3
"""Reference reading of real feeds, for tests/unit/sources/corpus.test.ts.

Usage: /usr/bin/python3 tests/scripts/feed-reference.py DIR BASE_URL > reference.json

For every feed file in DIR (RSS/Atom/RDF read by Debian's python3-feedparser; JSON Feed read by the
JSON Feed 1.1 spec, https://www.jsonfeed.org/version/1.1/, because feedparser 6.0 has no JSON reader)
prints one JSON object: {file: {"error": str|None, "items": [{title, link, id, date, summary}]}}.
Text fields are plain text: feedparser's sanitised HTML is turned into text with the standard library's
html.parser (script/style dropped, block elements separate words), whitespace collapsed. Dates are
UTC ISO strings cut to the minute, or None. BASE_URL + file name is given to feedparser as the
document's Content-Location, the URL it was "fetched from" (RFC 4287 §2 / XML Base §4.2).
"""
import calendar
import json
import os
import re
import sys
import time
from html.parser import HTMLParser

import feedparser

# HTML phrasing elements that do not separate words (WHATWG HTML §3.2.5.2.5).
INLINE = {'a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'font', 'i', 'ins', 'kbd',
          'mark', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var'}
SKIP = {'script', 'style', 'noscript', 'template', 'iframe', 'object', 'svg', 'head'}


class _Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in SKIP:
            self.skipping += 1
        if tag not in INLINE:
            self.parts.append(' ')

    def handle_startendtag(self, tag, attrs):
        if tag not in INLINE:
            self.parts.append(' ')

    def handle_endtag(self, tag):
        if tag in SKIP and self.skipping:
            self.skipping -= 1
        if tag not in INLINE:
            self.parts.append(' ')

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def collapse(text):
    return re.sub(r'\s+', ' ', re.sub(r'[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufeff\u200b]', '', text)).strip()


def html_text(html):
    parser = _Text()
    parser.feed(html)
    parser.close()
    return collapse(''.join(parser.parts))


def detail_text(detail):
    if not detail:
        return ''
    value = detail.get('value') or ''
    kind = detail.get('type') or 'text/plain'
    return html_text(value) if 'html' in kind else collapse(value)


def summary_text(entry):
    # feedparser copies text/html content into `summary` without a summary_detail, and keeps xhtml content
    # only in `content`: the item's text is its summary, else its first content.
    if entry.get('summary_detail'):
        return detail_text(entry['summary_detail'])
    content = (entry.get('content') or [None])[0]
    if entry.get('summary'):
        return detail_text({'value': entry['summary'], 'type': (content or {}).get('type', 'text/html')})
    return detail_text(content)


def minute(struct):
    if not struct:
        return None
    return time.strftime('%Y-%m-%dT%H:%MZ', time.gmtime(calendar.timegm(struct)))


def read_xml(data, base):
    parsed = feedparser.parse(data, response_headers={'content-location': base})
    items = []
    for entry in parsed.entries:
        items.append({
            'title': detail_text(entry.get('title_detail')),
            'link': entry.get('link') or None,
            'id': entry.get('id') or None,
            'date': minute(entry.get('published_parsed') or entry.get('updated_parsed')),
            'summary': summary_text(entry),
        })
    bozo = str(parsed.get('bozo_exception')) if parsed.get('bozo') else None
    return {'reader': 'feedparser ' + feedparser.__version__, 'version': parsed.get('version') or None, 'error': bozo, 'items': items}


def rfc3339_minute(value):
    # JSON Feed 1.1: dates are RFC 3339 (§5.6 date-time: full-date "T" full-time, zone required).
    match = re.match(r'^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?([Zz]|[+-]\d{2}:\d{2})$', value or '')
    if not match:
        return None
    y, mo, d, h, mi, s, zone = match.groups()
    stamp = calendar.timegm((int(y), int(mo), int(d), int(h), int(mi), int(s or 0), 0, 0, 0))
    if zone not in ('Z', 'z'):
        sign = 1 if zone[0] == '+' else -1
        stamp -= sign * (int(zone[1:3]) * 3600 + int(zone[4:6]) * 60)
    return time.strftime('%Y-%m-%dT%H:%MZ', time.gmtime(stamp))


def read_json(data):
    try:
        feed = json.loads(data.decode('utf-8-sig'))
    except (ValueError, UnicodeDecodeError) as error:
        return {'reader': 'JSON Feed 1.1', 'version': None, 'error': 'malformed: %s' % error, 'items': []}
    if not isinstance(feed, dict) or not re.match(r'^https?://jsonfeed\.org/version/', str(feed.get('version', ''))):
        return {'reader': 'JSON Feed 1.1', 'version': None, 'error': 'not a JSON Feed', 'items': []}
    items = []
    for item in feed.get('items') or []:
        if not isinstance(item, dict):
            continue
        # §4 items: id is required; "if the id is presented as a number ... a JSON Feed reader must coerce it to a string".
        raw_id = item.get('id')
        summary = item.get('summary')
        if isinstance(summary, str) and summary.strip():
            text = collapse(summary)
        elif isinstance(item.get('content_text'), str):
            text = collapse(item['content_text'])
        else:
            text = html_text(item.get('content_html') or '')
        items.append({
            'title': collapse(item.get('title') or ''),
            'link': item.get('url') or item.get('external_url') or None,
            'id': None if raw_id is None else (raw_id if isinstance(raw_id, str) else json.dumps(raw_id)),
            'date': rfc3339_minute(item.get('date_published') or item.get('date_modified')),
            'summary': text,
        })
    return {'reader': 'JSON Feed 1.1', 'version': feed.get('version'), 'error': None, 'items': items}


def main():
    folder, base = sys.argv[1], sys.argv[2]
    out = {}
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        if not os.path.isfile(path) or name in ('SOURCES.md', 'manifest.tsv'):
            continue
        with open(path, 'rb') as handle:
            data = handle.read()
        out[name] = read_json(data) if name.endswith('.json') else read_xml(data, base + name)
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == '__main__':
    main()
