// Structured logs (pino). One root logger; a child per turn carries the correlation id.
// Production writes JSON lines (for the log pipeline); development prints one readable line per entry.
import pino, { type Logger } from 'pino';
import pinoPretty from 'pino-pretty';

export type { Logger };

/** `json` for production and tests; `pretty` for a developer's terminal (`npm start`, `npm run start:bot`). */
export type LogFormat = 'json' | 'pretty';

/** The format for an environment: readable lines in development, JSON in production. */
export function logFormatFor(env: 'development' | 'production'): LogFormat {
  return env === 'production' ? 'json' : 'pretty';
}

export function createLogger(
  level: string,
  destination?: pino.DestinationStream,
  format: LogFormat = 'json',
): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { app: 'planning-services-companion' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: ['*.password', '*.key', '*.authorization', 'headers.authorization'],
      censor: '[redacted]',
    },
  };
  return pino(options, format === 'pretty' ? prettyStream(destination) : destination);
}

/** A logger that discards everything (tests). */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}

const HIDDEN = new Set(['level', 'time', 'pid', 'hostname', 'app', 'msg']);

/** pino-pretty, synchronous (keeps order with the banner's console lines), fields as key=value after the message. */
function prettyStream(destination?: pino.DestinationStream): pino.DestinationStream {
  return pinoPretty({
    destination: destination ?? 1,
    sync: true,
    colorize: destination === undefined && process.stdout.isTTY === true,
    translateTime: 'SYS:HH:MM:ss',
    singleLine: true,
    hideObject: true,
    messageFormat: (log, messageKey) => {
      const fields = fieldsOf(log).join(' ');
      const message = String(log[messageKey] ?? '');
      const stack = stackOf(log.err);
      // hideObject drops pino-pretty's own line end along with the object: end the entry here.
      return `${message}${fields ? `  ${fields}` : ''}${stack ? `\n${stack}` : ''}\n`;
    },
  });
}

/** Every field but the message and pino's own, flattened: `identity.name=Alex` (an error shows its message). */
export function fieldsOf(log: Record<string, unknown>, prefix = ''): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(log)) {
    if (!prefix && HIDDEN.has(key)) continue;
    const name = `${prefix}${key}`;
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const err = value as { message?: unknown; type?: unknown; stack?: unknown };
      if (typeof err.stack === 'string' && typeof err.message === 'string')
        out.push(`${name}=${quoted(err.message)}`);
      else out.push(...fieldsOf(value as Record<string, unknown>, `${name}.`));
    } else {
      out.push(`${name}=${quoted(Array.isArray(value) ? value.join(',') : String(value))}`);
    }
  }
  return out;
}

const quoted = (s: string): string => (/[\s"=]/.test(s) || s === '' ? JSON.stringify(s) : s);

/** An error's stack, indented under its line, so a developer still sees where it came from. */
function stackOf(err: unknown): string | undefined {
  const stack = (err as { stack?: unknown } | undefined)?.stack;
  if (typeof stack !== 'string') return undefined;
  return stack
    .split('\n')
    .slice(1)
    .map((l) => `    ${l.trim()}`)
    .join('\n');
}
