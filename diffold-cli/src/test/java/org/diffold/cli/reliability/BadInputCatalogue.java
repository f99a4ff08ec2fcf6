package org.diffold.cli.reliability;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The bad-input catalogue: one line per case, {@code CLASS | ARGUMENTS | FRAGMENT ;; FRAGMENT ...}. Each case must
 * exit 2 with exactly one stderr line that contains every fragment (the option and the value it names), no stack
 * trace, no control character, nothing on stdout, and no file left behind. {@code {d}} is a folder of fixtures
 * ({@link BadInputFixtures}); {@code --db} and {@code --runs-dir} point into it unless a case sets them.
 * <b>Adding a command:</b> append its cases here (one line each); nothing else changes.
 *
 * <p>Classes: {@code range} option out of range, {@code size} sizes too large to allocate, {@code out} output path
 * unusable, {@code in} input path unusable, {@code file} corrupt or unsupported input file, {@code store} bad run
 * store, {@code control} control characters in what is echoed, {@code silent} formerly accepted silently,
 * {@code parse} unknown command, option or value.
 */
final class BadInputCatalogue {
    private BadInputCatalogue() {}

    /** Everything after the command name must be refused before work starts; keep cases cheap. */
    static final String TABLE = """
        # ---- root and help
        parse   |                                              | missing command ;; valid commands
        parse   | nope                                         | unknown command 'nope'
        parse   | --nope                                       | unknown option '--nope'
        parse   | help nope                                    | nope
        # ---- error
        range   | error --k 0 --dim 10                         | --k must be between 1 and 10, got 0
        range   | error --k 11 --dim 10                        | --k must be between 1 and 10, got 11
        range   | error --dim 0                                | --dim must be >= 1, got 0
        range   | error --dim -5                               | --dim must be >= 1, got -5
        range   | error --steps 1                              | --steps must be between 2 and 10000000, got 1
        range   | error --steps -3                             | --steps ;; got -3
        size    | error --steps 2000000000                     | --steps ;; 2000000000
        size    | error --steps 2147483647                     | --steps ;; 2147483647
        size    | error --dim 2000000000 --k 1000              | --dim 2000000000
        parse   | error --steps 1e9                            | --steps ;; 1e9
        parse   | error --steps abc                            | --steps ;; abc
        parse   | error --k 2.5                                | --k ;; 2.5
        parse   | error --design nope --dim 10                 | nope ;; valid: li-yan
        parse   | error --schedule nope --dim 10               | nope ;; valid
        parse   | error --schedule li-yan:c0=0 --dim 10        | c0 must be > 0
        parse   | error --schedule linear:start=x --dim 10     | start ;; x
        parse   | error --schedule betas:0.1,0.2 --steps 3     | betas ;; --steps is 3
        parse   | error --target nope --dim 10                 | nope ;; valid: gaussian-subspace
        parse   | error --target gmm-subspace --dim 10         | no exact calculator
        parse   | error --threads 0                            | --threads ;; 0
        parse   | error --threads x                            | --threads ;; 'x'
        parse   | error --seed x                               | --seed ;; x
        parse   | error --bogus                                | unknown option '--bogus'
        parse   | error extra                                  | unexpected argument 'extra'
        # ---- sample
        range   | sample --n 0 --out {d}/s.npy                 | --n must be >= 1, got 0
        range   | sample --n -1 --out {d}/s.npy                | --n must be >= 1, got -1
        range   | sample --out {d}/s.npy --steps 1             | --steps must be between 2 and 10000000, got 1
        range   | sample --out {d}/s.npy --dim 0               | --dim must be >= 1, got 0
        range   | sample --out {d}/s.npy --k 0                 | --k must be between 1 and 100, got 0
        size    | sample --out {d}/s.npy --n 2000000000 --dim 100000 --k 2 | --n 2000000000 ;; more than one array holds
        size    | sample --out {d}/s.npy --n 200000000 --dim 10 --k 2 | --n 200000000 ;; heap
        size    | sample --out {d}/s.npy --steps 2000000000    | --steps ;; 2000000000
        out     | sample --out {d}/exist.npy --n 10 --dim 10 --steps 10 | --out ;; exist.npy is an existing folder
        out     | sample --out {d}/exist.csv --n 10 --dim 10 --steps 10 | --out ;; exist.csv is an existing folder
        out     | sample --out {d}/s.txt                       | --out must end in .npy, .csv or .png ;; s.txt
        out     | sample --out {d}/s                           | --out must end in .npy, .csv or .png
        out     | sample --out {d}/blocker/s.npy --n 10        | --out ;; blocker ;; is a file, not a folder
        out     | sample --out /proc/diffold-no/s.npy --n 10   | --out /proc/diffold-no/s.npy ;; not writable
        out     | sample --out /proc/s.npy --n 10              | --out /proc/s.npy ;; not writable
        in      | sample --out {d}/s.npy --model {d}/missing   | --model ;; missing ;; no such model
        in      | sample --out {d}/s.npy --model {d}/emptymodel | --model ;; emptymodel ;; without checkpoint.dfnn
        in      | sample --out {d}/s.npy --model {d}/dirckpt   | --model ;; checkpoint.dfnn in it is a folder
        file    | sample --out {d}/s.npy --model {d}/garbage.dfnn | garbage.dfnn ;; not a Diffold checkpoint
        file    | sample --out {d}/s.npy --model {d}/t.npy     | t.npy ;; not a Diffold checkpoint
        parse   | sample --out {d}/s.npy --target nope         | nope ;; valid
        parse   | sample --out {d}/s.npy --design nope         | nope ;; valid
        parse   | sample --out {d}/s.npy --schedule cosine:s=-1 | s ;; -1
        parse   | sample                                       | --out
        parse   | sample --out {d}/s.npy --n x                 | --n ;; x
        parse   | sample --out {d}/s.npy --threads -2          | --threads ;; -2
        control | sample --out {d}/s\u001b[31m.txt             | --out must end in ;; \\x1b[31m
        control | sample --out {d}/s.npy --target \u001b[2Jx   | unknown target
        # ---- train
        range   | train --data gmm-subspace:k=2 --dim 0 --out {d}/m        | --dim must be >= 1 ;; got 0
        range   | train --data gmm-subspace:k=2 --dim 4 --n-train 0 --out {d}/m | --n-train must be >= 1, got 0
        range   | train --data gmm-subspace:k=2 --dim 4 --steps 0 --out {d}/m | --steps must be >= 1, got 0
        range   | train --data gmm-subspace:k=2 --dim 4 --batch 0 --out {d}/m | --batch must be >= 1, got 0
        range   | train --data gmm-subspace:k=2 --dim 4 --width 0 --out {d}/m | --width must be >= 1, got 0
        range   | train --data gmm-subspace:k=2 --dim 4 --depth 0 --out {d}/m | --depth must be >= 1, got 0
        silent  | train --data gmm-subspace:k=2 --dim 4 --checkpoint-every 0 --out {d}/m | --checkpoint-every must be >= 1, got 0
        range   | train --data gmm-subspace:k=2 --dim 4 --eval-every -1 --out {d}/m | --eval-every must be >= 0, got -1
        range   | train --data gmm-subspace:k=2 --dim 4 --schedule-steps 1 --out {d}/m | --schedule-steps ;; got 1
        range   | train --data gmm-subspace:k=2 --dim 4 --warmup -1 --out {d}/m | --warmup must be >= 0, got -1
        range   | train --data gmm-subspace:k=2 --dim 4 --lr -1 --out {d}/m | --lr must be > 0, got -1.0
        range   | train --data gmm-subspace:k=2 --dim 4 --lr NaN --out {d}/m | --lr must be > 0, got NaN
        range   | train --data gmm-subspace:k=2 --dim 4 --clip -1 --out {d}/m | --clip must be >= 0 ;; -1.0
        range   | train --data gmm-subspace:k=2 --dim 4 --ema 1 --out {d}/m | --ema must be in [0, 1) ;; 1.0
        range   | train --data gmm-subspace:k=2 --dim 4 --val-fraction 0.9 --out {d}/m | --val-fraction ;; 0.9
        size    | train --data gmm-subspace:k=2 --dim 100000 --n-train 2000000000 --out {d}/m | --n-train 2000000000 ;; --dim 100000
        size    | train --data gmm-subspace:k=2 --dim 1000 --n-train 200000000 --out {d}/m | --n-train 200000000
        out     | train --data gmm-subspace:k=2 --dim 4 --out {d}/blocker | --out ;; blocker ;; is a file, not a folder
        out     | train --data gmm-subspace:k=2 --dim 4 --out {d}/blocker/m | --out ;; blocker ;; is a file
        out     | train --data gmm-subspace:k=2 --dim 4 --out /proc/diffold-no/m | --out /proc/diffold-no/m ;; not writable
        out     | train --data gmm-subspace:k=2 --dim 4 --out {d}/dirckpt | --out ;; checkpoint.dfnn in it is a folder
        silent  | train --data gmm-subspace:k=2 --dim 4 --out {d}/m --resume | --resume ;; holds no checkpoint
        silent  | train --data gmm-subspace:k=2 --dim 4 --out {d}/emptymodel --resume | --resume ;; emptymodel
        store   | train --data gmm-subspace:k=2 --dim 4 --out {d}/m --db {d}/exist | --db ;; exist is an existing folder
        store   | train --data gmm-subspace:k=2 --dim 4 --out {d}/m --db {d}/notsqlite.db | --db ;; notsqlite.db is not an SQLite database
        store   | train --data gmm-subspace:k=2 --dim 4 --out {d}/m --db /proc/diffold.db | --db /proc/diffold.db ;; not writable
        out     | train --data gmm-subspace:k=2 --dim 4 --out {d}/m --runs-dir {d}/blocker | --runs-dir ;; blocker
        out     | train --data gmm-subspace:k=2 --dim 4 --out {d}/m --runs-dir /proc/diffold-runs | --runs-dir /proc/diffold-runs ;; not writable
        parse   | train --dim 4 --out {d}/m                    | --data
        parse   | train --data gmm-subspace:k=2 --out {d}/m    | --dim
        parse   | train --data gmm-subspace:k=2 --dim 4 --out {d}/m --arch nope | nope ;; valid
        parse   | train --data gmm-subspace:k=2 --dim 4 --out {d}/m --activation nope | nope ;; valid
        parse   | train --data gmm-subspace:k=2 --dim 4 --out {d}/m --param nope | nope ;; valid
        parse   | train --data gmm-subspace:k=2 --dim 4 --out {d}/m --lr-schedule nope | nope ;; valid
        parse   | train --data gmm-subspace:k=2 --dim 4 --out {d}/m --process nope | nope ;; valid: discrete, continuous
        parse   | train --data gmm-subspace:k=2 --dim 4 --out {d}/m --weighting nope | nope ;; valid
        parse   | train --data nope --dim 4 --out {d}/m        | nope ;; valid
        parse   | train --data gmm-subspace:k=9 --dim 4 --out {d}/m | k ;; 9
        parse   | train --data gmm-subspace:k=2 --dim 4 --out {d}/m --arch unet | --arch unet ;; needs image data ;; gmm-subspace
        range   | train --data {d}/t.npy --no-scale --out {d}/m --arch unet     | --arch unet ;; 2x2x1 ;; multiples of 4
        parse   | train --data {d}/t.npy --no-scale --out {d}/m --arch unet:channels=8/x | --arch unet:channels=8/x ;; 'x'
        parse   | train --data {d}/t.npy --no-scale --out {d}/m --arch unet:depth=2 | --arch unet:depth=2 ;; depth=2 ;; valid
        range   | train --data {d}/t.npy --no-scale --out {d}/m --arch unet:channels=12,groups=8 | --arch ;; groups=8 ;; got 12
        parse   | train --data gmm-subspace:k=2 --dim 4 --out {d}/m --arch mlp:width=3 | --arch mlp:width=3 ;; only unet takes options
        parse   | train --data {d}/t.npy --no-scale --out {d}/m --arch unet --latent sild | --arch unet ;; --latent
        # ---- evaluate
        range   | evaluate --model {d}/emptymodel --n 1        | --n must be >= 2, got 1
        range   | evaluate --model {d}/emptymodel --error-samples -1 | --error-samples must be >= 1, got -1
        range   | evaluate --model {d}/emptymodel --error-samples 0 | --error-samples must be >= 1, got 0
        range   | evaluate --model {d}/emptymodel --steps 1    | --steps must be between 2 and 10000000, got 1
        in      | evaluate --model {d}/missing                 | --model ;; missing ;; no such model
        in      | evaluate --model {d}/emptymodel              | --model ;; without checkpoint.dfnn
        in      | evaluate --model {d}/dirckpt                 | --model ;; is a folder
        file    | evaluate --model {d}/garbage.dfnn            | garbage.dfnn ;; not a Diffold checkpoint
        parse   | evaluate                                     | --model
        parse   | evaluate --model {d}/garbage.dfnn --design nope | nope ;; valid
        # ---- id --data
        in      | id --data {d}/missing.npy                    | --data ;; missing.npy: file not found
        in      | id --data {d}/exist                          | --data ;; exist is a folder
        in      | id --data {d}/exist.npy                      | --data ;; exist.npy is a folder
        file    | id --data {d}/cut.npy                        | cut.npy ;; truncated .npy file
        file    | id --data {d}/long.npy                       | long.npy ;; bytes after the data
        file    | id --data {d}/text.npy                       | text.npy ;; not a NumPy .npy file
        file    | id --data {d}/u1.npy                         | u1.npy ;; unsupported .npy dtype '<U1'
        file    | id --data {d}/obj.npy                        | obj.npy ;; unsupported .npy dtype '|O'
        file    | id --data {d}/wide.npy                       | wide.npy ;; unsupported .npy dtype '<f99999999999'
        file    | id --data {d}/c16.npy                        | c16.npy ;; unsupported .npy dtype '<c16'
        file    | id --data {d}/overflow.npy                   | overflow.npy ;; more than 2^63 values
        file    | id --data {d}/huge.npy                       | huge.npy ;; too large for one array
        file    | id --data {d}/negshape.npy                   | negshape.npy ;; negative shape
        file    | id --data {d}/noshape.npy                    | noshape.npy ;; corrupt .npy header
        file    | id --data {d}/empty0.npy                     | empty0.npy holds no data: shape 0 x 3
        file    | id --data {d}/empty1.npy                     | empty1.npy holds no data: shape 3 x 0
        file    | id --data {d}/v9.npy                         | v9.npy ;; unsupported .npy format version 9
        file    | id --data {d}/ov-idx3-ubyte                  | ov-idx3-ubyte ;; more than 2^63 values
        file    | id --data {d}/big-idx3-ubyte                 | big-idx3-ubyte ;; too many for one array
        file    | id --data {d}/cut-idx3-ubyte                 | cut-idx3-ubyte ;; truncated IDX file
        file    | id --data {d}/type-idx3-ubyte                | type-idx3-ubyte ;; unknown IDX type 0x42
        file    | id --data {d}/neg-idx3-ubyte                 | neg-idx3-ubyte ;; dimension 0 is -1
        file    | id --data {d}/magic-idx3-ubyte               | magic-idx3-ubyte ;; wrong magic number
        file    | id --data {d}/ragged.csv                     | ragged.csv line 2 has 2 fields, expected 3
        file    | id --data {d}/words.csv                      | words.csv line 2, field 2: 'x' is not a number
        file    | id --data {d}/header.csv                     | no data rows in ;; header.csv
        file    | id --data {d}/bad.csv.gz                     | bad.csv.gz ;; truncated or corrupt gzip data
        control | id --data {d}/bin.csv                        | bin.csv line 2 ;; \\x1b[31m\\x07 ;; binary data?
        control | id --data {d}/ctrl.npy                       | ctrl.npy ;; unsupported .npy dtype '<\\x1b[2J\\x07'
        control | id --data {d}/x\u0007\u001b[1m.npy          | --data ;; \\x07\\x1b[1m.npy: file not found
        range   | id --data {d}/t.npy --subset 0               | --subset must be >= 1, got 0
        range   | id --data {d}/t.npy --subset 11              | --subset 11 exceeds the 10 rows
        parse   | id --data {d}/t.npy --estimators ,           | --estimators ',' ;; empty estimator name
        parse   | id --data {d}/t.npy --estimators mle,,twonn  | --estimators 'mle,,twonn' ;; empty estimator name
        parse   | id --data {d}/t.npy --estimators nope        | --estimators 'nope' ;; nope
        parse   | id --data {d}/t.npy --scale nope             | --scale ;; nope ;; expected none
        parse   | id --data fashion-mnist --split nope         | --split must be train or test
        parse   | id --data fashion-mnist --data-dir {d}/none  | dataset-fashion-mnist
        parse   | id                                           | give exactly one of --data, --manifold or --benchmark
        parse   | id --data {d}/t.npy --benchmark              | give exactly one of
        parse   | id --data {d}/t.npy --dim 3                  | --dim applies to --manifold only
        parse   | id --data {d}/t.npy --n 3                    | --n applies to --manifold and --benchmark only
        parse   | id --data {d}/t.npy --manifolds M1_Sphere    | --manifolds applies to --benchmark only
        out     | id --data {d}/t.npy --pointwise-out {d}/exist.npy | --pointwise-out ;; exist.npy is an existing folder
        silent  | id --data {d}/t.npy --pointwise-out {d}/p.csv | --pointwise-out must end in .npy ;; p.csv
        out     | id --data {d}/t.npy --pointwise-out {d}/exist | --pointwise-out must end in .npy
        out     | id --data {d}/t.npy --pointwise-out {d}/blocker/p.npy | --pointwise-out ;; is a file, not a folder
        out     | id --data {d}/t.npy --pointwise-out /proc/diffold-no/p.npy | --pointwise-out /proc/diffold-no/p.npy ;; not writable
        # ---- id --manifold
        range   | id --manifold torus --n 0                    | --n must be >= 1, got 0
        range   | id --manifold torus --dim 0                  | --dim must be >= 1, got 0
        size    | id --manifold torus --n 10000000 --dim 100   | --n 10000000 ;; dimension 100
        size    | id --manifold torus --n 2000000000 --dim 100000 | --n 2000000000 ;; more than one array holds
        parse   | id --manifold nope                           | nope
        parse   | id --manifold sphere:d=0                     | d ;; 0
        parse   | id --manifold torus --dim 2                  | 2
        # ---- id --benchmark
        range   | id --benchmark --n 2                        | --n must be between 3 and 1000000, got 2
        size    | id --benchmark --n 2000000000                | --n must be between 3 and 1000000, got 2000000000
        parse   | id --benchmark --manifolds M1_Sphere,M99     | unknown benchmark manifold 'M99'
        parse   | id --benchmark --subset 3                    | --subset and --bench-knn apply to --data only
        parse   | id --benchmark --n 50 --estimators nope      | --estimators 'nope'
        store   | id --benchmark --n 50 --manifolds M1_Sphere --estimators mle --db {d}/exist | --db ;; exist is an existing folder
        store   | id --benchmark --n 50 --manifolds M1_Sphere --estimators mle --db {d}/notsqlite.db | --db ;; is not an SQLite database
        out     | id --benchmark --n 50 --manifolds M1_Sphere --estimators mle --runs-dir {d}/blocker | --runs-dir ;; blocker ;; is a file
        out     | id --benchmark --n 50 --manifolds M1_Sphere --estimators mle --runs-dir /proc/diffold-runs | --runs-dir /proc/diffold-runs ;; not writable
        # ---- reproduce
        parse   | reproduce                                    | valid
        parse   | reproduce nope                               | unknown command 'nope'
        store   | reproduce li-yan --quick --db {d}/exist      | --db ;; exist is an existing folder
        store   | reproduce li-yan --quick --db {d}/notsqlite.db | --db ;; is not an SQLite database
        store   | reproduce li-yan --quick --db /proc/diffold.db | --db /proc/diffold.db ;; not writable
        store   | reproduce li-yan --quick --db {d}/blocker/x.db | --db ;; blocker ;; is a file
        out     | reproduce li-yan --quick --runs-dir {d}/blocker | --runs-dir ;; blocker ;; is a file
        out     | reproduce li-yan --quick --runs-dir /proc/diffold-runs | --runs-dir /proc/diffold-runs ;; not writable
        store   | reproduce potaptchik --quick --db {d}/exist  | --db ;; exist is an existing folder
        store   | reproduce potaptchik --quick --db {d}/notsqlite.db | --db ;; is not an SQLite database
        out     | reproduce potaptchik --quick --runs-dir /proc/diffold-runs | --runs-dir /proc/diffold-runs ;; not writable
        range   | reproduce learned-scores --quick --dims 0    | --dims must be between 1 and 1048576, got 0
        range   | reproduce learned-scores --quick --train-steps 0 | --train-steps must be >= 1, got 0
        parse   | reproduce learned-scores --quick --param nope | --param ;; nope
        store   | reproduce learned-scores --quick --db {d}/exist | --db ;; exist is an existing folder
        store   | reproduce learned-scores --quick --db {d}/notsqlite.db | --db ;; is not an SQLite database
        parse   | reproduce learned-scores --quick --dims x    | --dims ;; x
        store   | reproduce sampler-adaptivity --quick --db {d}/exist | --db ;; exist is an existing folder
        store   | reproduce sampler-adaptivity --quick --db {d}/notsqlite.db | --db ;; is not an SQLite database
        out     | reproduce sampler-adaptivity --quick --runs-dir /proc/diffold-runs | --runs-dir /proc/diffold-runs ;; not writable
        # ---- practitioners' samplers and continuous-time schemes (sample, error)
        parse   | sample --out {d}/s.npy --sampler nope        | nope
        parse   | error --sampler nope                         | nope
        parse   | error --scheme nope                          | nope
        parse   | sample --out {d}/s.npy --scheme ddpm-posterior | --grid
        size    | sample --out {d}/s.npy --sampler euler --steps 2000000000 | --steps ;; 2000000000
        out     | sample --out {d}/exist.npy --sampler euler --steps 10 | --out ;; exist.npy is an existing folder
        # ---- encode, decode, reproduce sild
        parse   | encode                                       | --model
        parse   | decode                                       | --model
        in      | encode --model {d}/missing --data {d}/t.npy --out {d}/z.npy | missing
        in      | decode --model {d}/missing --latents {d}/t.npy --out {d}/x.npy | missing
        store   | reproduce sild --quick --db {d}/exist        | --db ;; exist is an existing folder
        parse   | reproduce sild --nope                        | unknown option '--nope'
        # ---- reproduce generalization, memorization, runs
        out     | reproduce generalization --quick --runs-dir /proc/diffold-runs | --runs-dir /proc/diffold-runs ;; not writable
        store   | reproduce generalization --quick --db {d}/exist | --db ;; exist is an existing folder
        parse   | reproduce generalization --nope              | unknown option '--nope'
        parse   | reproduce generalization --quick --torch-threads 0 | --torch-threads ;; 0
        parse   | memorization                                 | --samples ;; --train
        range   | sample --out {d}/s.npy --score coarse:data={d}/t.npy,proj=lqf,k=1,neighbours=11 | neighbours must be an integer in [k(k+1)/2+k+1 = 3, N = 10] for proj=lqf, got 11
        range   | sample --out {d}/s.npy --score coarse:data={d}/t.npy,proj=lqf,k=1,m=2 | neighbours must be an integer in [k(k+1)/2+k+1 = 3, N = 10] for proj=lqf, got 2
        range   | sample --out {d}/s.npy --score coarse:data={d}/t.npy,proj=lqf,k=2,m=5 | [k(k+1)/2+k+1 = 6, N = 10] for proj=lqf, got 5
        range   | sample --out {d}/s.npy --score coarse:data={d}/t.npy,proj=lqf,k=1,iterations=-1 | iterations must be an integer in [0, 100], got -1
        range   | sample --out {d}/s.npy --score coarse:data={d}/t.npy,proj=lqf,k=1,ridge=-1 | ridge must be >= 0 and finite, got -1
        parse   | sample --out {d}/s.npy --score coarse:data={d}/t.npy,proj=lqf,k=1,ridge=nan | ridge must be a number, got 'nan'
        parse   | sample --out {d}/s.npy --score coarse:data={d}/t.npy,proj=cubic,k=1 | proj must be one of lpca, lqf, got 'cubic'
        parse   | sample --out {d}/s.npy --score coarse:data={d}/t.npy,k=1,iterations=3 | iterations applies to proj=lqf only
        file    | sample --out {d}/s.npy --score coarse:data={d}/nan.npy,proj=lqf,k=1 | row 3 has a non-finite value (NaN) in column 1
        in      | memorization --samples {d}/missing.npy --train {d}/t.npy | --samples ;; missing.npy
        in      | memorization --samples {d}/t.npy --train {d}/missing.npy | --train ;; missing.npy
        range   | memorization --samples {d}/t.npy --train {d}/t.npy --pairs 0 | --pairs must be >= 1, got 0
        parse   | runs export                                  | RUN_ID ;; --experiment
        parse   | runs export --experiment li-yan --format xml | --format ;; xml
        parse   | runs nope                                    | nope
        store   | runs show nope                               | --db ;; no run store there
        # ---- advise
        parse   | advise --dim 10 --eps 0.01                   | --k
        parse   | advise --k 8 --eps 0.01                      | --dim
        parse   | advise --k 8 --dim 10                        | --eps
        range   | advise --k 0 --dim 10 --eps 0.01             | k ;; 0
        range   | advise --k 11 --dim 10 --eps 0.01            | 11 ;; 10
        range   | advise --k 8 --dim 10 --eps 0                | eps ;; 0
        range   | advise --k 8 --dim 10 --eps -1               | eps ;; -1
        range   | advise --k 8 --dim 10 --eps 0.01 --delta 1.5 | delta ;; 1.5
        range   | advise --k 8 --dim 10 --eps 0.01 --kappa 0.5 | kappa ;; 0.5
        # ---- bench
        range   | bench sampler --n 0                          | --n must be >= 1, got 0
        range   | bench sampler --dim -1                       | --dim must be >= 1, got -1
        range   | bench sampler --dim 4 --k 5                  | --k must be between 1 and 4, got 5
        range   | bench sampler --components 0                 | --components must be >= 1, got 0
        range   | bench sampler --steps 1                      | --steps must be between 2 and 10000000, got 1
        size    | bench sampler --n 2000000000 --dim 100000    | --n 2000000000 ;; more than one array holds
        parse   | bench nope                                   | unknown benchmark 'nope' ;; valid: sampler
        parse   | bench                                        | WHAT
        # ---- version
        parse   | version --nope                               | unknown option '--nope'
        parse   | version extra                                | unexpected argument 'extra'
        """;

    /** One case of the table. */
    record Case(int line, String kind, List<String> args, List<String> fragments) {
        @Override
        public String toString() {
            return kind + " #" + line + ": " + String.join(" ", args);
        }
    }

    /** The cases with {@code {d}} replaced by {@code dir}; Java escapes in the table are already applied. */
    static List<Case> cases(String dir) {
        List<Case> out = new ArrayList<>();
        String[] lines = TABLE.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].strip();
            if (l.isEmpty() || l.startsWith("#")) continue;
            String[] f = l.split("\\s*\\|\\s*", 3);
            if (f.length != 3) throw new IllegalStateException("catalogue line " + (i + 1) + " needs CLASS | ARGS | FRAGMENTS: " + l);
            String argText = f[1].replace("{d}", dir).strip();
            List<String> args = argText.isEmpty() ? List.of() : Arrays.asList(argText.split("\\s+"));
            List<String> frags = Arrays.stream(f[2].split("\\s*;;\\s*")).map(s -> s.replace("{d}", dir)).toList();
            out.add(new Case(i + 1, f[0], args, frags));
        }
        return out;
    }
}
