/** The pure formatter: table alignment and timeline order, as text edits. */
export { formatDocument, type FormatOptions } from './formatDocument';
export { displayWidth } from './displayWidth';
