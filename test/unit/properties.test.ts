import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { lint, type LintProblem } from '../../server/src/core/engine';
import { applyFixes } from '../../server/src/core/fix/applyFixes';
import type { TextEdit } from '../../server/src/core/rules/rule';
import { sharedRoot } from '../helpers/paths';
import { mutated, postmortem } from '../helpers/postmortemArbitrary';
import { assertInvariants, format } from './formatHelpers';

/**
 * Properties of the engine, the formatter and the fixes over generated postmortems and over randomly edited
 * real ones. Seeded, so a failure reproduces; the run counts keep each property to a few seconds.
 */
// PROPERTY_SEED and PROPERTY_RUNS (a multiplier) let a person fuzz longer without editing the test.
const SEED = Number(process.env.PROPERTY_SEED ?? 20260115);
const RUNS = Number(process.env.PROPERTY_RUNS ?? 1);
const OPTIONS = { today: '2026-01-15' };
const corpusDir = path.join(sharedRoot, 'corpus');
const corpus = fs.readdirSync(corpusDir).filter((f) => f.endsWith('.md') && f !== 'ABOUT.md').map((f) => fs.readFileSync(path.join(corpusDir, f), 'utf8'));

const sources: [string, fc.Arbitrary<string>, number][] = [
  ['generated postmortems', postmortem, 300],
  ['mutated corpus files', mutated(corpus), 60],
];

function check(arbitrary: fc.Arbitrary<string>, numRuns: number, property: (text: string) => void): void {
  fc.assert(fc.property(arbitrary, property), { seed: SEED, numRuns: Math.round(numRuns * RUNS) });
}

/** The document's lines as the engine counts them (LF, CRLF and lone CR all end a line). */
function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((l) => l.length);
}

function assertWellFormed(text: string, problems: LintProblem[]): void {
  assert.deepEqual(problems.filter((p) => p.ruleId === 'PM000').map((p) => p.message), [], 'a rule threw');
  const lengths = lineLengths(text);
  for (const p of problems) {
    const { span, range } = p;
    assert.ok(span.start >= 0 && span.start <= span.end && span.end <= text.length, `${p.ruleId} span ${JSON.stringify(span)} outside 0..${text.length}`);
    for (const at of [range.start, range.end]) {
      assert.ok(at.line >= 0 && at.line < lengths.length && at.character >= 0 && at.character <= lengths[at.line], `${p.ruleId} position ${JSON.stringify(at)} outside the document`);
    }
    const ordered = range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character);
    assert.ok(ordered, `${p.ruleId} range ends before it starts`);
  }
}

/** Where an offset of the old text lands in the new one (an offset inside an edit moves to the edit's start). */
function mapOffset(offset: number, edits: readonly TextEdit[]): number {
  let shift = 0;
  for (const e of edits) {
    if (offset < e.span.start || (offset === e.span.start && e.span.start === e.span.end)) break;
    if (offset < e.span.end) return e.span.start + shift;
    shift += e.newText.length - (e.span.end - e.span.start);
  }
  return offset + shift;
}

function assertFixesStayInPlace(text: string): void {
  const problems = lint(text, OPTIONS).problems;
  const fixable = problems.filter((p) => p.fix);
  if (fixable.length === 0) return;
  const applied = applyFixes(text, fixable.map((p) => p.fix!));
  const edits = [...applied.edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  // The text between edits is kept, in order, and only the edits' new text fills the gaps.
  let at = 0;
  let out = 0;
  for (const e of edits) {
    const kept = text.slice(at, e.span.start);
    assert.equal(applied.text.slice(out, out + kept.length), kept, `text before offset ${e.span.start} changed`);
    out += kept.length;
    assert.equal(applied.text.slice(out, out + e.newText.length), e.newText, 'edit text');
    out += e.newText.length;
    at = e.span.end;
  }
  assert.equal(applied.text.slice(out), text.slice(at), 'text after the last edit changed');
  // The problems whose fix was applied do not come back at the same place.
  const fixedFixes = new Set(fixable.filter((p) => p.fix!.edits.every((e) => applied.edits.includes(e))));
  const after = lint(applied.text, OPTIONS).problems;
  assertWellFormed(applied.text, after);
  for (const p of fixedFixes) {
    const where = mapOffset(p.span.start, edits);
    const back = after.find((q) => q.ruleId === p.ruleId && q.span.start === where && q.message === p.message);
    assert.equal(back, undefined, `${p.ruleId} "${p.message}" came back after its fix "${p.fix!.title}"`);
  }
}

describe('properties (fast-check, seeded)', function () {
  this.timeout(60_000);
  for (const [name, arbitrary, runs] of sources) {
    describe(name, () => {
      it('lint never throws, reports no PM000, and every range lies inside the document', () => {
        check(arbitrary, runs, (text) => assertWellFormed(text, lint(text, OPTIONS).problems));
      });

      it('lint is deterministic', () => {
        check(arbitrary, runs, (text) => {
          const strip = (ps: LintProblem[]) => JSON.stringify(ps);
          assert.equal(strip(lint(text, OPTIONS).problems), strip(lint(text, OPTIONS).problems));
        });
      });

      it('the formatter is lossless and idempotent', () => {
        check(arbitrary, runs, (text) => assertInvariants(text, format(text), {}, 'formatted'));
      });

      it('one pass of fixes changes nothing outside the edits, and the fixed problems do not come back', () => {
        check(arbitrary, runs, assertFixesStayInPlace);
      });
    });
  }
});
