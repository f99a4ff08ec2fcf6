package org.diffold.lab.experiment.common;

import java.util.List;
import org.diffold.nn.image.ImageShape;
import org.diffold.nn.net.NetworkSpec;
import org.diffold.nn.net.Parameterisation;
import org.diffold.nn.net.UnetLayout;
import org.diffold.nn.train.LrSchedule;
import org.diffold.nn.train.TrainConfig;

/**
 * The pixel-space U-Net of the image reproductions (docs/math.md §1.3; every value ours): its channels and groups,
 * the {@code edm} parameterisation, and its training budget (steps of a batch, peak Adam learning rate with a cosine
 * decay, clipping at 1, EMA 0.999), sized so that the full runs stay within their time limits on 2 cores.
 *
 * @param channels U-Net channels c_1..c_L
 * @param groups group-norm groups
 * @param steps DSM optimiser steps
 * @param batch examples per step
 * @param lr peak learning rate
 */
public record PixelUnet(List<Integer> channels, int groups, int steps, int batch, double lr) {
    /** Validates the budget (the layout is validated with the image shape). */
    public PixelUnet {
        channels = List.copyOf(channels);
        if (steps < 1 || batch < 1 || !(lr > 0)) throw new IllegalArgumentException("pixel U-Net budget must be positive, got steps "
                + steps + ", batch " + batch + ", lr " + lr);
    }

    /** The network on rows of {@code shape}. */
    public NetworkSpec spec(ImageShape shape) {
        return NetworkSpec.unet(new UnetLayout(shape, channels, groups), Parameterisation.EDM);
    }

    /** {@code base} with this budget's steps, batch and learning rate (warm-up min(200, steps / 10), EMA 0.999, clip 1). */
    public TrainConfig apply(TrainConfig base) {
        return base.withSteps(steps).withOptimiser(batch, new LrSchedule("cosine", lr, Math.min(200, steps / 10), 0.05), 1.0, 0.999);
    }

    /** A short label for reports and cell keys, e.g. {@code unet 16/32 g4, 1500 x 64, lr 0.002}. */
    public String describe() {
        StringBuilder b = new StringBuilder("unet ");
        for (int i = 0; i < channels.size(); i++) b.append(i == 0 ? "" : "/").append(channels.get(i));
        return b.append(" g").append(groups).append(", ").append(steps).append(" x ").append(batch).append(", lr ").append(lr).toString();
    }
}
