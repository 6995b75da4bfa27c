/**
 * Serializable functional interfaces for user code passed to the engine, named as in Spark's Java API.
 * Every one extends {@link java.io.Serializable} so that a lambda can later be shipped to worker processes.
 */
package org.streamml.streaming.function;
