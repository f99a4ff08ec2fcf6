package org.diffold.cli;

import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code diffold reproduce <paper>}: one subcommand per reproduced claim; each writes a report with plots. */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = "Reproduce a paper's claim: exact numbers, simulated checks, run store and HTML report.",
        footerHeading = "%nExamples:%n",
        footer = {"  diffold reproduce li-yan            the full Li & Yan table (about a minute)",
                  "  diffold reproduce li-yan --quick    a smaller grid in seconds",
                  "  diffold reproduce potaptchik        steps vs intrinsic and ambient dimension (under a minute)",
                  "  diffold reproduce sild --quick      SiLD vs VAE latent diffusion on Fashion-MNIST (about 2 minutes)"})
public final class ReproduceCommand implements Runnable {
    /** One factory per reproduction, in the order shown by {@code --help}. */
    static final List<Supplier<Object>> EXPERIMENTS = List.of(
            ReproduceLiYanCommand::new,
            ReproducePotaptchikCommand::new,
            LearnedScoresCommand::new,
            ReproduceSildCommand::new,
            ReproduceAdaptivityCommand::new
    );

    @Spec CommandSpec spec;

    /** Registers the reproductions as subcommands of a command line built for this command. */
    static CommandLine withSubcommands() {
        CommandLine cl = new CommandLine(new ReproduceCommand());
        for (Supplier<Object> f : EXPERIMENTS) cl.addSubcommand(f.get());
        return cl;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing experiment; valid: "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
