package org.diffold.nn.runtime;

import ai.djl.engine.Engine;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Configures DJL with the PyTorch engine before it loads: fully offline (natives come from the
 * {@code pytorch-native-*} jar on the class path), a stable native cache folder, and PyTorch's intra-op and
 * inter-op thread counts (PyTorch is fastest with one thread each for small networks).
 *
 * <p>Settings already given as system properties or environment variables win, so a launcher or a surefire
 * argLine can override every default. Thread counts are read by the engine once, at load time.
 */
public final class NnRuntime {
    /** System property / environment variable naming DJL's cache folder. */
    public static final String CACHE_DIR = "DJL_CACHE_DIR";
    /** System property for PyTorch intra-op threads. */
    public static final String NUM_THREADS = "ai.djl.pytorch.num_threads";
    /** System property for PyTorch inter-op threads. */
    public static final String NUM_INTEROP_THREADS = "ai.djl.pytorch.num_interop_threads";
    /** Default cache folder: under {@code diffold.home} (the checkout) when set, else the working directory (git-ignored). */
    public static final String DEFAULT_CACHE = ".djl-cache";

    private static volatile Engine engine;

    private NnRuntime() {}

    /**
     * Loads the PyTorch engine with {@code threads} intra-op threads and 1 inter-op thread unless the
     * properties are already set; later calls return the loaded engine (threads can no longer change).
     *
     * @param threads PyTorch intra-op threads, >= 1
     */
    public static synchronized Engine engine(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        if (engine != null) return engine;
        setDefault(NUM_THREADS, Integer.toString(threads));
        setDefault(NUM_INTEROP_THREADS, "1");
        setDefault("ai.djl.offline", "true");
        String cache = System.getProperty(CACHE_DIR, System.getenv(CACHE_DIR));
        if (cache == null) {
            String home = System.getProperty("diffold.home"); // set by the diffold launcher to the checkout
            cache = (home != null ? Path.of(home, DEFAULT_CACHE) : Path.of(DEFAULT_CACHE)).toAbsolutePath().toString();
            System.setProperty(CACHE_DIR, cache);
        }
        setDefault("jna.tmpdir", Path.of(cache, "jna").toString());
        setDefault("org.slf4j.simpleLogger.log.ai.djl", "warn"); // engine start-up INFO lines are noise in a CLI
        setDefault("org.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils", "error");
        setDefault("org.slf4j.simpleLogger.log.ai.djl.pytorch.jni.LibUtils", "error");
        try {
            Files.createDirectories(Path.of(cache, "jna"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create the DJL native cache folder " + cache + ": " + e.getMessage(), e);
        }
        try {
            engine = Engine.getEngine("PyTorch");
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            throw new IllegalStateException("PyTorch engine failed to load (is ai.djl.pytorch:pytorch-native-cpu on the "
                    + "class path, and is " + CACHE_DIR + "=" + cache + " writable?): " + e.getMessage(), e);
        }
        return engine;
    }

    /** The engine with the thread count from {@link #NUM_THREADS} (default 1). */
    public static Engine engine() {
        return engine(Integer.parseInt(System.getProperty(NUM_THREADS, "1")));
    }

    /** Intra-op threads the loaded engine was configured with. */
    public static int threads() {
        return Integer.parseInt(System.getProperty(NUM_THREADS, "1"));
    }

    /**
     * The OpenMP team size for PyTorch operations issued from the calling thread from now on: omp_set_num_threads of
     * the OpenMP runtime PyTorch loaded (a per-thread setting; PyTorch's parallel loops read omp_get_max_threads, and
     * with one thread they run inline, without a parallel region). Unlike torch::set_num_threads it changes nothing
     * global and costs no more than a call. A no-op when that runtime is not found (then the engine's count stays).
     *
     * @param n threads, >= 1
     */
    public static void setCallerThreads(int n) {
        if (n < 1) throw new IllegalArgumentException("threads must be >= 1, got " + n);
        com.sun.jna.Function f = OpenMp.SET_NUM_THREADS;
        if (f != null) f.invokeVoid(new Object[] {n});
    }

    /** Whether {@link #setCallerThreads} reaches PyTorch's OpenMP runtime. */
    public static boolean callerThreadsSupported() { return OpenMp.SET_NUM_THREADS != null; }

    /**
     * MKL's thread count for calls from the calling thread (mkl_set_num_threads_local of the MKL linked into
     * libtorch_cpu): {@code n} >= 1 threads, or 0 to fall back to the engine's global count. MKL threads its matrix
     * products and its vector maths (PyTorch's sqrt, exp and log go to MKL VML) on its own count, whatever
     * {@link #setCallerThreads} says. Returns the previous local setting, to restore it with; a no-op returning 0 when
     * the engine has no MKL.
     */
    public static int setCallerMklThreads(int n) {
        if (n < 0) throw new IllegalArgumentException("MKL threads must be >= 0, got " + n);
        com.sun.jna.Function f = OpenMp.MKL_SET_NUM_THREADS_LOCAL;
        return f == null ? 0 : f.invokeInt(new Object[] {n});
    }

    /** Whether {@link #setCallerMklThreads} reaches an MKL. */
    public static boolean callerMklThreadsSupported() { return OpenMp.MKL_SET_NUM_THREADS_LOCAL != null; }

    /**
     * Threads for the optimiser phase (gradient clipping, Adam, EMA) of a network whose largest weight tensor has
     * {@code largestTensor} elements: 1 below {@link #SERIAL_UPDATE_ELEMENTS} [ours], else the engine's count. Each
     * elementwise PyTorch operation on a tensor above 32768 elements opens an OpenMP parallel region; under the
     * passive wait policy each costs a futex wake-up and sleep (tens of microseconds on a shared virtual machine), more
     * than splitting a small tensor's pass saves. For the benchmark MLP that is 100 of the 145 regions of a step.
     */
    public static int updateThreads(long largestTensor) {
        return largestTensor < SERIAL_UPDATE_ELEMENTS ? 1 : threads();
    }

    /** Largest weight tensor (elements) whose optimiser phase runs on one thread. */
    public static final long SERIAL_UPDATE_ELEMENTS = 1L << 18;

    /**
     * OpenMP threads for the forward and backward pass of a network whose compute is matrix products (an MLP) and
     * whose largest activation has {@code largestActivation} elements: 1 below {@link #SERIAL_PASS_ELEMENTS} [ours],
     * else the engine's count. PyTorch's matrix products go to MKL, which keeps the engine's thread count (set by
     * torch::set_num_threads at load time) whatever the caller's OpenMP setting, so they still run on every thread;
     * only the elementwise operations (activations, bias, loss, autograd's accumulations) then run inline. Each of
     * those on 2 threads opens a parallel region whose futex wake-up (about 60 us on a shared 2-core machine, measured)
     * costs several times the operation itself at these sizes. Networks with convolutions keep the engine's count
     * (their convolutions are not matrix products for MKL; not measured here).
     */
    public static int passThreads(long largestActivation, boolean matrixProductsOnly) {
        return matrixProductsOnly && largestActivation < SERIAL_PASS_ELEMENTS ? 1 : threads();
    }

    /** Largest activation (elements) of an MLP whose elementwise operations run on one thread. */
    public static final long SERIAL_PASS_ELEMENTS = 1L << 20;

    /**
     * The omp_set_num_threads of the loaded libgomp (bundled with PyTorch) and the C entry MKL_Set_Num_Threads_Local of
     * the MKL inside libtorch_cpu (mkl_service.h maps mkl_set_num_threads_local to it; the lower-case symbol is the
     * Fortran one, which takes a pointer), found through /proc/self/maps.
     */
    private static final class OpenMp {
        static final com.sun.jna.Function SET_NUM_THREADS = find(new String[] {"libgomp", "libiomp"}, "omp_set_num_threads");
        static final com.sun.jna.Function MKL_SET_NUM_THREADS_LOCAL = find(new String[] {"libtorch_cpu", "libmkl"},
                "MKL_Set_Num_Threads_Local");

        /** {@code symbol} of the first loaded library whose path contains one of {@code libraries}, or null. */
        private static com.sun.jna.Function find(String[] libraries, String symbol) {
            engine();
            try {
                for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
                    int slash = line.indexOf('/');
                    if (slash < 0) continue;
                    String path = line.substring(slash);
                    for (String lib : libraries) {
                        if (!path.contains(lib)) continue;
                        try {
                            return com.sun.jna.Function.getFunction(path, symbol);
                        } catch (UnsatisfiedLinkError e) {
                            break; // this library lacks the symbol; try the next mapping
                        }
                    }
                }
            } catch (java.io.IOException | UnsatisfiedLinkError | RuntimeException e) {
                return null;
            }
            return null;
        }
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null && System.getenv(key) == null) System.setProperty(key, value);
    }
}
