package org.diffold.nn.checkpoint;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * An immutable checkpoint: string metadata and named tensors (float[] or double[]). The training code decides the
 * names; {@link CheckpointFormat} only stores them.
 *
 * @param meta metadata (network spec, training config, data, provenance, step), sorted by key
 * @param floats float32 tensors by name, in insertion order
 * @param doubles float64 tensors by name, in insertion order
 */
public record Checkpoint(Map<String, String> meta, Map<String, float[]> floats, Map<String, double[]> doubles) {
    /** Metadata key of the step (number of optimiser steps done). */
    public static final String STEP = "step";

    /** Defensive, unmodifiable copies of the maps (arrays are shared). */
    public Checkpoint {
        meta = Collections.unmodifiableMap(new TreeMap<>(meta));
        floats = Collections.unmodifiableMap(new LinkedHashMap<>(floats));
        doubles = Collections.unmodifiableMap(new LinkedHashMap<>(doubles));
    }

    /** The step recorded in the metadata. */
    public int step() {
        return Integer.parseInt(require(STEP));
    }

    /** A metadata value; one-line error when missing. */
    public String require(String key) {
        String v = meta.get(key);
        if (v == null) throw new CheckpointException("checkpoint metadata is missing '" + key + "'");
        return v;
    }

    /** A float tensor; one-line error when missing. */
    public float[] floats(String name) {
        float[] v = floats.get(name);
        if (v == null) throw new CheckpointException("checkpoint has no tensor '" + name + "'");
        return v;
    }

    /** A double tensor; one-line error when missing. */
    public double[] doubles(String name) {
        double[] v = doubles.get(name);
        if (v == null) throw new CheckpointException("checkpoint has no tensor '" + name + "'");
        return v;
    }
}
