import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tempTree } from '../helpers/cli';
import { repoPath } from '../helpers/paths';

/** Starts the server from Neovim's built-in LSP client (0.7: an LSP 3.16 client, push diagnostics only). */
const INIT_LUA = `
-- Runs once the file's buffer is loaded (an init file runs before it is).
vim.api.nvim_create_autocmd('VimEnter', { callback = function()
local out = os.getenv('PML_OUT')
local client_id = vim.lsp.start_client({
  name = 'postmortem-lint',
  cmd = { os.getenv('PML_NODE'), os.getenv('PML_SERVER'), '--stdio' },
  root_dir = os.getenv('PML_ROOT'),
})
vim.lsp.buf_attach_client(0, client_id)
local ok = vim.wait(20000, function() return #vim.diagnostic.get(0) > 0 end, 50)
local found = {}
for _, d in ipairs(vim.diagnostic.get(0)) do
  local lsp = (d.user_data or {}).lsp or {}
  table.insert(found, { code = d.code or lsp.code, lnum = d.lnum, col = d.col, severity = d.severity, source = d.source, message = d.message })
end
local f = io.open(out, 'w')
f:write(vim.fn.json_encode({ ok = ok, diagnostics = found }))
f:close()
vim.cmd('qa!')
end })
`;

const POSTMORTEM = `# Postmortem: Cache stampede

## Summary

The cache expired for every key at once and the database was overloaded for 20 minutes.

## Action Items

- Improve monitoring
`;

describe('Neovim (headless) as the LSP client', function () {
  this.timeout(60_000);

  it('receives the server diagnostics over stdio', () => {
    const version = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
    assert.equal(version.status, 0, 'Neovim is needed for this test: apt-get install neovim (.ci/run installs it)');
    const tree = tempTree({ 'postmortems/cache.md': POSTMORTEM, 'init.lua': INIT_LUA });
    try {
      const out = path.join(tree.dir, 'out.json');
      const run = spawnSync('nvim', ['--headless', '--clean', '-u', path.join(tree.dir, 'init.lua'), path.join(tree.dir, 'postmortems', 'cache.md')], {
        cwd: tree.dir,
        encoding: 'utf8',
        timeout: 45_000,
        env: { ...process.env, PML_OUT: out, PML_NODE: process.execPath, PML_SERVER: repoPath('dist', 'server.js'), PML_ROOT: tree.dir },
      });
      assert.ok(fs.existsSync(out), `Neovim wrote no result (exit ${run.status}): ${run.stderr}`);
      const result = JSON.parse(fs.readFileSync(out, 'utf8')) as { ok: boolean; diagnostics: { code: string; lnum: number; col: number; source: string; severity: number }[] };
      assert.equal(result.ok, true, 'diagnostics arrived');
      const vague = result.diagnostics.find((d) => d.code === 'PM023');
      assert.ok(vague, JSON.stringify(result.diagnostics));
      assert.equal(vague.source, 'postmortem-lint');
      assert.equal(vague.lnum, 8);
      assert.equal(vague.col, 2);
      assert.equal(vague.severity, 2, 'warning');
    } finally {
      tree.cleanup();
    }
  });
});
