/** A small postmortem whose id, title, owner and dates differ with `n`: many of them make a large workspace. */
export function smallPostmortem(n: number): string {
  const day = String(1 + (n % 28)).padStart(2, '0');
  return [
    '---',
    `incident_id: INC-${n}`,
    `date: 2025-03-${day}`,
    'severity: SEV2',
    '---',
    '',
    `# Checkout outage ${n}`,
    '',
    '## Action Items',
    '',
    '| Action | Owner | Due | Status |',
    '| --- | --- | --- | --- |',
    `| Add a canary stage ${n} | @dev${n % 7} | 2025-04-${day} | Open |`,
    `| Alert on pool saturation ${n} | @ops | 2025-05-${day} | Done |`,
    '',
  ].join('\n');
}
