import type { Span } from '../model/lineIndex';

/**
 * Recognising people in prose: names, @handles and job roles. The first-name list is deliberately short of
 * names that are also common words or tools ("Mark", "Grant", "May", "Ruby", "Julia"): a missed name costs less
 * than a warning on "Grant access to the bucket".
 */

/** Common given names, lower case. */
const FIRST_NAMES = new Set(
  (
    'aaron abdul abigail adam adrian ahmed aisha alan albert alberto alejandro alex alexander alexandra alexei alfred ' +
    'ali alice alicia alison amanda amelia amir amit amy ana anders andre andrea andreas andrew andrey andy angela anil ' +
    'anita ann anna anne anthony anton antonio arjun arnold arthur ashley barbara beatriz ben benjamin bernard beth ' +
    'bob bobby boris brad bradley brandon brenda brian bruce bruno caleb camila carl carla carlos carmen carol caroline ' +
    'catherine charles charlie charlotte chen chloe chris christian christina christine christopher claire clara craig ' +
    'cristina dan daniel daniela daniele danny dave david deborah debbie denis dennis derek diana diego dmitri dmitry ' +
    'dominic donald donna doug douglas dylan edward elena eli elizabeth ella ellen emily emma eric erik erin ethan eva ' +
    'evan fatima felipe felix fernando fiona florian francesco francis francisco frederik gabriel gabriela gary ' +
    'george georgia gerald gil giovanni giulia graham greg gregory hannah hans harry heather helen henrik henry hiroshi ' +
    'hugo ian igor ines irene isaac isabel isabella ivan jacob jake james jamie jan janet jane jason javier jeff ' +
    'jeffrey jen jennifer jeremy jerry jessica jim jimmy joan joanna joao joe joel johan johannes john johnny jon ' +
    'jonas jonathan jordan jorge jose joseph josh joshua juan judith julie julian julien justin karen karl kate ' +
    'katherine kathryn katie keith kelly ken kenji kenneth kevin kim klaus kyle lars laura lauren leo leon liam linda ' +
    'lisa lloyd lorenzo louis lucas lucia luis luke magnus manuel marco marcus margaret maria mariano marie marina ' +
    'mario martin mary matt matteo matthew maria megan melissa mia michael michelle miguel mike mikhail mohamed ' +
    'mohammed nadia natalia natalie nathan neil nicholas nicola nicole niels nikita nina noah nora oleg olga oliver ' +
    'olivia omar oscar pablo patricia patrick paul paula pedro peter philip philipp pierre pietro priya rachel rafael ' +
    'rahul raj rajesh ralph ramon rebecca richard rick robert roberto robin roger roman ronald rosie ross ryan sally ' +
    'samantha samuel sandra sara sarah scott sean sebastian sergei sergey sharon simon sofia sophia sophie stefan ' +
    'stephanie stephen steve steven stuart susan sven tanya teresa thomas tim timothy tobias todd tom tomas tommy tony ' +
    'tyler valentina vanessa victor victoria vikram vincent vladimir walter wei wendy william xavier yan yuki yusuf ' +
    'zach zachary zoe'
  ).split(' '),
);

/** Nouns naming a person by job (singular and plural), lower case. */
const ROLE_NOUNS = new Set(
  (
    'engineer engineers developer developers dev devs intern interns admin admins administrator administrators ' +
    'operator operators sre sres dba dbas reviewer reviewers contractor contractors hire hires employee employees ' +
    'on-call oncall on-caller on-callers author authors committer committers maintainer maintainers manager managers ' +
    'member members teammate teammates colleague colleagues junior juniors newbie person'
  ).split(' '),
);

/** Words that open a role phrase: "the intern", "a 2i2c engineer", "our on-call". */
const ROLE_OPENERS = new Set(['the', 'a', 'an', 'our', 'their', 'this', 'that', 'one']);

/** Capitalised words that are never a person's name at the head of a clause. */
const NOT_NAMES = new Set(
  (
    'the this that these those it its we i you he she they our their there then when while after before during ' +
    'also and but or so if as at on in by for from with without to of a an all some someone somebody nobody ' +
    'everyone everybody anyone nothing something monday tuesday wednesday thursday friday saturday sunday ' +
    'january february march april may june july august september october november december today yesterday ' +
    'finally eventually later initially meanwhile unfortunately however additionally what who which everything whose'
  ).split(' '),
);

/** One word of a sentence with its offsets in the document. */
export interface Token {
  text: string;
  start: number;
  end: number;
}

/** The words of `text`, with offsets shifted by `base` (`text` is usually the whole masked prose). */
export function tokenize(text: string, base: number): Token[] {
  const tokens = wordsIn(text, { start: 0, end: text.length });
  if (!base) return tokens;
  return tokens.map((t) => ({ text: t.text, start: t.start + base, end: t.end + base }));
}

/**
 * The words of `text` inside `span`: runs of letters, digits, `_`, apostrophes and hyphens that start with a letter,
 * digit or `_`, or with an `@` that cannot be the middle of an e-mail address. A loop, not a regex: a word is
 * found where it starts, so scanning from a sentence's start finds the words a scan from the top would.
 */
