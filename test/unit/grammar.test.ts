import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');

describe('syntaxes/postmortem.injection.tmLanguage.json', () => {
  it('injects into Markdown outside code', () => {
    const grammar = JSON.parse(readFileSync(join(root, 'syntaxes', 'postmortem.injection.tmLanguage.json'), 'utf8'));
    assert.equal(grammar.scopeName, 'markdown.postmortem.injection');
    assert.equal(grammar.injectionSelector, 'L:text.html.markdown -markup.fenced_code -markup.inline.raw');
  });

  it('passes the vscode-tmgrammar-test fixtures in test/grammar (npm run test:grammar)', function () {
    this.timeout(60000);
    const result = spawnSync('npm', ['run', '--silent', 'test:grammar'], { cwd: root, encoding: 'utf8' });
    assert.equal(result.status, 0, `${result.stdout}\n${result.stderr}`);
    assert.match(result.stdout, /severity\.test\.md run successful/);
  });
});
