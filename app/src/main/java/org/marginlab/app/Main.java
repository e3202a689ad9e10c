package org.marginlab.app;

import javafx.application.Application;

/**
 * The single entry point: no arguments opens the window, anything else is the command line.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        if (args.length == 0) {
            Application.launch(MarginLabApp.class, args);
            return;
        }
        // The picocli command line (org.marginlab.app.cli) is wired in later.
        System.err.println("not yet");
        System.exit(2);
    }
}