export function wordsIn(text: string, span: Span): Token[] {
  const tokens: Token[] = [];
  for (let i = span.start; i < span.end; ) {
    const code = text.charCodeAt(i);
    let head = i;
    if (code === 64 /* @ */) {
      const before = i > 0 ? text.charCodeAt(i - 1) : 0;
      if (!isWordChar(text.charCodeAt(i + 1)) || isWordChar(before) || before === 46 /* . */) {
        i++;
        continue;
      }
      head = i + 1;
    } else if (!isWordChar(code)) {
      i++;
      continue;
    }
    let end = head + 1;
    while (end < text.length && isWordTail(text.charCodeAt(end))) end++;
    if (end > span.end) break;
    tokens.push({ text: text.slice(i, end), start: i, end });
    i = end;
  }
  return tokens;
}

/** The longest word read at a trigger; longer words are taken as possible matches, so hostile text stays linear. */
const LONGEST_HINT = 40;

/** The word starting at `at` in lower case ('' when none starts there), or undefined when it is too long to read. */
export function lowerWordAt(text: string, at: number): string | undefined {
  const end = wordEnd(text, at);
  return end < 0 ? undefined : text.slice(at, end).toLowerCase();
}

/**
 * Where the word after the one starting at `at` starts, when only spaces or emphasis markers separate them; -1 when
 * there is none, undefined when the word at `at` is too long to read.
 */
export function nextWordStart(text: string, at: number): number | undefined {
  const end = wordEnd(text, at);
  if (end < 0) return undefined;
  let next = end;
  while (next < text.length && ' \t\r\n*_'.includes(text[next])) next++;
  return next > end && next < text.length ? next : -1;
}

function wordEnd(text: string, at: number): number {
  let end = at;
  if (isWordChar(text.charCodeAt(at))) while (end < text.length && isWordTail(text.charCodeAt(end))) if (++end - at > LONGEST_HINT) return -1;
  return end;
}

function isWordChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95;
}

function isWordTail(code: number): boolean {
  return isWordChar(code) || code === 39 || code === 0x2019 || code === 45;
}

/** What kind of person a subject names. */
export type PersonKind = 'handle' | 'role' | 'name' | 'capitalised';

/** A person found as the subject of a clause: tokens `from`..`to` (inclusive). */
export interface PersonSubject {
  from: number;
  to: number;
  kind: PersonKind;
}

/** Whether `word` is a known given name (any case). */
export function isFirstName(word: string): boolean {
  return FIRST_NAMES.has(word.toLowerCase());
}

/** Whether `word` is written like a name: a capital followed by lower-case letters. */
export function isCapitalised(word: string): boolean {
  return (/^[A-Z][a-z]+$/.test(word) || /^[A-Z][a-z]+['’-][A-Za-z]+$/.test(word)) && !NOT_NAMES.has(word.toLowerCase());
}

/** Whether `word` is an @handle: starts with a letter ("@1.2.3" is a version), never the tail of an e-mail address. */
export function isHandle(word: string): boolean {
  return /^@[A-Z][\w-]{0,38}$/i.test(word);
}

/**
 * The person whose words end at token `last`, when the tokens there name one: an @handle, a role phrase
 * ("the junior engineer"), a known given name with an optional surname, an initial and surname, or (only when
 * `anyCapitalised`) any capitalised word. `gapOk(a, b)` says whether tokens a and b are separated by spaces only.
 */
export function personEndingAt(
  tokens: Token[],
  first: number,
  last: number,
  gapOk: (a: number, b: number) => boolean,
  anyCapitalised = false,
): PersonSubject | undefined {
  const word = last >= first ? tokens[last]?.text : undefined;
  if (!word) return undefined;
  if (isHandle(word)) return { from: last, to: last, kind: 'handle' };
  if (ROLE_NOUNS.has(word.toLowerCase())) {
    // Up to two modifiers between the opener and the noun: "the new junior engineer", "a 2i2c engineer".
    for (let k = last - 1; k >= Math.max(first, last - 3); k--) {
      if (!gapOk(k, k + 1)) return undefined;
      const lower = tokens[k].text.toLowerCase();
      if (ROLE_OPENERS.has(lower)) return { from: k, to: last, kind: 'role' };
      if (NOT_NAMES.has(lower)) return undefined;
    }
    return undefined;
  }
  if (!isCapitalised(word)) return undefined;
  const prev = last > first && gapOk(last - 1, last) ? tokens[last - 1].text : '';
  if (prev && isFirstName(prev) && isCapitalised(prev)) return { from: last - 1, to: last, kind: 'name' };
  if (/^[A-Z]$/.test(prev)) return { from: last - 1, to: last, kind: 'name' };
  if (isFirstName(word)) return { from: last, to: last, kind: 'name' };
  return anyCapitalised ? { from: last, to: last, kind: 'capitalised' } : undefined;
}

/** How many tokens (before `end`) form a full name at token `k`: a known given name and a capitalised surname, or 0. */
export function fullNameAt(tokens: Token[], k: number, end: number, gapOk: (a: number, b: number) => boolean): number {
  if (k + 1 >= end) return 0;
  const first = tokens[k].text;
  const last = tokens[k + 1].text;
  if (!gapOk(k, k + 1)) return 0;
  // "J Birchall": an initial counts as a given name ("A" and "I" are words).
  const initial = /^[B-HJ-Z]$/.test(first);
  return (initial || (isCapitalised(first) && isFirstName(first))) && isCapitalised(last) ? 2 : 0;
}
