import { inspect } from 'node:util';
import {
  createConnection,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
  type Connection,
  type DataCallback,
  type Disposable,
} from 'vscode-languageserver/node';

/** Errors after which the byte stream cannot be split into messages again (LSP has no resynchronisation marker). */
const FRAMING_ERROR = /^(?:Message header must separate key and value|Header must provide a Content-Length|Content-Length value must be a number|Cannot read so many bytes)/;

/** A stdin reader that remembers whether `shutdown` came, for the exit code when stdin closes. */
class StdinReader extends StreamMessageReader {
  shutdownReceived = false;

  override listen(callback: DataCallback): Disposable {
    return super.listen((message) => {
      if ((message as { method?: string }).method === 'shutdown') this.shutdownReceived = true;
      callback(message);
    });
  }
}

/**
 * The connection, as `createConnection` makes it; over stdio, with a reader that ends the process when the
 * framing breaks (a wrong Content-Length). The library's reader would refuse every later message while the
 * process stays up, a server that never answers and is never restarted; exiting lets the client restart it.
 * What `createConnection` does for `--stdio` is kept: exit when stdin ends, console output kept off stdout.
 */
export function serverConnection(): Connection {
  if (!process.argv.includes('--stdio')) return createConnection(ProposedFeatures.all);
  const reader = new StdinReader(process.stdin);
  reader.onError((error) => {
    if (!FRAMING_ERROR.test(error.message)) return;
    process.stderr.write(`postmortem-lint: the message stream is corrupt (${error.message.split('\n')[0]}); exiting so the client restarts the server.\n`);
    process.exit(1);
  });
  for (const event of ['end', 'close']) process.stdin.on(event, () => process.exit(reader.shutdownReceived ? 0 : 1));
  // stdout carries the protocol: anything a library logs goes to stderr instead.
  const toStderr = (...args: unknown[]) => process.stderr.write(`${args.map((a) => (typeof a === 'string' ? a : inspect(a))).join(' ')}\n`);
  Object.assign(console, { log: toStderr, info: toStderr, debug: toStderr, warn: toStderr, trace: toStderr, dir: toStderr });
  return createConnection(ProposedFeatures.all, reader, new StreamMessageWriter(process.stdout));
}
