// R: c(...) vectors (the `c` is part of the range), <- and = bindings,
// NA/Inf/NaN, and the calls and indices that are not vectors.
import type { CorpusCase } from './types';

const r = (name: string, text: string, rest: Omit<CorpusCase, 'name' | 'lang' | 'text'>): CorpusCase => ({
  name,
  lang: 'r',
  text,
  ...rest,
});

export const rCases: CorpusCase[] = [
  r('arrow binding', 'p <- c(0.2, 0.3, 0.5)\n', {
    arrays: [{ src: 'c(0.2, 0.3, 0.5)', name: 'p', values: [0.2, 0.3, 0.5], role: 'probabilities' }], // a lone `p` is a distribution; a pair makes it the target
  }),
  r('equals binding', 'q = c(0.25, 0.25, 0.5)\n', {
    arrays: [{ src: 'c(0.25, 0.25, 0.5)', name: 'q', values: [0.25, 0.25, 0.5], role: 'probabilities' }],
  }),
  r('right-assign is still found', 'c(1, 0, 0) -> y\n', {
    arrays: [{ src: 'c(1, 0, 0)', anyName: true, values: [1, 0, 0], role: 'one-hot' }],
  }),
  r('NA, Inf, -Inf and NaN are reported', 'x <- c(0.5, NA, Inf, -Inf, NaN)\n', {
    arrays: [
      {
        src: 'c(0.5, NA, Inf, -Inf, NaN)',
        name: 'x',
        values: [0.5, NaN, Infinity, -Infinity, NaN],
        issues: ['non-finite'],
      },
    ],
  }),
  r('vector inside a call has no name', 'total <- sum(c(0.1, 0.9))\n', {
    arrays: [{ src: 'c(0.1, 0.9)', anyName: true, values: [0.1, 0.9] }],
  }),
  r('named argument names the vector', 'fit <- list(prob = c(0.7, 0.3))\n', {
    arrays: [{ src: 'c(0.7, 0.3)', name: 'prob', values: [0.7, 0.3] }],
  }),
  r('matrix(c(...), nrow = 2) reads the vector column by column', 'M <- matrix(c(0.1, 0.9, 0.4, 0.6), nrow = 2)\n', {
    arrays: [
      {
        src: 'c(0.1, 0.9, 0.4, 0.6)',
        anyName: true,
        values: [
          [0.1, 0.4],
          [0.9, 0.6],
        ],
      },
    ],
  }),
  r('functions ending in c are not vectors', 'a <- calc(1, 2)\nb <- abc(0.5, 0.5)\n', { arrays: [] }),
  r('single-bracket indices are not vectors', 'a <- x[1]\nd <- df$col[3]\n', { arrays: [] }),
  r('integer suffix L', 'labels <- c(1L, 3L, 2L)\n', {
    arrays: [{ src: 'c(1L, 3L, 2L)', name: 'labels', values: [1, 3, 2], role: 'class-indices' }],
  }),
  r('indices are not vectors', 'a <- x[1]\nb <- l[[2]]\nd <- df$col[3]\n', { arrays: [] }),
  r('comments and strings', '# p <- c(0.5, 0.5)\ns <- "c(1, 2)"\nt <- \'c(3, 4)\'\n', { arrays: [] }),
  r('empty and character vectors', 'e <- c()\nn <- c("a", "b")\n', { arrays: [] }),
  r('line breaks and leading dots', 'w <- c(.5,\n       1e-3,\n       -2)\n', {
    arrays: [{ src: 'c(.5,\n       1e-3,\n       -2)', name: 'w', values: [0.5, 0.001, -2] }],
  }),
  r('two vectors for KL divergence', 'p <- c(0.9, 0.1)\nq <- c(0.5, 0.5)\nkl <- sum(p * log(p / q))\n', {
    arrays: [
      { src: 'c(0.9, 0.1)', name: 'p', values: [0.9, 0.1], role: 'target' },
      { src: 'c(0.5, 0.5)', name: 'q', values: [0.5, 0.5], role: 'probabilities' },
    ],
    pairs: [{ target: 'p', prediction: 'q' }],
  }),
  r('two vectors on one line separated by ;', 'p <- c(0.5,0.5); q <- c(.9,.1)\n', {
    arrays: [
      { src: 'c(0.5,0.5)', name: 'p', values: [0.5, 0.5] },
      { src: 'c(.9,.1)', name: 'q', values: [0.9, 0.1] },
    ],
    pairs: [{ target: 'p', prediction: 'q' }],
  }),
  r('nested c() flattens in R, but only the inner literal is numeric here', 'y <- c(0.1, c(0.2, 0.7))\n', {
    arrays: [{ src: 'c(0.2, 0.7)', anyName: true, values: [0.2, 0.7] }],
  }),
  r('named vector elements', 'x <- c(cat = 0.7, dog = 0.3)\n', {
    arrays: [{ src: 'c(cat = 0.7, dog = 0.3)', name: 'x', values: [0.7, 0.3] }],
  }),
  r('commented-out element inside c()', 'x <- c(1,\n  # 2,\n  3)\n', {
    arrays: [{ src: 'c(1,\n  # 2,\n  3)', name: 'x', values: [1, 3] }],
  }),
];
