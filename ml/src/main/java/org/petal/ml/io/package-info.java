/**
 * Input errors shared by every reader. Each exception carries a message written for the person who
 * supplied the file; readers never leave partial output behind when they throw.
 */
package org.petal.ml.io;
