// Reads the value of an expression in the paused frame of a debug session:
// a probe (kind and shape, with the first part of the data under the size
// cap), then the wrapper that returns the rest of the raw bytes
// (transfer.ts), evaluated in the `clipboard` context, which lifts the
// debuggers' caps on string length (debugpy cuts other contexts at 2^16
// characters). Adapters without a wrapper are asked
// for the printed value. Every expression sent is written to the output channel.
import type * as vscode from 'vscode';
import { nextTurn } from '../nextTurn';
import {
  arrayTypeProbe,
  decodeChildren,
  elementChildren,
  typeDimensions,
  typeElements,
  type ChildVariable,
} from './childValues';
import type { PartChannel } from './cdpProxy';
import { isRelayNote, type AdapterAnswers, type EvaluateBody, type SessionAnswers } from './adapterAnswers';
import {
  dataExpression,
  decodePrinted,
  decodeProbe,
  liveLanguage,
  probeExpression,
  probeAndDataExpression,
  payloadAfterProbe,
  type LiveArray,
  type LiveLanguage,
  type Probe,
  type Decoded,
  type ElementRange,
  PayloadDecoder,
  evaluateFormat,
  partElements,
  WITH_PROBE_ELEMENTS,
  PAYLOAD_TAG,
  payloadSample,
} from './transfer';

/**
 * Parts of a large value requested ahead of the one being decoded, by the
 * wrapper's language. Python: 128, every part of up to 1.7·10^7 float64
 * values (transfer.ts's PART_BYTES). In VS Code a request reaches the adapter
 * through the workbench, so asking for every part at once costs one round
 * trip, not one per part, and keeps the adapter busy; over stdio too the
 * program's wrapper, the adapter's relay and the decode overlap better
 * (bench/debug.bench.ts: 10^7 float32 1.8 s with 3 ahead, 1.2 s with all).
 * JavaScript: 4. js-debug runs on this extension host's thread and parses
 * each expression it is asked to evaluate as the request arrives (acorn,
 * about 1.6 ms for the wrapper's 2 800 characters on a 2-core VM): the 77
 * requests of 10^7 float64 arriving together held the thread in one turn of
 * 120–190 ms. With 4 ahead each answer brings one parse. In code-server
 * (10^7 values, best of three commands, two runs each): longest stall
 * 86–117 ms (float32) and 72–146 ms (float64) against 127–152 and 172–178 ms
 * with all parts ahead, end to end 2.9–3.0 s and 5.3–5.5 s against 3.1–3.4 s
 * and 5.7–5.8 s. Smaller parts shortened js-debug's handling of each answer
 * but slowed 10^7 float64 to 6.6–9.0 s (512 KiB) and 8.2 s (256 KiB).
 * Over js-debug's CDP proxy (cdpProxy.ts) js-debug parses no expression;
 * four at a time were as fast there as 8 or 16 (the program answers one
 * at a time).
 */
export const PARTS_IN_FLIGHT: Readonly<Record<LiveLanguage, number>> = { python: 128, javascript: 4 };

/** Why a live value could not be read; each error names the expression. */
export type LiveCode = 'NOT_PAUSED' | 'EVALUATE_FAILED' | 'NOT_NUMERIC' | 'TOO_LARGE' | 'CANCELLED';

export type LiveRead =
  | { ok: true; expression: string; value: LiveArray; timings: Timings }
  | { ok: false; expression: string; code: LiveCode; error: string; probe?: Probe };

/** Milliseconds spent per stage, for the output channel and the bench. */
export interface Timings {
  /** The probe's request, with the data it brings (a small value whole, a larger one's first part). */
  probe: number;
  evaluate: number;
  decode: number;
  /** Characters received. */
  chars: number;
}

