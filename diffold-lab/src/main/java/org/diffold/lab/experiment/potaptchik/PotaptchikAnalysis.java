package org.diffold.lab.experiment.potaptchik;

import org.diffold.lab.experiment.common.LogLogFit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.diffold.lab.experiment.potaptchik.PotaptchikResult.Fit;
import org.diffold.lab.experiment.potaptchik.PotaptchikResult.LatticePoint;
import org.diffold.lab.experiment.potaptchik.PotaptchikResult.Needed;

/** Derived quantities of the Potaptchik reproduction: steps needed per (scheme, eps, d, D) and fitted power laws. */
final class PotaptchikAnalysis {
    /** Lattice points with kappa at most this enter the KL-versus-kappa exponent fits (asymptotic regime, ours). */
    static final double KAPPA_FIT_MAX = 0.1;
    /** d used for the steps-versus-D fits (ours). */
    static final int D_FOR_AMBIENT_FIT = 8;

    private PotaptchikAnalysis() {}

    static List<LatticePoint> ofScheme(List<LatticePoint> all, String scheme) {
        List<LatticePoint> out = new ArrayList<>();
        for (LatticePoint p : all) if (p.scheme().equals(scheme)) out.add(p);
        out.sort((a, b) -> Integer.compare(a.steps(), b.steps()));
        return out;
    }

    static List<Needed> stepsNeeded(PotaptchikConfig config, List<LatticePoint> lattice) {
        List<Needed> out = new ArrayList<>();
        for (String scheme : PotaptchikExperiment.MAIN_SCHEMES) {
            List<LatticePoint> pts = ofScheme(lattice, scheme);
            List<LatticePoint> uniq = new ArrayList<>();
            for (LatticePoint p : pts) if (uniq.isEmpty() || uniq.get(uniq.size() - 1).steps() < p.steps()) uniq.add(p);
            int[] k = new int[uniq.size()];
            for (int i = 0; i < k.length; i++) k[i] = uniq.get(i).steps();
            for (double eps : config.eps()) {
                for (int d : config.intrinsicDims()) {
                    for (int f : config.ambientFactors()) {
                        double[] kl = new double[k.length];
                        for (int i = 0; i < k.length; i++) kl[i] = uniq.get(i).product(d, d * f).kl();
                        out.add(new Needed(scheme, eps, d, d * f, StepsNeeded.find(k, kl, eps)));
                    }
                }
            }
        }
        return out;
    }

    static List<Fit> fits(PotaptchikConfig config, List<LatticePoint> lattice, List<Needed> needed) {
        List<Fit> out = new ArrayList<>();
        for (String scheme : PotaptchikExperiment.MAIN_SCHEMES) {
            for (double eps : config.eps()) {
                for (int f : config.ambientFactors()) {
                    List<double[]> xy = new ArrayList<>();
                    for (Needed n : needed) {
                        if (n.scheme().equals(scheme) && n.eps() == eps && n.dim() == n.d() * f && n.steps().status() == StepsNeeded.Status.FOUND) {
                            xy.add(new double[] {n.d(), n.steps().interpolatedSteps()});
                        }
                    }
                    add(out, String.format(Locale.ROOT, "K needed vs d: %s, eps=%.3g, D=%dd", scheme, eps, f), xy);
                }
                List<double[]> xy = new ArrayList<>();
                for (Needed n : needed) {
                    if (n.scheme().equals(scheme) && n.eps() == eps && n.d() == D_FOR_AMBIENT_FIT && n.steps().status() == StepsNeeded.Status.FOUND) {
                        xy.add(new double[] {n.dim(), n.steps().interpolatedSteps()});
                    }
                }
                add(out, String.format(Locale.ROOT, "K needed vs D: %s, eps=%.3g, d=%d", scheme, eps, D_FOR_AMBIENT_FIT), xy);
            }
            List<double[]> pi = new ArrayList<>(), pm = new ArrayList<>();
            for (LatticePoint p : ofScheme(lattice, scheme)) {
                if (p.kappa() > KAPPA_FIT_MAX) continue;
                if (p.pi().kl() > 0) pi.add(new double[] {p.kappa(), p.pi().kl()});
                if (p.pointMass().kl() > 1e-15) pm.add(new double[] {p.kappa(), p.pointMass().kl()});
            }
            add(out, "KL_pi vs kappa: " + scheme, pi);
            if (pm.size() == pi.size()) add(out, "KL_point-mass vs kappa: " + scheme, pm);
        }
        return out;
    }

    /** eps_score^2 must exceed this multiple of KL_0 for a run to enter the perturbation fits (ours). */
    static final double SCORE_DOMINATED = 100;

    /**
     * Power law of the KL excess over the exact-score run, KL - KL_0, versus the step-weighted eps_score^2, per field,
     * over the runs where the score error dominates (eps^2 &gt;= 100 KL_0). Below that the excess is a first-order
     * cross term with the discretisation error and can even be negative.
     */
    static List<Fit> perturbationFits(List<PotaptchikResult.Perturbed> runs) {
        List<Fit> out = new ArrayList<>();
        if (runs.isEmpty()) return out;
        double kl0 = runs.get(0).product().kl();
        for (String prefix : new String[] {"sine", "random-fourier"}) {
            List<double[]> xy = new ArrayList<>();
            for (PotaptchikResult.Perturbed p : runs) {
                double excess = p.product().kl() - kl0;
                if (p.field().startsWith(prefix) && p.epsStepWeighted() >= SCORE_DOMINATED * kl0 && excess > 0) {
                    xy.add(new double[] {p.epsStepWeighted(), excess});
                }
            }
            add(out, "KL - KL_0 vs step-weighted eps_score^2: " + prefix + " field", xy);
        }
        return out;
    }

    private static void add(List<Fit> out, String what, List<double[]> xy) {
        long distinct = xy.stream().mapToDouble(p -> p[0]).distinct().count();
        if (xy.size() < 3 || distinct < 2) return;
        double[] x = new double[xy.size()], y = new double[xy.size()];
        for (int i = 0; i < x.length; i++) { x[i] = xy.get(i)[0]; y[i] = xy.get(i)[1]; }
        out.add(new Fit(what, LogLogFit.of(x, y)));
    }
}
