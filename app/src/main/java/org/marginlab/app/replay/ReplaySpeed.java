package org.marginlab.app.replay;

/** Playback speeds of the replay: multiples of its base rate ({@link ReplayViewModel#rate()}). */
public enum ReplaySpeed {
    X1(1), X2(2), X5(5), X10(10), X30(30);

    private final int factor;

    ReplaySpeed(int factor) {
        this.factor = factor;
    }

    /** @return the multiple of the base rate */
    public int factor() {
        return factor;
    }

    @Override
    public String toString() {
        return factor + "×";
    }
}
