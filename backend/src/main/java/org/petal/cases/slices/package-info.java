/**
 * Slices and MIPs of a case as small binary frames (uint16 levels with the scale back to SUV) for viewers;
 * the wire format is {@link org.petal.cases.slices.SliceFrame} and {@code docs/slices.md}.
 */
package org.petal.cases.slices;
