// Structural fixes applied to feed XML before feedsmith reads it. Linear scans with indexOf and short
// anchored regexes only: the input is untrusted and can be megabytes long.

/** Name of the document element (`rss`, `feed`, `rdf:RDF`…), skipping the prolog, comments and doctype. */
export function rootName(text: string): string | undefined {
  let i = 0;
  for (;;) {
    const lt = text.indexOf('<', i);
    if (lt === -1) return undefined;
    if (text.startsWith('<!--', lt)) {
      const end = text.indexOf('-->', lt + 4);
      if (end === -1) return undefined;
      i = end + 3;
    } else if (text[lt + 1] === '?' || text[lt + 1] === '!') {
      const end = text.indexOf('>', lt + 2);
      if (end === -1) return undefined;
      i = end + 1;
    } else {
      return /^<([A-Za-z_][\w.:-]*)/.exec(text.slice(lt, lt + 64))?.[1];
    }
  }
}

/** Whether the document ends with its root's end tag (XML 1.0 §2.1: a document is one element). */
export function rootClosed(text: string, root: string): boolean {
  // Generators often sign off after the root ("</rss><!-- 0.3s -->"); misc after the element is allowed (§2.8).
  const tail = text.slice(-Math.min(text.length, 512)).replace(/(?:<!--(?:(?!-->)[\s\S])*-->|<\?[^>]*>|\s)+$/, '');
  const name = root.replace(/[.]/g, '\\.');
  return new RegExp(`</${name}\\s*>$`).test(tail) || new RegExp(`<${name}(?:\\s[^<>]*)?/>$`).test(tail);
}

/**
 * A feed cut off in transit (a dropped connection, a proxy's size limit): keeps every item that ended
 * before the cut and closes the elements around them, so the officer still gets those items. Undefined
 * when no item was complete.
 */
export function closeCutOffFeed(text: string, root: string): string | undefined {
  const local = root.includes(':') ? root.slice(root.indexOf(':') + 1) : root;
  const endTag = local === 'feed' ? '</entry>' : '</item>';
  const last = text.lastIndexOf(endTag);
  if (last === -1) return undefined;
  const kept = text.slice(0, last + endTag.length);
  // RSS 0.9x/2.0 items sit inside <channel>; Atom entries and RSS 1.0 items sit directly in the root.
  return local === 'rss' ? `${kept}</channel></${root}>` : `${kept}</${root}>`;
}

/**
 * RSS 1.0 (§5.3.5) lists the channel's items in `<items><rdf:Seq>`, but that list is a table of contents,
 * not a filter: feeds forget to list some items (BBC Indonesia did), and every `<item>` of the document
 * is an item. feedsmith reads only the listed ones when the list exists, so the list is taken out.
 */
export function withoutRdfTableOfContents(text: string): string {
  const open = /<([A-Za-z_][\w.-]*:)?items[\s>]/.exec(text);
  if (!open) return text;
  const firstItem = /<([A-Za-z_][\w.-]*:)?item[\s>/]/.exec(text);
  if (firstItem && firstItem.index < open.index) return text;
  const closeTag = `</${open[1] ?? ''}items>`;
  const close = text.indexOf(closeTag, open.index);
  return close === -1 ? text : text.slice(0, open.index) + text.slice(close + closeTag.length);
}
