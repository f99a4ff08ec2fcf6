package org.diffold.nn.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.pytorch.jni.JniUtils;
import org.junit.jupiter.api.Test;

/** The per-thread OpenMP team size of the optimiser phase reaches the runtime PyTorch itself reads. */
class CallerThreadsTest {
    @Test
    void setCallerThreadsChangesWhatPytorchSeesOnThisThreadOnly() throws Exception {
        NnRuntime.engine();
        assertTrue(NnRuntime.callerThreadsSupported(), "the bundled libgomp was not found");
        int before = JniUtils.getNumThreads();
        try {
            NnRuntime.setCallerThreads(3);
            assertEquals(3, JniUtils.getNumThreads());
            int[] other = new int[1];
            Thread t = new Thread(() -> other[0] = JniUtils.getNumThreads());
            t.start();
            t.join();
            assertEquals(before, other[0], "another thread keeps the engine's count");
        } finally {
            NnRuntime.setCallerThreads(before);
        }
        assertEquals(before, JniUtils.getNumThreads());
        assertThrows(IllegalArgumentException.class, () -> NnRuntime.setCallerThreads(0));
    }

    @Test
    void setCallerMklThreadsReachesTheEnginesMkl() {
        NnRuntime.engine();
        assertTrue(NnRuntime.callerMklThreadsSupported(), "MKL was not found in libtorch_cpu");
        int before = NnRuntime.setCallerMklThreads(3);
        assertEquals(3, NnRuntime.setCallerMklThreads(before), "the local setting of 3 is returned when it is replaced");
        assertEquals(before, NnRuntime.setCallerMklThreads(before));
        assertThrows(IllegalArgumentException.class, () -> NnRuntime.setCallerMklThreads(-1));
    }

    @Test
    void smallMlpPassesRunElementwiseOperationsOnOneThread() {
        assertEquals(1, NnRuntime.passThreads(512L * 288, true));
        assertEquals(NnRuntime.threads(), NnRuntime.passThreads(NnRuntime.SERIAL_PASS_ELEMENTS, true));
        assertEquals(NnRuntime.threads(), NnRuntime.passThreads(512L * 288, false), "convolutional networks keep the engine's count");
    }

    @Test
    void smallNetworksUpdateOnOneThread() {
        assertEquals(1, NnRuntime.updateThreads(256 * 256));
        assertEquals(1, NnRuntime.updateThreads(NnRuntime.SERIAL_UPDATE_ELEMENTS - 1));
        assertEquals(NnRuntime.threads(), NnRuntime.updateThreads(NnRuntime.SERIAL_UPDATE_ELEMENTS));
    }
}
