/**
 * The versioned checkpoint file: metadata (network spec, training config, data, provenance, step) and named
 * float32/float64 tensors (weights, Adam moments, EMA weights, loss history), CRC-32 checked, written atomically.
 */
package org.diffold.nn.checkpoint;
