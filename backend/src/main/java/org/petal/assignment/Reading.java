package org.petal.assignment;

/** How many annotators read each case of a bulk assignment. */
public enum Reading {
    /** One annotator per case. */
    SINGLE(1),
    /** Two different annotators per case (for inter-reader agreement). */
    DOUBLE(2);

    private final int readers;

    Reading(int readers) {
        this.readers = readers;
    }

    /** Annotators per case. */
    public int readers() {
        return readers;
    }
}
