/**
 * Handouts: the workspace as a PDF (positions, every figure, the derivations of the key figures,
 * the isolated-vs-cross comparison, vector charts), its tables as CSV and its charts as PNG. The
 * content is gathered once into a {@link org.marginlab.app.export.HandoutModel} from the same
 * view-models the window shows; the PDF is a list of {@link org.marginlab.app.export.HandoutSection}s
 * written with OpenPDF. Plain Java: no scene graph, no file access (the bytes go to
 * {@code workspace.AtomicSave} or the command line).
 */
package org.marginlab.app.export;
