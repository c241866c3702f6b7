import * as assert from 'node:assert/strict';
import { findBlameWording } from '../../server/src/core/language/blameLexicon';
import { findCounterfactuals } from '../../server/src/core/language/counterfactual';
import { findNamedBlame } from '../../server/src/core/language/namedBlame';
import { personEndingAt, tokenize } from '../../server/src/core/language/people';
import { hostKind, urlsInProse } from '../../server/src/core/language/publicSafety';
import { findSecrets } from '../../server/src/core/language/secrets';
import { aroundLiteral, matchesIn } from '../../server/src/core/language/candidates';
import { analyseProse, sentencesMatching, splitSentences } from '../../server/src/core/language/sentences';
import { parsePostmortem } from '../../server/src/core/model/parse';

const texts = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('language: sentences', () => {
  it('joins wrapped lines and splits on full stops, list items, headings and table cells', () => {
    assert.deepEqual(texts('# Title\n\nDave forgot to\nrenew it. Then e.g. this ran.\n- item one\n| a | b c |\n'), [
      'Title', 'Dave forgot to\nrenew it.', 'Then e.g. this ran.', 'item one', 'a', 'b c',
    ]);
  });

  it('keeps initials and versions inside a sentence', () => {
    assert.deepEqual(texts('J. Birchall shipped v1.2.3 today.'), ['J. Birchall shipped v1.2.3 today.']);
  });

  it('finds the sentences around triggers with the words a whole-prose analysis gives them', () => {
    const prose = '# Dave forgot\n\nOne two. Then Dave\nforgot to renew it, e.g. twice.\n- Bob forgot\n| a forgot | b |\n\n  forgot';
    const { sentences, tokens } = analyseProse(prose);
    const expected = sentences
      .filter((s) => tokens.slice(s.from, s.to).some((t) => t.text === 'forgot'))
      .map((s) => ({ span: s.span, words: tokens.slice(s.from, s.to) }));
    const found = [...sentencesMatching(prose, /forgot/g)].map((s) => ({ span: s.span, words: s.tokens }));
    assert.deepEqual(found, expected);
    assert.equal(found.length, 5);
  });

  it('assigns every word to its sentence', () => {
    const { sentences, tokens } = analyseProse('One two. Three\n\nfour');
    assert.deepEqual(sentences.map((s) => tokens.slice(s.from, s.to).map((t) => t.text)), [['One', 'two'], ['Three'], ['four']]);
  });
});

describe('language: people', () => {
  const subject = (text: string, anyCapitalised = false) => {
    const tokens = tokenize(text, 0);
    const person = personEndingAt(tokens, 0, tokens.length - 1, () => true, anyCapitalised);
    return person && text.slice(tokens[person.from].start, tokens[person.to].end);
  };

  it('recognises handles, roles, known names and initials', () => {
    assert.equal(subject('then @jsmith'), '@jsmith');
    assert.equal(subject('On Monday the junior engineer'), 'the junior engineer');
    assert.equal(subject('a 2i2c engineer'), 'a 2i2c engineer');
    assert.equal(subject('Tom Baker'), 'Tom Baker');
    assert.equal(subject('J Birchall'), 'J Birchall');
  });

  it('does not take tools, pronouns or e-mail domains for people', () => {
    assert.equal(subject('Prometheus'), undefined);
    assert.equal(subject('Prometheus', true), 'Prometheus');
    assert.equal(subject('It', true), undefined);
    assert.equal(subject('ops@example'), undefined);
    assert.equal(subject('version @1'), undefined);
  });
});

describe('language: blame', () => {
  it('skips negated, quoted, technical and FAQ uses', () => {
    const prose = 'Not your fault. “human error” is never a cause. Lazy loading.\n__Q: Why did you not test?__\nIt was careless.';
    assert.deepEqual(findBlameWording(prose, prose, []).map((w) => w.found), ['careless']);
  });

  it('offers a removal that leaves one space', () => {
    const text = 'A careless change.';
    const [wording] = findBlameWording(text, text, []);
    const edit = wording.suggestions[0].edits[0];
    assert.equal(text.slice(0, edit.span.start) + edit.newText + text.slice(edit.span.end), 'A change.');
  });

  it('finds named agents of failures, not neutral actions', () => {
    const text = 'Bob led the response. Dave forgot to renew it. The disk failed. @jsmith pushed a broken build.';
    assert.deepEqual(findNamedBlame(text, text).map((b) => b.who), ['Dave', '@jsmith']);
  });

  it('tells hindsight about people from plans and options', () => {
    const text = 'This should have been caught. We should have alerting. We could have detected it. Dave could have checked.';
    assert.deepEqual(findCounterfactuals(text, text).map((c) => c.kind), ['passive', 'active']);
  });
});

