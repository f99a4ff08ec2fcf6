package org.diffold.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.diffold.core.grid.TimeGrid;
import org.diffold.core.grid.TimeGrids;
import org.diffold.core.sampler.ContinuousScheme;
import org.diffold.core.sampler.Sampler;
import org.diffold.core.sampler.Schemes;
import org.diffold.core.sigma.SigmaGrid;
import org.diffold.core.sigma.SigmaGrids;
import org.diffold.core.solver.SolverProgram;
import org.diffold.core.solver.Solvers;
import org.diffold.core.target.SubspaceTarget;
import org.diffold.lab.experiment.adaptivity.SamplerErrors;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/**
 * The sampler a sampling command runs, when it is not a discrete {@code --design}: a practitioners' sampler
 * ({@code --sampler NAME --sigmas SPEC --steps N}, docs/math.md §3.3) or a continuous-time scheme
 * ({@code --scheme NAME --grid SPEC}, docs/math.md §3.2). Mixed into {@code sample} and {@code error}.
 */
public final class SamplerOptions {
    @Option(names = "--sampler", paramLabel = "NAME[:k=v,..]",
            description = "practitioners' sampler: euler, euler-ancestral, heun, dpm2, dpm2-ancestral, lms, dpmpp-2m, dpmpp-2m-sde, "
                    + "dpmpp-3m-sde, dpmpp-2s-ancestral, unipc, ddim (k-diffusion / diffusers spellings accepted; settings such as "
                    + "eta, s_noise, s_churn, order, solver_type, init after a colon); --steps is the number of sigmas")
    String sampler;

    @Option(names = "--sigmas", paramLabel = "SPEC", defaultValue = "karras",
            description = "noise levels for --sampler: karras[:rho=7,sigma_min=0.002,sigma_max=80], exponential, polyexponential[:rho=1], "
                    + "vp[:beta_d=19.9,beta_min=0.1,eps_s=1e-3], linspace|leading|trailing[:schedule=scaled_linear,T=1000,steps_offset=0,"
                    + "zero_snr=false] or list:s0,s1,..; each with final=zero|sigma_min|none (default: ${DEFAULT-VALUE})")
    String sigmas;

    @Option(names = "--scheme", paramLabel = "NAME",
            description = "continuous-time scheme: ddpm-posterior, exponential-integrator, euler-maruyama, pf-ode-heun (needs --grid)")
    String scheme;

    @Option(names = "--grid", paramLabel = "SPEC",
            description = "time grid for --scheme: potaptchik:kappa=..,L=..,M=.. (or kappa=..,T=..,delta=..), benton:T=..,delta=..,N=.., "
                    + "uniform:T=..,delta=..,K=..")
    String grid;

    /** Which kind of sampler the command line chose. */
    public enum Kind { DESIGN, SAMPLER, SCHEME }

    /** Validates the combination of options; errors name the option and what goes with it. */
    public Kind kind(ParseResult parsed) {
        boolean design = parsed.hasMatchedOption("--design") || parsed.hasMatchedOption("--schedule");
        if (sampler != null && scheme != null) throw new UsageException("--sampler and --scheme exclude each other; give one");
        if ((sampler != null || scheme != null) && design) {
            throw new UsageException("--design/--schedule do not go with " + (sampler != null ? "--sampler" : "--scheme")
                    + "; the discrete designs use --design, the samplers --sampler --sigmas, the schemes --scheme --grid");
        }
        if (parsed.hasMatchedOption("--sigmas") && sampler == null) throw new UsageException("--sigmas needs --sampler");
        if (grid != null && scheme == null) throw new UsageException("--grid needs --scheme");
        if (scheme != null && grid == null) throw new UsageException("--scheme " + scheme + " needs --grid SPEC, e.g. --grid potaptchik:kappa=0.1,L=50,M=70");
        if (scheme != null && parsed.hasMatchedOption("--steps")) throw new UsageException("--steps does not go with --scheme; the --grid fixes the steps");
        if (sampler != null && parsed.hasMatchedOption("--denoise")) {
            throw new UsageException("--denoise does not go with --sampler; end the sigmas at 0 instead (final=zero, the default)");
        }
        return sampler != null ? Kind.SAMPLER : scheme != null ? Kind.SCHEME : Kind.DESIGN;
    }

    /** The sigma grid with N = {@code steps}. */
    public SigmaGrid sigmaGrid(int steps) { return SigmaGrids.parse(sigmas, steps); }

    /** The compiled solver program. */
    public SolverProgram program(int steps) { return Solvers.parse(sampler).program(sigmaGrid(steps)); }

    /** The continuous-time scheme. */
    public ContinuousScheme continuousScheme() { return Schemes.parse(scheme); }

    /** The time grid. */
    public TimeGrid timeGrid() { return TimeGrids.parse(grid); }

    /** The sampler to run (data-scale output for --sampler). */
    public Sampler sampler(Kind kind, int steps, boolean denoise) {
        return switch (kind) {
            case SAMPLER -> new org.diffold.core.solver.SolverSampler(program(steps), false);
            case SCHEME -> continuousScheme().sampler(timeGrid(), denoise);
            case DESIGN -> throw new IllegalStateException("designs run through ProblemOptions");
        };
    }

    /** Exact errors (ordered map) for --sampler or --scheme on the target. */
    public Map<String, Object> exactErrors(Kind kind, SubspaceTarget target, int steps, long seed) {
        return kind == Kind.SAMPLER ? SamplerErrors.solver(target, program(steps), seed)
                : SamplerErrors.scheme(target, continuousScheme(), timeGrid(), seed);
    }

    /** The options describing the chosen sampler, for JSON output. */
    public Map<String, Object> describe(Kind kind, int steps) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (kind == Kind.SAMPLER) {
            SolverProgram p = program(steps);
            m.put("sampler", Solvers.parse(sampler).name());
            m.put("sigmas", sigmaGrid(steps).description());
            m.put("steps", steps);
            m.put("evaluations", p.evaluations());
            m.put("output_sigma", p.outputSigma());
        } else {
            TimeGrid g = timeGrid();
            m.put("scheme", continuousScheme().name());
            m.put("grid", g.description());
            m.put("steps", g.steps());
            m.put("horizon", g.horizon());
            m.put("delta", g.delta());
        }
        return m;
    }
}
