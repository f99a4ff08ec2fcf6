package org.diffold.core.sampler;

/** Thrown when a sampler state becomes NaN or infinite; the message names the step and its time. */
public final class SamplingDivergedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A message such as "non-finite value after step 12 of 999 (t=988) in samples 0..63". */
    public SamplingDivergedException(String message) {
        super(message);
    }
}
