import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, codeOf, diagnosticsOf, open } from '../suite/helpers';

describe('postmortem-lint in a multi-root workspace', function () {
  this.timeout(60_000);

  it('indexes the postmortems of every folder', async () => {
    assert.equal(vscode.workspace.workspaceFolders?.length, 2);
    const running = await api();
    await running.refreshed();
    const ids = new Set(running.incidents.all.map((i) => i.incidentId));
    assert.ok(ids.has('INC-2026-01-08') && ids.has('INC-2025-11-02'), [...ids].join(', '));
    assert.ok(running.actionItems.allItems.some((i) => i.text.startsWith('Alert on replication lag')));
  });

  it('lints each folder with its own settings', async () => {
    const b = vscode.workspace.workspaceFolders![1].uri;
    const orders = vscode.Uri.joinPath(b, 'incidents', '2025-11-02-orders.md');
    await open(orders);
    // Folder b has no config file; the workspace settings pin today to 2026-01-15.
    const diagnostics = await diagnosticsOf(orders, (d) => d.some((x) => codeOf(x) === 'PM022'), 'PM022 in folder b');
    assert.match(diagnostics.find((d) => codeOf(d) === 'PM022')!.message, /Overdue by 45 days/);
    await vscode.workspace.getConfiguration('postmortemLint', b).update('enable', false, vscode.ConfigurationTarget.WorkspaceFolder);
    try {
      await diagnosticsOf(orders, (d) => d.length === 0, 'no diagnostics once folder b disables the linter');
    } finally {
      await vscode.workspace.getConfiguration('postmortemLint', b).update('enable', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
    }
  });
});
