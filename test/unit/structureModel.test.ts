import * as assert from 'node:assert/strict';
import { lint } from '../../server/src/core/engine';
import { closestKnownKey, frontMatterTypeProblem, isIncidentMetadata } from '../../server/src/core/model/frontMatterSchema';
import { elapsedMinutes, formatDurationLike, readDurationClaims } from '../../server/src/core/model/durationClaims';
import { parsePostmortem } from '../../server/src/core/model/parse';
import { findPlaceholders } from '../../server/src/core/model/placeholders';
import { sectionContent } from '../../server/src/core/model/sectionContent';
import { kindInParent, sectionSkeleton } from '../../server/src/core/model/sectionKinds';
import { coveredKinds, insertionPoint, isKindCovered, mainSectionLevel } from '../../server/src/core/model/structure';
import { defineRule } from '../../server/src/core/rules/rule';

const SCALE = ['P0', 'P1', 'P2', 'P3'];

describe('structure model', () => {
  describe('coveredKinds', () => {
    it('counts bold-label fields with content, and stated causes', () => {
      const doc = parsePostmortem('# Incident\n\n- **Impact**:\n  - 2 sites down\n\n- **Review actions**:\n  - Add alerts\n\n## Summary\n\nThe outage was caused by an expired certificate.\n');
      const covered = coveredKinds(doc);
      assert.equal(covered.get('impact'), 'field');
      assert.equal(covered.get('actionItems'), 'field');
      assert.equal(covered.get('rootCause'), 'causeStatement');
      assert.equal(coveredKinds(doc, false).has('impact'), false);
    });

    it('does not count a label whose value is a placeholder', () => {
      const doc = parsePostmortem('# X\n\n**Root Cause:** [One sentence]\n\n**Resolution:** TODO\n');
      const covered = coveredKinds(doc);
      assert.equal(covered.has('rootCause'), false);
      assert.equal(covered.has('resolution'), false);
    });

    it('lets contributing factors and 5 whys stand in for a root cause', () => {
      const doc = parsePostmortem('# X\n\n## Contributing Factors\n\n- No canary\n');
      assert.ok(isKindCovered('rootCause', coveredKinds(doc)));
      assert.ok(!isKindCovered('fiveWhys', coveredKinds(doc)));
    });

    it('takes a long lead paragraph as the summary', () => {
      const lead = 'On 2023-07-20 the download endpoint of crates.io returned errors for about an hour after a deploy.';
      assert.equal(coveredKinds(parsePostmortem(`# Report\n\n${lead}\n\n## Timeline\n\n- 10:00 deploy\n`)).get('summary'), 'leadParagraph');
      assert.equal(coveredKinds(parsePostmortem('# Report\n\nBy Jane.\n\n## Timeline\n')).has('summary'), false);
    });
  });

  describe('section placement', () => {
    it('finds the main level below the title, ignoring a trailing H1', () => {
      const doc = parsePostmortem('# Title\n\n## Summary\n\nx\n\n## Timeline\n\ny\n\n# Stats\n\nz\n');
      assert.equal(mainSectionLevel(doc), 2);
    });

    it('inserts after the latest section that comes before in canonical order', () => {
      const text = '# T\n\n## Summary\n\na\n\n## Action Items\n\n- b\n\n## Timeline\n\n- 10:00 c\n';
      const doc = parsePostmortem(text);
      const at = insertionPoint(doc, 'rootCause', 2);
      assert.equal(at.before, false);
      assert.equal(text.slice(0, at.offset).endsWith('- 10:00 c'), true);
      const first = insertionPoint(parsePostmortem('# T\n\n## Timeline\n\nx\n'), 'summary', 2);
      assert.deepEqual(first, { offset: 5, before: true });
    });

    it('writes skeletons at any level with the document line ending', () => {
      const text = sectionSkeleton('rootCause', 3, '\r\n') ?? '';
      assert.ok(text.startsWith('### Root Cause Analysis\r\n\r\n#### 5 Whys'));
      assert.ok(!/[^\r]\n/.test(text));
    });

    it('keeps an analysis heading nested under a timeline by mistake', () => {
      assert.equal(kindInParent('Causes', 'timeline'), 'rootCause');
      assert.equal(kindInParent('14:05', 'timeline'), 'timeline');
      assert.equal(kindInParent('Resolution', 'timeline'), 'timeline');
    });
  });

  describe('placeholders', () => {
    const found = (text: string) => findPlaceholders(parsePostmortem(text)).map((p) => p.text);

    it('finds template text', () => {
      assert.deepEqual(found('# ISSUE NAME\n\n**Author:** [Name]\n\n- Time to detection: ?\n\n| 2024-03-13 HH:mm | TBD |\n| --- | --- |\n'), ['ISSUE NAME', '[Name]', '?', 'HH:mm', 'TBD']);
      assert.deepEqual(found('# {{ incident name }}\n\n{without blame, describe the root cause}\n'), ['{{ incident name }}', '{without blame, describe the root cause}']);
    });

    it('leaves links, references, task boxes, times and code alone', () => {
      const text = '# X\n\nSee [a typo] and [the PR](https://x.y/1) and [PM-9][PM-9].\n\n- [ ] [08:47] start [???]\n- `[Name]` and todo list\n\n[a typo]: https://x.y\n[PM-9]: https://x.y\n';
      assert.deepEqual(found(text), []);
    });

    it('ignores TODO as an action-item status', () => {
      assert.deepEqual(found('| Item | Status |\n| --- | --- |\n| Add alert | TODO |\n'), []);
    });
  });

  describe('sectionContent', () => {
    const content = (text: string, index: number) => {
      const doc = parsePostmortem(text);
      return sectionContent(doc, doc.sections[index], findPlaceholders(doc));
    };

    it('tells content, placeholders and nothing apart', () => {
      assert.equal(content('## A\n\nText.\n', 0), 'content');
      assert.equal(content('## A\n\n- [List]\n', 0), 'placeholders');
      assert.equal(content('## A\n\n<!-- guidance -->\n', 0), 'nothing');
      assert.equal(content('## A\n\n```\nlog line\n```\n', 0), 'content');
      assert.equal(content('## A\n\n| # | Item | Status |\n| --- | --- | --- |\n| 1 | | Planned |\n', 0), 'placeholders');
    });
  });

  describe('front-matter schema', () => {
    it('checks value types', () => {
      assert.equal(frontMatterTypeProblem('date', '2025-12-15', SCALE), undefined);
      assert.ok(frontMatterTypeProblem('date', '2025-02-30', SCALE));
      assert.ok(frontMatterTypeProblem('severity', 'Critical', SCALE));
      assert.equal(frontMatterTypeProblem('duration', '4h 28min', SCALE), undefined);
      assert.ok(frontMatterTypeProblem('duration', 90, SCALE));
      assert.ok(frontMatterTypeProblem('tags', 'a, b', SCALE));
      assert.equal(frontMatterTypeProblem('start', '2025-12-15T22:47Z', SCALE), undefined);
    });

    it('tells site front matter from incident metadata and suggests near keys', () => {
      assert.equal(isIncidentMetadata(['title', 'weight']), false);
      assert.equal(isIncidentMetadata(['title', 'severity']), true);
      assert.equal(closestKnownKey('severty'), 'severity');
      assert.equal(closestKnownKey('weight'), undefined);
    });
  });

  describe('incident times', () => {
    it('rolls over midnight and reads MoJ key events', () => {
      const doc = parsePostmortem('# X\n\n**Start Time:** 22:47 UTC\n**Recovery Time:** 03:15 UTC\n**Duration:** 4h 28min\n');
      const [claim] = readDurationClaims(doc);
      assert.equal(elapsedMinutes(claim.from, claim.to), 268);
      const moj = parsePostmortem('# X\n\n- **Key events**\n  - First detected 2022-01-22 11:57\n  - Repaired 2022-01-22 13:59\n\n- **Time to repair**: 2h 2m\n');
      const [repair] = readDurationClaims(moj);
      assert.equal(repair.minutes, 122);
      assert.equal(elapsedMinutes(repair.from, repair.to), 122);
    });

    it('formats durations in the style they were written in', () => {
      assert.equal(formatDurationLike(268, '4 hours 18 minutes'), '4 hours 28 minutes');
      assert.equal(formatDurationLike(61, '2h 2m'), '1h 1m');
      assert.equal(formatDurationLike(399, '400 minutes'), '399 minutes');
      assert.equal(formatDurationLike(268, '4h 18min'), '4h 28min');
    });
  });

  describe('per-problem severity', () => {
    const rule = defineRule({
      id: 'PM999',
      alias: 'test-rule',
      description: 'test',
      tags: [],
      defaultLevel: 'error',
      fixable: false,
      options: {},
      check({ report }) {
        report({ span: { start: 0, end: 1 }, message: 'mild', severity: 'info' });
        report({ span: { start: 0, end: 1 }, message: 'plain' });
      },
    });

    it('is honoured, but never above the configured level', () => {
      const levels = lint('# X\n', { rules: [rule] }).problems.map((p) => `${p.message}:${p.severity}`).sort();
      assert.deepEqual(levels, ['mild:info', 'plain:error']);
      const hinted = lint('# X\n', { rules: [rule], config: { rules: { PM999: 'hint' } } }).problems.map((p) => p.severity);
      assert.deepEqual(hinted, ['hint', 'hint']);
    });
  });
});
