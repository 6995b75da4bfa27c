/**
 * The end-to-end demos behind {@code streamml demo NAME}, built on the library modules only: each is a
 * {@link org.streamml.demos.Demo} registered by name in {@link org.streamml.demos.Demos}.
 */
package org.streamml.demos;
