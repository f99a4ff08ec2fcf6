package org.diffold.core.solver;

import java.util.List;
import java.util.Locale;

/**
 * Name -&gt; solver (docs/math.md §3.3). Accepts the spellings of k-diffusion ({@code sample_dpmpp_2m}, {@code dpmpp_2m}),
 * A1111 ({@code DPM++ 2M}, {@code Euler a}) and diffusers ({@code DPMSolverMultistep}, {@code EulerDiscrete}, ...):
 * names are lower-cased, {@code sample_} / {@code k_} prefixes dropped, '_' and ' ' read as '-', "++" as "pp".
 * Settings follow a colon: {@code dpmpp-2m-sde:solver_type=heun,eta=1}.
 */
public final class Solvers {
    /** Canonical names. */
    public static final List<String> NAMES = List.of("euler", "euler-ancestral", "heun", "dpm2", "dpm2-ancestral", "lms",
            "dpmpp-2m", "dpmpp-2m-sde", "dpmpp-3m-sde", "dpmpp-2s-ancestral", "unipc", "ddim");

    private Solvers() {}

    /** The canonical name of a user's spelling, or the normalised spelling if unknown. */
    public static String canonical(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT).replace("++", "pp").replace('_', '-').replace(' ', '-');
        if (n.startsWith("sample-")) n = n.substring(7);
        if (n.startsWith("k-")) n = n.substring(2);
        n = n.replace("dpm-2", "dpm2").replace("-a", "-ancestral").replace("ancestralncestral", "ancestral");
        if (n.endsWith("scheduler")) n = n.substring(0, n.length() - 9);
        return switch (n) {
            case "euler-discrete", "eulerdiscrete" -> "euler";
            case "eulerancestraldiscrete", "euler-ancestral-discrete", "euler-ancestraldiscrete" -> "euler-ancestral";
            case "heundiscrete", "heun-discrete" -> "heun";
            case "kdpm2discrete", "dpm2discrete" -> "dpm2";
            case "kdpm2ancestraldiscrete", "dpm2ancestraldiscrete" -> "dpm2-ancestral";
            case "lmsdiscrete", "lms-discrete", "lms-ancestral" -> "lms";
            case "dpmsolvermultistep", "dpmpp2m", "dpm-solver-pp-2m", "dpmpp-2m-karras" -> "dpmpp-2m";
            case "dpmpp-2m-sde-karras", "dpmpp2m-sde" -> "dpmpp-2m-sde";
            case "dpmpp-3m-sde-karras" -> "dpmpp-3m-sde";
            case "dpmpp-2s", "dpmpp-2s-a" -> "dpmpp-2s-ancestral";
            case "unipcmultistep", "uni-pc" -> "unipc";
            case "ddimscheduler" -> "ddim";
            default -> n;
        };
    }

    /** Parses {@code NAME[:key=value,...]}; errors name the sampler, the setting and what is allowed. */
    public static Solver parse(String spec) {
        String s = spec.trim();
        int colon = s.indexOf(':');
        String name = canonical(colon < 0 ? s : s.substring(0, colon));
        String rest = colon < 0 ? "" : s.substring(colon + 1);
        return switch (name) {
            case "euler" -> new Euler(SolverSettings.parse(name, rest, 1, ""));
            case "euler-ancestral" -> new EulerAncestral(SolverSettings.parse(name, rest, 1, ""));
            case "heun" -> new Heun(SolverSettings.parse(name, rest, 2, ""));
            case "dpm2" -> new Dpm2(SolverSettings.parse(name, rest, 2, ""));
            case "dpm2-ancestral" -> new Dpm2Ancestral(SolverSettings.parse(name, rest, 2, ""));
            case "lms" -> new Lms(SolverSettings.parse(name, rest, 4, ""));
            case "dpmpp-2m" -> new Dpmpp2m(SolverSettings.parse(name, rest, 2, ""));
            case "dpmpp-2m-sde" -> new Dpmpp2mSde(SolverSettings.parse(name, rest, 2, "midpoint"));
            case "dpmpp-3m-sde" -> new Dpmpp3mSde(SolverSettings.parse(name, rest, 3, ""));
            case "dpmpp-2s-ancestral" -> new Dpmpp2sAncestral(SolverSettings.parse(name, rest, 2, ""));
            case "unipc" -> new UniPc(SolverSettings.parse(name, rest, 2, "bh2"));
            case "ddim" -> new Ddim(SolverSettings.parse(name, rest, 1, ""));
            default -> throw new IllegalArgumentException("unknown sampler '" + spec.trim() + "'; valid: " + String.join(", ", NAMES)
                    + " (k-diffusion, A1111 and diffusers spellings such as dpmpp_2m or 'DPM++ 2M' are accepted)");
        };
    }
}
