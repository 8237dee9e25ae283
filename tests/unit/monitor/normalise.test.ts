import { describe, expect, it } from 'vitest';
import { decodeEntities, foldText, htmlToText, normaliseTerm, normaliseText, positionLattice, tokenize, TokenKind } from '../../../utils/monitor/normalise';

const forms = (text: string) => new Set(tokenize(text).map((t) => t.form));

describe('htmlToText', () => {
  it.each([
    ['<p>Banjir di <b>Demak</b></p>', 'Banjir di Demak'],
    ['<a title="korupsi" href="/x">berita</a>', 'berita'],
    ["<a title='a > korupsi'>berita</a>", 'berita'],
    ['<img alt="korupsi" src="x.jpg">foto', 'foto'],
    ['Ber<b>ita</b> hari<br/>ini', 'Berita hari ini'],
    ['a<p>b</p>c', 'a b c'],
    ['caf&eacute; &amp; teh', 'café & teh'],
    ['&#233;&#xE9;&#XE9;', 'ééé'],
    ['&quot;Kutipan&quot; &lt;b&gt;', '"Kutipan" <b>'],
    ['&nbsp;spasi&nbsp;&nbsp;ganda ', 'spasi ganda'],
    // One decoder for feeds and matching: a reference without its semicolon stays as written.
    ['&unknown; &amp', '&unknown; &amp'],
    ['&#0; &#99999999; &#xD800;', '\ufffd \ufffd \ufffd'],
    ['<script>korupsi()</script>aman', 'aman'],
    ['<style>.korupsi{}</style>aman', 'aman'],
    ['<!-- korupsi -->aman', 'aman'],
    ['aman <!-- korupsi', 'aman'],
    ['<![CDATA[isi <b>tebal</b>]]>', 'isi tebal'],
    ['aman <a title="korupsi', 'aman'],
    ['2 < 3 dan 5 > 4', '2 < 3 dan 5 > 4'],
    ['', ''],
  ])('%j → %j', (html, text) => {
    expect(htmlToText(html)).toBe(text);
  });

  it('decodes entities only once (no double decoding)', () => {
    expect(decodeEntities('&amp;lt;')).toBe('&lt;');
  });
});

describe('foldText', () => {
  it.each([
    ['𝐁𝐞𝐫𝐢𝐭𝐚', 'berita'],
    ['𝘽𝙚𝙧𝙞𝙩𝙖', 'berita'],
    ['Ｂｅｒｉｔａ', 'berita'],
    ['Café Crème', 'cafe creme'],
    ['ﬁnal', 'final'],
    ['JAKARTA', 'jakarta'],
  ])('%s → %s', (input, out) => {
    expect(foldText(input)).toBe(out);
  });
});

describe('tokenize', () => {
  it.each([
    // [text, forms that must be present, forms that must be absent]
    ['𝐊𝐨𝐫𝐮𝐩𝐬𝐢 dana desa', ['korupsi', 'dana', 'desa'], []],
    ['Kafé', ['kafe'], ['kafé']],
    ['#MediaSosial', ['media', 'sosial', 'mediasosial'], ['#mediasosial']],
    ['#KTPElektronik', ['ktp', 'elektronik', 'ktpelektronik'], []],
    ['#HUTRI80', ['hutri', '80', 'hutri80'], []],
    ['#banjir', ['banjir'], []],
    ['kata2', ['kata-kata', 'kata'], ['kata2']],
    ['kata-kata', ['kata-kata', 'kata'], []],
    ['e-KTP', ['e-ktp', 'ektp', 'ktp'], []],
    ['beritanya', ['beritanya', 'berita'], []],
    ['bukunyalah', ['bukunyalah', 'bukunya', 'buku'], []],
    // A word of the root-word list keeps its ending: "apakah", "sekolah", "masalah" are listed there.
    ['apakah', ['apakah'], ['apa']],
    ['sekolah masalah Maluku', ['sekolah', 'masalah', 'maluku'], ['seko', 'masa', 'malu']],
    ['siapapun', ['siapapun', 'siapa'], []],
    ['rumahku rumahmu', ['rumahku', 'rumah', 'rumahmu'], []],
    ['hanya ibu', ['hanya', 'ibu'], ['ha', 'i']],
    ['kata-katanya', ['kata-katanya', 'kata-kata', 'katanya', 'kata'], []],
    ["Jum'at", ['jumat'], ['jum', 'at']],
    ['pemprov.jateng', ['pemprov', 'jateng'], ['pemprov.jateng']],
    ['<a title="korupsi">x</a>', ['a', 'title', 'korupsi'], []],
  ])('%j', (text, present, absent) => {
    const f = forms(text);
    expect(present.filter((p) => !f.has(p))).toEqual([]);
    expect(absent.filter((a) => f.has(a))).toEqual([]);
  });

  it('places hashtag parts at consecutive positions and the joined form across them', () => {
    expect(tokenize('#MediaSosial hari').map((t) => [t.form, t.start, t.end, t.kind])).toEqual([
      ['media', 0, 1, TokenKind.Part],
      ['sosial', 1, 2, TokenKind.Part],
      ['mediasosial', 0, 2, TokenKind.Whole],
      ['hari', 2, 3, TokenKind.Word],
    ]);
  });

  it('kata2 and kata-kata produce the same tokens', () => {
    expect(tokenize('kata2')).toEqual(tokenize('kata-kata'));
  });

  it('clitic stripping can be switched off', () => {
    expect(tokenize('beritanya', { clitics: false }).map((t) => t.form)).toEqual(['beritanya']);
  });

  it('lattice groups forms by start position', () => {
    expect(positionLattice('beritanya baru')).toEqual([
      [
        { form: 'beritanya', end: 1 },
        { form: 'berita', end: 1 },
      ],
      [{ form: 'baru', end: 2 }],
    ]);
  });
});

describe('normaliseTerm / normaliseText', () => {
  it.each([
    ['Korupsi', ['korupsi']],
    ['kata2', ['kata-kata']],
    ['Kata-Kata', ['kata-kata']],
    ['#MediaSosial', ['mediasosial']],
    ['Media Sosial', ['media', 'sosial']],
    ['beritanya', ['beritanya']],
    ['!!!', []],
  ])('%j → %j', (term, tokens) => {
    expect(normaliseTerm(term)).toEqual(tokens);
  });

  it('normaliseText strips HTML and folds', () => {
    expect(normaliseText('<p title="korupsi">𝐁𝐞𝐫𝐢𝐭𝐚 Café, kata2!</p>')).toBe('berita cafe kata-kata');
  });
});