describe('language: secrets', () => {
  it('finds tokens and keeps a recognisable prefix when redacting', () => {
    const text = 'token ghp_R8x2LmQ4vT9nB7cW1yZ5kD3hF6jP0sA2eU4i and AKIAQ7LMN4RT2XW9ZB5C';
    const found = findSecrets(text);
    assert.deepEqual(found.map((f) => text.slice(f.span.start, f.redact.start)), ['ghp_', 'AKIA']);
  });

  it('ignores placeholders, documented examples, hashes and UUIDs', () => {
    const text = [
      'password=<your password> password: **** secret=${SECRET} $TOKEN$ passwd: [REDACTED]',
      'AKIAIOSFODNN7EXAMPLE 3f786850e387550fdab836ed7e6dc881de23001b 123e4567-e89b-12d3-a456-426614174000',
      'ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx secret: db-credentials https://user:****@example.com',
    ].join('\n');
    assert.deepEqual(findSecrets(text), []);
  });

  it('tries a pattern near its marks and finds what a global scan finds', () => {
    const text = 'xoxb-1234567890-abc and xoxp-0987654321-zyx, not axoxb-1234567890-abc';
    const pattern = /(?<![A-Za-z0-9])xox[abposr]-[A-Za-z0-9-]{10,250}/g;
    assert.deepEqual(
      matchesIn(pattern, text, aroundLiteral(text, 'xox', 0, 0)).map((m) => m.index),
      [...text.matchAll(pattern)].map((m) => m.index),
    );
  });

  it('stays linear on hostile input', () => {
    const started = Date.now();
    findSecrets('-----BEGIN PRIVATE KEY-----'.repeat(5000) + 'eyJ' + 'a'.repeat(100000));
    assert.ok(Date.now() - started < 500);
  });
});

describe('language: hostile input', () => {
  it('reads runs of one character and thousands of repeated keywords in linear time', () => {
    const inputs = [...'a .-_@:=*\n\'’|#'].map((ch) => ch.repeat(100000));
    for (const word of ['should-', 'would ', 'did-', 'password=', "Dave's fault ", 'x://u:p@', 'human error ', 'made ', 'failed ']) inputs.push(word.repeat(5000));
    for (const text of inputs) {
      const started = Date.now();
      findBlameWording(text, text, []);
      findNamedBlame(text, text);
      findCounterfactuals(text, text);
      findSecrets(text);
      assert.ok(Date.now() - started < 1000, JSON.stringify(text.slice(0, 20)));
    }
  });
});

describe('language: public safety', () => {
  it('knows private addresses and internal host names', () => {
    assert.equal(hostKind('10.12.5.36'), 'ip');
    assert.equal(hostKind('172.20.0.1'), 'ip');
    assert.equal(hostKind('172.32.0.1'), undefined);
    assert.equal(hostKind('8.8.8.8'), undefined);
    assert.equal(hostKind('db-prod-03'), 'host');
    assert.equal(hostKind('search.internal'), 'host');
    assert.equal(hostKind('live-1'), undefined);
    assert.equal(hostKind('utf-8'), undefined);
  });

  it('reads links only where they are prose', () => {
    const text = [
      '---', 'visibility: public', 'link: https://x.slack.com/archives/C0', '---',
      'See https://a.slack.com/archives/C1 and `https://b.slack.com/archives/C2`.',
      '> https://c.slack.com/archives/C3', 'https://d.slack.com/archives/C4', '',
    ].join('\n');
    assert.deepEqual(urlsInProse(parsePostmortem(text)).map((u) => u.text.slice(8, 9)), ['a', 'd']);
  });
});
