package org.streamml.streaming.cluster;

/** A user record type for tests: must be registered to cross the wire. */
record TestPoint(String label, double[] xs) {
}
