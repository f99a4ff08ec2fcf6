package org.diffold.cli.reliability;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.diffold.core.data.NpyWriter;

/** The bad (and a few good) input files the catalogue refers to as {@code {d}/NAME}, written fresh into a folder. */
final class BadInputFixtures {
    private BadInputFixtures() {}

    /** A version-1.0 .npy file with the given header fields and raw data bytes. */
    static byte[] npy(String descr, String fortran, String shape, byte[] data) {
        String dict = "{'descr': '" + descr + "', 'fortran_order': " + fortran + ", 'shape': " + shape + ", }";
        int pad = (64 - (10 + dict.length() + 1) % 64) % 64;
        byte[] header = (dict + " ".repeat(pad) + "\n").getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer b = ByteBuffer.allocate(10 + header.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) header.length).put(header).put(data);
        return b.array();
    }

    /** An IDX header with the given type byte and dimensions, followed by {@code data}. */
    static byte[] idx(int type, int[] dims, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + data.length).order(ByteOrder.BIG_ENDIAN);
        b.put(new byte[] {0, 0, (byte) type, (byte) dims.length});
        for (int d : dims) b.putInt(d);
        return b.put(data).array();
    }

    static void create(Path d) throws IOException {
        Files.createDirectories(d.resolve("exist"));
        Files.createDirectories(d.resolve("exist.npy"));
        Files.createDirectories(d.resolve("exist.csv"));
        Files.createDirectories(d.resolve("emptymodel"));
        Files.createDirectories(d.resolve("dirckpt/checkpoint.dfnn"));
        Files.writeString(d.resolve("blocker"), "a file where a folder is expected\n");
        NpyWriter.write(d.resolve("t.npy"), new double[40], 10, 4);
        double[] nan = new double[40];
        nan[13] = Double.NaN;
        NpyWriter.write(d.resolve("nan.npy"), nan, 10, 4);
        byte[] good = Files.readAllBytes(d.resolve("t.npy"));
        Files.write(d.resolve("cut.npy"), java.util.Arrays.copyOf(good, good.length - 5));
        Files.write(d.resolve("long.npy"), java.util.Arrays.copyOf(good, good.length + 3));
        Files.writeString(d.resolve("text.npy"), "this is not numpy\n");
        Files.write(d.resolve("u1.npy"), npy("<U1", "False", "(2,)", new byte[8]));
        Files.write(d.resolve("obj.npy"), npy("|O", "False", "(2,)", new byte[16]));
        Files.write(d.resolve("wide.npy"), npy("<f99999999999", "False", "(2,)", new byte[16]));
        Files.write(d.resolve("c16.npy"), npy("<c16", "False", "(2,)", new byte[32]));
        Files.write(d.resolve("overflow.npy"), npy("<f8", "False", "(4294967296, 4294967296)", new byte[0]));
        Files.write(d.resolve("huge.npy"), npy("<f8", "False", "(2000000000, 2000000000)", new byte[0]));
        Files.write(d.resolve("negshape.npy"), npy("<f8", "False", "(-2, 3)", new byte[0]));
        Files.write(d.resolve("noshape.npy"), npy("<f8", "False", "(x, y)", new byte[0]));
        Files.write(d.resolve("empty0.npy"), npy("<f8", "False", "(0, 3)", new byte[0]));
        Files.write(d.resolve("empty1.npy"), npy("<f8", "False", "(3, 0)", new byte[0]));
        Files.write(d.resolve("ctrl.npy"), npy("<\u001b[2J\u0007", "False", "(2,)", new byte[16]));
        byte[] v9 = good.clone();
        v9[6] = 9;
        Files.write(d.resolve("v9.npy"), v9);
        Files.write(d.resolve("ov-idx3-ubyte"), idx(0x08, new int[] {65536, 65536, 65536, 65536}, new byte[0]));
        Files.write(d.resolve("big-idx3-ubyte"), idx(0x08, new int[] {1 << 20, 1 << 20, 1 << 20}, new byte[0]));
        Files.write(d.resolve("cut-idx3-ubyte"), idx(0x08, new int[] {10, 2, 2}, new byte[7]));
        Files.write(d.resolve("type-idx3-ubyte"), idx(0x42, new int[] {2, 2}, new byte[4]));
        Files.write(d.resolve("neg-idx3-ubyte"), idx(0x08, new int[] {-1, 2}, new byte[0]));
        Files.write(d.resolve("magic-idx3-ubyte"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        Files.write(d.resolve("bin.csv"), new byte[] {'1', ',', '2', '\n', 0x1b, '[', '3', '1', 'm', 0x07, ',', '3', '\n'});
        Files.writeString(d.resolve("ragged.csv"), "1,2,3\n4,5\n");
        Files.writeString(d.resolve("words.csv"), "a,b\n1,x\n");
        Files.writeString(d.resolve("header.csv"), "a,b\n");
        Files.write(d.resolve("bad.csv.gz"), new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0});
        Files.writeString(d.resolve("notsqlite.db"), "hello, I am not a database\n");
        Files.write(d.resolve("garbage.dfnn"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16});
        Files.writeString(d.resolve("emptymodel/readme.txt"), "no checkpoint here\n");
    }
}
