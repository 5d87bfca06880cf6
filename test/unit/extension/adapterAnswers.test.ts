// SessionAnswers matches a read's evaluate request to the adapter's response
// by the seq the request went out with, whatever the order of the responses,
// and leaves failed answers (and requests it did not expect) alone. A taken
// answer's result is replaced in the message by a short note (the copy VS Code
// relays to the workbench). Messages are shaped as the Debug Adapter
// Protocol's, as a tracker receives them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isRelayNote,
  relayNote,
  SessionAnswers,
  type EvaluateArguments,
} from '../../../src/extension/live/adapterAnswers';

const args = (expression: string, frameId = 3, context = 'clipboard'): EvaluateArguments => ({
  expression,
  frameId,
  context,
});
const request = (seq: number, a: EvaluateArguments) => ({ type: 'request', seq, command: 'evaluate', arguments: a });
const response = (request_seq: number, result: string, success = true) => ({
  type: 'response',
  seq: 1000 + request_seq,
  request_seq,
  command: 'evaluate',
  success,
  body: success ? { result, variablesReference: 0 } : undefined,
  message: success ? undefined : 'NameError',
});

/** Whether a promise has settled by the time the microtasks run out, and with what. */
async function settled<T>(p: Promise<T>): Promise<{ value: T } | 'pending'> {
  let out: { value: T } | 'pending' = 'pending';
  void p.then((value) => (out = { value }));
  await new Promise((r) => setTimeout(r, 0));
  return out;
}

describe('SessionAnswers', () => {
  it("resolves a read with the body of its own request's response", async () => {
    const s = new SessionAnswers();
    const read = s.expect(args('probs'));
    s.toAdapter(request(7, args('probs')));
    s.fromAdapter(response(7, "'payload'"));
    expect(await settled(read.answer)).toEqual({ value: { result: "'payload'", variablesReference: 0 } });
    expect(s.taken).toBe(1);
  });

  it("leaves a note in place of a taken answer's result, so the workbench's copy is small", async () => {
    const s = new SessionAnswers();
    const payload = 'ELv1 f8 262144 ' + 'A'.repeat(349_528);
    const read = s.expect(args('big'));
    s.toAdapter(request(9, args('big')));
    const message = response(9, payload);
    s.fromAdapter(message);
    // The read has the whole answer; the message goes on with the note and the other fields as they were.
    expect(await settled(read.answer)).toEqual({ value: { result: payload, variablesReference: 0 } });
    expect(message.body).toEqual({ result: relayNote(payload.length), variablesReference: 0 });
    expect(message.body!.result).toBe('Entropy Lens took this answer from the debug adapter: 349543 characters');
    expect(isRelayNote(message.body!.result)).toBe(true);
    expect(isRelayNote(payload)).toBe(false);
    expect(isRelayNote(undefined)).toBe(false);
  });

  it('leaves the results of answers it did not take as they are', () => {
    const s = new SessionAnswers();
    s.expect(args('probs'));
    s.toAdapter(request(1, args('probs', 4)));
    const other = response(1, 'the user typed this in the Debug Console');
    s.fromAdapter(other);
    expect(other.body!.result).toBe('the user typed this in the Debug Console');
    const failed = response(2, '', false);
    s.toAdapter(request(2, args('probs')));
    s.fromAdapter(failed);
    expect(failed.body).toBeUndefined();
    expect(failed.message).toBe('NameError');
  });

  it('ignores requests with another expression, frame or context, and their responses', async () => {
    const s = new SessionAnswers();
    const read = s.expect(args('probs'));
    s.toAdapter(request(1, args('probs', 4)));
    s.toAdapter(request(2, args('probs', 3, 'repl')));
    s.toAdapter(request(3, args('probs2')));
    for (const seq of [1, 2, 3]) s.fromAdapter(response(seq, 'other'));
    expect(await settled(read.answer)).toBe('pending');
    s.toAdapter(request(4, args('probs')));
    s.fromAdapter(response(4, 'mine'));
    expect(await settled(read.answer)).toEqual({ value: { result: 'mine', variablesReference: 0 } });
  });

  it('leaves a failed answer to customRequest, and a disposed read unmatched', async () => {
    const s = new SessionAnswers();
    const failing = s.expect(args('nope'));
    s.toAdapter(request(1, args('nope')));
    s.fromAdapter(response(1, '', false));
    expect(await settled(failing.answer)).toBe('pending');
    expect(s.taken).toBe(0);

    // Disposed before its request went out: the next read of the same expression gets that request.
    const gone = s.expect(args('probs'));
    gone.dispose();
    const next = s.expect(args('probs'));
    s.toAdapter(request(2, args('probs')));
    s.fromAdapter(response(2, 'for next'));
    expect(await settled(next.answer)).toEqual({ value: { result: 'for next', variablesReference: 0 } });
    expect(await settled(gone.answer)).toBe('pending');

    // Disposed after: its response is dropped and counts for nothing.
    const late = s.expect(args('probs'));
    s.toAdapter(request(3, args('probs')));
    late.dispose();
    s.fromAdapter(response(3, 'dropped'));
    expect(await settled(late.answer)).toBe('pending');
    expect(s.taken).toBe(1);
  });

  it('any interleaving of reads, requests and responses: each read gets the response to its request', async () => {
    await fc.assert(
      fc.asyncProperty(
        // Reads of a few expressions (repeats allowed), and the order the adapter answers them in.
        fc
          .array(fc.constantFrom('a', 'b', 'c'), { minLength: 1, maxLength: 12 })
          .chain((exprs) =>
            fc.tuple(fc.constant(exprs), fc.shuffledSubarray([...exprs.keys()], { minLength: exprs.length })),
          ),
        async ([exprs, answerOrder]) => {
          const s = new SessionAnswers();
          const reads = exprs.map((e) => s.expect(args(e)));
          // Requests go out in the order the reads asked; the seq is what the answer is keyed by.
          exprs.forEach((e, k) => s.toAdapter(request(100 + k, args(e))));
          const messages = answerOrder.map((k) => response(100 + k, `${exprs[k]}#${k}`));
          for (const m of messages) s.fromAdapter(m);
          const got = await Promise.all(reads.map((r) => settled(r.answer)));
          // Every answer was taken, so every message goes on with a note.
          for (const m of messages) expect(isRelayNote(m.body!.result)).toBe(true);
          // Reads of the same expression are answered in the order they asked.
          expect(got.map((g) => (g === 'pending' ? g : g.value.result))).toEqual(exprs.map((e, k) => `${e}#${k}`));
          expect(s.taken).toBe(exprs.length);
        },
      ),
      { numRuns: 200 },
    );
  });
});
