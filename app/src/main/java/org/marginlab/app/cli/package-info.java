/**
 * The {@code marginlab} command line (spec workspace-and-cli.md §2), built with picocli:
 * {@link org.marginlab.app.cli.MarginLabCommand} and its subcommands {@code calc},
 * {@code avg-entry} and {@code target}. Opened to {@code info.picocli} for reflection.
 */
package org.marginlab.app.cli;
