package org.diffold.nn.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.diffold.nn.image.ImageShape;

/**
 * The layout of the {@code unet} body (docs/math.md §1.3, every choice ours): the image shape the rows are
 * HWC-flattened from, the channels c_1..c_L of the L resolutions above the bottom (the network halves the
 * resolution L times, so H and W must be multiples of 2^L; the bottom keeps c_L) and the group-norm groups G
 * (dividing every c_l). The noise-level MLP has width T = 4 c_1.
 *
 * @param shape image shape (H x W x C)
 * @param channels c_1..c_L, each >= 1 and a multiple of {@code groups}; 1 <= L <= {@value #MAX_LEVELS}
 * @param groups group-norm groups G >= 1
 */
public record UnetLayout(ImageShape shape, List<Integer> channels, int groups) {
    /** Default channels [ours]: 32 at full resolution, 64 at half and quarter resolution. */
    public static final List<Integer> DEFAULT_CHANNELS = List.of(32, 64);
    /** Default group-norm groups [ours]. */
    public static final int DEFAULT_GROUPS = 8;
    /** Most resolution levels accepted. */
    public static final int MAX_LEVELS = 4;
    /** Allowed option keys of {@code unet:...}. */
    public static final String KEYS = "channels=C1/C2[/..] (or C1,C2), groups=G";

    /** Validates with one-line messages naming the setting, the value and what is allowed. */
    public UnetLayout {
        if (shape == null) throw new IllegalArgumentException("--arch unet needs image data (an image shape), got none");
        if (channels == null || channels.isEmpty() || channels.size() > MAX_LEVELS) {
            throw new IllegalArgumentException("unet channels must list 1.." + MAX_LEVELS + " levels, got " + channels);
        }
        channels = List.copyOf(channels);
        if (groups < 1) throw new IllegalArgumentException("unet groups must be >= 1, got " + groups);
        for (int c : channels) {
            if (c < 1 || c % groups != 0) {
                throw new IllegalArgumentException("unet channels must be positive multiples of groups=" + groups + ", got " + c);
            }
        }
        int f = 1 << channels.size();
        if (shape.height() % f != 0 || shape.width() % f != 0 || shape.height() / f < 1 || shape.width() / f < 1) {
            throw new IllegalArgumentException("unet: image shape " + shape + " does not fit " + channels.size()
                    + " downsamplings; height and width must be multiples of " + f + " (or use fewer channels levels)");
        }
    }

    /** Levels L (= downsamplings). */
    public int levels() { return channels.size(); }

    /** Channels of level l (0-based), the bottom (l = L) keeping c_L. */
    public int channels(int l) { return channels.get(Math.min(l, channels.size() - 1)); }

    /** Width T of the noise-level MLP: 4 c_1 [ours]. */
    public int embedWidth() { return 4 * channels.get(0); }

    /** The options as written back: {@code channels=32/64,groups=8}. */
    public String options() {
        StringBuilder b = new StringBuilder("channels=");
        for (int i = 0; i < channels.size(); i++) b.append(i == 0 ? "" : "/").append(channels.get(i));
        return b.append(",groups=").append(groups).toString();
    }

    /**
     * Parses the options after {@code unet:} ("" for the defaults): {@code channels=32/64} (also {@code 32,64}: a
     * comma-separated item without '=' continues the channel list) and {@code groups=8}.
     */
    public static UnetLayout parse(String options, ImageShape shape) {
        List<Integer> ch = new ArrayList<>(DEFAULT_CHANNELS);
        int groups = DEFAULT_GROUPS;
        String last = null;
        if (options != null && !options.isBlank()) {
            boolean channelsGiven = false;
            for (String item : options.split(",")) {
                String it = item.trim().toLowerCase(Locale.ROOT);
                int eq = it.indexOf('=');
                String key = eq < 0 ? last : it.substring(0, eq).trim(), value = eq < 0 ? it : it.substring(eq + 1).trim();
                if (!"channels".equals(key) && !"groups".equals(key)) {
                    throw new IllegalArgumentException("unknown unet option '" + item.trim() + "'; valid: " + KEYS);
                }
                if (key.equals("channels")) {
                    if (!channelsGiven) ch.clear();
                    channelsGiven = true;
                    for (String v : value.split("/")) ch.add(number("channels", v));
                } else {
                    if (eq < 0) throw new IllegalArgumentException("unknown unet option '" + item.trim() + "'; valid: " + KEYS);
                    groups = number("groups", value);
                }
                last = key;
            }
        }
        return new UnetLayout(shape, ch, groups);
    }

    private static int number(String key, String v) {
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("unet " + key + " must be positive integers, got '" + v.trim() + "'");
        }
    }
}
