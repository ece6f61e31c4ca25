// The JSON Schema in assets/schema describes every shipped rule pack, and rejects broken ones.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const schema = JSON.parse(fs.readFileSync(path.join(root, 'assets/schema/pack.schema.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
const packsDir = path.join(root, 'assets/packs');

for (const name of fs.readdirSync(packsDir).filter((n) => n.endsWith('.json'))) {
  test(`schema: ${name} is a valid rule pack`, () => {
    const ok = validate(JSON.parse(fs.readFileSync(path.join(packsDir, name), 'utf8')));
    assert.ok(ok, JSON.stringify(validate.errors?.slice(0, 3)));
  });
}

test('schema: rejects an unknown operator, an unverified blocking rule, and a missing example', () => {
  const good = JSON.parse(fs.readFileSync(path.join(root, 'tests/data/failing_example_pack.json'), 'utf8'));
  assert.ok(validate(good), 'the fixture itself is well-formed');
  const badOp = structuredClone(good);
  badOp.rules[0].when = { fact: 'months', greater: 3 };
  assert.equal(validate(badOp), false);
  const unverifiedBlock = structuredClone(good);
  Object.assign(unverifiedBlock.rules[0], { confidence: 'unverified', severity: 'block' });
  assert.equal(validate(unverifiedBlock), false);
  const noNegative = structuredClone(good);
  noNegative.rules[0].examples.negative = [];
  assert.equal(validate(noNegative), false);
});
