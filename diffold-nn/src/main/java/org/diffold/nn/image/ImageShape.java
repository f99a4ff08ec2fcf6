package org.diffold.nn.image;

import java.util.Locale;

/**
 * The shape of image rows: height x width x channels, flattened row-major HWC (so row i, column j, channel c is
 * value (i W + j) C + c), the layout of {@code .npy} image stacks and of {@link org.diffold.core.data.FashionMnist}.
 *
 * @param height H
 * @param width W
 * @param channels C
 */
public record ImageShape(int height, int width, int channels) {
    /** Fashion-MNIST's 28 x 28 grey images. */
    public static final ImageShape FASHION_MNIST = new ImageShape(28, 28, 1);

    /** Validates the sizes. */
    public ImageShape {
        if (height < 1 || width < 1 || channels < 1) {
            throw new IllegalArgumentException("image shape must have positive sizes, got " + height + "x" + width + "x" + channels);
        }
    }

    /** Parses {@code HxWxC} (or {@code HxW} for one channel). */
    public static ImageShape parse(String s) {
        String[] p = s.trim().toLowerCase(Locale.ROOT).split("x");
        try {
            if (p.length == 2) return new ImageShape(Integer.parseInt(p[0]), Integer.parseInt(p[1]), 1);
            if (p.length == 3) return new ImageShape(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]));
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new IllegalArgumentException("image shape must be HxWxC or HxW with positive integers, got '" + s + "'");
    }

    /** D = H W C. */
    public int dim() { return height * width * channels; }

    /**
     * Checks that a network that halves the resolution {@code downsamplings} times fits: H and W divisible by
     * 2^downsamplings, at least 2 at the bottom.
     */
    public void checkFits(int downsamplings) {
        int f = 1 << downsamplings;
        if (height % f != 0 || width % f != 0 || height / f < 2 || width / f < 2) {
            throw new IllegalArgumentException("image shape " + this + " does not fit the convolutional network: height and width must be "
                    + "multiples of " + f + " and at least " + 2 * f + " (it halves the resolution " + downsamplings + " times)");
        }
    }

    @Override
    public String toString() { return height + "x" + width + "x" + channels; }
}
