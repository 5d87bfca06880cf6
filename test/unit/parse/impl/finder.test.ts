// findArrays end to end: ranges, names, values and roles for the common languages.
import { describe, expect, it } from 'vitest';
import { findArrays, DEFAULT_LIMITS } from '../../../../src/parse';

function texts(text: string, languageId: string): string[] {
  return findArrays(text, languageId).arrays.map((a) => text.slice(a.start, a.end));
}

describe('findArrays: Python', () => {
  it('finds named lists with exact ranges, values and roles', () => {
    const text = 'y_true = [0, 1, 0]\ny_pred = [0.1, 0.8, 0.1]\n';
    const r = findArrays(text, 'python');
    expect(r.arrays).toHaveLength(2);
    const [t, p] = r.arrays;
    expect(text.slice(t!.start, t!.end)).toBe('[0, 1, 0]');
    expect(t!.name).toBe('y_true');
    expect(t!.values).toEqual([0, 1, 0]);
    expect(t!.shape).toEqual([3]);
    expect(t!.role).toBe('one-hot');
    expect(p!.name).toBe('y_pred');
    expect(p!.role).toBe('probabilities');
    expect(p!.roleReason).toMatch(/sum to 1/);
  });

  it('reads nested lists as 2-D rows and reports ragged rows', () => {
    const r = findArrays('probs = [[0.2, 0.8],\n         [0.6, 0.4]]\nbad = [[1, 2], [3]]', 'python');
    expect(r.arrays[0]!.values).toEqual([
      [0.2, 0.8],
      [0.6, 0.4],
    ]);
    expect(r.arrays[0]!.shape).toEqual([2, 2]);
    expect(r.arrays[0]!.role).toBe('probabilities');
    expect(r.arrays[1]!.shape).toEqual([2, 2]);
    expect(r.arrays[1]!.issues.join()).toMatch(/ragged: row 1 has 1 values, row 0 has 2/);
  });

  it('covers only the bracket literal of a wrapper call but takes the name through it', () => {
    const text =
      'p = np.array([0.25, 0.75])\nq = torch.tensor([[0.5, 0.5]], dtype=torch.float32)\nr = jnp.array([1, 0])';
    const r = findArrays(text, 'python');
    expect(r.arrays.map((a) => text.slice(a.start, a.end))).toEqual(['[0.25, 0.75]', '[[0.5, 0.5]]', '[1, 0]']);
    expect(r.arrays.map((a) => a.name)).toEqual(['p', 'q', 'r']);
  });

  it('reads tuples of two or more numbers but not call arguments or one-element groups', () => {
    expect(texts('p = (0.2, 0.8)\nf(0.2, 0.8)\nx = (0.5)\ny = (1,)\nprint((0.1, 0.9))', 'python')).toEqual([
      '(0.2, 0.8)',
      '(0.1, 0.9)',
    ]);
  });

  it('ignores brackets in strings and comments', () => {
    const text = "s = \"[1, 2]\"\n# [3, 4]\nt = '''[5, 6]\n[7, 8]'''\nu = [9, 10]  # [11]";
    expect(texts(text, 'python')).toEqual(['[9, 10]']);
  });

  it('does not take subscripts or comprehensions for arrays', () => {
    expect(texts('a[0]\nb[1, 2]\nc = d[0][1]\ne = [x for x in [1, 2]]\nf = foo()[3]', 'python')).toEqual(['[1, 2]']);
  });

  it('reads non-finite spellings as values and reports them', () => {
    const r = findArrays("x = [float('inf'), -np.inf, math.nan, torch.inf, 1.0]", 'python');
    const a = r.arrays[0]!;
    expect(a.values).toEqual([Infinity, -Infinity, NaN, Infinity, 1]);
    expect(a.issues.join()).toMatch(/non-finite: 4 values/);
    expect(a.issues.join()).toMatch(/float\('inf'\) → Infinity/);
  });

  it('accepts trailing commas, comments and line breaks inside a list', () => {
    const r = findArrays('p = [\n  0.2,  # first\n  0.8,\n]', 'python');
    expect(r.arrays[0]!.values).toEqual([0.2, 0.8]);
  });

  it('names keyword arguments, annotations and dict keys', () => {
    const r = findArrays(
      'q: list = [0.5, 0.5]\nf(target=[1, 0])\nd = {"pk": [0.1, 0.9], \'qk\': [0.2, 0.8]}\nself.w = [1, 2]',
      'python',
    );
    expect(r.arrays.map((a) => a.name)).toEqual(['q', 'target', 'pk', 'qk', 'self.w']);
  });
});

