/**
 * The MarginLab desktop app and command line. One launcher: no arguments opens the window, a
 * subcommand runs the CLI.
 */
module org.marginlab.app {
    requires org.marginlab.engine;

    requires java.logging;
    // Help → Update tier tables: the venues' public endpoints (org.marginlab.app.tiers)
    requires java.net.http;
    requires javafx.controls;
    requires org.controlsfx.controls;
    requires org.kordamp.ikonli.javafx;
    requires org.kordamp.ikonli.materialdesign2;
    requires atlantafx.base;
    requires com.fasterxml.jackson.databind;
    requires info.picocli;
    // lessons: the steps' Markdown (course.MarkdownView)
    requires org.commonmark;
    // File → Export and `marginlab export`: the PDF handout (OpenPDF, as a module: app/openpdf-module)
    // the CSV of the tables and the replay's price paths (workspace.PathCsv)
    requires com.github.librepdf.openpdf;
    requires org.apache.commons.csv;
    // the number formats of View → Number format (German, French, Swiss …): without it the
    // linked image has only the English locale data and every format prints 1,234.56
    requires jdk.localedata;

    exports org.marginlab.app;
    // the start-up floor org.marginlab.app.startup.BareWindow is an Application: JavaFX creates it
    exports org.marginlab.app.startup to javafx.graphics;

    // picocli reflects on @Command/@Option fields and methods
    opens org.marginlab.app.cli to info.picocli;
}
