package org.diffold.nn.latent;

import java.nio.ByteBuffer;
import java.util.zip.CRC32;
import org.diffold.nn.image.ImageShape;

/**
 * The data of a latent model: training rows and held-out rows (e.g. Fashion-MNIST's own t10k set) of dimension D,
 * row-major, with the image shape when the rows are images. Construction fails with a one-line message on NaN/Inf
 * values or a shape that does not match D.
 *
 * @param train training rows (n x D)
 * @param heldOut held-out rows (m x D), may be empty
 * @param dim D
 * @param shape image shape, or null for vector data
 * @param description printable origin
 */
public record LatentData(double[] train, double[] heldOut, int dim, ImageShape shape, String description) {
    /** Validates shapes and values. */
    public LatentData {
        if (dim < 1) throw new IllegalArgumentException("data dimension must be >= 1, got " + dim);
        if (shape != null && shape.dim() != dim) {
            throw new IllegalArgumentException("image shape " + shape + " has " + shape.dim() + " values per row, the data has " + dim);
        }
        if (train.length % dim != 0 || heldOut.length % dim != 0) throw new IllegalArgumentException("data length is not a multiple of D = " + dim);
        if (train.length / dim < 2) throw new IllegalArgumentException("training needs at least 2 rows, got " + train.length / dim);
        checkFinite(train, dim, "training");
        checkFinite(heldOut, dim, "held-out");
    }

    private static void checkFinite(double[] v, int dim, String what) {
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException(what + " data row " + (i / dim) + ", column " + (i % dim) + " is " + v[i]
                        + "; remove or impute non-finite values before training");
            }
        }
    }

    /** Training rows n. */
    public int trainRows() { return train.length / dim; }

    /** Held-out rows m. */
    public int heldOutRows() { return heldOut.length / dim; }

    /** CRC-32 of the training rows' bits with n in the high word (identifies the data a checkpoint was trained on). */
    public long fingerprint() {
        CRC32 crc = new CRC32();
        ByteBuffer b = ByteBuffer.allocate(8 * dim);
        for (int i = 0; i < trainRows(); i++) {
            b.clear();
            for (int j = 0; j < dim; j++) b.putDouble(train[i * dim + j]);
            crc.update(b.array());
        }
        return crc.getValue() ^ ((long) trainRows() << 32);
    }
}