describe('findArrays: JSON and JavaScript', () => {
  it('names JSON arrays by their key and skips arrays of strings', () => {
    const r = findArrays('{"p": [0.2, 0.8], "tags": ["a", "b"], "nested": {"q": [[1, 0], [0, 1]]}}', 'json');
    expect(r.arrays.map((a) => [a.name, a.shape])).toEqual([
      ['p', [2]],
      ['q', [2, 2]],
    ]);
    expect(r.arrays[1]!.role).toBe('one-hot');
  });

  it('reads JS declarations, typed arrays and object keys', () => {
    const text =
      'const q = new Float32Array([0.1, 0.9]);\nlet p: number[] = [1, 0];\nvar o = { logits: [2, -1] };\nx[0] = 3;';
    const r = findArrays(text, 'typescript');
    expect(r.arrays.map((a) => [text.slice(a.start, a.end), a.name])).toEqual([
      ['[0.1, 0.9]', 'q'],
      ['[1, 0]', 'p'],
      ['[2, -1]', 'logits'],
    ]);
  });

  it('skips template literals and regex-free comments', () => {
    expect(texts('const s = `[1, 2] ${x}`; /* [3, 4] */ // [5]\nconst t = [6, 7];', 'javascript')).toEqual(['[6, 7]']);
  });

  it('reads a notebook given as .ipynb JSON without crashing on its string arrays', () => {
    const nb = JSON.stringify({
      cells: [{ cell_type: 'code', source: ['p = [0.2, 0.8]\n'], outputs: [] }],
      metadata: { dims: [3, 4] },
    });
    const r = findArrays(nb, 'jupyter');
    // The code cell's `p` is read; `dims` is a shape, not data.
    expect(r.arrays.map((a) => a.name)).toEqual(['p']);
  });
});

describe('findArrays: never throws', () => {
  it('returns an issue for odd arguments', () => {
    expect(() => findArrays(undefined as unknown as string, 'python')).not.toThrow();
    expect(findArrays(undefined as unknown as string, 'python').issues.length).toBe(1);
    expect(findArrays('[1, 2]', undefined as unknown as string).arrays).toHaveLength(1);
  });

  it('exports the default limits', () => {
    expect(DEFAULT_LIMITS.maxDepth).toBeGreaterThan(2);
  });
});

describe('findArrays: names through nested wrappers and typed declarations', () => {
  it('takes the name through a wrapper around a wrapper', () => {
    const r = findArrays('q = torch.tensor(np.array([0.3, 0.7]))', 'python');
    expect(r.arrays[0]!.name).toBe('q');
  });

  it('reads a Rust array type with a length', () => {
    expect(findArrays('let p: [f64; 2] = [0.4, 0.6];', 'rust').arrays[0]!.name).toBe('p');
  });
});

describe('findArrays: roles from pairs', () => {
  it('a distribution named p but passed as the prediction is not called the target', () => {
    const r = findArrays('t = [0, 1]\np = [0.3, 0.7]\nlog_loss(t, p)', 'python');
    expect(r.pairs).toHaveLength(1);
    expect(r.arrays[1]!.role).toBe('probabilities');
  });

  it('a soft-label distribution used as a target becomes the target', () => {
    const r = findArrays('a = [0.7, 0.2, 0.1]\nb = [0.6, 0.3, 0.1]\nentropy(a, b)', 'python');
    expect(r.arrays[0]!.role).toBe('target');
    expect(r.arrays[1]!.role).toBe('probabilities');
  });

  it('non-negative scores named logits are logits', () => {
    expect(findArrays('logits = [2.0, 1.0, 0.1]', 'python').arrays[0]!.role).toBe('logits');
    expect(findArrays('w = [2.0, 1.0, 0.1]', 'python').arrays[0]!.role).toBe('counts');
  });
});

describe('findArrays: names after type annotations', () => {
  it.each([
    ['const q: readonly number[] = [0.5, 0.5];', 'typescript', 'q'],
    ['let p: number[] | undefined = [0.2, 0.8];', 'typescript', 'p'],
    ['let v: Vec<f64> = vec![0.1, 0.9];', 'rust', 'v'],
    ['probs: np.ndarray = np.array([0.1, 0.9])', 'python', 'probs'],
    ['x: int\ny = [0.1, 0.9]', 'python', 'y'],
    ['std::array<double, 2> a = {0.1, 0.9};', 'cpp', 'a'],
    ['double q[2] = {0.1, 0.9};', 'c', 'q'],
  ])('%s → %s', (text, lang, name) => {
    expect(findArrays(text, lang).arrays[0]!.name).toBe(name);
  });
});

describe('gaps reported by FINDER-TESTS', () => {
  it('a backslash line continuation inside a Python list is whitespace', () => {
    const r = findArrays('q = [0.2, \\\n     0.8]', 'python');
    expect(r.arrays.map((a) => [a.name, a.values])).toEqual([['q', [0.2, 0.8]]]);
  });

  it('an unclosed bracket followed by more lines is reported', () => {
    for (const text of ['p = [0.1, 0.9\nq = 3\n', 'p = [0.1, 0.9\nq = [0.5, 0.5]\n']) {
      const r = findArrays(text, 'python');
      expect(r.issues.map((i) => i.message).join()).toMatch(/unclosed '\[' at offset 4/);
    }
    expect(findArrays('p = [0.1, 0.9\nq = [0.5, 0.5]\n', 'python').arrays.map((a) => a.name)).toEqual(['q']);
  });

  it('optional chaining ?.[ is an index, not an array', () => {
    for (const lang of ['typescript', 'javascript']) {
      const r = findArrays('const first = probs?.[0] ?? 0;\nconst p = [0.5, 0.5];', lang);
      expect(r.arrays.map((a) => a.name)).toEqual(['p']);
    }
  });
});

