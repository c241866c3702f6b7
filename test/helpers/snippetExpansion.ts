/**
 * Expands a VS Code snippet body the way the editor does when the user accepts every default: placeholders
 * take their default text, choices their first option, variables the values given. Enough of the snippet
 * grammar for our snippets: `$1`, `${1}`, `${1:default}`, `${1|a,b|}`, `$NAME`, `${NAME}`, `${NAME:default}`
 * and the escapes `\$`, `\}`, `\\`.
 */
export function expandSnippet(body: string, variables: Record<string, string>): string {
  const defaults = new Map<string, string>();
  // The first pass learns each tab stop's default, wherever it is written; the second uses them for mirrors.
  expand(body, variables, defaults);
  return expand(body, variables, defaults);
}

function expand(body: string, variables: Record<string, string>, defaults: Map<string, string>): string {
  let pos = 0;

  function parse(insideBraces: boolean): string {
    let out = '';
    while (pos < body.length) {
      const ch = body[pos];
      if (ch === '\\' && pos + 1 < body.length && '$}\\,|'.includes(body[pos + 1])) {
        out += body[pos + 1];
        pos += 2;
      } else if (insideBraces && ch === '}') {
        return out;
      } else if (ch === '$') {
        out += parseDollar();
      } else {
        out += ch;
        pos++;
      }
    }
    if (insideBraces) throw new Error('Unclosed ${ in snippet body');
    return out;
  }

  function parseDollar(): string {
    pos++;
    const simple = /^(\d+|[A-Z_][A-Z_0-9]*)/.exec(body.slice(pos));
    if (simple) {
      pos += simple[0].length;
      return valueOf(simple[0]);
    }
    if (body[pos] !== '{') return '$';
    pos++;
    const name = /^(\d+|[A-Z_][A-Z_0-9]*)/.exec(body.slice(pos));
    if (!name) throw new Error(`Bad \${ at ${pos} in snippet body`);
    pos += name[0].length;
    const key = name[0];
    if (body[pos] === '}') {
      pos++;
      return valueOf(key);
    }
    if (body[pos] === ':') {
      pos++;
      const inner = parse(true);
      pos++;
      if (/^\d+$/.test(key)) {
        if (!defaults.has(key)) defaults.set(key, inner);
        return defaults.get(key) ?? inner;
      }
      return variables[key] ?? inner;
    }
    if (body[pos] === '|') {
      const end = body.indexOf('|}', pos + 1);
      if (end < 0) throw new Error('Unclosed choice in snippet body');
      const first = body.slice(pos + 1, end).split(',')[0];
      pos = end + 2;
      if (!defaults.has(key)) defaults.set(key, first);
      return defaults.get(key) ?? first;
    }
    throw new Error(`Unexpected "${body[pos]}" after \${${key} in snippet body`);
  }

  function valueOf(key: string): string {
    if (/^\d+$/.test(key)) return defaults.get(key) ?? '';
    const value = variables[key];
    if (value === undefined) throw new Error(`Unknown snippet variable ${key}`);
    return value;
  }

  return parse(false);
}
