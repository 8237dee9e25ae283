/**
 * Readers for the outside conformance suites in ../shared/conformance (sources and licences in its
 * README): twitter-text's YAML files, Unicode's GraphemeBreakTest and atproto's handle interop lists.
 * The files are read where they are, never copied into the project.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { sharedPath } from '../../../support/shared';

export interface YamlCase<Expected> {
  description: string;
  text: string;
  expected: Expected;
}

/** One section (`tests.<section>`) of a twitter-text conformance file; throws if the section is gone. */
export function twitterTextCases<Expected>(file: 'validate.yml' | 'extract.yml' | 'tlds.yml', section: string): YamlCase<Expected>[] {
  const parsed = parse(readFileSync(sharedPath('conformance', 'twitter-text', file), 'utf8')) as { tests: Record<string, YamlCase<Expected>[]> };
  const cases = parsed.tests[section];
  if (!cases?.length) throw new Error(`twitter-text ${file} has no section ${section}.`);
  return cases;
}

export interface GraphemeBreakCase {
  line: number;
  text: string;
  codePoints: number[];
  /** rules[k]: the UAX #29 rule number deciding the spot before codePoints[k] (from the line's comment). */
  rules: string[];
  clusters: string[];
}

/** Every test line of GraphemeBreakTest: `÷` marks a boundary, `×` none, between hex code points. */
export function graphemeBreakCases(): GraphemeBreakCase[] {
  const lines = readFileSync(sharedPath('conformance', 'GraphemeBreakTest-15.0.0.txt'), 'utf8').split('\n');
  return lines.flatMap((raw, index) => {
    const [body = '', comment = ''] = raw.split('#');
    const tokens = body.trim().split(/\s+/);
    if (tokens[0] !== '÷') return [];
    const clusters: string[] = [];
    const codePoints: number[] = [];
    let current = '';
    for (let position = 1; position < tokens.length; position += 2) {
      codePoints.push(Number.parseInt(tokens[position] ?? '', 16));
      current += String.fromCodePoint(codePoints.at(-1) ?? 0);
      if (tokens[position + 1] === '÷') {
        clusters.push(current);
        current = '';
      }
    }
    const rules = Array.from(comment.matchAll(/[÷×] \[(\d+\.\d+)\]/g), (match) => match[1] ?? '');
    return [{ line: index + 1, text: clusters.join(''), codePoints, rules, clusters }];
  });
}

/** atproto's handle syntax interop list (`valid` or `invalid`), without comments and blank lines. */
export function atprotoHandles(kind: 'valid' | 'invalid'): string[] {
  return readFileSync(sharedPath('conformance', 'atproto', `handle_syntax_${kind}.txt`), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'));
}
