import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { IndexEntry } from './indexEntry';
import type { IndexJob } from './indexJob';

/** What a file looked like when it was indexed: a cached entry is used only while both still hold. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
}

interface CachedFile extends FileStamp {
  /** Hash of the configuration that applied (severity scale, include globs, size limit all change the entry). */
  config: string;
  /** Null when the file was not a postmortem. */
  entry: IndexEntry | null;
}

interface CacheFile {
  /** The server build that wrote it: another build may index differently, so its cache is not read. */
  build: string;
  files: Record<string, CachedFile>;
}

/** The cache file's name inside the directory the client gives. */
export const CACHE_FILE_NAME = 'postmortem-lint-index.json';

/**
 * The workspace index kept between sessions, so that reopening a repository with thousands of postmortems
 * parses only the files that changed. Keyed by path; an entry counts only while the file's size and
 * modification time, the configuration that applies to it and the server build are all unchanged. The file
 * is data (JSON) in a directory the client owns (VS Code's workspace storage); a missing, unreadable or
 * foreign cache is ignored, never an error.
 */
export class IndexCache {
  private files = new Map<string, CachedFile>();
  private readonly configHashes = new WeakMap<object, string>();

  constructor(
    private readonly file: string,
    private readonly build: string = serverBuild(),
  ) {}

  /** A cache in `dir`, or undefined when no directory is given. */
  static in(dir: string | undefined): IndexCache | undefined {
    return dir ? new IndexCache(path.join(dir, CACHE_FILE_NAME)) : undefined;
  }

  /** Reads the cache file; anything wrong with it leaves the cache empty. */
  load(): void {
    this.files = new Map();
    try {
      const data = JSON.parse(fs.readFileSync(this.file, 'utf8')) as CacheFile;
      if (data?.build !== this.build || typeof data.files !== 'object' || data.files === null) return;
      for (const [file, cached] of Object.entries(data.files)) this.files.set(file, cached);
    } catch {
      // No cache yet, or one that cannot be read: index from the files.
    }
  }

  /** The cached entry of a job (null: not a postmortem), or undefined when the file must be read again. */
  lookup(job: IndexJob, stamp: FileStamp): IndexEntry | null | undefined {
    const cached = this.files.get(job.file);
    if (!cached || cached.size !== stamp.size || cached.mtimeMs !== stamp.mtimeMs || cached.config !== this.configHash(job)) return undefined;
    if (cached.entry && cached.entry.uri !== job.uri) return undefined;
    return cached.entry;
  }

  /** Replaces the cache with what one complete scan found, and writes it. */
  async save(found: { job: IndexJob; stamp: FileStamp; entry: IndexEntry | undefined }[]): Promise<void> {
    this.files = new Map(found.map(({ job, stamp, entry }) => [job.file, { ...stamp, config: this.configHash(job), entry: entry ?? null }]));
    const data: CacheFile = { build: this.build, files: Object.fromEntries(this.files) };
    try {
      await fs.promises.mkdir(path.dirname(this.file), { recursive: true });
      // Written beside and renamed over, so a reader never sees half a file.
      const partial = `${this.file}.${process.pid}.tmp`;
      await fs.promises.writeFile(partial, JSON.stringify(data));
      await fs.promises.rename(partial, this.file);
    } catch {
      // A cache that cannot be written only costs the next start its speed.
    }
  }

  private configHash(job: IndexJob): string {
    let hash = this.configHashes.get(job.config);
    if (!hash) this.configHashes.set(job.config, (hash = sha1(JSON.stringify(job.config))));
    return hash;
  }
}

/** The size, modification time and path of a file, or undefined when it cannot be read. */
export function stampOf(file: string): FileStamp | undefined {
  try {
    const stat = fs.statSync(file);
    return stat.isFile() ? { size: stat.size, mtimeMs: stat.mtimeMs } : undefined;
  } catch {
    return undefined;
  }
}

/** Identifies the running server code: its version and its own file's size and time (so a rebuild counts). */
function serverBuild(): string {
  const own = stampOf(__filename);
  return `${typeof POSTMORTEM_LINT_VERSION === 'string' ? POSTMORTEM_LINT_VERSION : 'dev'}:${own?.size}:${own?.mtimeMs}`;
}

declare const POSTMORTEM_LINT_VERSION: string | undefined;

function sha1(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}
