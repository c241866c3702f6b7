import { SymbolKind, type SymbolInformation } from 'vscode-languageserver';
import type { IndexEntry } from '../workspace/indexEntry';

/** Incidents whose id or title contains every character of the query, in order (as editors filter symbols). */
export function workspaceSymbols(entries: IndexEntry[], query: string): SymbolInformation[] {
  const needle = query.toLowerCase().replace(/\s+/g, '');
  const matches = (text: string) => {
    let at = 0;
    const hay = text.toLowerCase();
    for (const ch of needle) {
      at = hay.indexOf(ch, at);
      if (at < 0) return false;
      at++;
    }
    return true;
  };
  const symbols: SymbolInformation[] = [];
  for (const entry of entries) {
    const { incidentId, title, date } = entry.summary;
    const name = [incidentId, title].filter(Boolean).join(': ') || entry.uri.slice(entry.uri.lastIndexOf('/') + 1);
    if (needle && !matches(name)) continue;
    symbols.push({ name, kind: SymbolKind.Event, containerName: date, location: { uri: entry.uri, range: entry.titleRange } });
  }
  return symbols;
}