export interface ReadOptions {
  /** Values above this are refused (TOO_LARGE) before any data moves. */
  maxElements: number;
  token?: vscode.CancellationToken;
  log?: (line: string) => void;
  /** Parts requested ahead (PARTS_IN_FLIGHT's); 1 waits for each answer before the next request (bench). */
  partsInFlight?: number;
  /** The value's kind and shape are known and it is under the cap; its data is read next. */
  onProbe?(probe: Probe): void;
  /** A channel for a JavaScript value's parts that skips the DAP round trip (cdpProxy.ts), where the session has one. */
  directParts?(frame: PausedFrame, log?: (line: string) => void): Promise<PartChannel | undefined>;
}

/** The paused frame, or undefined when no debug session is stopped on one. */
export function pausedFrame(
  item: vscode.DebugThread | vscode.DebugStackFrame | undefined,
  answers?: AdapterAnswers,
): PausedFrame | undefined {
  if (!item || !('frameId' in item)) return undefined;
  return { session: item.session, threadId: item.threadId, frameId: item.frameId, answers: answers?.of(item.session) };
}

export interface PausedFrame {
  session: vscode.DebugSession;
  threadId?: number;
  frameId: number;
  /** The session's answers as the adapter sends them, where a tracker sees them (adapterAnswers.ts). */
  answers?: SessionAnswers;
}

function message(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  // Python tracebacks end with the line that says what went wrong; compilers' diagnostics
  // (lldb's `error: <user expression 2>:1:1: use of undeclared identifier 'nope'`) are
  // followed by the source line and a caret.
  const lines = text.trim().split('\n');
  const diagnostic = [...lines].reverse().find((l) => /^\s*error: /.test(l));
  if (diagnostic) return diagnostic.replace(/^\s*error:\s*(<[^>]*>:\d+:\d+:\s*)?/, '');
  const last = lines[lines.length - 1]!.trim();
  // js-debug says `Uncaught TypeError: …`, debugpy gives the exception's repr, `TypeError('…')`;
  // the wrappers' own words (TypeError, ValueError) are what the user needs, other errors keep their type.
  return pythonWording(unrepr(last.length > 0 ? last : text).replace(/^(Uncaught )?(TypeError|ValueError): /, ''));
}

/** Python's array module refusing an item (`must be real number, not str`), in the wrappers' words. */
function pythonWording(text: string): string {
  const m = /^must be real number, not (\w+)$/.exec(text);
  if (!m) return text;
  const what = m[1] === 'NoneType' ? 'None' : `${/^[aeiou]/i.test(m[1]!) ? 'an' : 'a'} ${m[1]}`;
  return `it holds ${what} among its values, not only numbers`;
}

