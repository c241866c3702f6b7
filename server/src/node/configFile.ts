import * as fs from 'node:fs';
import * as path from 'node:path';
import { findNodeAtLocation, parse as parseJsonc, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { parseDocument } from 'yaml';
import { validateConfig, type PostmortemLintConfig } from '../core/config';
import { rules } from '../core/rules/index';

/** Config file names, in the order they are looked for in each folder. */
export const CONFIG_FILE_NAMES = ['.postmortem-lint.json', '.postmortem-lint.jsonc', '.postmortem-lint.yaml', '.postmortem-lint.yml'];

/** A configuration file that cannot be used; the message names the file and the line. */
export class ConfigFileError extends Error {}

/** A loaded configuration and the file it came from. */
export interface LoadedConfig {
  file?: string;
  config: PostmortemLintConfig;
}

/** Reads, parses and validates a config file; throws ConfigFileError naming the file and line of any problem. */
export function loadConfigFile(file: string): LoadedConfig {
  const ext = path.extname(file).toLowerCase();
  if (!['.json', '.jsonc', '.yaml', '.yml'].includes(ext)) {
    throw new ConfigFileError(`${file}: configuration must be a .json, .jsonc, .yaml or .yml file; postmortem-lint never runs code from a workspace, so "${ext || 'no extension'}" files are refused.`);
  }
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigFileError(`${file}: cannot read the configuration file (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
  }
  const { value, locate } = ext === '.yaml' || ext === '.yml' ? parseYamlConfig(file, text) : parseJsonConfig(file, text);
  const errors = validateConfig(value, rules);
  if (errors.length > 0) {
    const lines = errors.map((e) => `${file}:${locate(e.path)}: ${e.message}`);
    throw new ConfigFileError(lines.join('\n'));
  }
  return { file, config: value as PostmortemLintConfig };
}

interface ParsedConfig {
  value: unknown;
  /** 1-based line of the value at a JSON path (the file's first line when unknown). */
  locate(pathInFile: (string | number)[]): number;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function parseJsonConfig(file: string, text: string): ParsedConfig {
  const errors: ParseError[] = [];
  const value = parseJsonc(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0) {
    const first = errors[0];
    throw new ConfigFileError(`${file}:${lineOf(text, first.offset)}: invalid JSON (${printParseErrorCode(first.error)}).`);
  }
  const tree = parseTree(text, [], { allowTrailingComma: true });
  return {
    value,
    locate: (at) => {
      for (let k = at.length; k >= 0; k--) {
        const node = tree && findNodeAtLocation(tree, at.slice(0, k));
        if (node) return lineOf(text, node.parent?.type === 'property' ? node.parent.offset : node.offset);
      }
      return 1;
    },
  };
}

function parseYamlConfig(file: string, text: string): ParsedConfig {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    const first = doc.errors[0];
    throw new ConfigFileError(`${file}:${lineOf(text, first.pos[0])}: invalid YAML (${first.message.split('\n')[0]}).`);
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 50 });
  } catch (error) {
    throw new ConfigFileError(`${file}:1: invalid YAML (${error instanceof Error ? error.message : String(error)}).`);
  }
  return {
    value: value ?? {},
    locate: (at) => {
      for (let k = at.length; k >= 0; k--) {
        const node = doc.getIn(at.slice(0, k), true) as { range?: [number, number, number] } | undefined;
        if (node?.range) return lineOf(text, node.range[0]);
      }
      return 1;
    },
  };
}

/** Finds the nearest config file from `dir` up to the file-system root, caching per folder. */
export class ConfigFinder {
  private readonly cache = new Map<string, LoadedConfig>();

  find(dir: string): LoadedConfig {
    const cached = this.cache.get(dir);
    if (cached) return cached;
    let loaded: LoadedConfig | undefined;
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(dir, name);
      if (fs.existsSync(candidate)) {
        loaded = loadConfigFile(candidate);
        break;
      }
    }
    if (!loaded) {
      const parent = path.dirname(dir);
      loaded = parent === dir ? { config: {} } : this.find(parent);
    }
    this.cache.set(dir, loaded);
    return loaded;
  }
}
