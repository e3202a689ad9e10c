/**
 * The workspace document: {@link org.marginlab.app.workspace.Workspace} (an account's inputs),
 * its file format ({@link org.marginlab.app.workspace.WorkspaceFile}, spec workspace-and-cli.md
 * §1) and the bundled {@link org.marginlab.app.workspace.Samples}.
 */
package org.marginlab.app.workspace;
