/**
 * The MarginLab margin engine: pure Java, {@code BigDecimal} arithmetic, no JavaFX and no I/O
 * beyond its own bundled tier tables.
 */
module org.marginlab.engine {
    exports org.marginlab.engine;
    exports org.marginlab.engine.tier;
    exports org.marginlab.engine.venue;
    exports org.marginlab.engine.sizing;
    exports org.marginlab.engine.whatif;
    exports org.marginlab.engine.transfer;
    exports org.marginlab.engine.derivation;
    exports org.marginlab.engine.explain;
    exports org.marginlab.engine.replay;
}