describe('findArrays: brackets that are not pushed (calls of no interest, subscripts)', () => {
  it('keeps literals inside calls, subscripts and blocks, with their names', () => {
    expect(texts('foo(bar[0], [1, 2])\nx = baz(qux(1))[0]\ny = [0.5, 0.5]', 'python')).toEqual([
      '[1, 2]',
      '[0.5, 0.5]',
    ]);
    const c = 'void f() { double p[] = {0.2, 0.8}; if (a[i] > (b)) { g(h(1)); } double q[] = {0.5, 0.5}; }';
    expect(findArrays(c, 'c').arrays.map((a) => [c.slice(a.start, a.end), a.name])).toEqual([
      ['{0.2, 0.8}', 'p'],
      ['{0.5, 0.5}', 'q'],
    ]);
    const js = 'if (ok(x)) { const y = [0.1, 0.9]; z[f(1)] = g(h(2)); }\nconst w = [0.3, 0.7];';
    expect(findArrays(js, 'javascript').arrays.map((a) => a.name)).toEqual(['y', 'w']);
  });

  it('a loss call with nested calls in an argument: the other argument is still known', () => {
    const r = findArrays(
      'y_true = [1, 0]\nlog_loss(y_true, np.clip(sigmoid(z), 1e-7, 1))\nlog_loss(y_true, [0.8, 0.2])',
      'python',
    );
    expect(r.pairs).toHaveLength(1);
    expect(r.pairs[0]!.reason).toMatch(/log_loss/);
  });

  it('unbalanced closers of other kinds inside a bracket do not lose the literal after it', () => {
    expect(texts('x = a[f(1]) + b)\np = [0.2, 0.8]', 'python')).toEqual(['[0.2, 0.8]']);
    expect(texts('f(a)) ] } )\nq = [0.4, 0.6]', 'javascript')).toEqual(['[0.4, 0.6]']);
  });
});

describe('gaps batch 2 from FINDER-TESTS', () => {
  it('tuple unpacking names each literal by its position', () => {
    const r = findArrays('y_true, y_pred = [0, 1], [0.2, 0.8]\na, b = [1, 2]\nf(x, [3, 4])', 'python');
    expect(r.arrays.map((a) => a.name)).toEqual(['y_true', 'y_pred', undefined, undefined]);
    expect(r.pairs.map((p) => [p.target, p.prediction])).toEqual([[0, 1]]);
  });

  it('JS destructuring has no single name', () => {
    expect(findArrays('const [a, b] = [0.5, 0.5];', 'javascript').arrays[0]!.name).toBeUndefined();
    expect(findArrays('const y: readonly [number, number] = [1, 0] as const;', 'typescript').arrays[0]!.name).toBe('y');
  });

  it("sklearn's labels= keyword is the class list, not the target", () => {
    const text = 'log_loss([1, 0], [[.1, .9], [.9, .1]], labels=[0, 1])';
    const r = findArrays(text, 'python');
    expect(
      r.pairs.map((p) => [
        text.slice(r.arrays[p.target]!.start, r.arrays[p.target]!.end),
        text.slice(r.arrays[p.prediction]!.start, r.arrays[p.prediction]!.end),
      ]),
    ).toEqual([['[1, 0]', '[[.1, .9], [.9, .1]]']]);
  });

  it('R named vectors and Rust ndarray array! macros', () => {
    const r = findArrays('x <- c(cat = 0.7, dog = 0.3)', 'r');
    expect(r.arrays.map((a) => [a.name, a.values])).toEqual([['x', [0.7, 0.3]]]);
    const rs = 'let a = ndarray::array![[0.1, 0.9], [0.4, 0.6]];\nlet b = array![0.5, 0.5];';
    expect(findArrays(rs, 'rust').arrays.map((a) => [rs.slice(a.start, a.end), a.name])).toEqual([
      ['[[0.1, 0.9], [0.4, 0.6]]', 'a'],
      ['[0.5, 0.5]', 'b'],
    ]);
  });
});

describe('methods whose arguments are shapes, not data', () => {
  it('does not name a shape after the variable the reshaped value goes to', () => {
    const r = findArrays('y = x.reshape([2, 3])\nz = torch.tensor([0.2, 0.8]).view(1, -1)', 'python');
    // The shape is not data at all; the data keeps its name.
    expect(r.arrays.map((a) => [a.values, a.name])).toEqual([[[0.2, 0.8], 'z']]);
  });
});

describe('triple-quoted strings', () => {
  it('escaped quotes inside do not end them; an escaped backslash before the end does', () => {
    expect(texts('s = """a \\""" [1, 2] """\nt = [3, 4]', 'python')).toEqual(['[3, 4]']);
    expect(texts("s = '''x\\\\'''\nt = [5, 6]", 'python')).toEqual(['[5, 6]']);
    expect(texts('s = """never closed [7, 8]', 'python')).toEqual([]);
  });
});
