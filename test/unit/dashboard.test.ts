import * as assert from 'node:assert/strict';
import { computeMetrics } from '../../server/src/core/metrics/compute';
import { renderDashboard } from '../../server/src/core/metrics/dashboardHtml';
import { metricsInput } from '../../server/src/core/metrics/input';
import { renderHtmlReport } from '../../server/src/core/metrics/reportHtml';
import { renderMarkdownReport } from '../../server/src/core/metrics/reportMarkdown';
import { parsePostmortem } from '../../server/src/core/model/parse';
import { loadWorkspace } from '../helpers/metrics';

const EVIL = '<img src=x onerror=alert(1)>';

/** A postmortem whose every string tries to break out of the page. */
const HOSTILE = `---
date: 2026-02-02
severity: "${EVIL}"
duration: 30min
root_cause: "${EVIL} in the config"
tags: ["${EVIL}", "<script>alert(2)</script>"]
affected_services: ["\\"><svg onload=alert(3)>"]
published: 2026-02-03
---

# ${EVIL}

## Action Items

- [ ] Fix it @owner due:2026-01-01
`;

const OPTIONS = { nonce: 'r4nd0mN0nce', cspSource: 'vscode-resource:', links: { script: 'vscode-resource:/ext/media/dashboard.js' } };

describe('dashboard and HTML report', () => {
  const quarter = computeMetrics(loadWorkspace('quarter'), { since: '2026-01-01', until: '2026-03-31', today: '2026-04-15' });
  const hostile = computeMetrics([metricsInput(parsePostmortem(HOSTILE), 'file:///w/postmortems/%3Cevil%3E.md')], { today: '2026-04-15' });

  it('sets a strict Content-Security-Policy with the nonce on its style sheet and script', () => {
    const html = renderDashboard(quarter, OPTIONS);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
    assert.equal(csp, "default-src 'none'; style-src vscode-resource: 'nonce-r4nd0mN0nce'; script-src 'nonce-r4nd0mN0nce'; img-src vscode-resource: data:;");
    assert.match(html, /<style nonce="r4nd0mN0nce">/);
    assert.match(html, /<script nonce="r4nd0mN0nce" src="vscode-resource:\/ext\/media\/dashboard.js"><\/script>/);
    assert.equal((html.match(/<script/g) ?? []).length, 1, 'only the extension script');
    assert.ok(!/ style="/.test(html), 'no inline style attributes (the CSP forbids them)');
    assert.ok(!/ on[a-z]+=/i.test(html.replace(/&lt;[^&]*&gt;/g, '')), 'no event handler attributes');
  });

  it('shows cards coloured by band, the four charts and lists that open postmortems', () => {
    const html = renderDashboard(quarter, OPTIONS);
    assert.match(html, /<div class="card band-critical"><div class="name">Repeat rate<\/div><div class="value">60%<\/div>/);
    assert.match(html, /<div class="card band-critical"><div class="name">Action items done<\/div><div class="value">38%<\/div>/);
    assert.match(html, /<div class="card band-good"><div class="name">Time to postmortem<\/div><div class="value">47h<\/div>/);
    assert.match(html, /<div class="name">MTTR<\/div><div class="value">2h 3min<\/div>/);
    assert.match(html, /<div class="name">Incidents per month<\/div><div class="value">1.7<\/div>/);
    assert.equal((html.match(/<svg class="chart"/g) ?? []).length, 4);
    assert.match(html, /<li data-uri="2026-01-05-config-push.md" data-uris="2026-01-05-config-push.md 2026-01-20-config-flag.md">Configuration error in the load balancer/);
    assert.match(html, /<li data-uri="2026-02-10-disk.md">2026-02-10 · P1 · Postmortem: Orders database ran out of disk again <span class="muted">\(repeats INC-2025-031\)/);
    assert.match(html, /var\(--vscode-charts-red\)/);
  });

  it('escapes every string from a document', () => {
    for (const html of [renderDashboard(hostile, OPTIONS), renderHtmlReport(hostile)]) {
      assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'), 'the title shows as text');
      assert.ok(!html.includes(EVIL), 'never as markup');
      assert.ok(!html.includes('<script>alert'), 'tags are escaped');
      assert.ok(!html.includes('<svg onload'), 'services are escaped');
      assert.ok(!/"><svg/.test(html), 'attributes are not broken out of');
    }
    const md = renderMarkdownReport(hostile);
    assert.ok(!/(?:^|[^\\])<(?:img|script|svg)/m.test(md), md);
    assert.ok(md.includes('\\<img src=x onerror=alert(1)\\>'));
  });

  it('references nothing remote', () => {
    for (const html of [renderDashboard(quarter, OPTIONS), renderDashboard(hostile, OPTIONS), renderHtmlReport(quarter)]) {
      assert.ok(!/https?:/i.test(html), 'no http: or https: anywhere');
      assert.ok(!/<link|<img|<iframe|@import|url\(/i.test(html), 'no external resources');
    }
  });

  it('renders a period without incidents', () => {
    const empty = computeMetrics([], { since: '2026-01-01', until: '2026-03-31', today: '2026-04-15' });
    const html = renderDashboard(empty, OPTIONS);
    assert.match(html, /No incident in this period/);
    assert.ok(!html.includes('NaN') && !html.includes('undefined') && !html.includes('Infinity'));
  });
});
