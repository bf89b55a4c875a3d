package org.petal.ml.segment;

/** Kinds of interaction an engine may support; clients grey out what a session does not list. */
public enum Interaction {
    INCLUDE_POINT,
    EXCLUDE_POINT
}
