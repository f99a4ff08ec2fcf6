package org.diffold.core.linalg;

/**
 * Whether the JDK Vector API ({@code jdk.incubator.vector}) is usable in this JVM. Kernels with a Vector API path
 * keep a scalar path with the same operation order, so results are the same bits either way (docs/math.md §9).
 * {@code -Ddiffold.scalar=true} forces the scalar paths.
 */
public final class Simd {
    private static final boolean AVAILABLE = probe();

    private Simd() {}

    /** True when the Vector API paths are in use. */
    public static boolean available() { return AVAILABLE; }

    private static boolean probe() {
        if (Boolean.getBoolean("diffold.scalar")) return false;
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) return false;
        try {
            return VectorSubspaceKernels.selfTest();
        } catch (LinkageError | RuntimeException e) {
            return false;
        }
    }
}
