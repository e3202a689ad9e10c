/**
 * The workspace document: {@link org.marginlab.app.workspace.Workspace} (an account's inputs),
 * its file format ({@link org.marginlab.app.workspace.WorkspaceFile}, spec workspace-and-cli.md
 * §1: hostile files refused by name, crash-safe saves with a {@code .bak} of the previous
 * version), the upgrade path of its {@code version}
 * ({@link org.marginlab.app.workspace.WorkspaceMigrations}) and the bundled
 * {@link org.marginlab.app.workspace.Samples}.
 */
package org.marginlab.app.workspace;
