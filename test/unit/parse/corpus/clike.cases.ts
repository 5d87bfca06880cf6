// C, C++, Java and C#: brace initialisers (nested braces are rows), type
// suffixes, the language constants for infinity and NaN, and the braces that
// are blocks rather than arrays.
import type { CorpusCase } from './types';

const at =
  (lang: string) =>
  (name: string, text: string, rest: Omit<CorpusCase, 'name' | 'lang' | 'text'>): CorpusCase => ({
    name,
    lang,
    text,
    ...rest,
  });
const c = at('c');
const cpp = at('cpp');
const java = at('java');
const cs = at('csharp');

export const clikeCases: CorpusCase[] = [
  // --- C --------------------------------------------------------------------------------------
  c('double array initialiser', 'double p[] = {0.7, 0.2, 0.1};\n', {
    arrays: [{ src: '{0.7, 0.2, 0.1}', name: 'p', values: [0.7, 0.2, 0.1] }],
  }),
  c('float suffixes and sized array', 'float logits[3] = {2.0f, -1.0f, 0.5f};\n', {
    arrays: [{ src: '{2.0f, -1.0f, 0.5f}', name: 'logits', values: [2, -1, 0.5], role: 'logits' }],
  }),
  c('2-D initialiser', 'static const double y[2][3] = {\n    {1, 0, 0},\n    {0, 0, 1},\n};\n', {
    arrays: [
      {
        src: '{\n    {1, 0, 0},\n    {0, 0, 1},\n}',
        name: 'y',
        values: [
          [1, 0, 0],
          [0, 0, 1],
        ],
        role: 'one-hot',
      },
    ],
  }),
  c(
    'function bodies and blocks are not arrays',
    'int main(void) {\n  if (n > 1) { return 1; }\n  foo(1, 2);\n  return 0;\n}\n',
    { arrays: [] },
  ),
  c(
    'brackets in strings, chars and comments',
    'const char *s = "{1, 2}";\nchar open = \'{\';\n/* {0.5, 0.5} */\n// {3, 4}\ndouble q[] = {0.5, 0.5};\n',
    {
      arrays: [{ src: '{0.5, 0.5}', name: 'q', values: [0.5, 0.5] }],
    },
  ),
  c('indices are not arrays', 'x = a[0];\ny = m[i][j];\nint buf[16];\n', { arrays: [] }),
  c('exponents, leading dots and long suffixes', 'double w[] = {1e-3, .5, 5., 2L, 1.5e+2f};\n', {
    arrays: [{ src: '{1e-3, .5, 5., 2L, 1.5e+2f}', name: 'w', values: [0.001, 0.5, 5, 2, 150] }],
  }),
  c('INFINITY and NAN macros are reported', '#include <math.h>\ndouble v[] = {INFINITY, -INFINITY, NAN, 1.0};\n', {
    arrays: [
      {
        src: '{INFINITY, -INFINITY, NAN, 1.0}',
        name: 'v',
        values: [Infinity, -Infinity, NaN, 1],
        issues: ['non-finite'],
      },
    ],
  }),

  // --- C++ ------------------------------------------------------------------------------------
  cpp(
    'std::vector with brace initialisation after an include',
    '#include <vector>\nstd::vector<double> q{0.2, 0.8};\n',
    {
      arrays: [{ src: '{0.2, 0.8}', name: 'q', values: [0.2, 0.8] }],
    },
  ),
  cpp('std::vector with = {...}', 'std::vector<float> probs = {0.1f, 0.6f, 0.3f};\n', {
    arrays: [{ src: '{0.1f, 0.6f, 0.3f}', name: 'probs', values: [0.1, 0.6, 0.3], role: 'probabilities' }],
  }),
  cpp('std::array and a template argument', 'std::array<double, 3> t = {0.0, 1.0, 0.0};\n', {
    arrays: [{ src: '{0.0, 1.0, 0.0}', name: 't', values: [0, 1, 0], role: 'one-hot' }],
  }),
  cpp('std::vector with brace initialisation', 'std::vector<double> q{0.2, 0.8};\n', {
    arrays: [{ src: '{0.2, 0.8}', name: 'q', values: [0.2, 0.8] }],
  }),
  cpp(
    'numeric_limits infinity is reported',
    'std::vector<double> s{1.0, -std::numeric_limits<double>::infinity()};\n',
    {
      arrays: [
        {
          src: '{1.0, -std::numeric_limits<double>::infinity()}',
          name: 's',
          values: [1, -Infinity],
          issues: ['non-finite'],
        },
      ],
    },
  ),
  cpp(
    'lambdas, classes and namespaces are blocks',
    'namespace ml {\nstruct S { int a; };\nauto f = [](int x) { return x[0]; };\n}\n',
    { arrays: [] },
  ),
  cpp('two declarators in one declaration', 'double p[3] = {0.2, 0.3, 0.5}, q[3] = {0.1, 0.1, 0.8};\n', {
    arrays: [
      { src: '{0.2, 0.3, 0.5}', name: 'p', values: [0.2, 0.3, 0.5] },
      { src: '{0.1, 0.1, 0.8}', name: 'q', values: [0.1, 0.1, 0.8] },
    ],
    pairs: [{ target: 'p', prediction: 'q' }],
  }),

  // --- Java -----------------------------------------------------------------------------------
  java('array initialiser', 'double[] p = {0.5, 0.5};\n', {
    arrays: [{ src: '{0.5, 0.5}', name: 'p', values: [0.5, 0.5] }],
  }),
  java('new double[] {...}', 'double[] q = new double[] {0.9, 0.1};\n', {
    arrays: [{ src: '{0.9, 0.1}', name: 'q', values: [0.9, 0.1] }],
  }),
  java('2-D array', 'double[][] batch = {{0.1, 0.9}, {0.6, 0.4}};\n', {
    arrays: [
      {
        src: '{{0.1, 0.9}, {0.6, 0.4}}',
        name: 'batch',
        values: [
          [0.1, 0.9],
          [0.6, 0.4],
        ],
        role: 'probabilities',
      },
    ],
  }),
  java('Double constants are reported', 'double[] v = {Double.POSITIVE_INFINITY, Double.NaN, 0.5};\n', {
    arrays: [
      {
        src: '{Double.POSITIVE_INFINITY, Double.NaN, 0.5}',
        name: 'v',
        values: [Infinity, NaN, 0.5],
        issues: ['non-finite'],
      },
    ],
  }),
  java(
    'annotations and generics are not arrays',
    '@SuppressWarnings({"unchecked"})\nMap<String, Integer> m = new HashMap<>();\nint[] idx = new int[3];\n',
    { arrays: [] },
  ),
  java(
    'List.of and Arrays.asList: the call is the literal',
    'var xs = List.of(0.5, 0.5);\nList<Double> ys = Arrays.asList(0.9, 0.1);\n',
    {
      arrays: [
        { src: 'List.of(0.5, 0.5)', name: 'xs', values: [0.5, 0.5] },
        { src: 'Arrays.asList(0.9, 0.1)', name: 'ys', values: [0.9, 0.1] },
      ],
    },
  ),
  java(
    'class body with a field initialiser',
    'public class Demo {\n  private static final double[] WEIGHTS = {0.25, 0.75};\n  void run() { System.out.println(WEIGHTS[0]); }\n}\n',
    {
      arrays: [{ src: '{0.25, 0.75}', name: 'WEIGHTS', values: [0.25, 0.75] }],
    },
  ),
  java('long suffixes with underscores', 'long[] l = {1_000L, 2L};\n', {
    arrays: [{ src: '{1_000L, 2L}', name: 'l', values: [1000, 2] }],
  }),

  // --- C# -------------------------------------------------------------------------------------
  cs('new double[] initialiser', 'var p = new double[] { 0.5, 0.5 };\n', {
    arrays: [{ src: '{ 0.5, 0.5 }', name: 'p', values: [0.5, 0.5] }],
  }),
  cs('collection expression', 'double[] q = [0.3, 0.7];\n', {
    arrays: [{ src: '[0.3, 0.7]', name: 'q', values: [0.3, 0.7] }],
  }),
  cs('float suffixes and m suffix', 'float[] f = { 0.1f, 0.9f };\n', {
    arrays: [{ src: '{ 0.1f, 0.9f }', name: 'f', values: [0.1, 0.9] }],
  }),
  cs(
    'double.PositiveInfinity and double.NaN are reported',
    'double[] v = { double.PositiveInfinity, double.NaN, 1.0 };\n',
    {
      arrays: [
        {
          src: '{ double.PositiveInfinity, double.NaN, 1.0 }',
          name: 'v',
          values: [Infinity, NaN, 1],
          issues: ['non-finite'],
        },
      ],
    },
  ),
  cs(
    'attributes and indexers are not arrays',
    '[Serializable]\npublic class C { public int this[int i] => data[i]; }\n',
    { arrays: [] },
  ),
  cs('rectangular 2-D array', 'float[,] m = { { 0.1f, 0.9f }, { 0.4f, 0.6f } };\n', {
    arrays: [
      {
        src: '{ { 0.1f, 0.9f }, { 0.4f, 0.6f } }',
        name: 'm',
        values: [
          [0.1, 0.9],
          [0.4, 0.6],
        ],
        role: 'probabilities',
      },
    ],
  }),
  cs('collection initialiser of a List', 'var l = new List<double> { 0.3, 0.7 };\n', {
    arrays: [{ src: '{ 0.3, 0.7 }', name: 'l', values: [0.3, 0.7] }],
  }),
  c('ragged initialiser rows are reported', 'double r[2][2] = {{0.1, 0.9}, {0.5}};\n', {
    arrays: [{ src: '{{0.1, 0.9}, {0.5}}', name: 'r', values: [[0.1, 0.9], [0.5]], shape: [2, 2], issues: ['ragged'] }],
  }),
  cpp(
    'brace initialisation without =, after a template',
    'template <int N> struct A {};\nA<3> a;\nfloat q[] {0.25f, 0.75f};\n',
    {
      arrays: [{ src: '{0.25f, 0.75f}', name: 'q', values: [0.25, 0.75], role: 'probabilities' }],
    },
  ),
  cpp(
    'Eigen constructor arguments and comma initialisers are not literals',
    'Eigen::Vector3d v(0.2, 0.3, 0.5);\nEigen::MatrixXd m(2, 2); m << 0.1, 0.9, 0.4, 0.6;\n',
    { arrays: [] },
  ),
  java(
    'new int[][] with rows; new float[3] is a size',
    'int[][] idx = new int[][] {{0, 1}, {1, 0}};\nfloat[] f = new float[3];\n',
    {
      arrays: [
        {
          src: '{{0, 1}, {1, 0}}',
          name: 'idx',
          values: [
            [0, 1],
            [1, 0],
          ],
          role: 'one-hot',
        },
      ],
    },
  ),
  cs(
    'implicitly typed new[] and sized new double[2]',
    'var probs = new[] { 0.2, 0.8 };\nvar arr = new double[2] { 0.5, 0.5 };\n',
    {
      arrays: [
        { src: '{ 0.2, 0.8 }', name: 'probs', values: [0.2, 0.8] },
        { src: '{ 0.5, 0.5 }', name: 'arr', values: [0.5, 0.5] },
      ],
    },
  ),
  cs(
    'exponents and leading dot; an interpolated string hides its brackets',
    'double[] p = { 1e-3, 5E+2, .5 };\nvar s = $"{x[0]} [1, 2]";\n',
    {
      arrays: [{ src: '{ 1e-3, 5E+2, .5 }', name: 'p', values: [0.001, 500, 0.5] }],
    },
  ),
  c(
    'designated initialisers: [i] = v are designators, not arrays',
    'int arr[] = { [0] = 1, [2] = 3 };\ndouble p[] = {0.5, 0.5};\n',
    {
      arrays: [{ src: '{0.5, 0.5}', name: 'p', values: [0.5, 0.5] }],
    },
  ),
];
