import { describe, expect, it } from 'vitest';
import { MAX_OPML_FEEDS } from '../../../utils/monitor/protocol';
import { feedRisk, importOpml } from '../../../utils/sources/opml';
import { importOpmlSources } from '../../../utils/listen/store';
import { freshDatabase } from '../listen/helpers';

// Issue 13.10. OPML 2.0 outlines (http://opml.org/spec2.opml): type="rss" with xmlUrl.
const opml = (urls: string[]) => `<?xml version="1.0" encoding="UTF-8"?><opml version="2.0"><head><title>Umpan</title></head><body>
${urls.map((url, i) => `<outline type="rss" text="Umpan ${i}" xmlUrl="${url.replace(/&/g, '&amp;')}"/>`).join('\n')}</body></opml>`;

describe('OPML import safety', () => {
  it.each([
    ['https://www.antaranews.com/rss/terkini.xml', undefined],
    ['https://user:rahasia@feeds.example.go.id/rss', 'credentials'],
    ['http://169.254.169.254/latest/meta-data/', 'private'],
    ['http://127.0.0.1:8080/feed', 'private'],
    ['http://[::1]/feed', 'private'],
    ['http://10.1.2.3/rss', 'private'],
    ['https://8.8.8.8/rss', undefined],
  ])('%s → %s', (url, risk) => {
    expect(feedRisk(url)).toBe(risk);
  });

  it(`refuses more than ${MAX_OPML_FEEDS} feeds with one clear sentence`, async () => {
    const many = Array.from({ length: MAX_OPML_FEEDS + 1 }, (_, i) => `https://umpan${i}.example.go.id/rss`);
    expect(importOpml(opml(many))).toMatchObject({ ok: false, tooMany: true });
    expect(importOpml(opml(many.slice(0, MAX_OPML_FEEDS)))).toMatchObject({ ok: true });
    const database = await freshDatabase();
    expect(await importOpmlSources(database, opml(many), 0)).toEqual({ ok: false, messageKey: 'opmlTooMany' });
    expect(await database.sources.count()).toBe(0);
  });

  it('adds nothing while risky feeds are unconfirmed, lists them without the password, and adds all once confirmed', async () => {
    const database = await freshDatabase();
    const file = opml(['https://www.antaranews.com/rss/terkini.xml', 'https://user:rahasia@feeds.example.go.id/rss', 'http://169.254.169.254/latest/']);
    const first = await importOpmlSources(database, file, 0);
    expect(first).toEqual({ ok: false, messageKey: 'opmlRiskyFeeds', risky: ['feeds.example.go.id/rss', '169.254.169.254/latest/'] });
    expect(JSON.stringify(first)).not.toContain('rahasia');
    expect(await database.sources.count()).toBe(0);
    expect(await importOpmlSources(database, file, 0, true)).toMatchObject({ ok: true, added: 3 });
  });
});
