import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { PostmortemLintConfig } from '../core/config';
import type { PostmortemDocument } from '../core/model/types';
import type { IncidentSummary } from '../core/workspace';
import { sortEntries } from '../node/markdownFiles';
import { indexEntry, type IndexEntry } from './indexEntry';
import { readEntrySync, type IndexJob } from './indexJob';
import { IndexCache, stampOf, type FileStamp } from './indexCache';
import { indexFiles, WORKER_THRESHOLD } from './indexPool';

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
  private cache: IndexCache | undefined;
  /** What the last scan found on disk, for the cache. */
  private scanned: Parameters<IndexCache['save']>[0] | undefined;

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

  /**
   * Writes what the last scan found to the cache, for the next session. The server does it when it shuts
   * down: writing the index of thousands of files takes a few hundred milliseconds and tens of megabytes,
   * which the first minutes of a session (indexing, then typing) should not pay. A changed file is read again
   * next time anyway (its size or time differs), so entries refreshed since the scan need not be written.
   */
  async saveCache(): Promise<void> {
    if (this.cache && this.scanned) await this.cache.save(this.scanned);
  }

  /** Keeps the index between sessions in this cache (from the next scan on). */
  useCache(cache: IndexCache | undefined): void {
    this.cache = cache;
    cache?.load();
  }

  /**
   * Indexes every postmortem below the folders (file-system paths), replacing what was indexed before. With a
   * cache, only files changed since the last scan are read. Returns how many files were read and parsed.
   */
  async scan(folders: string[]): Promise<{ parsed: number; cached: number }> {
    this.folders = folders;
    const files: string[] = [];
    for (const folder of folders) await walk(folder, files);
    const jobs: IndexJob[] = [];
    const stamps: (FileStamp | undefined)[] = [];
    // One slot per file in walk order, so the index's order does not depend on what the cache held.
    const slots: (IndexEntry | undefined)[] = [];
    const toRead: number[] = [];
    for (const file of files) {
      const uri = pathToFileURL(file).toString();
      // Open documents are indexed from the editor's text, not the disk's.
      if (this.overlays.has(uri)) continue;
      const stamp = this.cache && stampOf(file);
      const job = this.job(file, uri, stamp?.size);
      const hit = stamp && this.cache?.lookup(job, stamp);
      jobs.push(job);
      stamps.push(stamp);
      slots.push(hit ?? undefined);
      if (hit === undefined) toRead.push(jobs.length - 1);
    }
    const reading = toRead.map((k) => jobs[k]);
    // A small workspace is read on this thread alone: starting workers would cost more than it saves.
    const read = await indexFiles(reading, reading.length >= WORKER_THRESHOLD ? undefined : 0);
    toRead.forEach((k, n) => (slots[k] = read[n]));
    const fresh = new Map<string, IndexEntry>();
    slots.forEach((entry, k) => entry && fresh.set(jobs[k].uri, entry));
    for (const uri of this.overlays) {
      const open = this.entries.get(uri);
      if (open) fresh.set(uri, open);
    }
    this.entries.clear();
    for (const [uri, entry] of fresh) this.entries.set(uri, entry);
    this.changed();
    if (this.cache) this.scanned = jobs.flatMap((job, k) => (stamps[k] ? [{ job, stamp: stamps[k]!, entry: slots[k] }] : []));
    return { parsed: reading.length, cached: jobs.length - reading.length };
  }

  /** Re-reads one file from disk (created or changed), or drops it when it is gone or no longer a postmortem. */
  async refreshFile(uri: string): Promise<void> {
    if (this.overlays.has(uri) || !uri.startsWith('file:')) return;
    const entry = readEntrySync(this.job(fileURLToPath(uri), uri));
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

  private job(file: string, uri: string, size?: number): IndexJob {
    let config: PostmortemLintConfig;
    try {
      config = this.configFor(file);
    } catch {
      config = {};
    }
    return { file, uri, relative: this.relative(file), config, size };
  }

  private relative(file: string): string {
    const folder = this.folders.find((f) => file.startsWith(f + path.sep));
    // The walk joins normalised paths, so the part after the folder is the relative path (path.relative resolves both first).
    const relative = folder ? file.slice(folder.length + 1) : path.basename(file);
    return path.sep === '/' ? relative : relative.split(path.sep).join('/');
  }

  private changed(): void {
    this.summaryList = undefined;
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
