// Measures tone on labelled data nobody on the team wrote: SmSA's test split and CNBC Indonesia's
// valid headlines (../shared/datasets/README.md). Prints accuracy, macro-F1 and the confusion matrix
// of the old word list and the shipped model side by side, plus the model's time per text.
//
//   npm run eval:tone
import { readDataset, type Domain } from './tone-data';
import { detectToneLexicon } from '../utils/monitor/tone-lexicon';
import { detectTone } from '../utils/monitor/tone';
import { CLASSES, scoreLabels, type Scores } from '../utils/monitor/tone-learn';

const SETS: [Domain, string, string][] = [
  ['smsa', 'test', 'SmSA test'],
  ['cnbci', 'valid', 'CNBCI valid'],
];
const SHORT = ['neg', 'neu', 'pos'];

function matrix(s: Scores): string[] {
  return [
    `gold\\pred ${SHORT.map((c) => c.padStart(5)).join('')}`,
    ...s.confusion.map((row, g) => `${SHORT[g]!.padEnd(9)} ${row.map((v) => String(v).padStart(5)).join('')}`),
  ];
}

const rows: string[] = ['| data | n | method | accuracy | macro-F1 | F1 neg / neu / pos |', '|---|---|---|---|---|---|'];
for (const [domain, split, title] of SETS) {
  const examples = readDataset(domain, split);
  const gold = examples.map((e) => e.label);
  const old = scoreLabels(
    gold,
    examples.map((e) => CLASSES.indexOf(detectToneLexicon(e.text).tone)),
  );
  // One pass first so the timed pass measures compiled code, as in a worker that has run for a while.
  for (const e of examples) detectTone(e.text);
  // CPU time, not wall time: on a shared machine the wall clock also counts other processes' turns.
  const started = process.cpuUsage();
  const predicted = examples.map((e) => CLASSES.indexOf(detectTone(e.text).tone));
  const used = process.cpuUsage(started);
  const msPerText = (used.user + used.system) / 1000 / examples.length;
  const model = scoreLabels(gold, predicted);
  console.log(`\n${title} (${examples.length} texts)`);
  const left = matrix(old);
  const right = matrix(model);
  console.log(`${'word list'.padEnd(32)}model (${msPerText.toFixed(3)} ms CPU/text)`);
  left.forEach((line, i) => console.log(`${line.padEnd(32)}${right[i]}`));
  for (const [name, s] of [
    ['word list', old],
    ['model', model],
  ] as const) {
    rows.push(
      `| ${title} | ${examples.length} | ${name} | ${s.accuracy.toFixed(3)} | ${s.macroF1.toFixed(3)} | ${s.f1.map((f) => f.toFixed(2)).join(' / ')} |`,
    );
  }
}
console.log(`\n${rows.join('\n')}`);
