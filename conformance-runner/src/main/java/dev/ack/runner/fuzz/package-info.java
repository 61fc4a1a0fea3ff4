/**
 * {@code kit fuzz}: generative differential checking. Random valid programs of an area, made from a seed,
 * run on the implementation and on the reference; a divergence the spec does not allow is shrunk to a
 * minimal program and written as a scenario of the area's features.
 */
package dev.ack.runner.fuzz;
