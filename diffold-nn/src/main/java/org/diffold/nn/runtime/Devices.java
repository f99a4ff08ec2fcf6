package org.diffold.nn.runtime;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.List;

/**
 * Parses a compute device name: {@code cpu} (the default), {@code gpu} / {@code gpu:N} (a CUDA device; needs the
 * matching {@code pytorch-native-cu*} artifact on the class path), or {@code auto} (the first GPU when the loaded
 * engine sees one, else the CPU).
 */
public final class Devices {
    /** Valid names. */
    public static final List<String> NAMES = List.of("cpu", "gpu", "gpu:N", "auto");

    private Devices() {}

    /** The device named {@code name} on {@code engine}; one-line errors for unknown names or missing GPUs. */
    public static Device parse(String name, Engine engine) {
        String s = name == null ? "cpu" : name.trim().toLowerCase(java.util.Locale.ROOT);
        int gpus = s.equals("cpu") ? 0 : engine.getGpuCount();
        if (s.equals("cpu")) return Device.cpu();
        if (s.equals("auto")) return gpus > 0 ? Device.gpu(0) : Device.cpu();
        if (s.equals("gpu") || s.equals("cuda") || s.startsWith("gpu:") || s.startsWith("cuda:")) {
            int id = 0;
            int colon = s.indexOf(':');
            if (colon >= 0) {
                try {
                    id = Integer.parseInt(s.substring(colon + 1));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("device '" + name + "': GPU index must be an integer; valid: "
                            + String.join(", ", NAMES));
                }
            }
            if (id < 0 || id >= gpus) {
                throw new IllegalArgumentException("device '" + name + "': the PyTorch engine sees " + gpus
                        + " GPU(s); put the pytorch-native-cu* artifact for your CUDA on the class path, or use cpu");
            }
            return Device.gpu(id);
        }
        throw new IllegalArgumentException("unknown device '" + name + "'; valid: " + String.join(", ", NAMES));
    }
}
