import { highlightSegments } from '../../utils/sidepanel/highlight';

/** Untrusted text with matched terms in <mark>: text nodes only, never parsed as HTML. */
export function Highlighted({ text, terms }: { text: string; terms: readonly string[] }) {
  return <>{highlightSegments(text, terms).map((s, i) => (s.mark ? <mark key={i}>{s.text}</mark> : s.text))}</>;
}
