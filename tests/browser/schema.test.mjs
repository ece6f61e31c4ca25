// The JSON Schemas in assets/schema describe every shipped rule pack and course pack, and reject
// broken ones.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const schema = JSON.parse(fs.readFileSync(path.join(root, 'assets/schema/pack.schema.json'), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: false });
const validate = ajv.compile(schema);
// The course schema takes category codes, kinds, ids and dates from the pack schema ($id pack.schema.json).
const validateCourse = ajv.compile(JSON.parse(fs.readFileSync(path.join(root, 'assets/schema/course.schema.json'), 'utf8')));
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

const coursesDir = path.join(root, 'assets/courses');
for (const name of fs.readdirSync(coursesDir).filter((n) => n.endsWith('.json'))) {
  test(`schema: ${name} is a valid course pack`, () => {
    const ok = validateCourse(JSON.parse(fs.readFileSync(path.join(coursesDir, name), 'utf8')));
    assert.ok(ok, JSON.stringify(validateCourse.errors?.slice(0, 3)));
  });
}

test('schema: course packs with a wrong answer shape, an unknown task or category, or no scenario are rejected', () => {
  const good = JSON.parse(fs.readFileSync(path.join(coursesDir, 'basic.json'), 'utf8'));
  const byTask = (t) => good.exercises.findIndex((e) => e.task === t);
  const broken = (edit) => { const c = structuredClone(good); edit(c); return validateCourse(c); };
  assert.equal(broken((c) => { c.exercises[byTask('spot')].answer = { verdict: 'pass' }; }), false);
  assert.equal(broken((c) => { c.exercises[byTask('passages')].answer = { passages: ['第二句'] }; }), false);
  assert.equal(broken((c) => { delete c.exercises[byTask('passages')].proposal.text; }), false);
  assert.equal(broken((c) => { c.exercises[byTask('verdict')].answer.verdict = 'ok'; }), false);
  assert.equal(broken((c) => { delete c.exercises[byTask('access')].work_item; }), false);
  assert.equal(broken((c) => { c.exercises[0].task = 'guess'; }), false);
  assert.equal(broken((c) => { c.exercises[byTask('spot')].choices.push('BOGUS'); }), false);
  assert.equal(broken((c) => { delete c.exercises[0].scenario; }), false);
  assert.equal(broken((c) => { c.exercises[0].proposal.kind = 'party'; }), false);
});
