package org.diffold.core.sampler;

import java.util.List;

/** Name -> coefficient design: {@code li-yan}, {@code classic}, {@code ho-large}, {@code ddim}, {@code ddim-eta[:eta]} (docs/math.md §3.1). */
public final class Designs {
    /** Valid names. */
    public static final List<String> NAMES = List.of("li-yan", "classic", "ho-large", "ddim", "ddim-eta");

    private Designs() {}

    /** Parses a design name; {@code ddim-eta} takes an optional {@code :eta} in [0, 1] (default 0.5). */
    public static CoefficientDesign parse(String spec) {
        String s = spec.trim();
        if (s.startsWith("ddim-eta")) {
            String rest = s.substring("ddim-eta".length());
            if (rest.isEmpty()) return new DdimEtaDesign(0.5);
            if (rest.startsWith(":") || rest.startsWith("=")) {
                String v = rest.substring(1).replace("eta=", "");
                try {
                    return new DdimEtaDesign(Double.parseDouble(v));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("design ddim-eta: eta must be a number in [0, 1], got '" + v + "'");
                }
            }
        }
        switch (s) {
            case "li-yan": return new LiYanDesign();
            case "classic": return new ClassicDesign();
            case "ho-large": return new HoLargeDesign();
            case "ddim": return new DdimDesign();
            default:
                throw new IllegalArgumentException("unknown design '" + spec + "'; valid: " + String.join(", ", NAMES));
        }
    }
}
