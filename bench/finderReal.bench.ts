// The finder on the real-code corpus of issue #11 (test/unit/parse/realCode):
// per language, arrays found, detection precision, roles right, shapes right,
// required pairs found, wrong pairs made, shape / size arguments reported as
// data, snippets fully right; then the overall row. `npm run bench -- finderReal`.
// Prints; never fails. REAL_CODE_VERBOSE=1 also lists what each snippet got wrong.
import { realCodeSnippets } from '../test/unit/parse/realCode/corpus';
import { measure, table } from '../test/unit/parse/realCode/measure';

const m = measure(realCodeSnippets);
console.log(`${realCodeSnippets.length} snippets\n`);
console.log(table(m));
console.log(
  '\nBy pattern of issue #11 (1 arguments bound after the call, 2 shapes, 3 fractions, 4 names vs evidence, 5 binary,',
);
console.log(
  '6 logits, 7 column-wise, 8 inside strings, 9 constructors / unknown callees, 10 independent neighbours):\n',
);
console.log(table(m, 'tags'));
if (process.env.REAL_CODE_VERBOSE === '1') {
  console.log('');
  for (const s of m.snippets) if (s.problems.length) console.log(`- [${s.group}] ${s.id}: ${s.problems.join('; ')}`);
}
