/** Inputs known to make Markdown tools slow, crash or hang (cmark's pathological tests, plus postmortem-shaped ones). */
export function pathologicalInputs(): Record<string, string> {
  const rows = (n: number, row: (i: number) => string) => Array.from({ length: n }, (_, i) => row(i)).join('\n');
  const clock = (i: number) => `${String(i % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`;
  return {
    'a 20,000-row timeline table': `# Postmortem: x\n\n## Timeline\n\n| Time | Event |\n|---|---|\n${rows(20_000, (i) => `| ${clock(i)} | event ${i} |`)}\n`,
    '"a_ " x 30,000': `# Postmortem\n\n${'a_ '.repeat(30_000)}`,
    '"*" x 60,000 + "a" + "*" x 60,000': `# Postmortem\n\n${'*'.repeat(60_000)}a${'*'.repeat(60_000)}`,
    '10,000 nested list levels': `# Postmortem\n\n## Action Items\n\n${rows(10_000, () => '- ').replace(/\n/g, '\n  ')}item`,
    '10,000 nested block quotes': `# Postmortem\n\n${'>'.repeat(10_000)} a`,
    '10,000 headings': `# Postmortem\n\n${rows(10_000, (i) => `## Heading ${i}\n\ntext`)}`,
    'a 1 MB single line': `# Postmortem\n\n${'word '.repeat(200_000)}`,
    'nested brackets': `# Postmortem\n\n${'['.repeat(50_000)}a${']'.repeat(50_000)}`,
    'unclosed link destinations': `# Postmortem\n\n${'[a]('.repeat(30_000)}`,
    'unclosed tags': `# Postmortem\n\n${'<a'.repeat(50_000)}`,
    'unclosed code spans': `# Postmortem\n\n${'`a'.repeat(50_000)}`,
    'unclosed comments': `# Postmortem\n\n${'<!--'.repeat(50_000)}`,
    // Near the size the server still lints: a scan that restarts at each failed candidate shows here (it took 2.4 s at 600 KB).
    '"<a " x 300,000 (failed URL starts)': `# Postmortem\n\n${'<a '.repeat(300_000)}`,
    // A clock-time scan that restarts at each near-time took 1.2 s here.
    'a 1 MB Start Time of near-times': `# Postmortem\n\n**Start Time:** ${'11:111 '.repeat(140_000)}.\n`,
    'unclosed emphasis': `# Postmortem\n\n${'_a'.repeat(50_000)}`,
    '20,000 action items full of blame': `# Postmortem\n\n## Action Items\n\n${rows(20_000, (i) => `- Investigate thing ${i} @dave due:2026-01-0${(i % 9) + 1}; the developer forgot`)}`,
    '20,000 timeline bullets': `# Postmortem\n\n## Timeline\n\n${rows(20_000, (i) => `- ${clock(i)} UTC Dave should have checked the careless deploy`)}`,
    'secret-shaped runs': `# Postmortem\n\n${'password='.repeat(20_000)}\n${'-----BEGIN PRIVATE KEY-----\n'.repeat(5_000)}`,
    '20,000 header fields': `# Postmortem\n\n${'**Duration:** 4h\n'.repeat(20_000)}`,
    'YAML alias bomb': `---\na: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n---\n# Postmortem\n`,
    'YAML nested 1,000 levels': `---\nx: ${'['.repeat(1000)}${']'.repeat(1000)}\n---\n# Postmortem\n`,
    'YAML non-string keys': `---\n? [a, b]\n: c\n1: x\nnull: y\nincident_id: INC-1\n---\n# Postmortem\n`,
    'YAML duplicate keys': `---\nincident_id: INC-1\nincident_id: INC-2\ndate: 2026-01-01\nseverity: P1\n---\n# Postmortem\n`,
    'YAML 1,000-level nested block mapping': `---\n${rows(1000, (i) => `${' '.repeat(i)}k${i}:`)} v\n---\n# Postmortem\n`,
    'front matter that never closes': `---\nincident_id: INC-1\nseverity: P0\n# Postmortem\n${'text\n'.repeat(1000)}`,
  };
}
