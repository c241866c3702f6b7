// The raw material of generated postmortems: incidents, events, causes and follow-ups in realistic words.
import { pad2 } from './random.mjs';

const SERVICES = ['checkout', 'search', 'payments', 'auth', 'ingress', 'billing', 'notifications', 'feature-flags', 'builds', 'registry', 'docs', 'session-replay'];
const COMPONENTS = ['the primary database', 'the ingress controller', 'the Redis cache', 'the Kafka cluster', 'the node pool', 'the DNS zone', 'the CDN', 'the CI runners', 'the hub pod', 'the connection pooler', 'the certificate manager', 'the object store'];
const TRIGGERS = ['a configuration change', 'a routine node rollover', 'an expired TLS certificate', 'a dependency upgrade', 'a traffic spike after an announcement', 'a schema migration', 'a recalled machine image', 'a lowered connection timeout', 'a full disk', 'a revoked access token'];
const SYMPTOMS = ['returned HTTP 503 for most requests', 'timed out on writes', 'dropped about a third of its connections', 'stopped scheduling new pods', 'served stale responses', 'failed every health check', 'queued jobs without running them', 'rejected logins'];
const TEAMS = ['SRE', 'Platform', 'Payments', 'Core API', 'Data', 'Security', 'Developer Experience'];
const OWNERS = ['@alice', '@bkumar', '@chen', '@dmitri', '@eva', '@farah', '@gopal', '@hana', 'Platform team', 'SRE on call'];
const EVENTS = [
  'Alert fires for elevated error rate on {svc}',
  'On-call engineer acknowledges the page and starts investigating',
  '{comp} reports saturation; dashboards show {sym}',
  'Incident declared and a channel opened for {svc}',
  'Rolled back {trigger} on {svc}',
  'Customer support reports tickets about {svc}',
  'Traffic shifted to the secondary region',
  'Error rate back to normal; monitoring continues',
  'Status page updated with a first public message',
  'Restarted {comp}; partial recovery observed',
  'Found that {trigger} started the failures',
  'Incident resolved and the channel archived',
];
const ACTIONS = [
  'Add an alert on {comp} saturation before it reaches 90%',
  'Write a runbook for failing over {svc}',
  'Test {trigger} in staging before production',
  'Add a canary stage to the {svc} deploy pipeline',
  'Document the rollback procedure for {comp}',
  'Load test {svc} at twice the peak traffic',
  'Pin the machine image used by {comp}',
  'Move the {svc} status page to a separate provider',
];
const LESSONS = [
  'Dashboards for {svc} showed the problem minutes before the first alert fired.',
  'Rolling back was quick once we knew which change to roll back.',
  'Nobody on call knew that {comp} shared a quota with {svc}.',
  'The runbook for {svc} described a setup that no longer exists.',
  'Paging the owning team early shortened the outage.',
];
const PROSE = [
  'Between the first alert and the rollback, {svc} {sym}. {comp} had been running close to its limits for weeks, and {trigger} pushed it over them.',
  'We first suspected the network, because {comp} logged connection resets. Restarting it helped for a few minutes only, which pointed us back at {trigger}.',
  'The change had passed review and the automated tests, which do not exercise {comp} under production load. Staging has a tenth of the traffic.',
  'About {n} requests failed during the incident, and {m} customers contacted support. No data was lost; queued writes were replayed after recovery.',
  'Recovery took longer than it should have, because the dashboard for {svc} was itself served by {comp}.',
];

/** A random incident: the facts that the sections of one postmortem agree on. */
export function incident(r, index) {
  const year = r.int(2019, 2025);
  const month = r.int(1, 12);
  const day = r.int(1, 28);
  const startHour = r.int(0, 21);
  return {
    index,
    id: `INC-${year}-${String(index).padStart(5, '0')}`,
    year,
    date: `${year}-${pad2(month)}-${pad2(day)}`,
    startHour,
    svc: r.pick(SERVICES),
    comp: r.pick(COMPONENTS),
    trigger: r.pick(TRIGGERS),
    sym: r.pick(SYMPTOMS),
    team: r.pick(TEAMS),
    severity: r.pick(['P0', 'P1', 'P2', 'P3']),
    minutes: r.int(12, 400),
  };
}

function fill(r, pattern, inc) {
  const text = pattern.replace(/\{(\w+)\}/g, (_, key) => {
    if (key === 'n') return String(r.int(200, 90_000));
    if (key === 'm') return String(r.int(3, 400));
    return inc[key];
  });
  // Placeholders such as {comp} may open a sentence.
  return text.replace(/(^|\. )([a-z])/g, (_, before, letter) => before + letter.toUpperCase());
}

/** The title of an incident. */
export const title = (inc) => `${inc.svc} outage after ${inc.trigger}`;
/** One timeline event text. */
export const event = (r, inc) => fill(r, r.pick(EVENTS), inc);
/** One follow-up action text. */
export const action = (r, inc) => fill(r, r.pick(ACTIONS), inc);
/** One lesson learnt. */
export const lesson = (r, inc) => fill(r, r.pick(LESSONS), inc);
/** One paragraph of narrative. */
export const paragraph = (r, inc) => fill(r, r.pick(PROSE), inc);
/** An owner handle or team. */
export const owner = (r) => r.pick(OWNERS);
/** A deadline some weeks after the incident. */
export const deadline = (r, inc) => `${inc.year + (r.chance(0.2) ? 1 : 0)}-${pad2(r.int(1, 12))}-${pad2(r.int(1, 28))}`;

/** Clock time of the k-th event (minutes apart, wrapping at midnight). */
export function clock(inc, k) {
  const minutes = inc.startHour * 60 + k * 7;
  return `${pad2(Math.floor(minutes / 60) % 24)}:${pad2(minutes % 60)}`;
}
