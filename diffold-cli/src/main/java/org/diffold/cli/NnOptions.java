package org.diffold.cli;

import ai.djl.Device;
import org.diffold.nn.runtime.Devices;
import org.diffold.nn.runtime.NnRuntime;
import picocli.CommandLine.Option;

/** Options of the commands that run a neural network: compute device and PyTorch threads. */
public final class NnOptions {
    @Option(names = "--device", paramLabel = "DEVICE",
            description = "cpu, gpu, gpu:N or auto (GPU when the PyTorch engine sees one; needs the pytorch-native-cu* artifact) "
                    + "(default: ${DEFAULT-VALUE})")
    private String device = "cpu";

    @Option(names = "--torch-threads", paramLabel = "N", converter = CommonOptions.PositiveInt.class,
            description = "PyTorch intra-op threads for the forward and backward passes (a small network's optimiser phase runs "
                    + "on one); 1 is fastest for small networks (default: ${DEFAULT-VALUE})")
    private int torchThreads = 1;

    /** Loads the engine with the thread setting and resolves the device (one-line error if unknown or absent). */
    public Device device() {
        return Devices.parse(device, NnRuntime.engine(torchThreads));
    }

    /** @return PyTorch intra-op threads */
    public int torchThreads() {
        return torchThreads;
    }
}
