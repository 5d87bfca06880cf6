;; SIMD kernels of the compute core (f64x2, plain WebAssembly SIMD: no relaxed
;; SIMD, so every host gives the same bits). Built by scripts/build-wasm.mjs into
;; kernelsBytes.ts; driven by ../simd.ts, which copies the input in chunks to P
;; (and Q) and calls a kernel per chunk. The kernels carry the same formulas and
;; the same operations in the same order per element as the JavaScript kernels
;; (log.ts, fused.ts, kernels.ts), so every term is bit-identical; only the order
;; of the (compensated) summation differs.
;;
;; Memory (3 pages):
;;   0    state, v128 each: 0 S, 16 C (two-sum of the terms), 32 Σp, 48 bad (sign
;;        bit set in a lane that saw a value outside [0, 1], NaN or -0),
;;        64 infinite mask, 80 DS, 96 DC (two-sum of the near p - q), 112 special
;;        mask (a term the kernel does not compute: redo in JavaScript), 128 Σq
;;   256  log table A: (c, 1/c) per mantissa point j = 0..256, 16 bytes each
;;   4608 log table B: (log c, 0) per j, 16 bytes each (filled by simd.ts from log.ts)
;;   9216 constants (init)
;;   16384 P, 32768 bytes (CHUNK = 4096 doubles); 49152 Q; 81920 R (KL's ratios); 114688 L (logs)
;;   147456 log table E: (k ln2_hi, k ln2_lo), k = e - 1023, per biased exponent e = 0..2047,
;;        16 bytes each (filled by simd.ts: the products fastLog computes)
;;   180224 NEAR: offsets of KL's pairs with a lane near 1 (p/q within 2^-7), 4 bytes each
(module
  (memory (export "memory") 3)

;; Constants, stored once by init at 9216 + 16 i: a constant written in a loop
  ;; is rebuilt at each use by V8 (three instructions), a load from memory is one.
  (func (export "init")
    (v128.store (i32.const 9216) (v128.const i64x2 0x7fffffffffffffff 0x7fffffffffffffff))
    (v128.store (i32.const 9232) (v128.const i64x2 0x800fffffffffffff 0x800fffffffffffff))
    (v128.store (i32.const 9248) (v128.const i64x2 0x7ff0000000000000 0x7ff0000000000000))
    (v128.store (i32.const 9264) (v128.const i64x2 0xbfe0000000000000 0xbfe0000000000000))
    (v128.store (i32.const 9328) (v128.const i64x2 0x000fffffffffffff 0x000fffffffffffff))
    (v128.store (i32.const 9344) (v128.const i64x2 0x3ff0000000000000 0x3ff0000000000000))
    (v128.store (i32.const 9392) (v128.const f64x2 -0.5 -0.5))
    (v128.store (i32.const 9408) (v128.const f64x2 0x1.5555555555555p-2 0x1.5555555555555p-2))
    (v128.store (i32.const 9424) (v128.const f64x2 -0.25 -0.25))
    (v128.store (i32.const 9440) (v128.const f64x2 0x1.999999999999ap-3 0x1.999999999999ap-3))
    (v128.store (i32.const 9456) (v128.const f64x2 -0x1.5555555555555p-3 -0x1.5555555555555p-3))
    (v128.store (i32.const 9520) (v128.const f64x2 1 1))
    (v128.store (i32.const 9536) (v128.const f64x2 0x1.02p0 0x1.02p0))
    (v128.store (i32.const 9552) (v128.const f64x2 0x1.fcp-1 0x1.fcp-1))
    (v128.store (i32.const 9568) (v128.const f64x2 inf inf))
    (v128.store (i32.const 9584) (v128.const f64x2 -708.39 -708.39)))

  ;; log of the n doubles at $src into $dst (n even; $dst may be $src; when n is
  ;; not a multiple of 4 the two doubles after the n are logged too), as
  ;; log.ts's fastLog, bit for bit, for normal doubles: exponent and the nearest
  ;; of 256 mantissa points c from the high bits, r = (m - c)·(1/c), a degree-6
  ;; polynomial; k ln2_hi and k ln2_lo are read from table E rather than
  ;; computed (k's conversion and two products: four vector operations per pair
  ;; fewer). Lanes that are subnormal, 0, negative, infinite or NaN give a
  ;; meaningless but finite value (the table offsets stay in range): the term
  ;; kernels mask them, or leave the call to JavaScript where it matters (a
  ;; subnormal), so that no lane pays for a branch.
  (func $logs (param $src i32) (param $dst i32) (param $n i32)
    (local $end i32) (local $x v128)
    (local $a0 v128) (local $a1 v128) (local $o0 i32) (local $o1 i32)
    (local $r v128) (local $r2 v128) (local $res v128)
    (local $h0 i32) (local $h1 i32) (local $e0 v128) (local $e1 v128)
    (local $MANT v128) (local $ONE v128) (local $P2 v128) (local $P3 v128) (local $P4 v128) (local $P5 v128)
    (local $P6 v128)
    (local.set $MANT (v128.load (i32.const 9328)))
    (local.set $ONE (v128.load (i32.const 9344)))
    (local.set $P2 (v128.load (i32.const 9392)))
    (local.set $P3 (v128.load (i32.const 9408)))
    (local.set $P4 (v128.load (i32.const 9424)))
    (local.set $P5 (v128.load (i32.const 9440)))
    (local.set $P6 (v128.load (i32.const 9456)))
    ;; n rounded up to a multiple of 4: an extra pair reads and writes the
    ;; next two doubles of the same 32 KiB region (n < 4096 then), unused
    (local.set $end
      (i32.add (local.get $src) (i32.shl (i32.and (i32.add (local.get $n) (i32.const 2)) (i32.const -4)) (i32.const 3))))
    (loop $next
      (local.set $x (v128.load (local.get $src)))
      ;; table offsets from the high words in memory: integer work off the vector
      ;; units. Table A, B: 16 j, j = ((hi & 0xfffff) + 0x800) >>> 12.
      (local.set $h0 (i32.load offset=4 (local.get $src)))
      (local.set $h1 (i32.load offset=12 (local.get $src)))
      (local.set $o0
        (i32.shl
          (i32.shr_u (i32.add (i32.and (local.get $h0) (i32.const 0xfffff)) (i32.const 0x800)) (i32.const 12))
          (i32.const 4)))
      (local.set $o1
        (i32.shl
          (i32.shr_u (i32.add (i32.and (local.get $h1) (i32.const 0xfffff)) (i32.const 0x800)) (i32.const 12))
          (i32.const 4)))
      (local.set $a0 (v128.load offset=256 (local.get $o0)))
      (local.set $a1 (v128.load offset=256 (local.get $o1)))
      ;; Table E: 16 (e + adj), adj = 1 when c > sqrt 2 (j >= 107, hi & 0xfffff >=
      ;; 0x6a800): adding 0x100000 - 0x6a800 to the high word carries into the
      ;; exponent exactly then. The mask keeps any lane's offset in the table.
      (local.set $e0
        (v128.load offset=147456
          (i32.and (i32.shr_u (i32.add (local.get $h0) (i32.const 0x95800)) (i32.const 16)) (i32.const 0x7ff0))))
      (local.set $e1
        (v128.load offset=147456
          (i32.and (i32.shr_u (i32.add (local.get $h1) (i32.const 0x95800)) (i32.const 16)) (i32.const 0x7ff0))))
      ;; r = (m - c)·(1/c), m the mantissa in [1, 2)
      (local.set $r
        (f64x2.mul
          (f64x2.sub
            (v128.or (v128.and (local.get $x) (local.get $MANT)) (local.get $ONE))
            (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $a0) (local.get $a1)))
          (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $a0) (local.get $a1))))
      (local.set $r2 (f64x2.mul (local.get $r) (local.get $r)))
      ;; k ln2_hi + log c + (r + (k ln2_lo + poly)),
      ;; poly = r2 (-1/2 + r/3 + r2 (-1/4 + r/5 + r2 (-1/6)))
      (local.set $res
        (f64x2.add
          (f64x2.add
            (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $e0) (local.get $e1))
            (v128.load64_lane offset=4608 1 (local.get $o1)
              (v128.load64_zero offset=4608 (local.get $o0))))
          (f64x2.add
            (local.get $r)
            (f64x2.add
              (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $e0) (local.get $e1))
              (f64x2.mul
                (local.get $r2)
                (f64x2.add
                  (f64x2.add (local.get $P2) (f64x2.mul (local.get $r) (local.get $P3)))
                  (f64x2.mul
                    (local.get $r2)
                    (f64x2.add
                      (f64x2.add (local.get $P4) (f64x2.mul (local.get $r) (local.get $P5)))
                      (f64x2.mul
                        (local.get $r2)
                        (local.get $P6))))))))))
      (v128.store (local.get $dst) (local.get $res))
      ;; the next pair, as above: two pairs per iteration halve the loop's
      ;; overhead (its stack check, counters and branch), 2-4 % of the log pass
      (local.set $x (v128.load offset=16 (local.get $src)))
      (local.set $h0 (i32.load offset=20 (local.get $src)))
      (local.set $h1 (i32.load offset=28 (local.get $src)))
      (local.set $o0
        (i32.shl
          (i32.shr_u (i32.add (i32.and (local.get $h0) (i32.const 0xfffff)) (i32.const 0x800)) (i32.const 12))
          (i32.const 4)))
      (local.set $o1
        (i32.shl
          (i32.shr_u (i32.add (i32.and (local.get $h1) (i32.const 0xfffff)) (i32.const 0x800)) (i32.const 12))
          (i32.const 4)))
      (local.set $a0 (v128.load offset=256 (local.get $o0)))
      (local.set $a1 (v128.load offset=256 (local.get $o1)))
      (local.set $e0
        (v128.load offset=147456
          (i32.and (i32.shr_u (i32.add (local.get $h0) (i32.const 0x95800)) (i32.const 16)) (i32.const 0x7ff0))))
      (local.set $e1
        (v128.load offset=147456
          (i32.and (i32.shr_u (i32.add (local.get $h1) (i32.const 0x95800)) (i32.const 16)) (i32.const 0x7ff0))))
      (local.set $r
        (f64x2.mul
          (f64x2.sub
            (v128.or (v128.and (local.get $x) (local.get $MANT)) (local.get $ONE))
            (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $a0) (local.get $a1)))
          (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $a0) (local.get $a1))))
      (local.set $r2 (f64x2.mul (local.get $r) (local.get $r)))
      (local.set $res
        (f64x2.add
          (f64x2.add
            (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $e0) (local.get $e1))
            (v128.load64_lane offset=4608 1 (local.get $o1)
              (v128.load64_zero offset=4608 (local.get $o0))))
          (f64x2.add
            (local.get $r)
            (f64x2.add
              (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $e0) (local.get $e1))
              (f64x2.mul
                (local.get $r2)
                (f64x2.add
                  (f64x2.add (local.get $P2) (f64x2.mul (local.get $r) (local.get $P3)))
                  (f64x2.mul
                    (local.get $r2)
                    (f64x2.add
                      (f64x2.add (local.get $P4) (f64x2.mul (local.get $r) (local.get $P5)))
                      (f64x2.mul
                        (local.get $r2)
                        (local.get $P6))))))))))
      (v128.store offset=16 (local.get $dst) (local.get $res))
      (local.set $dst (i32.add (local.get $dst) (i32.const 32)))
      (local.set $src (i32.add (local.get $src) (i32.const 32)))
      (br_if $next (i32.lt_u (local.get $src) (local.get $end)))))

  ;; Starts a new sum: zero sums, masks clear.
  (func (export "reset")
    (v128.store (i32.const 0) (v128.const i64x2 0 0))
    (v128.store (i32.const 16) (v128.const i64x2 0 0))
    (v128.store (i32.const 32) (v128.const i64x2 0 0))
    (v128.store (i32.const 48) (v128.const i64x2 0 0))
    (v128.store (i32.const 64) (v128.const i64x2 0 0))
    (v128.store (i32.const 80) (v128.const i64x2 0 0))
    (v128.store (i32.const 96) (v128.const i64x2 0 0))
    (v128.store (i32.const 112) (v128.const i64x2 0 0))
    (v128.store (i32.const 128) (v128.const i64x2 0 0)))

  ;; log of the n doubles at P into L (n even), for the tests (simd.ts scales subnormals).
  (func (export "log") (param $n i32)
    (call $logs (i32.const 16384) (i32.const 114688) (local.get $n)))

