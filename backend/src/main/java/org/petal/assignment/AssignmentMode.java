package org.petal.assignment;

/** Arm of a time study: with the AI engines, or by hand (brush only). */
public enum AssignmentMode { AI_ASSISTED, MANUAL }
