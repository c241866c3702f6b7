import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { parsePostmortem } from '../../server/src/core/model/parse';

/** Where a note can stand, in document order; `inTimeline` says whether it counts as inside the timeline. */
const PLACES: { heading?: string; inTimeline: boolean }[] = [
  { inTimeline: false },
  { heading: '## Summary', inTimeline: false },
  { heading: '## Timeline', inTimeline: true },
  { heading: '### Details', inTimeline: true },
  { heading: '### Causes', inTimeline: false },
  { heading: '## Timeline', inTimeline: true },
  { heading: '## Impact', inTimeline: false },
];
const ZONES = ['UTC', 'PDT', 'CET', 'EEST'];

describe('timeline zone note', () => {
  it('takes the first note inside the timeline, else the first note anywhere', () => {
    const note = fc.option(fc.tuple(fc.constantFrom(...ZONES), fc.constantFrom('All times in X.', 'Times are X', 'all times are in\nX.', 'Timezone: X')));
    const indent = fc.constantFrom('', '', ' ');
    fc.assert(
      fc.property(fc.array(fc.tuple(note, indent), { minLength: PLACES.length, maxLength: PLACES.length }), (places) => {
        const parts = ['# Postmortem: outage', ''];
        let inside: string | undefined;
        let anywhere: string | undefined;
        places.forEach(([written, pad], k) => {
          const place = PLACES[k];
          if (place.heading) parts.push(`${pad}${place.heading}`, '');
          if (written) {
            const [zone, template] = written;
            parts.push(template.replace('X', zone), '');
            anywhere ??= zone;
            if (place.inTimeline) inside ??= zone;
          }
          parts.push(place.inTimeline ? '- 10:00 the service went down' : 'Some words about the outage.', '');
        });
        const doc = parsePostmortem(parts.join('\n'));
        assert.equal(doc.timeline?.zone, inside ?? anywhere, parts.join('\n'));
      }),
      { seed: 20261128, numRuns: 600 },
    );
  });
});
