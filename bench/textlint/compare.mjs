// Side by side on the same corpus and phrase list: textlint with textlint-rule-ng-word, and the
// engine's one-pass phrase automaton (bench_phrases). Reports the time ratio and whether every
// word textlint finds in a draft is also found by the engine.
//   node compare.mjs PATH/TO/bench_phrases
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { createLinter, loadTextlintrc } from 'textlint';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const phrasesBin = process.argv[2] || path.join(root, 'build/native/bench/bench_phrases');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'jianfu-textlint-'));

// The phrase list: every literal term of the national pack's text conditions.
const words = new Set();
const walk = (node) => {
  if (Array.isArray(node)) node.forEach(walk);
  else if (node && typeof node === 'object') {
    if (node.text && Array.isArray(node.text.terms)) node.text.terms.forEach((t) => words.add(t));
    Object.values(node).forEach(walk);
  }
};
walk(JSON.parse(fs.readFileSync(path.join(root, 'assets/packs/national.json'), 'utf8')).rules.map((r) => r.when));
const wordList = [...words];
fs.writeFileSync(path.join(work, 'words.txt'), wordList.join('\n') + '\n');

// The corpus: the text of every golden draft.
const files = [];
for (const dir of ['assess', 'assess-heldout']) {
  for (const name of fs.readdirSync(path.join(root, 'tests/golden', dir)).sort()) {
    const text = JSON.parse(fs.readFileSync(path.join(root, 'tests/golden', dir, name), 'utf8')).proposal.text;
    if (!text) continue;
    const file = path.join(work, name.replace(/\.json$/, '.txt'));
    fs.writeFileSync(file, text);
    files.push(file);
  }
}

// Engine side.
const ours = JSON.parse(execFileSync(phrasesBin, [path.join(work, 'words.txt'), ...files]).toString());

// textlint side, in process (start-up excluded), median of 21 runs over the whole corpus.
fs.writeFileSync(path.join(work, '.textlintrc.json'), JSON.stringify({ rules: { 'ng-word': { words: wordList } } }));
const descriptor = await loadTextlintrc({ configFilePath: path.join(work, '.textlintrc.json'), node_modulesDir: path.join(path.dirname(new URL(import.meta.url).pathname), 'node_modules') });
const linter = createLinter({ descriptor });
const texts = files.map((f) => fs.readFileSync(f, 'utf8'));
const theirs = {};
const times = [];
for (let run = 0; run < 21; run++) {
  const t0 = performance.now();
  for (let i = 0; i < files.length; i++) {
    const result = await linter.lintText(texts[i], files[i]);
    if (run === 0) theirs[files[i]] = result.messages.map((m) => /"(.*)"/.exec(m.message)[1]);
  }
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
const textlintMs = times[10];

let theirHits = 0, ourHits = 0, missing = [];
for (const f of files) {
  const mine = new Set(ours.hits[f]);
  theirHits += theirs[f].length;
  ourHits += mine.size;
  for (const w of theirs[f]) if (!mine.has(w)) missing.push(`${path.basename(f)}: ${w}`);
}
const summary = {
  words: wordList.length, files: files.length,
  textlint_ms: +textlintMs.toFixed(2), engine_ms: +ours.ms.toFixed(3), ratio: +(textlintMs / ours.ms).toFixed(1),
  textlint_hits: theirHits, engine_hits: ourHits, textlint_hits_missed_by_engine: missing,
};
console.log(JSON.stringify(summary, null, 2));
fs.rmSync(work, { recursive: true, force: true });
process.exit(missing.length ? 1 : 0);
