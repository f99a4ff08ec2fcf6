/**
 * The {@code diffold} command line: {@link org.diffold.cli.Main} (entry point and the subcommand registry), the
 * {@link org.diffold.cli.CommonOptions} every command mixes in, uniform error reporting ({@link
 * org.diffold.cli.CliErrors}: one line on stderr, exit 2 for usage errors and 1 for failures), and the plumbing
 * commands share: {@link org.diffold.cli.Progress}, {@link org.diffold.cli.HeapGuard}, {@link
 * org.diffold.cli.OutputPaths}. Commands stay thin: they parse, validate and call diffold-lab.
 */
package org.diffold.cli;