/** `NameError("name 'x' is not defined")` → `NameError: name 'x' is not defined` (a Python exception's repr). */
function unrepr(text: string): string {
  const m = /^([A-Za-z_][\w.]*(?:Error|Exception|Warning))\((['"])([\s\S]*)\2,?\)$/.exec(text);
  if (!m) return text;
  const inner = m[3]!.replace(/\\(['"\\])|\\n|\\t/g, (s, c: string | undefined) => c ?? (s === '\\n' ? '\n' : '\t'));
  return `${m[1]}: ${inner}`;
}

/** The evaluate answer's body (result, and for adapters without a wrapper the type and children). */
async function evaluateBody(
  frame: PausedFrame,
  expression: string,
  context: string,
  language?: LiveLanguage,
): Promise<EvaluateBody> {
  const args = { expression, frameId: frame.frameId, context, format: language && evaluateFormat(language) };
  const tapped = frame.answers?.expect(args);
  const asked = Promise.resolve(frame.session.customRequest('evaluate', args) as Thenable<EvaluateBody>);
  let r: EvaluateBody;
  if (!tapped) r = await asked;
  else {
    // When the adapter's copy wins, the workbench's (or its error) arrives later, unheard.
    asked.catch(() => undefined);
    try {
      // The workbench's copy of a taken answer carries only a note; the answer is the tracker's.
      r = await Promise.race([tapped.answer, asked.then((b) => (isRelayNote(b?.result) ? tapped.answer : b))]);
    } finally {
      tapped.dispose();
    }
  }
  return { ...r, result: typeof r?.result === 'string' ? r.result : '' };
}

async function evaluate(
  frame: PausedFrame,
  expression: string,
  context: string,
  language?: LiveLanguage,
): Promise<string> {
  return (await evaluateBody(frame, expression, context, language)).result;
}

/** A value's children in the debugger's variables tree. */
async function children(frame: PausedFrame, variablesReference: number): Promise<ChildVariable[]> {
  const body = (await frame.session.customRequest('variables', { variablesReference })) as {
    variables?: ChildVariable[];
  };
  return body?.variables ?? [];
}

/**
 * A value an adapter without a wrapper printed as a summary (`double[3] @
 * 0x…`, `double[3]@1a2b`): its elements from its children, each row's at once.
 */
async function readChildren(
  frame: PausedFrame,
  expression: string,
  body: EvaluateBody,
  maxElements: number,
  log: ((line: string) => void) | undefined,
): Promise<Decoded | { tooLarge: string }> {
  const declared = typeElements(body.type);
  if (declared !== undefined && declared > maxElements)
    return {
      tooLarge: `it holds ${declared.toLocaleString('en-US')} values (${body.type}), above the cap of ${maxElements.toLocaleString('en-US')}`,
    };
  log?.(`variables of ${body.result} (${body.type ?? 'no type'})`);
  // How many elements the debugger says there are, where it says it (rows of a 2-D type: its first dimension).
  const dims = typeDimensions(body.type);
  const elements = elementChildren(await children(frame, body.variablesReference!), body.indexedVariables ?? dims[0]);
  if ('error' in elements) {
    const pointer = /\*\s*$/.test(body.type ?? '');
    return {
      ok: false,
      error: pointer
        ? `it is a pointer (${body.type!.trim()}), not an array: select the n values it points to as an array, *(${body.type!.replace(/\s*\*\s*$/, '')}(*)[n])${expression}`
        : `the debugger printed ${body.result.trim()} and ${elements.error}`,
    };
  }
  const over = (n: number) => ({
    tooLarge: `it holds ${n.toLocaleString('en-US')} values, above the cap of ${maxElements.toLocaleString('en-US')}`,
  });
  if (elements.length > maxElements) return over(elements.length);
  if (elements.every((e) => e.variablesReference === 0)) return decodeChildren(elements, undefined, body.type);
  const number = elements.find((e) => e.variablesReference === 0);
  if (number)
    return {
      ok: false,
      error: `its elements mix numbers and rows: ${number.name} is ${number.value}, ${elements.find((e) => e.variablesReference > 0)!.name} has elements of its own`,
    };
  // Rows: every row's children at once (one round trip through the workbench, not one per row).
  const rows = await Promise.all(elements.map((e) => children(frame, e.variablesReference)));
  const rowElements: ChildVariable[][] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = elementChildren(rows[i]!, dims[1]);
    if ('error' in r)
      return {
        ok: false,
        error: r.notElements
          ? `${elements[i]!.name} is ${JSON.stringify(elements[i]!.value)}, not a number or a row of numbers`
          : `row ${elements[i]!.name}: ${r.error}`,
      };
    rowElements.push(r);
  }
  const total = rowElements.reduce((n, r) => n + r.length, 0);
  if (total > maxElements) return over(total);
  return decodeChildren(elements, rowElements, body.type);
}

/** Races a request against cancellation (a debug request cannot be taken back; its answer is dropped). */
function cancellable<T>(p: Promise<T>, token: vscode.CancellationToken | undefined): Promise<T | typeof CANCELLED> {
  if (!token) return p;
  if (token.isCancellationRequested) return Promise.resolve(CANCELLED);
  return new Promise((resolve, reject) => {
    const sub = token.onCancellationRequested(() => resolve(CANCELLED));
    p.then(
      (v) => {
        sub.dispose();
        resolve(v);
      },
      (e) => {
        sub.dispose();
        reject(e);
      },
    );
  });
}
const CANCELLED = Symbol('cancelled');

export function sessionLanguage(frame: PausedFrame, languageId?: string): LiveLanguage | undefined {
  return liveLanguage(frame.session.type, languageId);
}

/**
 * Asks what `expression` is (kind, shape); with `dataUpTo`, a value of at most
 * that many values also brings its payload (one request for a small value),
 * one of at most `cap` values its first `dataUpTo` values, and a larger one
 * moves no data.
 */
export async function probe(
  frame: PausedFrame,
  expression: string,
  language: LiveLanguage,
  log?: (line: string) => void,
  dataUpTo?: number,
  cap?: number,
  firstCount?: number,
): Promise<(Probe & { payload?: string }) | { error: string }> {
  const probeText =
    dataUpTo === undefined
      ? probeExpression(language, expression)
      : probeAndDataExpression(language, expression, dataUpTo, cap, firstCount);
  log?.(`evaluate (probe) ${probeText.length > 400 ? `${probeText.slice(0, 400)}…` : probeText}`);
  try {
    const answer = await evaluate(frame, probeText, 'clipboard', language);
    // Some adapters (debugpy) answer a failed evaluation with the traceback as its result.
    const p = decodeProbe(answer);
    if (!p) return { error: answer.trim() ? message(answer) : 'the debugger did not answer the probe' };
    const payload = dataUpTo === undefined ? undefined : payloadAfterProbe(answer);
    return payload === undefined ? p : { ...p, payload };
  } catch (e) {
    return { error: message(e) };
  }
}

export async function readLive(
  frame: PausedFrame,
  expression: string,
  languageId: string | undefined,
  options: ReadOptions,
): Promise<LiveRead> {
  const { log, token } = options;
  const fail = (code: LiveCode, error: string, p?: Probe): LiveRead => ({
    ok: false,
    expression,
    code,
    error: `\`${expression}\`: ${error}`,
    probe: p,
  });
  const language = sessionLanguage(frame, languageId);
  const t0 = performance.now();
  let t1: number;
  let decodeMs = 0;
  let chars = 0;
  let decoded: Decoded;
  let direct: PartChannel | undefined;
  // Parts the proxy leaves unanswered once the read has ended (failed, cancelled, the channel closed) are not asked again.
  let finished = false;
  try {
    if (language) {
      const withProbe = Math.min(WITH_PROBE_ELEMENTS, options.maxElements);
      // Where the parts may come over a direct channel, a larger value's probe brings only the values that check it.
      const firstCount = language === 'javascript' && options.directParts ? CHECKED_VALUES : withProbe;
      const p = await cancellable(
        probe(frame, expression, language, log, withProbe, options.maxElements, firstCount),
        token,
      );
      if (p === CANCELLED) return fail('CANCELLED', 'cancelled');
      if ('error' in p) return fail('NOT_NUMERIC', p.error);
      if (p.elements > options.maxElements)
        return fail(
          'TOO_LARGE',
          `it holds ${p.elements.toLocaleString('en-US')} values (${p.shape.join(' × ')}), above the cap of ${options.maxElements.toLocaleString('en-US')}`,
          p,
        );
      t1 = performance.now();
      options.onProbe?.(p);
      const decoder = new PayloadDecoder();
      // A small value came whole with its probe, a larger one its first part (or its first values).
      let first = 0;
      if (p.payload !== undefined) {
        // In a turn of its own, as each part below.
        await nextTurn();
        if (token?.isCancellationRequested) return fail('CANCELLED', 'cancelled');
        const d0 = performance.now();
        chars = p.payload.length;
        const error = decoder.add(p.payload);
        decodeMs = performance.now() - d0;
        if (error) return fail('NOT_NUMERIC', error);
        first = decoder.decoded;
      }
      if (first < p.elements || p.payload === undefined) {
        // The rest goes in parts (transfer.ts's partElements), each decoded as it arrives.
        const size = partElements(p);
        const parts =
          p.payload === undefined && p.elements <= size
            ? [undefined]
            : Array.from({ length: Math.ceil((p.elements - first) / size) }, (_, k) => ({
                from: first + k * size,
                to: Math.min(p.elements, first + (k + 1) * size),
              }));
        // Opened once the probe says there are parts to read: small values never wait for it.
        if (language === 'javascript' && p.payload !== undefined && options.directParts) {
          const opening = options.directParts(frame, log);
          const opened = await cancellable(opening, token);
          if (opened === CANCELLED) {
            void opening.then((c) => c?.dispose());
            return fail('CANCELLED', 'cancelled');
          }
          direct = opened;
        }
        // Its parts count once its copy of the first values is what came with the probe: the same frame, the same value.
        const channel = direct;
        const verified = channel && sameStart(channel, expression, decoder, log);
        let trusted = true;
        void verified?.then((same) => (trusted = same));
        const request = (range: ElementRange | undefined): Promise<string> => {
          const data = dataExpression(language, expression, range);
          const proxied = channel && verified && trusted ? { channel, verified } : undefined;
          log?.(
            `evaluate${range ? ` (elements ${range.from}–${range.to})` : ''}${proxied ? ' over the CDP proxy' : ''} ${data.length > 400 ? `${data.slice(0, 400)}…` : data}`,
          );
          const viaAdapter = () => evaluate(frame, data, 'clipboard', language);
          let answer: Promise<string>;
          if (!proxied) answer = viaAdapter();
          else {
            // Sent at once, behind the check: the program answers in order.
            const viaProxy = proxied.channel.evaluate(data);
            // A part the proxy does not answer is asked for through the adapter, whose answer or error counts.
            answer = proxied.verified
              .then((same) => (same ? viaProxy : undefined))
              .then((v) => v ?? (finished ? Promise.reject(new Error('the read is over')) : viaAdapter()));
          }
          // An answer still in flight when an earlier part failed or the read was cancelled is dropped.
          answer.catch(() => undefined);
          return answer;
        };
        // Several requests at a time (PARTS_IN_FLIGHT): the program, the adapter and this
        // thread each work on a different part instead of waiting for the whole chain.
        const ahead = Math.max(1, options.partsInFlight ?? PARTS_IN_FLIGHT[language]);
        const inFlight: (Promise<string> | undefined)[] = parts.slice(0, ahead).map(request);
        for (let k = 0; k < parts.length; k++) {
          const r = await cancellable(inFlight[k]!, token);
          inFlight[k] = undefined; // the decoded bytes are kept, not the text
          if (r === CANCELLED) return fail('CANCELLED', 'cancelled');
          if (k + ahead < parts.length) inFlight.push(request(parts[k + ahead]));
          // The answer resolved in the same turn as VS Code's parse of its message:
          // decoding in a turn of its own keeps the two from adding up to one stall.
          await nextTurn();
          if (token?.isCancellationRequested) return fail('CANCELLED', 'cancelled');
          const d0 = performance.now();
          chars += r.length;
          const error = decoder.add(r);
          decodeMs += performance.now() - d0;
          // A part that failed in the program (an item the wrapper refuses) answers with the error.
          if (error) return fail('NOT_NUMERIC', r.trim() && !r.includes(PAYLOAD_TAG) ? message(r) : error);
        }
      }
      const d0 = performance.now();
      decoded = decoder.finish();
      decodeMs += performance.now() - d0;
    } else {
      t1 = performance.now();
      log?.(`evaluate ${expression}`);
      const r = await cancellable(evaluateBody(frame, expression, 'clipboard'), token);
      if (r === CANCELLED) return fail('CANCELLED', 'cancelled');
      await nextTurn();
      const d0 = performance.now();
      chars = r.result.length;
      decoded = decodePrinted(r.result);
      decodeMs = performance.now() - d0;
      // A summary with children (`double[3] @ 0x…`): the elements are the children.
      if (!decoded.ok && (r.variablesReference ?? 0) > 0) {
        const read = await cancellable(readChildren(frame, expression, r, options.maxElements, log), token);
        if (read === CANCELLED) return fail('CANCELLED', 'cancelled');
        if ('tooLarge' in read) return fail('TOO_LARGE', read.tooLarge);
        decoded = read;
      }
    }
  } catch (e) {
    return fail('EVALUATE_FAILED', message(e));
  } finally {
    finished = true;
    direct?.dispose();
  }
  const t3 = performance.now();
  if (!decoded.ok) return fail('NOT_NUMERIC', decoded.error);
  const timings = { probe: t1 - t0, evaluate: t3 - t1 - decodeMs, decode: decodeMs, chars };
  log?.(
    `\`${expression}\`: ${decoded.value.shape.join(' × ')} ${decoded.value.dtype} in ${Math.round(t3 - t0)} ms (probe ${Math.round(timings.probe)}, evaluate ${Math.round(timings.evaluate)}, decode ${Math.round(timings.decode)}; ${chars.toLocaleString('en-US')} chars)`,
  );
  return { ok: true, expression, value: decoded.value, timings };
}

/**
 * Whether the channel's copy of the first values is what the adapter brought
 * with the probe (`decoder` holds it): the same values, bit for bit, mean the
 * same frame and the same expression there.
 */
async function sameStart(
  channel: PartChannel,
  expression: string,
  decoder: PayloadDecoder,
  log: ((line: string) => void) | undefined,
): Promise<boolean> {
  const check = dataExpression('javascript', expression, { from: 0, to: Math.min(CHECKED_VALUES, decoder.decoded) });
  log?.(
    `evaluate (the first values, to compare with the probe's) over the CDP proxy ${check.length > 400 ? `${check.slice(0, 400)}…` : check}`,
  );
  const copy = await channel.evaluate(check);
  const sample = copy === undefined ? undefined : payloadSample(copy);
  const same = sample !== undefined && decoder.startsWith(sample);
  if (!same)
    log?.(`\`${expression}\`: the CDP proxy did not answer as the debugger did; the parts go through the debugger`);
  return same;
}

/** Values the proxy's check reads again: random data never agrees by chance, and the program answers at once. */
const CHECKED_VALUES = 64;

/** A numeric variable of the frame, for the partner pick. */
export interface FrameVariable {
  name: string;
  /** The expression that reads it (the adapter's evaluateName, else its name). */
  expression: string;
  probe: Probe;
}

interface DapVariable {
  name: string;
  value: string;
  /** Where the adapter says it (`double[3]`): for adapters without a wrapper, the kind and shape. */
  type?: string;
  evaluateName?: string;
  variablesReference: number;
}

/** Variables of the frame's local scopes (not globals) probed at most this many. */
const MAX_PROBED = 60;

/** The frame's variables that read as numeric arrays, with shapes and kinds (scopes → variables → probe). */
export async function numericVariables(
  frame: PausedFrame,
  languageId: string | undefined,
  log?: (line: string) => void,
): Promise<FrameVariable[]> {
  const language = sessionLanguage(frame, languageId);
  const { scopes } = (await frame.session.customRequest('scopes', { frameId: frame.frameId })) as {
    scopes: { name: string; variablesReference: number; expensive?: boolean }[];
  };
  const seen = new Set<string>();
  const candidates: { name: string; expression: string; type?: string }[] = [];
  for (const scope of scopes ?? []) {
    if (scope.expensive || /global|regist/i.test(scope.name)) continue;
    const { variables } = (await frame.session.customRequest('variables', {
      variablesReference: scope.variablesReference,
    })) as { variables: DapVariable[] };
    for (const v of variables ?? []) {
      if (candidates.length >= MAX_PROBED || seen.has(v.name) || !/^[A-Za-z_$][\w$]*$/.test(v.name)) continue;
      seen.add(v.name);
      candidates.push({ name: v.name, expression: v.evaluateName ?? v.name, type: v.type });
    }
  }
  // Without a wrapper nothing is probed: the fixed-size numeric arrays the adapter's types name.
  if (!language)
    return candidates.flatMap((c) => {
      const probe = arrayTypeProbe(c.type);
      return probe ? [{ name: c.name, expression: c.expression, probe }] : [];
    });
  // Every probe at once: one round trip through the workbench for the lot, not one each.
  const probes = await Promise.all(candidates.map((c) => probe(frame, c.expression, language, log)));
  return candidates.flatMap((c, i) => {
    const p = probes[i]!;
    return 'error' in p || p.elements === 0 ? [] : [{ ...c, probe: p }];
  });
}
