// Reads the labelled tone datasets from ../shared/datasets (see that folder's README.md): one example a
// line, `text<TAB>label`, labels positive / neutral / negative. Used by the training and eval scripts.
import { readFileSync } from 'node:fs';
import { sharedPath } from '../tests/support/shared';
import { CLASSES } from '../utils/monitor/tone-learn';

export type Domain = 'smsa' | 'cnbci';
export interface Example {
  text: string;
  label: number;
  domain: Domain;
}

const FILES: Record<Domain, Record<string, string>> = {
  smsa: { train: 'smsa/train_preprocess.tsv', valid: 'smsa/valid_preprocess.tsv', test: 'smsa/test_preprocess.tsv' },
  cnbci: { train: 'cnbci/cnbci_train.tsv', valid: 'cnbci/cnbci_valid.tsv' },
};

/** The examples of one split; throws with the file and line when a label is not one of the three. */
export function readDataset(domain: Domain, split: string): Example[] {
  const path = FILES[domain][split];
  if (!path) throw new Error(`${domain} has no ${split} split`);
  return readFileSync(sharedPath('datasets', path), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line, i) => {
      const tab = line.lastIndexOf('\t');
      const label = CLASSES.indexOf(line.slice(tab + 1).trim() as (typeof CLASSES)[number]);
      if (tab < 0 || label < 0) throw new Error(`${path}:${i + 1}: no known label`);
      return { text: line.slice(0, tab), label, domain };
    });
}
