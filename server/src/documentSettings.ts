import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Connection } from 'vscode-languageserver';
import { mergeConfigs, type PostmortemLintConfig } from './core/config';
import { todayIso } from './core/model/dates';
import { ConfigFinder, ConfigFileError } from './node/configFile';
import { DEFAULT_SETTINGS, type PostmortemLintSettings } from './protocol';

/** Everything that decides how one document is linted. */
export interface EffectiveConfig {
  settings: PostmortemLintSettings;
  /** Settings merged under the nearest config file. */
  config: PostmortemLintConfig;
  today: string;
  /** The config file in force, if any. */
  configFile?: string;
  /** Why the config file could not be used, if it could not. */
  configError?: string;
  /** Folder the include globs are relative to. */
  base?: string;
}

/**
 * Settings per resource, as lsp-sample does it: asked with `workspace/configuration` and a `scopeUri`,
 * cached by URI, dropped when the document closes or the configuration changes.
 */
export class DocumentSettings {
  private readonly cache = new Map<string, Thenable<PostmortemLintSettings>>();
  private finder = new ConfigFinder();
  supportsConfiguration = false;

  constructor(private readonly connection: Connection) {}

  /** The client's `postmortemLint` settings for a resource. */
  settingsFor(uri: string): Thenable<PostmortemLintSettings> {
    if (!this.supportsConfiguration) return Promise.resolve(DEFAULT_SETTINGS);
    let result = this.cache.get(uri);
    if (!result) {
      result = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'postmortemLint' })
        .then((value: Partial<PostmortemLintSettings> | null) => ({ ...DEFAULT_SETTINGS, ...(value ?? {}) }));
      this.cache.set(uri, result);
    }
    return result;
  }

  /** Settings merged with the nearest config file (the file wins: it is the team's shared choice). */
  async effectiveFor(uri: string, folders: string[]): Promise<EffectiveConfig> {
    const settings = await this.settingsFor(uri);
    const fromSettings: PostmortemLintConfig = { rules: settings.rules };
    if (settings.include.length) fromSettings.include = settings.include;
    const file = uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
    let fileConfig: PostmortemLintConfig = {};
    let configFile: string | undefined;
    let configError: string | undefined;
    if (file) {
      try {
        const found = this.finder.find(path.dirname(file));
        fileConfig = found.config;
        configFile = found.file;
      } catch (error) {
        configError = error instanceof ConfigFileError ? error.message : String(error);
      }
    }
    const config = mergeConfigs(fromSettings, fileConfig);
    if (settings.today) config.today = settings.today;
    const folder = file ? folders.find((f) => file.startsWith(f + path.sep)) : undefined;
    return { settings, config, today: config.today ?? todayIso(), configFile, configError, base: configFile ? path.dirname(configFile) : folder };
  }

  /** The config file read for a file on disk (for the workspace index), or an empty config. */
  configForFile(file: string): PostmortemLintConfig {
    try {
      return this.finder.find(path.dirname(file)).config;
    } catch {
      return {};
    }
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  /** Settings or config files changed: read everything again. */
  reset(): void {
    this.cache.clear();
    this.finder = new ConfigFinder();
  }
}