;; The term kernels below read P (and Q) and the logs in L, at P + 98304.
  ;; Validation, Σp and Σq are in the same pass: a double in [+0, 1] has, as a signed
  ;; 64-bit integer, its sign bit clear and is at most 1.0's bits; anything else
  ;; (negative, -0, above 1, infinite, NaN) sets a sign bit in the bad lanes. So
  ;; does a subnormal whose log is taken (p for entropy and KL, q for cross-entropy),
  ;; found as bits + (2^63 - 1) < 2^63 + 2^52 - 1 (signed), i.e. 0 < bits < 2^52
  ;; (cross-entropy: below): JavaScript takes those rare calls.
  ;; Entropy and cross-entropy sum p log p and p log q (simd.ts negates).
  ;; Their terms all have one sign, so on long arrays (simd.ts asks for quads)
  ;; the first 8·quads elements go four pairs per iteration, the four pairs'
  ;; terms added before one two-sum: the two-sum's six operations per pair
  ;; were a third of the loop. Each of those additions rounds by at most half
  ;; an ulp of a partial sum of same-signed terms, so together they stay within
  ;; an ulp of the total (and average out in practice). The other elements, and
  ;; every element of a short array, go one pair per two-sum: the compensated
  ;; sum of every term, as on the JavaScript path.

  ;; Entropy terms p log p of the n doubles at P (n even, padded with 0), the
  ;; first 8·quads four pairs at a time. No mask: the log of 0 is finite here,
  ;; and 0 times it is 0.
  (func (export "entropy") (param $n i32) (param $quads i32)
    (local $i i32) (local $end i32) (local $ONE v128)
    (local $x v128) (local $v v128) (local $s v128) (local $c v128) (local $t v128) (local $z v128)
    (local $mass v128) (local $ok v128) (local $SUBBIAS v128) (local $SUBMAX v128)
    (local $qend i32) (local $v0 v128) (local $v1 v128) (local $v2 v128) (local $v3 v128)
    (call $logs (i32.const 16384) (i32.const 114688) (local.get $n))
    (local.set $ONE (v128.load (i32.const 9520)))
    (local.set $SUBBIAS (v128.load (i32.const 9216)))
    (local.set $SUBMAX (v128.load (i32.const 9232)))
    (local.set $s (v128.load (i32.const 0)))
    (local.set $c (v128.load (i32.const 16)))
    (local.set $mass (v128.load (i32.const 32)))
    (local.set $ok (v128.load (i32.const 48)))
    (local.set $i (i32.const 16384))
    (local.set $end (i32.add (i32.const 16384) (i32.shl (local.get $n) (i32.const 3))))
    (local.set $qend (i32.add (i32.const 16384) (i32.shl (local.get $quads) (i32.const 6))))
    (if (i32.lt_u (local.get $i) (local.get $qend))
      (then
        (loop $quad
          (local.set $x (v128.load (local.get $i)))
          (local.set $ok
            (v128.or (local.get $ok)
              (v128.or
                (v128.or (local.get $x) (i64x2.gt_s (local.get $x) (local.get $ONE)))
                (i64x2.gt_s (local.get $SUBMAX) (i64x2.add (local.get $x) (local.get $SUBBIAS))))))
          (local.set $mass (f64x2.add (local.get $mass) (local.get $x)))
          (local.set $v0 (f64x2.mul (local.get $x) (v128.load offset=98304 (local.get $i))))
          (local.set $x (v128.load offset=16 (local.get $i)))
          (local.set $ok
            (v128.or (local.get $ok)
              (v128.or
                (v128.or (local.get $x) (i64x2.gt_s (local.get $x) (local.get $ONE)))
                (i64x2.gt_s (local.get $SUBMAX) (i64x2.add (local.get $x) (local.get $SUBBIAS))))))
          (local.set $mass (f64x2.add (local.get $mass) (local.get $x)))
          (local.set $v1 (f64x2.mul (local.get $x) (v128.load offset=98320 (local.get $i))))
          (local.set $x (v128.load offset=32 (local.get $i)))
          (local.set $ok
            (v128.or (local.get $ok)
              (v128.or
                (v128.or (local.get $x) (i64x2.gt_s (local.get $x) (local.get $ONE)))
                (i64x2.gt_s (local.get $SUBMAX) (i64x2.add (local.get $x) (local.get $SUBBIAS))))))
          (local.set $mass (f64x2.add (local.get $mass) (local.get $x)))
          (local.set $v2 (f64x2.mul (local.get $x) (v128.load offset=98336 (local.get $i))))
          (local.set $x (v128.load offset=48 (local.get $i)))
          (local.set $ok
            (v128.or (local.get $ok)
              (v128.or
                (v128.or (local.get $x) (i64x2.gt_s (local.get $x) (local.get $ONE)))
                (i64x2.gt_s (local.get $SUBMAX) (i64x2.add (local.get $x) (local.get $SUBBIAS))))))
          (local.set $mass (f64x2.add (local.get $mass) (local.get $x)))
          (local.set $v3 (f64x2.mul (local.get $x) (v128.load offset=98352 (local.get $i))))
          ;; the four pairs' terms, added before the two-sum (above)
          (local.set $v
            (f64x2.add
              (f64x2.add (local.get $v0) (local.get $v1))
              (f64x2.add (local.get $v2) (local.get $v3))))
          ;; s and v are <= 0: the larger in magnitude is the lesser, and
          ;; (a - t) + b is the exact error of t = s + v (Fast2Sum)
          (local.set $t (f64x2.add (local.get $s) (local.get $v)))
          (local.set $c
            (f64x2.add (local.get $c)
              (f64x2.add
                (f64x2.sub (f64x2.pmin (local.get $s) (local.get $v)) (local.get $t))
                (f64x2.pmax (local.get $s) (local.get $v)))))
          (local.set $s (local.get $t))
          (local.set $i (i32.add (local.get $i) (i32.const 64)))
          (br_if $quad (i32.lt_u (local.get $i) (local.get $qend))))))
    (if (i32.lt_u (local.get $i) (local.get $end))
      (then
        (loop $pair
          (local.set $x (v128.load (local.get $i)))
          (local.set $ok
            (v128.or (local.get $ok)
              (v128.or
                (v128.or (local.get $x) (i64x2.gt_s (local.get $x) (local.get $ONE)))
                (i64x2.gt_s (local.get $SUBMAX) (i64x2.add (local.get $x) (local.get $SUBBIAS))))))
          (local.set $mass (f64x2.add (local.get $mass) (local.get $x)))
          (local.set $v (f64x2.mul (local.get $x) (v128.load offset=98304 (local.get $i))))
          ;; the two-sum, as above
          (local.set $t (f64x2.add (local.get $s) (local.get $v)))
          (local.set $c
            (f64x2.add (local.get $c)
              (f64x2.add
                (f64x2.sub (f64x2.pmin (local.get $s) (local.get $v)) (local.get $t))
                (f64x2.pmax (local.get $s) (local.get $v)))))
          (local.set $s (local.get $t))
          (local.set $i (i32.add (local.get $i) (i32.const 16)))
          (br_if $pair (i32.lt_u (local.get $i) (local.get $end))))))
    (v128.store (i32.const 0) (local.get $s))
    (v128.store (i32.const 16) (local.get $c))
    (v128.store (i32.const 32) (local.get $mass))
    (v128.store (i32.const 48) (local.get $ok)))

  ;; Cross-entropy terms p log q of the pairs at P, Q (n even, padded with 0;
  ;; the first 8·quads four pairs at a time, as entropy; no mask either: where
  ;; q = 0 and p > 0 the result is +Infinity anyway), and the infinite mask (p's bits where q = 0: not zero where p > 0). The
  ;; loop checks q on its log L rather than on its bits: a q with its sign bit
  ;; clear has L in [-708.39, -0] only when it is a normal double in
  ;; (e^-708.39, 1) (the log of 0, of a subnormal, NaN or a low exponent wrapped
  ;; by the table offset is below -708.39 (-708.3964 at most); of 1 it is +0, of
  ;; anything above 1 positive), and as signed 64-bit integers those L are
  ;; exactly the ones at most LMAX's (-708.39's bits). So one compare flags every
  ;; lane that needs a closer look (a sign bit goes to the bad lanes with p's),
  ;; and only a chunk with a flagged lane (q = 0 or 1, typically) takes a second
  ;; loop with the exact checks of q and the infinite mask: four vector
  ;; operations per pair fewer in the loop, 5-7 % of the kernel.
  (func (export "crossEntropy") (param $n i32) (param $quads i32)
    (local $i i32) (local $end i32) (local $ONE v128) (local $LMAX v128)
    (local $x v128) (local $y v128) (local $l v128) (local $v v128) (local $s v128) (local $c v128) (local $t v128)
    (local $mass v128) (local $massq v128) (local $ok v128) (local $odd v128) (local $inf v128) (local $qz v128)
    (local $qend i32) (local $v0 v128) (local $v1 v128) (local $v2 v128) (local $v3 v128)
    (call $logs (i32.const 49152) (i32.const 114688) (local.get $n))
    (local.set $ONE (v128.load (i32.const 9520)))
    (local.set $LMAX (v128.load (i32.const 9584)))
    (local.set $s (v128.load (i32.const 0)))
    (local.set $c (v128.load (i32.const 16)))
    (local.set $mass (v128.load (i32.const 32)))
    (local.set $ok (v128.load (i32.const 48)))
    (local.set $massq (v128.load (i32.const 128)))
    (local.set $i (i32.const 16384))
    (local.set $end (i32.add (i32.const 16384) (i32.shl (local.get $n) (i32.const 3))))
    (local.set $qend (i32.add (i32.const 16384) (i32.shl (local.get $quads) (i32.const 6))))
    (if (i32.lt_u (local.get $i) (local.get $qend))
      (then
        (loop $quad
          (local.set $x (v128.load (local.get $i)))
          (local.set $y (v128.load offset=32768 (local.get $i)))
          (local.set $l (v128.load offset=98304 (local.get $i)))
          (local.set $ok
            (v128.or (local.get $ok)
              (v128.or
                (v128.or (local.get $x) (local.get $y))
                (i64x2.gt_s (local.get $x) (local.get $ONE)))))
          (local.set $odd (v128.or (local.get $odd) (i64x2.gt_s (local.get $l) (local.get $LMAX))))
          (local.set $mass (f64x2.add (local.get $mass) (local.get $x)))
          (local.set $massq (f64x2.add (local.get $massq) (local.get $y)))
          (local.set $v0 (f64x2.mul (local.get $x) (local.get $l)))
          (local.set $x (v128.load offset=16 (local.get $i)))
          (local.set $y (v128.load offset=32784 (local.get $i)))
          (local.set $l (v128.load offset=98320 (local.get $i)))
          (local.set $ok
            (v128.or (local.get $ok)
              (v128.or
                (v128.or (local.get $x) (local.get $y))
                (i64x2.gt_s (local.get $x) (local.get $ONE)))))
          (local.set $odd (v128.or (local.get $odd) (i64x2.gt_s (local.get $l) (local.get $LMAX))))
          (local.set $mass (f64x2.add (local.get $mass) (local.get $x)))
          (local.set $massq (f64x2.add (local.get $massq) (local.get $y)))
          (local.set $v1 (f64x2.mul (local.get $x) (local.get $l)))
          (local.set $x (v128.load offset=32 (local.get $i)))
          (local.set $y (v128.load offset=32800 (local.get $i)))
          (local.set $l (v128.load offset=98336 (local.get $i)))
          (local.set $ok
            (v128.or (local.get $ok)
              (v128.or
                (v128.or (local.get $x) (local.get $y))
                (i64x2.gt_s (local.get $x) (local.get $ONE)))))
          (local.set $odd (v128.or (local.get $odd) (i64x2.gt_s (local.get $l) (local.get $LMAX))))
          (local.set $mass (f64x2.add (local.get $mass) (local.get $x)))
          (local.set $massq (f64x2.add (local.get $massq) (local.get $y)))
          (local.set $v2 (f64x2.mul (local.get $x) (local.get $l)))
          (local.set $x (v128.load offset=48 (local.get $i)))
          (local.set $y (v128.load offset=32816 (local.get $i)))
          (local.set $l (v128.load offset=98352 (local.get $i)))
          (local.set $ok
            (v128.or (local.get $ok)
              (v128.or
                (v128.or (local.get $x) (local.get $y))
                (i64x2.gt_s (local.get $x) (local.get $ONE)))))
          (local.set $odd (v128.or (local.get $odd) (i64x2.gt_s (local.get $l) (local.get $LMAX))))
          (local.set $mass (f64x2.add (local.get $mass) (local.get $x)))
          (local.set $massq (f64x2.add (local.get $massq) (local.get $y)))
          (local.set $v3 (f64x2.mul (local.get $x) (local.get $l)))
          ;; the four pairs' terms, added before the two-sum (above)
          (local.set $v
            (f64x2.add
              (f64x2.add (local.get $v0) (local.get $v1))
              (f64x2.add (local.get $v2) (local.get $v3))))
          ;; s and v are <= 0: the larger in magnitude is the lesser, and
          ;; (a - t) + b is the exact error of t = s + v (Fast2Sum)
          (local.set $t (f64x2.add (local.get $s) (local.get $v)))
          (local.set $c
            (f64x2.add (local.get $c)
              (f64x2.add
                (f64x2.sub (f64x2.pmin (local.get $s) (local.get $v)) (local.get $t))
                (f64x2.pmax (local.get $s) (local.get $v)))))
          (local.set $s (local.get $t))
          (local.set $i (i32.add (local.get $i) (i32.const 64)))
          (br_if $quad (i32.lt_u (local.get $i) (local.get $qend))))))
    (if (i32.lt_u (local.get $i) (local.get $end))
      (then
        (loop $pair
          (local.set $x (v128.load (local.get $i)))
          (local.set $y (v128.load offset=32768 (local.get $i)))
          (local.set $l (v128.load offset=98304 (local.get $i)))
          (local.set $ok
            (v128.or (local.get $ok)
              (v128.or
                (v128.or (local.get $x) (local.get $y))
                (i64x2.gt_s (local.get $x) (local.get $ONE)))))
          (local.set $odd (v128.or (local.get $odd) (i64x2.gt_s (local.get $l) (local.get $LMAX))))
          (local.set $mass (f64x2.add (local.get $mass) (local.get $x)))
          (local.set $massq (f64x2.add (local.get $massq) (local.get $y)))
          (local.set $v (f64x2.mul (local.get $x) (local.get $l)))
          ;; the two-sum, as above
          (local.set $t (f64x2.add (local.get $s) (local.get $v)))
          (local.set $c
            (f64x2.add (local.get $c)
              (f64x2.add
                (f64x2.sub (f64x2.pmin (local.get $s) (local.get $v)) (local.get $t))
                (f64x2.pmax (local.get $s) (local.get $v)))))
          (local.set $s (local.get $t))
          (local.set $i (i32.add (local.get $i) (i32.const 16)))
          (br_if $pair (i32.lt_u (local.get $i) (local.get $end))))))
    (v128.store (i32.const 0) (local.get $s))
    (v128.store (i32.const 16) (local.get $c))
    (v128.store (i32.const 32) (local.get $mass))
    (v128.store (i32.const 128) (local.get $massq))
    ;; q exactly: valid when 0 or in [2^-1022, 1], in one compare: bits +
    ;; 0x7ff0... maps [2^-1022, 1] to the signed range up to 0xbfe0..., anything
    ;; else above it; and the infinite mask
    (if (v128.any_true (local.get $odd))
      (then
        (local.set $inf (v128.load (i32.const 64)))
        (local.set $i (i32.const 16384))
        (loop $exact
          (local.set $y (v128.load offset=32768 (local.get $i)))
          (local.set $qz (i64x2.eq (local.get $y) (v128.const i64x2 0 0)))
          (local.set $ok
            (v128.or (local.get $ok)
              (v128.andnot
                (i64x2.gt_s (i64x2.add (local.get $y) (v128.load (i32.const 9248))) (v128.load (i32.const 9264)))
                (local.get $qz))))
          (local.set $inf (v128.or (local.get $inf) (v128.and (local.get $qz) (v128.load (local.get $i)))))
          (local.set $i (i32.add (local.get $i) (i32.const 16)))
          (br_if $exact (i32.lt_u (local.get $i) (local.get $end))))
        (v128.store (i32.const 64) (local.get $inf))))
    (v128.store (i32.const 48) (local.get $ok)))

  ;; KL terms of the pairs at P, Q (n even, padded with 0), as kernels.ts's
  ;; klRange: p log(p/q) where p/q is far from 1; q·φ(r) = D·r·(φ(r)/r²),
  ;; D = p - q, r = D/q where p/q is within 2^-7 of 1, with D into the two-sum
  ;; DS, DC; the sums are two-sums (Knuth), the terms having either sign. The
  ;; ratios go to R (P + 65536) and their logs to L first. A ratio of +Infinity
  ;; (q = 0 or subnormal where p > 0) sets the special mask: JavaScript redoes
  ;; the call. The near terms are rare: the first loop, without a branch, only
  ;; lists the pairs that have one (at NEAR), and a second loop computes them;
  ;; a branch in the first loop made V8 keep its sums in memory across it. The
  ;; checks and Σp, Σq are in the ratio loop, whose pace the divider sets: there
  ;; the vector units have room for them (9 % off the kernel).
  (func (export "kl") (param $n i32)
    (local $i i32) (local $end i32) (local $list i32) (local $ONE v128) (local $NEARHI v128) (local $NEARLO v128)
    (local $x v128) (local $y v128) (local $v v128) (local $s v128) (local $c v128) (local $t v128) (local $z v128)
    (local $mass v128) (local $massq v128) (local $ok v128) (local $special v128)
    (local $ratio v128) (local $near v128)
    (local $d v128) (local $r v128) (local $ds v128) (local $dc v128)
    (local.set $i (i32.const 16384))
    (local.set $end (i32.add (i32.const 16384) (i32.shl (local.get $n) (i32.const 3))))
    (local.set $ONE (v128.load (i32.const 9520)))
    (local.set $mass (v128.load (i32.const 32)))
    (local.set $ok (v128.load (i32.const 48)))
    (local.set $massq (v128.load (i32.const 128)))
    (loop $ratios
      (local.set $x (v128.load (local.get $i)))
      (local.set $y (v128.load offset=32768 (local.get $i)))
      (v128.store offset=65536 (local.get $i) (f64x2.div (local.get $x) (local.get $y)))
      (local.set $ok
        (v128.or (local.get $ok)
          (v128.or
            (v128.or (local.get $x) (local.get $y))
            (v128.or
              (v128.or
                (i64x2.gt_s (local.get $x) (local.get $ONE))
                (i64x2.gt_s (local.get $y) (local.get $ONE)))
              ;; p/q >= p (q <= 1): a subnormal ratio needs a subnormal p
              (i64x2.gt_s (v128.load (i32.const 9232)) (i64x2.add (local.get $x) (v128.load (i32.const 9216))))))))
      (local.set $mass (f64x2.add (local.get $mass) (local.get $x)))
      (local.set $massq (f64x2.add (local.get $massq) (local.get $y)))
      (local.set $i (i32.add (local.get $i) (i32.const 16)))
      (br_if $ratios (i32.lt_u (local.get $i) (local.get $end))))
    (call $logs (i32.const 81920) (i32.const 114688) (local.get $n))
    (local.set $NEARHI (v128.load (i32.const 9536)))
    (local.set $NEARLO (v128.load (i32.const 9552)))
    (local.set $s (v128.load (i32.const 0)))
    (local.set $c (v128.load (i32.const 16)))
    (local.set $special (v128.load (i32.const 112)))
    (local.set $list (i32.const 180224))
    (local.set $i (i32.const 16384))
    (loop $next
      (local.set $x (v128.load (local.get $i)))
      (local.set $ratio (v128.load offset=65536 (local.get $i)))
      ;; p = 0 gives a ratio of 0 or NaN: never near, and p log(p/q) = 0 times a finite log
      (local.set $near
        (v128.and
          (f64x2.lt (local.get $ratio) (local.get $NEARHI))
          (f64x2.gt (local.get $ratio) (local.get $NEARLO))))
      ;; with q <= 1, p/q >= p never underflows; it is +Infinity only for p > 0
      ;; where q = 0 (KL = +Infinity) or q is subnormal: both are left to JavaScript
      (local.set $special
        (v128.or (local.get $special) (f64x2.eq (local.get $ratio) (v128.load (i32.const 9568)))))
      (local.set $v
        (v128.andnot
          (f64x2.mul (local.get $x) (v128.load offset=98304 (local.get $i)))
          (local.get $near)))
      ;; the pair's offset goes to the list, which advances only if a lane is near
      (i32.store (local.get $list) (local.get $i))
      (local.set $list (i32.add (local.get $list) (i32.shl (v128.any_true (local.get $near)) (i32.const 2))))
      (local.set $t (f64x2.add (local.get $s) (local.get $v)))
      (local.set $z (f64x2.sub (local.get $t) (local.get $s)))
      (local.set $c
        (f64x2.add (local.get $c)
          (f64x2.add
            (f64x2.sub (local.get $s) (f64x2.sub (local.get $t) (local.get $z)))
            (f64x2.sub (local.get $v) (local.get $z)))))
      (local.set $s (local.get $t))
      (local.set $i (i32.add (local.get $i) (i32.const 16)))
      (br_if $next (i32.lt_u (local.get $i) (local.get $end))))
    (local.set $ds (v128.load (i32.const 80)))
    (local.set $dc (v128.load (i32.const 96)))
    (local.set $end (local.get $list))
    (local.set $list (i32.const 180224))
    (block $done
      (loop $near
        (br_if $done (i32.ge_u (local.get $list) (local.get $end)))
        (local.set $i (i32.load (local.get $list)))
        (local.set $x (v128.load (local.get $i)))
        (local.set $y (v128.load offset=32768 (local.get $i)))
        (local.set $ratio (v128.load offset=65536 (local.get $i)))
        (local.set $near
          (v128.and
            (f64x2.lt (local.get $ratio) (local.get $NEARHI))
            (f64x2.gt (local.get $ratio) (local.get $NEARLO))))
        (local.set $d (v128.and (f64x2.sub (local.get $x) (local.get $y)) (local.get $near)))
        (local.set $r (f64x2.div (local.get $d) (local.get $y)))
        ;; φ(r)/r² = 0.5 - r(1/6 - r(1/12 - r(1/20 - r(1/30 - r(1/42 - r(1/56 - r(1/72 - r/90)))))))
        (local.set $v
          (v128.and
            (local.get $near)
            (f64x2.mul
              (f64x2.mul (local.get $d) (local.get $r))
              (f64x2.sub (v128.const f64x2 0.5 0.5) (f64x2.mul (local.get $r)
              (f64x2.sub (v128.const f64x2 0x1.5555555555555p-3 0x1.5555555555555p-3) (f64x2.mul (local.get $r)
              (f64x2.sub (v128.const f64x2 0x1.5555555555555p-4 0x1.5555555555555p-4) (f64x2.mul (local.get $r)
              (f64x2.sub (v128.const f64x2 0x1.999999999999ap-5 0x1.999999999999ap-5) (f64x2.mul (local.get $r)
              (f64x2.sub (v128.const f64x2 0x1.1111111111111p-5 0x1.1111111111111p-5) (f64x2.mul (local.get $r)
              (f64x2.sub (v128.const f64x2 0x1.8618618618618p-6 0x1.8618618618618p-6) (f64x2.mul (local.get $r)
              (f64x2.sub (v128.const f64x2 0x1.2492492492492p-6 0x1.2492492492492p-6) (f64x2.mul (local.get $r)
              (f64x2.sub (v128.const f64x2 0x1.c71c71c71c71cp-7 0x1.c71c71c71c71cp-7)
                (f64x2.div (local.get $r) (v128.const f64x2 90 90))))))))))))))))))))
        (local.set $t (f64x2.add (local.get $s) (local.get $v)))
        (local.set $z (f64x2.sub (local.get $t) (local.get $s)))
        (local.set $c
          (f64x2.add (local.get $c)
            (f64x2.add
              (f64x2.sub (local.get $s) (f64x2.sub (local.get $t) (local.get $z)))
              (f64x2.sub (local.get $v) (local.get $z)))))
        (local.set $s (local.get $t))
        ;; two-sum of D into ds, dc
        (local.set $t (f64x2.add (local.get $ds) (local.get $d)))
        (local.set $z (f64x2.sub (local.get $t) (local.get $ds)))
        (local.set $dc
          (f64x2.add (local.get $dc)
            (f64x2.add
              (f64x2.sub (local.get $ds) (f64x2.sub (local.get $t) (local.get $z)))
              (f64x2.sub (local.get $d) (local.get $z)))))
        (local.set $ds (local.get $t))
        (local.set $list (i32.add (local.get $list) (i32.const 4)))
        (br $near)))
    (v128.store (i32.const 0) (local.get $s))
    (v128.store (i32.const 16) (local.get $c))
    (v128.store (i32.const 32) (local.get $mass))
    (v128.store (i32.const 48) (local.get $ok))
    (v128.store (i32.const 80) (local.get $ds))
    (v128.store (i32.const 96) (local.get $dc))
    (v128.store (i32.const 112) (local.get $special))
    (v128.store (i32.const 128) (local.get $massq)))
)
