/**
 * Sizing and trade arithmetic that needs no venue rules: average entry price of several fills
 * (linear and inverse) and the target exit price for a return on equity
 * (spec margin-formulas.md §1.4, §2.7). Used by the {@code avg-entry} and {@code target}
 * commands (spec workspace-and-cli.md §2.2).
 */
package org.marginlab.engine.sizing;
