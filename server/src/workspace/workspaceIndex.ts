import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { PostmortemLintConfig } from '../core/config';
import { isPostmortem } from '../core/detect';
import { parsePostmortem } from '../core/model/parse';
import type { PostmortemDocument } from '../core/model/types';
import { DEFAULT_MAX_FILE_SIZE } from '../core/settings';
import type { IncidentSummary } from '../core/workspace';
import { sortEntries } from '../node/markdownFiles';
import { indexEntry, type IndexEntry } from './indexEntry';

/** Files read at once while indexing, so that a huge workspace does not stall the server. */
const READS_IN_FLIGHT = 16;

/** How the index learns the configuration that applies to a file. */
export type ConfigForFile = (file: string) => PostmortemLintConfig;

/**
 * Every postmortem in the workspace folders, kept small (summaries and action items, no text). Unsaved
 * editor contents replace what is on disk until the editor closes them.
 */
export class WorkspaceIndex {
  private readonly entries = new Map<string, IndexEntry>();
  private readonly overlays = new Set<string>();
  private readonly listeners: (() => void)[] = [];
  private folders: string[] = [];

  constructor(private readonly configFor: ConfigForFile) {}

  /** Called after any change (added, updated or removed entries). */
  onDidChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  get size(): number {
    return this.entries.size;
  }

  all(): IndexEntry[] {
    return [...this.entries.values()].sort((a, b) => (a.uri < b.uri ? -1 : 1));
  }

  get(uri: string): IndexEntry | undefined {
    return this.entries.get(uri);
  }

  /** Summaries of every indexed postmortem, for the workspace rules. */
  summaries(): IncidentSummary[] {
    return [...this.entries.values()].map((e) => e.summary);
  }

  /** Indexes every postmortem below the folders (file-system paths), replacing what was indexed before. */
  async scan(folders: string[]): Promise<void> {
    this.folders = folders;
    const files: string[] = [];
    for (const folder of folders) await walk(folder, files);
    const fresh = new Map<string, IndexEntry>();
    let next = 0;
    const worker = async () => {
      while (next < files.length) {
        const file = files[next++];
        const uri = pathToFileURL(file).toString();
        if (this.overlays.has(uri)) {
          const open = this.entries.get(uri);
          if (open) fresh.set(uri, open);
          continue;
        }
        const entry = await this.readEntry(file, uri);
        if (entry) fresh.set(uri, entry);
      }
    };
    await Promise.all(Array.from({ length: READS_IN_FLIGHT }, worker));
    for (const uri of this.overlays) {
      const open = this.entries.get(uri);
      if (open) fresh.set(uri, open);
    }
    this.entries.clear();
    for (const [uri, entry] of fresh) this.entries.set(uri, entry);
    this.changed();
  }

  /** Re-reads one file from disk (created or changed), or drops it when it is gone or no longer a postmortem. */
  async refreshFile(uri: string): Promise<void> {
    if (this.overlays.has(uri) || !uri.startsWith('file:')) return;
    const entry = await this.readEntry(fileURLToPath(uri), uri);
    if (entry) this.entries.set(uri, entry);
    else this.entries.delete(uri);
    this.changed();
  }

  /** Drops a deleted file. */
  remove(uri: string): void {
    this.overlays.delete(uri);
    if (this.entries.delete(uri)) this.changed();
  }

  /** Unsaved editor contents win over disk: the open document's model, or undefined when it is not a postmortem. */
  setOverlayDocument(uri: string, doc: PostmortemDocument | undefined): void {
    if (!doc) {
      const wasOverlay = this.overlays.delete(uri);
      if (this.entries.delete(uri) || wasOverlay) this.changed();
      return;
    }
    this.overlays.add(uri);
    const entry = indexEntry(uri, doc);
    const before = this.entries.get(uri);
    this.entries.set(uri, entry);
    // Most keystrokes change nothing the views show; telling clients anyway makes them reload every
    // action item, incident and metric of the workspace several times a second while someone types.
    if (!before || JSON.stringify(before) !== JSON.stringify(entry)) this.changed();
  }

  /** The editor closed the document: go back to what is on disk. */
  async clearOverlay(uri: string): Promise<void> {
    if (!this.overlays.delete(uri)) return;
    if (uri.startsWith('file:')) await this.refreshFile(uri);
    else if (this.entries.delete(uri)) this.changed();
  }

  private async readEntry(file: string, uri: string): Promise<IndexEntry | undefined> {
    try {
      const config = this.configFor(file);
      const stat = await fsp.stat(file);
      if (!stat.isFile() || stat.size > (config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE)) return undefined;
      const text = await fsp.readFile(file, 'utf8');
      if (!isPostmortem(this.relative(file), text, config)) return undefined;
      return indexEntry(uri, parsePostmortem(text, { severityScale: config.severityScale }));
    } catch {
      // Unreadable, vanished while indexing, or not text: not a postmortem we can show.
      return undefined;
    }
  }

  private relative(file: string): string {
    const folder = this.folders.find((f) => file.startsWith(f + path.sep));
    return (folder ? path.relative(folder, file) : path.basename(file)).split(path.sep).join('/');
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}

/** Collects Markdown files without following symbolic links to folders (no loops). */
async function walk(root: string, files: string[]): Promise<void> {
  const stack = [root];
  while (stack.length) {
    const dir = stack.pop()!;
    let entries;
    try {
      entries = await fsp.readdir(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    const sorted = sortEntries(dir, entries);
    stack.push(...sorted.dirs);
    files.push(...sorted.files);
  }
}
