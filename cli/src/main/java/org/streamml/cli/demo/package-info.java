/**
 * The end-to-end demos behind {@code streamml demo NAME}: each is a {@link org.streamml.cli.demo.Demo}
 * registered by name in {@link org.streamml.cli.demo.Demos}.
 */
package org.streamml.cli.demo;
