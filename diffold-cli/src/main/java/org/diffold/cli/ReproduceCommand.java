package org.diffold.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code diffold reproduce <experiment>}: one subcommand per reproduced claim. */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = "Reproduce an experiment; results go to the run store, a report to runs/<run-id>/.",
        subcommands = {LearnedScoresCommand.class})
final class ReproduceCommand implements Runnable {
    @Spec private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing experiment; valid: "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
