import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { PostmortemLintConfig } from '../core/config';
import type { PostmortemDocument } from '../core/model/types';
import type { IncidentSummary } from '../core/workspace';
import { sortEntries } from '../node/markdownFiles';
import { indexEntry, type IndexEntry } from './indexEntry';
import { entryOfText, withinSizeLimit, type IndexJob } from './indexJob';
import { indexFiles, WORKER_THRESHOLD } from './indexPool';

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
  /** The JSON of each open document's entry, to tell a keystroke that changed it from one that did not. */
  private readonly overlayJson = new Map<string, string>();
  private readonly listeners: (() => void)[] = [];
  private folders: string[] = [];
  private summaryList: IncidentSummary[] | undefined;

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

  /**
   * Summaries of every indexed postmortem, for the workspace rules. The same array is returned until the
   * index changes, so the rules' lookups built from it (`workspaceLookup`) are reused from keystroke to keystroke.
   */
  summaries(): IncidentSummary[] {
    this.summaryList ??= [...this.entries.values()].map((e) => e.summary);
    return this.summaryList;
  }

  /** Indexes every postmortem below the folders (file-system paths), replacing what was indexed before. */
  async scan(folders: string[]): Promise<void> {
    this.folders = folders;
    const files: string[] = [];
    for (const folder of folders) await walk(folder, files);
    const jobs: IndexJob[] = [];
    const fresh = new Map<string, IndexEntry>();
    for (const file of files) {
      const uri = pathToFileURL(file).toString();
      // Open documents are indexed from the editor's text, not the disk's.
      if (!this.overlays.has(uri)) jobs.push(this.job(file, uri));
    }
    const entries = jobs.length >= WORKER_THRESHOLD ? await indexFiles(jobs) : await this.readInThread(jobs);
    entries.forEach((entry, k) => entry && fresh.set(jobs[k].uri, entry));
    for (const uri of this.overlays) {
      const open = this.entries.get(uri);
      if (open) fresh.set(uri, open);
    }
    this.entries.clear();
    for (const [uri, entry] of fresh) this.entries.set(uri, entry);
    this.changed();
  }

  /** Reads a few files at a time on this thread (small workspaces: no workers to start). */
  private async readInThread(jobs: IndexJob[]): Promise<(IndexEntry | undefined)[]> {
    const entries: (IndexEntry | undefined)[] = new Array(jobs.length);
    let next = 0;
    const reader = async () => {
      while (next < jobs.length) {
        const k = next++;
        entries[k] = await readEntry(jobs[k]);
      }
    };
    await Promise.all(Array.from({ length: READS_IN_FLIGHT }, reader));
    return entries;
  }

  /** Re-reads one file from disk (created or changed), or drops it when it is gone or no longer a postmortem. */
  async refreshFile(uri: string): Promise<void> {
    if (this.overlays.has(uri) || !uri.startsWith('file:')) return;
    const entry = await readEntry(this.job(fileURLToPath(uri), uri));
    if (entry) this.entries.set(uri, entry);
    else this.entries.delete(uri);
    this.changed();
  }

  /** Drops a deleted file. */
  remove(uri: string): void {
    this.overlays.delete(uri);
    this.overlayJson.delete(uri);
    if (this.entries.delete(uri)) this.changed();
  }

  /** Unsaved editor contents win over disk: the open document's model, or undefined when it is not a postmortem. */
  setOverlayDocument(uri: string, doc: PostmortemDocument | undefined): void {
    if (!doc) {
      this.overlayJson.delete(uri);
      const wasOverlay = this.overlays.delete(uri);
      if (this.entries.delete(uri) || wasOverlay) this.changed();
      return;
    }
    this.overlays.add(uri);
    const entry = indexEntry(uri, doc);
    const json = JSON.stringify(entry);
    // Most keystrokes change nothing the views show; telling clients anyway makes them reload every
    // action item, incident and metric of the workspace several times a second while someone types.
    if (this.entries.has(uri) && this.overlayJson.get(uri) === json) return;
    this.overlayJson.set(uri, json);
    this.entries.set(uri, entry);
    this.changed();
  }

  /** The editor closed the document: go back to what is on disk. */
  async clearOverlay(uri: string): Promise<void> {
    this.overlayJson.delete(uri);
    if (!this.overlays.delete(uri)) return;
    if (uri.startsWith('file:')) await this.refreshFile(uri);
    else if (this.entries.delete(uri)) this.changed();
  }

  private job(file: string, uri: string): IndexJob {
    let config: PostmortemLintConfig;
    try {
      config = this.configFor(file);
    } catch {
      config = {};
    }
    return { file, uri, relative: this.relative(file), config };
  }

  private relative(file: string): string {
    const folder = this.folders.find((f) => file.startsWith(f + path.sep));
    return (folder ? path.relative(folder, file) : path.basename(file)).split(path.sep).join('/');
  }

  private changed(): void {
    this.summaryList = undefined;
    for (const listener of this.listeners) listener();
  }
}

/** Reads and indexes one file without blocking the server's thread. */
async function readEntry(job: IndexJob): Promise<IndexEntry | undefined> {
  try {
    const stat = await fsp.stat(job.file);
    if (!stat.isFile() || !withinSizeLimit(job, stat.size)) return undefined;
    return entryOfText(job, await fsp.readFile(job.file, 'utf8'));
  } catch {
    // Unreadable, vanished while indexing, or not text: not a postmortem we can show.
    return undefined;
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
